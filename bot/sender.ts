import type { Channel, Outbound } from "./model";

/** How one proactive send ended. Permanent failures (blocked, chat not found) are never retried. */
export type SendOutcome = { ok: true } | { ok: false; permanent: boolean; reason: string };

/**
 * Proactive messages (officer notices, replies to reports, broadcasts) go through a
 * Sender per channel, which honours that channel's limits. Adapters provide them.
 */
export interface Sender {
  channel: Channel;
  send(chatId: string, message: Outbound): Promise<SendOutcome>;
}
