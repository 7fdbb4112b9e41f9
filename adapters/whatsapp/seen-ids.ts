import { createHash } from "node:crypto";
import type { Store } from "../../bot/store/types";

interface SeenDoc {
  id: string;
  at: number;
}

/**
 * Message ids already handled, kept durably in a store collection so a delivery repeated
 * after a reconnect or a restart is handled once. Ids are stored only as a hash: WhatsApp
 * message ids contain the sender's number. Entries older than `keepMs` are forgotten.
 */
export function createSeenIds(
  store: Store,
  name: string,
  options: { keepMs?: number; now?: () => number } = {},
) {
  const docs = store.collection<SeenDoc>(name);
  const keepMs = options.keepMs ?? 3 * 24 * 3600_000;
  const now = options.now ?? Date.now;
  let nextSweep = 0;
  const key = (messageId: string) => createHash("sha256").update(messageId).digest("hex").slice(0, 32);

  function sweep(at: number) {
    if (at < nextSweep) return;
    nextSweep = at + 3600_000;
    for (const doc of docs.find((d) => d.at < at - keepMs)) docs.delete(doc.id);
  }

  return {
    /** True the first time an id is seen (and records it); false for a repeat. */
    first(messageId: string): boolean {
      const at = now();
      sweep(at);
      const id = key(messageId);
      if (docs.get(id)) return false;
      docs.put({ id, at });
      return true;
    },
  };
}

export type SeenIds = ReturnType<typeof createSeenIds>;
