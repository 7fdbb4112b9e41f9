/** Raised to waiters when the gate closes before their turn. */
export class GateClosedError extends Error {
  constructor() {
    super("sender stopped");
    this.name = "GateClosedError";
  }
}

export interface RateGateOptions {
  /** Most messages per second overall (hard limit over any one-second window). */
  perSecond: number;
  /** Share of `perSecond` used for the even spacing between messages (default 0.98). */
  pace?: number;
  /** Least time between the end of one message to a chat and the next, in ms. */
  perChatMs: number;
  /** Safety added to the one-second window, in ms (default 10). */
  marginMs?: number;
  /** Missed slots that may be made up after a stall (default 3). */
  catchUp?: number;
  /** Monotonic milliseconds; tests may replace it. */
  now?: () => number;
}

/** Call once the API call of a slot has finished (successfully or not). */
export type Release = () => void;

interface Waiter {
  resolve: (release: Release) => void;
  reject: (err: Error) => void;
  reply?: boolean;
}

/**
 * Hands out send slots under two limits: at most `perSecond` in any one-second window
 * overall, and one per `perChatMs` per chat. Slots are spaced evenly (no bursts). The
 * window counts each call from when it went out until its answer came back, so the
 * server, which sees the call somewhere in between, never sees more than the limit,
 * however late a call travels. Chats take turns in arrival order; a chat that must
 * wait does not hold up the others. `pause(ms)` holds every slot back (a 429).
 */
export class RateGate {
  private readonly interval: number;
  private readonly windowMs: number;
  private readonly catchUp: number;
  private readonly now: () => number;
  private readonly queues = new Map<string, Waiter[]>();
  private readonly cooling = new Map<string, NodeJS.Timeout>();
  /** Chats with a call in flight (their per-chat wait starts when it ends). */
  private readonly busy = new Set<string>();
  /** Answer times (ascending) of calls that may still fall in the current window. */
  private readonly ended: number[] = [];
  private ready: string[] = [];
  private inFlight = 0;
  private nextSlot = 0;
  private timer: NodeJS.Timeout | undefined;
  private timerAt = 0;
  private closed = false;

  constructor(private readonly options: RateGateOptions) {
    this.interval = 1000 / (options.perSecond * (options.pace ?? 0.98));
    this.windowMs = 1000 + (options.marginMs ?? 10);
    this.catchUp = options.catchUp ?? 3;
    this.now = options.now ?? (() => performance.now());
  }

  /**
   * Resolves with a release function when one message to `chat` may go; `first` jumps the
   * chat's queue. A `reply` (the answer to what the person just sent) counts against the
   * overall limit and keeps the chat's order, but leaves no per-chat pause behind it.
   */
  acquire(chat: string, first = false, reply = false): Promise<Release> {
    if (this.closed) return Promise.reject(new GateClosedError());
    return new Promise<Release>((resolve, reject) => {
      const queue = this.queues.get(chat);
      if (queue) {
        if (first) queue.unshift({ resolve, reject, reply });
        else queue.push({ resolve, reject, reply });
        return;
      }
      this.queues.set(chat, [{ resolve, reject, reply }]);
      if (!this.cooling.has(chat) && !this.busy.has(chat)) this.ready.push(chat);
      this.kick();
    });
  }

  /** Holds every slot back for `ms` from now. */
  pause(ms: number): void {
    this.nextSlot = Math.max(this.nextSlot, this.now() + ms);
    this.kick(true);
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

  /** Milliseconds until the window has room, 0 when it has. */
  private windowWait(now: number): number {
    while (this.ended.length && this.ended[0]! <= now - this.windowMs) this.ended.shift();
    if (this.inFlight + this.ended.length < this.options.perSecond) return 0;
    // Full: wait for the oldest answered call to leave the window, or for an answer.
    return this.ended.length ? this.ended[0]! + this.windowMs - now : Number.POSITIVE_INFINITY;
  }

  private kick(reschedule = false): void {
    if (this.closed || this.ready.length === 0) return;
    const now = this.now();
    const wait = Math.max(this.nextSlot - now, this.windowWait(now), 0);
    if (wait === Number.POSITIVE_INFINITY) return;
    const at = now + wait;
    if (this.timer && !reschedule && this.timerAt <= at) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => this.pump(), wait);
  }

  private pump(): void {
    this.timer = undefined;
    const now = this.now();
    if (now < this.nextSlot || this.windowWait(now) > 0) {
      this.kick();
      return;
    }
    const chat = this.ready.shift();
    if (chat === undefined) return;
    const queue = this.queues.get(chat)!;
    const waiter = queue.shift()!;
    if (queue.length === 0) this.queues.delete(chat);
    // A slot fired late keeps the schedule (no drift): after a stall, up to `catchUp`
    // missed slots go out back to back, never more (and never over the window's limit).
    const base = Math.max(this.nextSlot, now - this.interval * this.catchUp);
    this.nextSlot = base + this.interval;
    this.inFlight++;
    this.busy.add(chat);
    let released = false;
    waiter.resolve(() => {
      if (released) return;
      released = true;
      this.inFlight--;
      this.ended.push(this.now());
      this.busy.delete(chat);
      if (waiter.reply) this.uncooled(chat);
      else this.cool(chat);
      this.kick();
    });
    this.kick();
  }

  /** After a reply: the chat's next message may go at once. */
  private uncooled(chat: string): void {
    if (this.closed || !this.queues.has(chat) || this.cooling.has(chat)) return;
    this.ready.push(chat);
  }

  private cool(chat: string): void {
    if (this.closed) return;
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
