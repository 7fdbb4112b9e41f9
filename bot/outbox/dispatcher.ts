import type { Logger } from "pino";
import type { Channel } from "../model";
import type { Sender, SendOutcome } from "../sender";
import type { OutboxRepository, OutboxResult, OutboxRow } from "./types";

export interface DispatcherOptions {
  outbox: OutboxRepository;
  /** The channels' senders, read on every pass (adapters register theirs when they start). */
  senders: ReadonlyMap<Channel, Sender>;
  log: Logger;
  clock: () => Date;
  /** Rows claimed per channel and pass (default 30, about a second of Telegram). */
  batch?: number;
  /** How long a claim lasts before another pass may take the row again (default 2 min). */
  leaseMs?: number;
  /** Attempts before a temporary failure becomes final (default 5). */
  maxAttempts?: number;
  /** First retry delay; doubled per attempt, at most an hour (default 5 s). */
  backoffMs?: number;
}

/** Called with a row once its outcome is recorded (e.g. to update the report notice). */
export type OutcomeListener = (row: OutboxRow) => Promise<void> | void;

/** Sends the outbox: claim → durable "sending" → send → record; retries with backoff; re-queues expired leases. */
export interface Dispatcher {
  /** Runs a pass soon (after an effect was committed, or a sender registered). */
  kick(): void;
  /** One pass over every channel that has a sender; the number of rows handled. */
  runOnce(): Promise<number>;
  /** Resolves once every pass asked for so far is done. */
  idle(): Promise<void>;
  /** Passes every `intervalMs` (retries, expired leases), until `stop()`. */
  start(intervalMs?: number): void;
  stop(): Promise<void>;
  onOutcome(kind: string, listener: OutcomeListener): void;
  /** The row once it is finished (or queued again), or undefined after `timeoutMs`. */
  settled(id: string, timeoutMs: number): Promise<OutboxRow | undefined>;
  /**
   * For a channel that collects its messages (the web page, when it polls): claims this chat's
   * due rows (durably "sending", with a lease) and hands them over. Rows not confirmed before the
   * lease ends are handed over again.
   */
  take(channel: Channel, chatId: string, limit?: number): Promise<OutboxRow[]>;
  /** The chat confirmed it has these rows: recorded sent, outcome listeners told. Returns how many. */
  confirm(channel: Channel, chatId: string, ids: readonly string[]): Promise<number>;
}

const HOUR = 3_600_000;

/** Maps a sender's outcome onto the row's next status. */
export function resultOf(
  outcome: SendOutcome,
  row: OutboxRow,
  now: Date,
  o: Required<Pick<DispatcherOptions, "maxAttempts" | "backoffMs">>,
): OutboxResult {
  if (outcome.ok) return { status: "sent" };
  if (outcome.permanent) return { status: outcome.blocked ? "blocked" : "failed", reason: outcome.reason };
  if (row.attempts >= o.maxAttempts) return { status: "failed", reason: `gave up: ${outcome.reason}` };
  const wait = outcome.retryAfterMs ?? Math.min(HOUR, o.backoffMs * 2 ** Math.max(0, row.attempts - 1));
  return { status: "queued", reason: outcome.reason, nextAttempt: new Date(now.getTime() + wait) };
}

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { outbox, senders, log, clock } = options;
  const batch = options.batch ?? 30;
  const leaseMs = options.leaseMs ?? 120_000;
  const policy = { maxAttempts: options.maxAttempts ?? 5, backoffMs: options.backoffMs ?? 5_000 };
  const listeners = new Map<string, OutcomeListener[]>();
  const waiters = new Map<string, ((row: OutboxRow) => void)[]>();
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  async function deliver(sender: Sender, row: OutboxRow): Promise<void> {
    let outcome: SendOutcome;
    try {
      outcome = await sender.send(row.chatId, row.message, { deliveryId: row.id });
    } catch (err) {
      outcome = { ok: false, permanent: false, reason: (err as Error)?.message ?? String(err) };
    }
    const now = clock();
    await finish(row, resultOf(outcome, row, now, policy), now);
  }

  /** Records an outcome and tells the listeners and waiters. */
  async function finish(row: OutboxRow, result: OutboxResult, now: Date): Promise<void> {
    const recorded = await outbox.record(row.id, result, now);
    if (!recorded) return;
    if (recorded.status !== "sent") {
      log.warn(
        { delivery: row.effect, channel: row.channel, status: recorded.status, reason: recorded.reason },
        "outbox delivery not sent",
      );
    }
    for (const listener of listeners.get(row.kind) ?? []) {
      try {
        await listener(recorded);
      } catch (err) {
        log.error({ err, kind: row.kind }, "outbox outcome listener failed");
      }
    }
    for (const w of waiters.get(row.id) ?? []) w(recorded);
    waiters.delete(row.id);
  }

  async function runOnce(): Promise<number> {
    await outbox.reapExpired(clock());
    let handled = 0;
    for (const [channel, sender] of senders) {
      const rows = await outbox.claim(channel, batch, clock(), leaseMs);
      await Promise.all(rows.map((row) => deliver(sender, row)));
      handled += rows.length;
    }
    return handled;
  }

  function kick(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          if ((await runOnce()) > 0) again = true;
        } catch (err) {
          log.error({ err }, "outbox pass failed");
          again = false;
        }
      } while (again && !stopped);
    })().finally(() => {
      running = undefined;
    });
  }

  return {
    kick,
    runOnce,
    async idle() {
      while (running) await running;
    },
    start(intervalMs = 1000) {
      if (timer) return;
      timer = setInterval(kick, intervalMs);
      timer.unref();
      kick();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      while (running) await running;
    },
    onOutcome(kind, listener) {
      listeners.set(kind, [...(listeners.get(kind) ?? []), listener]);
    },
    settled(id, timeoutMs) {
      return new Promise((resolve) => {
        const t = setTimeout(() => {
          waiters.set(
            id,
            (waiters.get(id) ?? []).filter((w) => w !== done),
          );
          resolve(undefined);
        }, timeoutMs);
        const done = (row: OutboxRow) => {
          clearTimeout(t);
          resolve(row);
        };
        waiters.set(id, [...(waiters.get(id) ?? []), done]);
      });
    },
    take(channel, chatId, limit = batch) {
      return outbox.claimChat(channel, chatId, limit, clock(), leaseMs);
    },
    async confirm(channel, chatId, ids) {
      let n = 0;
      for (const id of new Set(ids)) {
        const row = await outbox.get(id);
        if (row?.status !== "sending" || row.channel !== channel || row.chatId !== chatId) continue;
        await finish(row, { status: "sent" }, clock());
        n++;
      }
      return n;
    },
  };
}
