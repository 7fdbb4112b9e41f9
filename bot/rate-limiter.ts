/**
 * A token bucket per key: `perMinute` messages a minute with bursts up to `burst`.
 * Memory stays bounded: buckets idle long enough to be full again are dropped.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private lastSweep = 0;

  constructor(
    private readonly perMinute: number,
    private readonly burst = Math.max(5, Math.ceil(perMinute / 3)),
  ) {}

  /** Takes one token for `key` at time `now` (ms); false when the key is over its limit. */
  take(key: string, now: number): boolean {
    this.sweep(now);
    const rate = this.perMinute / 60_000;
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + (now - b.at) * rate);
    b.at = now;
    this.buckets.set(key, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    const full = (this.burst / this.perMinute) * 60_000;
    for (const [k, b] of this.buckets) if (now - b.at > full) this.buckets.delete(k);
  }
}
