/**
 * bench:places — times the region matcher on every province, kabupaten/kota and kecamatan
 * name of the official list (idn-area-data 4.0.1, about 7,800 names), each as typed, inside
 * a sentence ("saya tinggal di …"), and with one typo. Also counts how many of the plain
 * names find their own region (or offer it among the choices). Target: p99 ≤ 5 ms.
 *   npm run bench:places [-- --json]
 */
import { join } from "node:path";
import { CONTENT_DIR } from "../bot/paths";
import { loadRegionList } from "../bot/places/region-list";
import { createRegionMatcher } from "../bot/places/region-matcher";
import { loadPlaceVocabulary } from "../bot/places/vocabulary";
import { percentile, report, rng } from "./bench-util";

const json = process.argv.includes("--json");
const random = rng(16);

const t0 = performance.now();
const regions = loadRegionList();
const loadMs = performance.now() - t0;
const vocabulary = loadPlaceVocabulary(join(CONTENT_DIR, "places", "aliases.yaml"), regions);
const t1 = performance.now();
const matcher = createRegionMatcher(regions, vocabulary);
const buildMs = performance.now() - t1;

/** One letter swapped for its neighbour, past the first three letters. */
function typo(name: string): string {
  if (name.length < 8) return name;
  const i = 3 + Math.floor(random() * (name.length - 5));
  return name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2);
}

const all = regions.all();
const times: number[] = [];
let found = 0;
for (let round = 0; round < 2; round++) {
  for (const r of all) {
    const texts = [r.name, `saya tinggal di ${r.name.toLowerCase()} dekat pasar`, typo(r.name)];
    texts.forEach((text, i) => {
      const start = performance.now();
      const m = matcher.match(text);
      const ms = performance.now() - start;
      if (round === 0) return;
      times.push(ms);
      if (i === 0 && (m.region?.code === r.code || m.candidates.some((c) => c.code === r.code))) found++;
    });
  }
}
times.sort((a, b) => a - b);
report(
  "bench:places — region matching over the official list",
  {
    names: all.length,
    queries: times.length,
    load_ms: Math.round(loadMs),
    build_ms: Math.round(buildMs),
    p50_ms: Number(percentile(times, 50).toFixed(3)),
    p99_ms: Number(percentile(times, 99).toFixed(3)),
    max_ms: Number(percentile(times, 100).toFixed(3)),
    own_region_found: `${((100 * found) / all.length).toFixed(1)}%`,
  },
  json,
);
