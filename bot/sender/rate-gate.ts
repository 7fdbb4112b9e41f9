/** Raised to waiters when the gate closes before their turn. */
export class GateClosedError extends Error {
  constructor() {
    super("sender stopped");
    this.name = "GateClosedError";
  }
}

export interface RateGateOptions {
  /** Most messages per second overall. */
  perSecond: number;
  /** Least time between two messages to the same chat, in ms. */
  perChatMs: number;
  /** Monotonic milliseconds; tests may replace it. */
  now?: () => number;
}

interface Waiter {
  resolve: () => void;
  reject: (err: Error) => void;
}

/**
 * Hands out send slots: at most `perSecond` a second overall (evenly spaced, so a
 * sliding one-second window never sees more) and one per `perChatMs` per chat. Chats
 * take turns in arrival order; a chat that must wait does not hold up the others.
 * `pause(ms)` holds every slot back (a 429 `retry_after`).
 */
export class RateGate {
  private readonly interval: number;
  private readonly now: () => number;
  private readonly queues = new Map<string, Waiter[]>();
  private readonly cooling = new Map<string, NodeJS.Timeout>();
  private ready: string[] = [];
  private nextSlot = 0;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly options: RateGateOptions) {
    this.interval = 1000 / options.perSecond;
    this.now = options.now ?? (() => performance.now());
  }

  /** Resolves when one message to `chat` may go; `first` jumps the chat's queue (a retry). */
  acquire(chat: string, first = false): Promise<void> {
    if (this.closed) return Promise.reject(new GateClosedError());
    return new Promise<void>((resolve, reject) => {
      const queue = this.queues.get(chat);
      if (queue) {
        if (first) queue.unshift({ resolve, reject });
        else queue.push({ resolve, reject });
        return;
      }
      this.queues.set(chat, [{ resolve, reject }]);
      if (!this.cooling.has(chat)) this.ready.push(chat);
      this.kick();
    });
  }

  /** Holds every slot back for `ms` from now. */
  pause(ms: number): void {
    this.nextSlot = Math.max(this.nextSlot, this.now() + ms);
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.kick();
  }

  /** Messages waiting for a slot. */
  pending(): number {
    let n = 0;
    for (const q of this.queues.values()) n += q.length;
    return n;
  }

  /** Rejects every waiter and refuses new ones. */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const t of this.cooling.values()) clearTimeout(t);
    for (const q of this.queues.values()) for (const w of q) w.reject(new GateClosedError());
    this.queues.clear();
    this.cooling.clear();
    this.ready = [];
  }

  private kick(): void {
    if (this.timer || this.closed || this.ready.length === 0) return;
    const wait = this.nextSlot - this.now();
    this.timer = setTimeout(() => this.pump(), Math.max(0, wait));
  }

  private pump(): void {
    this.timer = undefined;
    const now = this.now();
    if (now < this.nextSlot) {
      this.kick();
      return;
    }
    const chat = this.ready.shift();
    if (chat === undefined) return;
    const queue = this.queues.get(chat)!;
    const waiter = queue.shift()!;
    if (queue.length === 0) this.queues.delete(chat);
    // A slot fired slightly late keeps the schedule (no drift); after a stall the schedule
    // restarts from now instead of catching up in a burst.
    const base = now - this.nextSlot < this.interval / 4 ? this.nextSlot : now;
    this.nextSlot = base + this.interval;
    this.cool(chat);
    waiter.resolve();
    this.kick();
  }

  private cool(chat: string): void {
    const timer = setTimeout(() => {
      this.cooling.delete(chat);
      if (this.queues.has(chat)) {
        this.ready.push(chat);
        this.kick();
      }
    }, this.options.perChatMs);
    this.cooling.set(chat, timer);
  }
}
