/**
 * Runs work one at a time per key, in arrival order; different keys run in parallel.
 * The in-process form of "one person at a time" (a database uses its own lock instead,
 * e.g. `pg_advisory_xact_lock(hashtext(key))` inside the message's transaction).
 */
export interface PersonLock {
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
}

/** A keyed mutex in one process. Memory stays bounded: a key with no waiters is forgotten. */
export class KeyedMutex implements PersonLock {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key);
    let release!: () => void;
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous ? previous.then(() => mine) : mine;
    this.tails.set(key, tail);
    if (previous) await previous;
    try {
      return await work();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /** Keys with work running or waiting (for tests and health). */
  get size(): number {
    return this.tails.size;
  }
}
