import type { VoteRepository } from "../store/repositories";

export type { VoteRecord } from "../store/repositories";

export const VOTES_COLLECTION = "faq-votes";

/** Adds one vote for a topic. */
export function recordVote(votes: VoteRepository, topic: string, helpful: boolean) {
  return votes.add(topic, helpful);
}
