import type { Channel, Outbound } from "../model";

/** queued → sending (durable, leased) → sent | failed | blocked; a temporary failure goes back to queued. */
export type OutboxStatus = "queued" | "sending" | "sent" | "failed" | "blocked";
export const OUTBOX_STATUSES: readonly OutboxStatus[] = ["queued", "sending", "sent", "failed", "blocked"];

/** What an effect asks to send to one recipient. */
export interface NewOutboxRow {
  /** The effect that causes it, e.g. `report-notice:MA-7K3Q9`; one row per (effect, recipient). */
  effect: string;
  /** Who reacts to the outcome (e.g. `report-notice`, `report-reply`, `broadcast`). */
  kind: string;
  channel: Channel;
  chatId: string;
  message: Outbound;
}

/** One delivery: a message for one recipient, with its delivery id and history. */
export interface OutboxRow extends NewOutboxRow {
  /** The delivery id: `<effect>|<channel>:<chatId>`, stable across retries and crashes. */
  id: string;
  status: OutboxStatus;
  attempts: number;
  /** Not claimed before this time (ISO). */
  nextAttempt: string;
  /** While sending: the claim ends at this time; after it the row is re-queued (a crash). */
  leaseUntil?: string;
  reason?: string;
  createdAt: string;
  updatedAt: string;
  sentAt?: string;
}

/** The outcome the dispatcher records for a claimed row. */
export type OutboxResult =
  | { status: "sent" }
  | { status: "queued"; reason: string; nextAttempt: Date }
  | { status: "failed" | "blocked"; reason: string };

/**
 * The durable outbox. Every method maps onto one SQL statement or transaction (PostgreSQL:
 * `insert … on conflict do nothing`, `… for update skip locked` claim, `update … where
 * lease_until < now()` reaper); the lowdb implementation flushes before `claim` resolves, so
 * the "sending" mark is on disk before the channel is called.
 */
export interface OutboxRepository {
  /** Adds rows; a row whose delivery id exists already is left as it is. Durable on return. */
  enqueue(rows: NewOutboxRow[], now: Date): Promise<OutboxRow[]>;
  /** Claims up to `limit` queued rows of a channel due at `now`: marks them sending (durably) with a lease. */
  claim(channel: Channel, limit: number, now: Date, leaseMs: number): Promise<OutboxRow[]>;
  /**
   * Claims one chat's due rows, as `claim` does: for channels that collect their messages
   * (the web page takes its messages when it polls) rather than have them pushed.
   */
  claimChat(
    channel: Channel,
    chatId: string,
    limit: number,
    now: Date,
    leaseMs: number,
  ): Promise<OutboxRow[]>;
  /** Fails a channel's queued rows created before `createdBefore` (never collected); returns them. */
  expireQueued(channel: Channel, createdBefore: Date, reason: string, now: Date): Promise<OutboxRow[]>;
  /** Records a claimed row's outcome. A sent or failed row drops its message text. */
  record(id: string, result: OutboxResult, now: Date): Promise<OutboxRow | undefined>;
  /** Puts rows whose lease expired back in the queue (their process died mid-send). Returns how many. */
  reapExpired(now: Date): Promise<number>;
  get(id: string): Promise<OutboxRow | undefined>;
  byEffect(effect: string): Promise<OutboxRow[]>;
  /** Channels with queued rows (due or not). */
  channelsWaiting(): Promise<Channel[]>;
  counts(): Promise<Record<OutboxStatus, number>>;
  /** Deletes finished rows last changed before `before` (retention). Returns how many. */
  pruneFinished(before: Date): Promise<number>;
}

/** The delivery id of one (effect, recipient). */
export function deliveryId(row: Pick<NewOutboxRow, "effect" | "channel" | "chatId">): string {
  return `${row.effect}|${row.channel}:${row.chatId}`;
}
