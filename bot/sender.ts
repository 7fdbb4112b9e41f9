import type { Channel, Outbound } from "./model";

/**
 * How one send ended. `permanent` failures are never retried; `blocked` means the person
 * blocked the bot or the chat is gone (they are marked inactive). A temporary failure may
 * say how long to wait (`retryAfterMs`, e.g. a 429).
 */
export type SendOutcome =
  | { ok: true }
  | { ok: false; permanent: boolean; reason: string; blocked?: boolean; retryAfterMs?: number };

/** What the dispatcher tells a sender about one send. */
export interface SendOptions {
  /** The outbox row's delivery id: the same id on a re-send after a crash (for de-duplication). */
  deliveryId?: string;
}

/**
 * A channel's way of sending: replies and the outbox's proactive messages (officer notices,
 * replies to reports, broadcasts). The sender owns its channel's policy (rate limits, retries
 * of a single call, message splitting). Adapters provide one per channel and register it.
 */
export interface Sender {
  channel: Channel;
  send(chatId: string, message: Outbound, options?: SendOptions): Promise<SendOutcome>;
}
