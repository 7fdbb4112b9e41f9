import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../bot/logger";
import type { Channel, Outbound } from "../../bot/model";
import { createDispatcher } from "../../bot/outbox/dispatcher";
import { PROJECT_ROOT } from "../../bot/paths";
import type { Sender, SendOutcome } from "../../bot/sender";
import { createMemoryStore } from "../../bot/store/open-store";
import { createStoreOutbox } from "../../bot/store/outbox-store";
import { fixedClock } from "../helpers/make-bot";

function scriptedSender(outcomes: Record<string, SendOutcome[]>) {
  const calls: { chatId: string; message: Outbound; deliveryId?: string }[] = [];
  const sender: Sender = {
    channel: "telegram",
    async send(chatId, message, options) {
      calls.push({ chatId, message, deliveryId: options?.deliveryId });
      return outcomes[chatId]?.shift() ?? { ok: true };
    },
  };
  return { sender, calls };
}

function setup(outcomes: Record<string, SendOutcome[]> = {}) {
  const clock = fixedClock("2026-12-01T10:00:00Z");
  const outbox = createStoreOutbox(createMemoryStore());
  const { sender, calls } = scriptedSender(outcomes);
  const senders = new Map<Channel, Sender>([["telegram", sender]]);
  const dispatcher = createDispatcher({
    outbox,
    senders,
    log: createLogger("silent"),
    clock,
    backoffMs: 1000,
    maxAttempts: 3,
  });
  const enqueue = (...chats: string[]) =>
    outbox.enqueue(
      chats.map((chatId) => ({
        effect: "e1",
        kind: "test",
        channel: "telegram" as Channel,
        chatId,
        message: { text: `hi ${chatId}` },
      })),
      clock(),
    );
  return { clock, outbox, dispatcher, calls, enqueue, senders };
}

describe("outbox dispatcher", () => {
  it("sends each row once with its delivery id and records it sent", async () => {
    const t = setup();
    const [row] = await t.enqueue("1");
    expect(await t.dispatcher.runOnce()).toBe(1);
    expect(t.calls).toEqual([{ chatId: "1", message: { text: "hi 1" }, deliveryId: row?.id }]);
    expect((await t.outbox.get(row?.id ?? ""))?.status).toBe("sent");
    expect(await t.dispatcher.runOnce()).toBe(0);
  });

  it("retries a temporary failure after its backoff (or retry_after), then gives up after maxAttempts", async () => {
    const temp: SendOutcome = { ok: false, permanent: false, reason: "503" };
    const t = setup({ a: [temp], b: [temp, temp, temp], c: [{ ...temp, retryAfterMs: 30_000 }] });
    await t.enqueue("a", "b", "c");
    await t.dispatcher.runOnce();
    expect((await t.outbox.counts()).queued).toBe(3);
    t.clock.advance(500);
    expect(await t.dispatcher.runOnce()).toBe(0); // not due yet
    t.clock.advance(600);
    await t.dispatcher.runOnce(); // a sent, b fails again
    t.clock.advance(2100);
    await t.dispatcher.runOnce(); // b's third attempt fails: final
    t.clock.advance(30_000);
    await t.dispatcher.runOnce(); // c after its retry_after
    const rows = await t.outbox.byEffect("e1");
    const by = Object.fromEntries(rows.map((r) => [r.chatId, r]));
    expect(by.a?.status).toBe("sent");
    expect(by.b).toMatchObject({ status: "failed", attempts: 3, reason: "gave up: 503" });
    expect(by.c?.status).toBe("sent");
  });

  it("records blocked and permanent failures without retrying them", async () => {
    const t = setup({
      x: [{ ok: false, permanent: true, blocked: true, reason: "403 blocked" }],
      y: [{ ok: false, permanent: true, reason: "400 bad" }],
    });
    await t.enqueue("x", "y");
    await t.dispatcher.runOnce();
    t.clock.advance(3_600_000);
    await t.dispatcher.runOnce();
    const by = Object.fromEntries((await t.outbox.byEffect("e1")).map((r) => [r.chatId, r]));
    expect(by.x?.status).toBe("blocked");
    expect(by.y?.status).toBe("failed");
    expect(t.calls).toHaveLength(2);
  });

  it("a sender that throws counts as a temporary failure", async () => {
    const t = setup();
    t.senders.set("telegram", {
      channel: "telegram",
      send: async () => {
        throw new Error("socket hang up");
      },
    });
    const [row] = await t.enqueue("z");
    await t.dispatcher.runOnce();
    expect(await t.outbox.get(row?.id ?? "")).toMatchObject({ status: "queued", reason: "socket hang up" });
  });

  it("keeps rows of a channel with no sender queued until one registers", async () => {
    const t = setup();
    await t.outbox.enqueue(
      [{ effect: "e2", kind: "test", channel: "whatsapp", chatId: "w", message: { text: "x" } }],
      t.clock(),
    );
    await t.dispatcher.runOnce();
    expect((await t.outbox.counts()).queued).toBe(1);
    const wa = scriptedSender({});
    t.senders.set("whatsapp", { ...wa.sender, channel: "whatsapp" });
    const [row] = await t.outbox.byEffect("e2");
    const settled = t.dispatcher.settled(row?.id ?? "", 5000);
    t.dispatcher.kick();
    expect((await settled)?.status).toBe("sent");
  });
});

describe("outbox after a crash (child process killed mid-dispatch)", () => {
  it("loses nothing, and re-sends no more rows than were in flight", async () => {
    const tsx = join(PROJECT_ROOT, "node_modules", ".bin", "tsx");
    const child = spawn(tsx, [join(PROJECT_ROOT, "scripts", "bench-outbox.ts"), "--rows", "600", "--json"], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (d) => {
      out += String(d);
    });
    const code = await new Promise((r) => child.once("exit", r));
    expect(code).toBe(0);
    const result = JSON.parse(out.trim().split("\n").at(-1) ?? "{}");
    expect(result).toMatchObject({ rows: 600, lost: 0, duplicates: 0, crash_lost: 0 });
    expect(result.sent).toBe(594); // 1 % permanent failures are never sent
    expect(result.crash_duplicates).toBeLessThanOrEqual(result.in_flight);
  }, 120_000);
});
