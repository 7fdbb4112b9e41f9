import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../bot/paths";
import { openFileStore } from "../../bot/store/open-store";
import { type FakeTelegram, startFakeTelegram } from "../fakes/telegram-api";

const N = 300;
let fake: FakeTelegram | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** Starts the bot process; resolves when it exits (killed or done), killing it once `killAt` messages arrived. */
function runChild(dir: string, f: FakeTelegram, killAt?: number) {
  const tsx = join(PROJECT_ROOT, "node_modules", ".bin", "tsx");
  const child = spawn(
    tsx,
    [
      join(PROJECT_ROOT, "test", "officers", "fixtures", "broadcast-child.ts"),
      dir,
      f.apiRoot,
      f.token,
      String(N),
    ],
    { env: { ...process.env, NODE_ENV: "production" }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  let err = "";
  child.stdout.on("data", (d) => {
    out += String(d);
  });
  child.stderr.on("data", (d) => {
    err += String(d);
  });
  const timer =
    killAt === undefined
      ? undefined
      : setInterval(() => {
          if (f.calls("sendMessage").length >= killAt) child.kill("SIGKILL");
        }, 2);
  return new Promise<{ signal: string | null; out: string; err: string }>((resolve) => {
    child.on("exit", (_code, signal) => {
      if (timer) clearInterval(timer);
      resolve({ signal, out, err });
    });
  });
}

describe("a broadcast survives kill -9 in the middle of sending", () => {
  it("after a restart everyone gets it at least once; duplicates are no more than the rows in flight", async () => {
    fake = await startFakeTelegram({ perSecond: 1000 });
    const dir = mkdtempSync(join(tmpdir(), "broadcast-crash-"));
    const first = await runChild(dir, fake, N / 2);
    expect(first.signal, first.err).toBe("SIGKILL");
    const atKill = fake.calls("sendMessage").length;
    expect(atKill).toBeLessThan(N);

    // What the killed process left on disk: rows recorded sent are never sent again.
    const disk = await openFileStore(dir, { readOnly: true });
    const rows = disk.collection<{ id: string; status: string; chatId: string }>("outbox").all();
    const inFlight = rows.filter((r) => r.status === "sending").length;
    const recordedSent = new Set(rows.filter((r) => r.status === "sent").map((r) => r.chatId));
    await disk.close();
    expect(rows).toHaveLength(N);
    expect(recordedSent.size).toBeGreaterThan(0);

    const second = await runChild(dir, fake);
    expect(second.out, second.err).toContain("done");
    const byChat = new Map<string, number>();
    for (const c of fake.calls("sendMessage")) {
      if (c.status !== 200) continue;
      const chat = String(c.payload.chat_id);
      byChat.set(chat, (byChat.get(chat) ?? 0) + 1);
    }
    const everyone = Array.from({ length: N }, (_, i) => String(1000 + i));
    expect(everyone.filter((c) => !byChat.has(c))).toEqual([]);
    const duplicates = [...byChat.values()].reduce((s, n) => s + n - 1, 0);
    expect(duplicates).toBeLessThanOrEqual(inFlight);
    // Nobody recorded as sent before the kill got it a second time.
    expect([...recordedSent].filter((c) => (byChat.get(c) ?? 0) > 1)).toEqual([]);

    const done = await openFileStore(dir, { readOnly: true });
    const after = done.collection<{ id: string; status: string }>("outbox").all();
    expect(after.filter((r) => r.status === "sent")).toHaveLength(N);
    const b = done.collection<{ id: string; status: string }>("broadcasts").all();
    expect(b.map((x) => x.status)).toEqual(["done"]);
    await done.close();
  });
});
