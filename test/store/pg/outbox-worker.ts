/*
 * One outbox worker process for test/store/pg/outbox-processes.test.ts: the real dispatcher on
 * the PostgreSQL outbox, with a fake Telegram sender that writes every send into `test_sends`.
 * Runs passes until the outbox has no queued or sending rows, then prints how many it sent.
 * argv: DATABASE_URL schema worker-name
 */
import pino from "pino";
import { createDispatcher } from "../../../bot/outbox/dispatcher";
import type { Sender } from "../../../bot/sender";
import { openPgRepositories } from "../../../bot/store/pg-repositories";

const [url = "", schema = "", worker = "w"] = process.argv.slice(2);
const repos = await openPgRepositories(url, { schema, max: 3 });
let sent = 0;
const sender: Sender = {
  channel: "telegram",
  async send(chatId, _message, options) {
    await repos.db.query("insert into test_sends (delivery_id, chat_id, worker) values ($1, $2, $3)", [
      options?.deliveryId ?? "",
      chatId,
      worker,
    ]);
    sent++;
    return { ok: true };
  },
};
const dispatcher = createDispatcher({
  outbox: repos.outbox,
  senders: new Map([["telegram", sender]]),
  log: pino({ level: "silent" }),
  clock: () => new Date(),
  batch: 25,
});
for (;;) {
  await dispatcher.runOnce();
  const c = await repos.outbox.counts();
  if (c.queued === 0 && c.sending === 0) break;
}
process.stdout.write(`${JSON.stringify({ worker, sent })}\n`);
await repos.close();
