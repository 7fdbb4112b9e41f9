import { expect, it } from "vitest";
import { loadConfig } from "../../../bot/config";
import { createLogger } from "../../../bot/logger";
import type { HandleResult } from "../../../bot/model";
import { createPgPersonLock } from "../../../bot/store/pg/pg-person-lock";
import { openPgRepositories, type PgRepositories } from "../../../bot/store/pg-repositories";
import { createBot } from "../../../bot/wiring";
import { CAPABILITIES } from "../../../flows/capabilities";
import { fixedClock } from "../../helpers/make-bot";
import { describePg, useTestDatabase } from "../../helpers/postgres";

const db = useTestDatabase("privacy");
const CHAT = "5550123987";
const KEY = `telegram:${CHAT}`;
const text = (r: HandleResult) => r.replies.map((x) => x.text).join("\n");

/** Every row of every table of the schema, as text: what `grep` over a dump of the database sees. */
async function dump(repos: PgRepositories): Promise<string> {
  const { rows } = await repos.db.query<{ table_name: string }>(
    "select table_name from information_schema.tables where table_schema = $1 and table_type = 'BASE TABLE'",
    [repos.schema],
  );
  let out = "";
  for (const { table_name } of rows) {
    const r = await repos.db.query<{ t: string | null }>(
      `select string_agg(x::text, E'\\n') as t from "${repos.schema}"."${table_name}" x`,
    );
    out += `${table_name}:\n${r.rows[0]?.t ?? ""}\n`;
  }
  return out;
}

describePg("privacy on PostgreSQL", () => {
  it("datasaya shows what is stored; hapusdata deletes it, and the chat id is nowhere in the database", async () => {
    const repos = await openPgRepositories(db.url, { fresh: true });
    try {
      const clock = fixedClock();
      const bot = createBot({
        capabilities: CAPABILITIES,
        config: loadConfig({ RATE_LIMIT_PER_MINUTE: "1000" }),
        repos,
        log: createLogger("silent"),
        clock,
        personLock: createPgPersonLock(repos.db),
      });
      await bot.ready();
      const say = (x: string | { choice: string }, chat = CHAT) => {
        clock.advance(1000);
        const body = typeof x === "string" ? { text: x } : x;
        return bot.core.handle({ channel: "telegram", chatId: chat, at: clock(), ...body });
      };
      await say("menu");
      await say("laporkan");
      await say("Sponsor menyimpan ijazah saya dan minta tebusan");
      await say("Pak Dedi, 0812-1010-2020");
      await say({ choice: "report:skip" });
      await say({ choice: "report:other-contact" });
      await say("0899-1234-5678");
      const done = await say({ choice: "report:send" });
      const ref = (done.meta.report as { ref: string }).ref;
      // Documents other features keep about the person, and a shared one naming them inside.
      await repos.kv.put("deliveries", "d-1", { channel: "telegram", chatId: CHAT, broadcast: "b1" });
      await repos.kv.put("lists", "b1", { recipients: [KEY, "telegram:777"] });
      await say("menu", "777");
      expect(await dump(repos)).toContain(CHAT);

      const shown = await say("datasaya");
      expect(text(shown)).toContain(ref);
      expect(text(shown)).toMatch(/deliveries: 1/);
      await say("hapusdata");
      const deleted = await say("Ya, hapus");
      expect(deleted.meta.deleted).toBe(true);

      const after = await dump(repos);
      expect(after).not.toContain(CHAT);
      expect(after).not.toContain("0899");
      const report = await repos.reports.byReference(ref);
      expect(report?.what).toContain("ijazah");
      expect(report?.reporterKey).toBeUndefined();
      expect(await repos.people.get("telegram:777")).toBeDefined();
      expect(await repos.kv.get("lists", "b1")).toMatchObject({ recipients: ["telegram:777"] });
    } finally {
      await repos.close();
    }
  });
});
