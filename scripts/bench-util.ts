import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** Percentile of a sorted numeric array (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/** Total bytes of the files below `dir`. */
export function diskBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => {
    const p = join(dir, name);
    const s = statSync(p);
    return sum + (s.isDirectory() ? diskBytes(p) : s.size);
  }, 0);
}

/** Tracks peak resident memory by sampling. */
export function rssSampler(everyMs = 50): { peakMb(): number; stop(): void } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, everyMs);
  timer.unref();
  return {
    peakMb: () => Math.max(peak, process.memoryUsage.rss()) / 1024 / 1024,
    stop: () => clearInterval(timer),
  };
}

/** Prints figures for people, then (with --json) one JSON object on the last line. */
export function report(
  title: string,
  figures: Record<string, number | string | boolean>,
  json: boolean,
): void {
  process.stdout.write(`\n${title}\n`);
  for (const [k, v] of Object.entries(figures)) process.stdout.write(`  ${k.padEnd(22)} ${v}\n`);
  if (json) process.stdout.write(`${JSON.stringify(figures)}\n`);
}

/** Yields to timers and I/O, so background writes interleave with the work as in a server. */
export const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A deterministic pseudo-random generator (mulberry32), so runs are comparable. */
export function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
