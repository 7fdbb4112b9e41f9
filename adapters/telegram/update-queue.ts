import type { Update } from "grammy/types";

export interface UpdateQueueOptions {
  handle: (update: Update) => Promise<void>;
  onError: (err: unknown, update: Update) => void;
  /** Updates handled at once (the bot keeps one chat's updates in order itself). */
  concurrency?: number;
  /** Recent update ids remembered to drop Telegram's re-deliveries. */
  remember?: number;
}

/**
 * Webhook updates are acknowledged at once and handled here, off the request: a bounded
 * number at a time, re-deliveries dropped, and `drain()` waits for what was accepted.
 * Updates pushed before `start()` wait until the bot is ready.
 */
export function createUpdateQueue(options: UpdateQueueOptions) {
  const concurrency = options.concurrency ?? 50;
  const remember = options.remember ?? 5000;
  const waiting: Update[] = [];
  const seen = new Set<number>();
  const idle: (() => void)[] = [];
  let running = 0;
  let started = false;
  let closed = false;

  function settle() {
    if (running === 0 && waiting.length === 0) for (const done of idle.splice(0)) done();
  }

  function pump() {
    while (started && running < concurrency && waiting.length > 0) {
      const update = waiting.shift()!;
      running++;
      options
        .handle(update)
        .catch((err) => options.onError(err, update))
        .finally(() => {
          running--;
          pump();
          settle();
        });
    }
  }

  return {
    /** Accepts an update; false when it was seen already. */
    push(update: Update): boolean {
      if (seen.has(update.update_id)) return false;
      seen.add(update.update_id);
      if (seen.size > remember) seen.delete(seen.values().next().value as number);
      waiting.push(update);
      pump();
      return true;
    },
    start() {
      started = true;
      pump();
    },
    size: () => running + waiting.length,
    /** False once draining for shutdown: the webhook then answers 503 and Telegram retries later. */
    accepting: () => !closed,
    /** Stops accepting, then resolves once nothing waits or runs (or after `timeoutMs`). */
    drain(timeoutMs = 10_000): Promise<void> {
      closed = true;
      if (running === 0 && (waiting.length === 0 || !started)) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        idle.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}

export type UpdateQueue = ReturnType<typeof createUpdateQueue>;
