import { spawn } from "node:child_process";
import { join } from "node:path";
import { expect, it } from "vitest";
import type { NewOutboxRow } from "../../../bot/outbox/types";
import { openPgRepositories } from "../../../bot/store/pg-repositories";
import { describePg, useTestDatabase } from "../../helpers/postgres";

const db = useTestDatabase("outbox_processes");
const ROWS = 3000;

function worker(url: string, schema: string, name: string): Promise<{ worker: string; sent: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(import.meta.dirname, "outbox-worker.ts"), url, schema, name],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      err += d;
    });
    child.on("exit", (code) => {
      if (code === 0) resolve(JSON.parse(out.trim().split("\n").pop() ?? "{}"));
      else reject(new Error(`worker ${name} exited ${code}: ${err}`));
    });
  });
}

describePg("the outbox with several processes", () => {
  it("three processes claiming the same rows send every row once", async () => {
    const repos = await openPgRepositories(db.url, { fresh: true });
    try {
      await repos.db.query(
        "create table test_sends (delivery_id text not null, chat_id text not null, worker text not null)",
      );
      const rows: NewOutboxRow[] = Array.from({ length: ROWS }, (_, i) => ({
        effect: `broadcast:B${i % 3}`,
        kind: i % 10 === 0 ? "report-notice" : "broadcast",
        channel: "telegram",
        chatId: String(1000 + i),
        message: { text: `message ${i}` },
      }));
      await repos.outbox.enqueue(rows, new Date());
      const results = await Promise.all(["w1", "w2", "w3"].map((w) => worker(db.url, repos.schema, w)));

      const { rows: stats } = await repos.db.query<{ sends: number; distinct: number; workers: number }>(
        "select count(*)::int as sends, count(distinct delivery_id)::int as distinct, count(distinct worker)::int as workers from test_sends",
      );
      expect(stats[0]).toEqual({ sends: ROWS, distinct: ROWS, workers: 3 });
      expect(results.reduce((n, r) => n + r.sent, 0)).toBe(ROWS);
      expect((await repos.outbox.counts()).sent).toBe(ROWS);
      const { rows: attempts } = await repos.db.query<{ max: number }>(
        "select max(attempts)::int as max from outbox",
      );
      expect(attempts[0]?.max).toBe(1);
      process.stderr.write(
        `outbox, 3 processes: ${results.map((r) => `${r.worker} ${r.sent}`).join(", ")}\n`,
      );
    } finally {
      await repos.close();
    }
  });
});
