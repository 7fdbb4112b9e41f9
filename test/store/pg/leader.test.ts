import { spawn } from "node:child_process";
import { join } from "node:path";
import pg from "pg";
import { expect, it } from "vitest";
import { startLeadership } from "../../../bot/store/pg/pg-leader";
import { describePg, useTestDatabase } from "../../helpers/postgres";

const db = useTestDatabase("leader");

async function until(what: string, check: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describePg("leader election for channel senders", () => {
  it("one process leads a channel at a time; another takes over when the leader dies or stops", async () => {
    // The first leader is a child process, killed with SIGKILL once it leads.
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(import.meta.dirname, "leader-child.ts"), db.url],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let childLeads = false;
    child.stdout.on("data", (d) => {
      childLeads ||= String(d).includes("leader");
    });
    const pools = [1, 2].map(() => new pg.Pool({ connectionString: db.url, max: 3 }));
    for (const p of pools) p.on("error", () => {});
    try {
      await until("the child leads", () => childLeads);
      const leaders = pools.map((p) => startLeadership(p, "sender:telegram", { retryMs: 50 }));
      const other = startLeadership(pools[0] as pg.Pool, "sender:whatsapp", { retryMs: 50 });
      try {
        await until("whatsapp has its own leader", () => other.isLeader());
        await new Promise((r) => setTimeout(r, 300));
        expect(leaders.filter((l) => l.isLeader())).toHaveLength(0);

        child.kill("SIGKILL");
        await until("a new leader after the kill", () => leaders.some((l) => l.isLeader()));
        await new Promise((r) => setTimeout(r, 300));
        expect(leaders.filter((l) => l.isLeader())).toHaveLength(1);

        // A leader that stops hands over.
        const second = leaders.findIndex((l) => l.isLeader());
        await leaders[second]?.stop();
        await until("a new leader after stop", () => leaders.some((l, i) => i !== second && l.isLeader()));
      } finally {
        for (const l of [...leaders, other]) await l.stop();
      }
    } finally {
      child.kill("SIGKILL");
      for (const p of pools) await p.end();
    }
  });
});
