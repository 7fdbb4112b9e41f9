import { createHash } from "node:crypto";
import type { SeenRepository } from "../../bot/store/repositories";

/**
 * Message ids already handled, kept durably (the seen-ids repository) so a delivery repeated
 * after a reconnect or a restart is handled once. Ids are stored only as a hash: WhatsApp
 * message ids contain the sender's number. Entries older than `keepMs` are forgotten.
 */
export function createSeenIds(
  repo: SeenRepository,
  name: string,
  options: { keepMs?: number; now?: () => number } = {},
) {
  const keepMs = options.keepMs ?? 3 * 24 * 3600_000;
  const now = options.now ?? Date.now;
  let nextSweep = 0;
  const key = (messageId: string) => createHash("sha256").update(messageId).digest("hex").slice(0, 32);

  return {
    /** True the first time an id is seen (and records it); false for a repeat. */
    async first(messageId: string): Promise<boolean> {
      const at = now();
      if (at >= nextSweep) {
        nextSweep = at + 3600_000;
        await repo.forget(name, new Date(at - keepMs));
      }
      return repo.first(name, key(messageId), new Date(at));
    },
  };
}

export type SeenIds = ReturnType<typeof createSeenIds>;
