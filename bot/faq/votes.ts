import type { Store } from "../store/types";

/** Helpful / not helpful votes for one topic (counts only). */
export interface VoteRecord {
  id: string;
  up: number;
  down: number;
}

export const VOTES_COLLECTION = "faq-votes";

/** Adds one vote for a topic. */
export function recordVote(store: Store, topic: string, helpful: boolean): VoteRecord {
  const col = store.collection<VoteRecord>(VOTES_COLLECTION);
  const old = col.get(topic) ?? { id: topic, up: 0, down: 0 };
  const next = helpful ? { ...old, up: old.up + 1 } : { ...old, down: old.down + 1 };
  col.put(next);
  return next;
}
