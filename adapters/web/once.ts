/**
 * Runs each keyed request once: a page that sends a message again after a lost answer
 * (patchy data) gets the first answer back instead of a second message. Remembers the
 * last `max` keys, in memory.
 */
export function createOnce<T>(max = 5000): (key: string | undefined, run: () => Promise<T>) => Promise<T> {
  const seen = new Map<string, Promise<T>>();
  return (key, run) => {
    if (!key) return run();
    const known = seen.get(key);
    if (known) return known;
    const p = run();
    seen.set(key, p);
    p.catch(() => seen.delete(key));
    if (seen.size > max) seen.delete(seen.keys().next().value!);
    return p;
  };
}
