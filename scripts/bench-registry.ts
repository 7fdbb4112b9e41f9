/**
 * bench:registry — generates a 20,000-row registry CSV, imports it with the real
 * `import-registry` command (a fresh process, as an office runs it), then loads it in
 * the registry service and times lookups of every kind: exact names, licence numbers
 * in several spellings, typos, extra and missing words, family sentences, people, and
 * names that are not there. Targets: import ≤ 5 s, lookup p99 ≤ 10 ms.
 *   npm run bench:registry [-- --json] [-- --rows N --lookups N]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger } from "../bot/logger";
import { CONTENT_DIR, PROJECT_ROOT } from "../bot/paths";
import { createRegistryService } from "../bot/registry/registry-service";
import { createFileRegistry } from "../bot/store/registry-store";
import { percentile, report } from "./bench-util";

const argv = process.argv.slice(2);
const num = (name: string, dflt: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
};
const json = argv.includes("--json");
const ROWS = num("rows", 20_000);
const LOOKUPS = num("lookups", 5_000);

const WORDS =
  `abadi agung amanah anugerah arta asia bahari bakti bangun berkah bersama bina bintang bumi buana
cahaya cipta citra dinamika duta eka gemilang global graha harapan harmoni indah insan intan jasa jaya
karya kencana lestari makmur mandiri maju mitra mulia nusa nusantara pelita perdana perkasa permata prima
putra putri rahmat raya rezeki sakti samudra sarana sejahtera sentosa sinar surya tenaga tiga timur utama
wahana wangi widya yasa`.split(/\s+/);
const STATUSES = ["licensed", "licensed", "licensed", "suspended", "revoked"];

/** A deterministic pseudo-random generator, so every run measures the same data. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function generate(rows: number): { csv: string; names: string[]; licenses: string[] } {
  const rand = rng(42);
  const pick = () => WORDS[Math.floor(rand() * WORDS.length)]!;
  const cap = (w: string) => w[0]!.toUpperCase() + w.slice(1);
  const seen = new Set<string>();
  const names: string[] = [];
  const licenses: string[] = [];
  const lines = ["name,license,status,address,province,valid_until,source,checked_on"];
  while (names.length < rows) {
    const n = 2 + Math.floor(rand() * 3);
    const name = `PT ${Array.from({ length: n }, () => cap(pick())).join(" ")}`;
    if (seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    const i = names.length;
    const license = `SIP3MI-${2010 + (i % 16)}-${String(i).padStart(5, "0")}`;
    names.push(name);
    licenses.push(license);
    const status = STATUSES[Math.floor(rand() * STATUSES.length)];
    lines.push(
      `${name},${license},${status},"Jl. Bench No. ${i}, Kota Bench",Sumatera Selatan,2030-01-01,bench (generated),2026-11-01`,
    );
  }
  return { csv: `${lines.join("\n")}\n`, names, licenses };
}

function queries(names: string[], licenses: string[], count: number): string[] {
  const rand = rng(7);
  const any = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const typo = (s: string) => {
    const i = 3 + Math.floor(rand() * (s.length - 3));
    return s.slice(0, i) + s.slice(i + 1);
  };
  const makers: (() => string)[] = [
    () => any(names),
    () => any(names).slice(3).toLowerCase(),
    () => any(licenses),
    () => any(licenses).toLowerCase().replaceAll("-", " "),
    () => typo(any(names)),
    () => `${any(names)} ${any(WORDS)}`,
    () => any(names).split(" ").slice(0, -1).join(" "),
    () => `anak saya mau berangkat lewat ${any(names)}, resmi tidak?`,
    () => "sponsor pak Dedi",
    () => "PT Tidak Ada Dalam Daftar Sama Sekali",
    () => `apakah ${any(WORDS)} ${any(WORDS)} terdaftar?`,
  ];
  return Array.from({ length: count }, () => any(makers)());
}

const dir = mkdtempSync(join(tmpdir(), "bench-registry-"));
try {
  const { csv, names, licenses } = generate(ROWS);
  const file = join(dir, "registry.csv");
  writeFileSync(file, csv);

  const t0 = performance.now();
  const run = spawnSync(
    join(PROJECT_ROOT, "node_modules", ".bin", "tsx"),
    [join(PROJECT_ROOT, "bot", "cli", "main.ts"), "import-registry", file],
    { encoding: "utf8", env: { ...process.env, DATA_DIR: join(dir, "data") } },
  );
  const importS = (performance.now() - t0) / 1000;
  if (run.status !== 0) throw new Error(`import-registry failed: ${run.stderr}`);
  const summary = run.stdout.trim().split("\n").at(-1) ?? "";

  const t1 = performance.now();
  const service = createRegistryService({
    repo: createFileRegistry(join(dir, "data")),
    sampleFile: join(CONTENT_DIR, "registry", "sample.csv"),
    log: createLogger("silent"),
    clock: () => new Date(),
  });
  await service.load();
  const loadMs = performance.now() - t1;
  const info = await service.info();
  if (info.size !== ROWS) throw new Error(`loaded ${info.size} rows, expected ${ROWS}`);

  const qs = queries(names, licenses, LOOKUPS);
  for (const q of qs.slice(0, 200)) await service.check(q);
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  for (const q of qs) {
    const s = performance.now();
    const r = await service.check(q);
    times.push(performance.now() - s);
    statuses[r.lookup.status] = (statuses[r.lookup.status] ?? 0) + 1;
  }
  times.sort((a, b) => a - b);
  const round = (x: number, d = 3) => Number(x.toFixed(d));
  report(
    "bench:registry (targets: import ≤ 5 s, lookup p99 ≤ 10 ms)",
    {
      rows: ROWS,
      import_s: round(importS),
      import_summary: summary,
      load_ms: round(loadMs, 1),
      lookups: LOOKUPS,
      lookup_p50_ms: round(percentile(times, 50)),
      lookup_p99_ms: round(percentile(times, 99)),
      lookup_max_ms: round(times.at(-1) ?? 0),
      statuses: JSON.stringify(statuses),
    },
    json,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
