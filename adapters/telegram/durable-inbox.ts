import type { Update } from "grammy/types";
import type { Repositories } from "../../bot/store/repositories";

const SEEN = "telegram-updates";
const INBOX = "telegram-inbox";
/** Telegram gives up re-sending an update after about a day; ids are kept a little longer. */
const KEEP_MS = 3 * 24 * 3600_000;

/**
 * Webhook updates made durable before Telegram is told "ok": each update id is recorded as
 * seen and the update kept until it is handled, both flushed before the acknowledgement. A
 * repeat (Telegram re-sends, also after our restart) is acknowledged and not handled again;
 * an update acknowledged but not handled when the process died is handled after the restart.
 */
export function createDurableInbox(
  repos: Pick<Repositories, "seen" | "kv" | "flush">,
  now = () => new Date(),
) {
  let nextForget = 0;
  return {
    /** Records the update durably; false when it was seen before (acknowledge it, handle nothing). */
    async accept(update: Update): Promise<boolean> {
      const at = now();
      if (at.getTime() >= nextForget) {
        nextForget = at.getTime() + 3600_000;
        await repos.seen.forget(SEEN, new Date(at.getTime() - KEEP_MS));
      }
      const first = await repos.seen.first(SEEN, String(update.update_id), at);
      if (first) await repos.kv.put(INBOX, String(update.update_id), { update });
      // Also for a repeat: what the first delivery wrote is on disk before this "ok".
      await repos.flush();
      return first;
    },
    /** The update was handled: it leaves the inbox (its id stays seen). */
    async done(update: Update): Promise<void> {
      await repos.kv.delete(INBOX, String(update.update_id));
    },
    /** Updates accepted but not handled before the last stop, oldest first. */
    async pending(): Promise<Update[]> {
      const docs = await repos.kv.all<{ update: Update }>(INBOX);
      return docs.map((d) => d.value.update).sort((a, b) => a.update_id - b.update_id);
    },
  };
}

export type DurableInbox = ReturnType<typeof createDurableInbox>;
