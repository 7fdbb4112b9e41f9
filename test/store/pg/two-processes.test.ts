import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../../bot/paths";
import { describePg, useTestDatabase } from "../../helpers/postgres";

const db = useTestDatabase("two_processes");
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill("SIGKILL");
});

interface Reply {
  replies: { text: string; choices?: { id: string }[] }[];
  meta: Record<string, unknown>;
}

/** `npm start` (node --import tsx bot/main.ts) on DATABASE_URL; resolves with its web chat URL. */
function start(name: string): Promise<{ url: string; child: ChildProcess; stderr: () => string }> {
  const dir = mkdtempSync(join(tmpdir(), `ma-pg-${name}-`));
  const loader = pathToFileURL(join(PROJECT_ROOT, "node_modules", "tsx", "dist", "loader.mjs")).href;
  const child = spawn(process.execPath, ["--import", loader, join(PROJECT_ROOT, "bot", "main.ts")], {
    cwd: dir,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: "0",
      HOST: "127.0.0.1",
      DATA_DIR: join(dir, "data"),
      DATABASE_URL: db.url,
      LOG_LEVEL: "warn",
      RATE_LIMIT_PER_MINUTE: "1000",
      TELEGRAM_BOT_TOKEN: "",
    },
  });
  children.push(child);
  let out = "";
  let err = "";
  child.stderr?.on("data", (d) => {
    err += String(d);
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (d) => {
      out += String(d);
      const m = /Web chat: (http:\/\/\S+)/.exec(out);
      if (m?.[1]) resolve({ url: m[1].replace("localhost", "127.0.0.1"), child, stderr: () => err });
    });
    child.on("exit", (code) => reject(new Error(`${name} exited ${code}: ${err}\n${out}`)));
  });
}

async function say(base: string, chat: string, input: string | { choice: string }): Promise<Reply> {
  const body = typeof input === "string" ? { chat, text: input } : { chat, ...input };
  const res = await fetch(`${base}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Reply;
}

describePg("two npm start processes on one DATABASE_URL", () => {
  it("one conversation alternates between them; a report filed through one is found through the other", async () => {
    const [a, b] = await Promise.all([start("a"), start("b")]);
    expect(a.url).not.toBe(b.url);
    const via = [a.url, b.url];
    const chat = "pg-two-1";
    // Every message goes to the other process than the one before.
    const steps: (string | { choice: string })[] = [
      "laporkan",
      "Agen menipu saya, uang 10 juta dibawa kabur",
      "Bu Ani, PT Sinar Jaya Abadi, 0813 1111 2222",
      "Palembang, 3 Oktober 2026",
      { choice: "report:via-chat" },
    ];
    const flows: unknown[] = [];
    for (const [i, step] of steps.entries())
      flows.push((await say(via[i % 2] as string, chat, step)).meta.flow);
    expect(flows.every((f) => f === "report")).toBe(true);
    const done = await say(b.url, chat, { choice: "report:send" });
    const ref = (done.meta.report as { ref: string }).ref;
    expect(ref).toMatch(/^MA-/);

    // Found through the other process, from the reporter's own chat.
    const status = await say(a.url, chat, ref);
    expect(status.meta.report).toMatchObject({ ref, found: true, status: "baru" });

    // Concurrent messages from one person, one to each process: handled one at a time, one report.
    const chat2 = "pg-two-2";
    await say(a.url, chat2, "laporkan");
    await say(b.url, chat2, "Paspor saya ditahan majikan");
    await say(a.url, chat2, { choice: "report:skip" });
    await say(b.url, chat2, "Kuala Lumpur, November 2026");
    await say(a.url, chat2, { choice: "report:anonymous" });
    const both = await Promise.all([
      say(a.url, chat2, { choice: "report:send" }),
      say(b.url, chat2, { choice: "report:send" }),
    ]);
    const refs = both.map((r) => (r.meta.report as { ref?: string } | undefined)?.ref).filter(Boolean);
    expect(new Set(refs).size).toBe(1);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>(
        "select count(*)::int as n from reports where doc->>'what' = 'Paspor saya ditahan majikan'",
      );
      expect(rows[0]?.n).toBe(1);
    } finally {
      await client.end();
    }

    for (const p of [a, b]) p.child.kill("SIGTERM");
    const codes = await Promise.all(
      [a, b].map((p) => new Promise<number | null>((resolve) => p.child.on("exit", (code) => resolve(code)))),
    );
    expect(codes, a.stderr() + b.stderr()).toEqual([0, 0]);
  });
});

it("npm start with an unreachable DATABASE_URL stops, naming it without the password", async () => {
  const dir = mkdtempSync(join(tmpdir(), "ma-pg-bad-"));
  const loader = pathToFileURL(join(PROJECT_ROOT, "node_modules", "tsx", "dist", "loader.mjs")).href;
  const child = spawn(process.execPath, ["--import", loader, join(PROJECT_ROOT, "bot", "main.ts")], {
    cwd: dir,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: "0",
      DATA_DIR: join(dir, "data"),
      // Port 9 (discard) on loopback: nothing listens.
      DATABASE_URL: "postgres://bot:Sup3r-Secret-Pw@127.0.0.1:9/migrasi",
      TELEGRAM_BOT_TOKEN: "",
    },
  });
  let err = "";
  child.stderr.on("data", (d) => {
    err += String(d);
  });
  const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
  expect(code).toBe(1);
  expect(err).toContain("Migrasi Aman cannot start.");
  expect(err).toContain("DATABASE_URL=postgres://bot:***@127.0.0.1:9/migrasi: cannot connect");
  expect(err).not.toContain("Sup3r-Secret-Pw");
});
