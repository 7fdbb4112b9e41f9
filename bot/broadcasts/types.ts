import type { Channel, Outbound } from "../model";
import type { Doc } from "../store/types";
import type { Audience } from "../subscriptions/types";

/** Optional training fields of an announcement (people answer "DAFTAR" to register interest). */
export interface TrainingInfo {
  title: string;
  date?: string;
  place?: string;
  quota?: number;
  howToRegister?: string;
}

export type BroadcastStatus = "scheduled" | "sending" | "done" | "cancelled";

/** A broadcast, in the `broadcasts` collection. The recipients are its outbox rows. */
export interface BroadcastRecord extends Doc {
  createdBy: string;
  createdAt: string;
  text: string;
  training?: TrainingInfo;
  audience: Audience;
  /** Not sent before this time (ISO). */
  scheduleAt?: string;
  status: BroadcastStatus;
  /** Recipients written to the outbox (set at fan-out). */
  total: number;
  /** Set once every recipient's row is in the outbox. */
  fannedOutAt?: string;
  cancelledAt?: string;
  doneAt?: string;
}

export interface BroadcastProgress {
  status: BroadcastStatus;
  total: number;
  sent: number;
  failed: number;
  pending: number;
}

/** The outbox as broadcasts use it (issue 12's OutboxRepository satisfies it). */
export interface BroadcastOutboxRow {
  id: string;
  effect: string;
  channel: Channel;
  chatId: string;
  status: string;
  reason?: string;
}
export interface BroadcastOutbox {
  enqueue(
    rows: { effect: string; kind: string; channel: Channel; chatId: string; message: Outbound }[],
    now: Date,
  ): Promise<BroadcastOutboxRow[]>;
  byEffect(effect: string): Promise<BroadcastOutboxRow[]>;
  get(id: string): Promise<BroadcastOutboxRow | undefined>;
  record(id: string, result: { status: "failed"; reason: string }, now: Date): Promise<unknown>;
}

/** A person's "DAFTAR" to one announcement, in the `broadcast-interest` collection. */
export interface InterestRecord extends Doc {
  broadcast: string;
  userKey: string;
  at: string;
}
