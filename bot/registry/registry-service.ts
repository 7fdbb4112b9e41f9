import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { Logger } from "pino";
import { ContentError } from "../i18n";
import type { Lexicon } from "../nlp/lexicon";
import type { RegistryRepository } from "../store/repositories";
import { type Lookup, lookup } from "./lookup";
import { createMatcher, type Matcher } from "./matcher";
import { parseRegistryCsv } from "./parse-csv";
import { type RegistryInfo, registryInfo } from "./registry-info";
import type { RegistryData } from "./types";

/** A lookup with the facts about the registry that answered it. */
export interface RegistryAnswer {
  lookup: Lookup;
  info: RegistryInfo;
}

/** The registry as flows and the CLI use it. */
export interface RegistryService {
  /** Checks a company name or licence number (free text), reloading a newer file first. */
  check(text: string): Promise<RegistryAnswer>;
  /** Which registry answers now. */
  info(): Promise<RegistryInfo>;
  /** Loads the imported registry again if it changed; true when a new one was loaded. */
  refresh(): Promise<boolean>;
  /** Loads the imported registry now; an unreadable one rejects with a DataFileError naming it (start-up). */
  load(): Promise<void>;
}

export interface RegistryServiceOptions {
  /** Where the imported registry is kept (`repos.registry`). */
  repo: RegistryRepository;
  /** The shipped sample CSV, used while DATA_DIR has no imported registry. */
  sampleFile: string;
  log: Logger;
  clock: () => Date;
  lexicon?: Lexicon;
}

/** Loads the shipped sample; a bad sample stops start-up naming the file and line. */
export function loadSample(file: string, now: Date): RegistryData {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new ContentError(file, (err as Error).message);
  }
  const report = parseRegistryCsv(text, { now, comments: true });
  const problem = report.fatal ?? report.rejected.map((r) => `line ${r.line}: ${r.reason}`).join("; ");
  if (problem) throw new ContentError(file, problem);
  return { version: 1, sample: true, file: basename(file), importedAt: "", records: report.records };
}

/**
 * The imported registry (or the shipped sample while none was imported). A cheap version
 * check on each lookup notices a registry `import-registry` replaced and reloads it; a bad
 * new one is logged and the previous registry keeps answering. The sample is checked at once
 * (start-up fails on a bad sample); the imported registry is read on the first lookup.
 */
export function createRegistryService(options: RegistryServiceOptions): RegistryService {
  const sample = loadSample(options.sampleFile, options.clock());
  let stamp: string | undefined;
  let data = sample;
  let matcher: Matcher = createMatcher(data.records);
  let info = registryInfo(data);

  function use(next: RegistryData, version: string | undefined): void {
    stamp = version;
    data = next;
    matcher = createMatcher(data.records);
    info = registryInfo(data);
  }

  async function refresh(): Promise<boolean> {
    const now = await options.repo.version();
    if (now === stamp) return false;
    try {
      const next = now === undefined ? sample : await options.repo.current();
      stamp = now;
      if (!next) return false;
      data = next;
      matcher = createMatcher(data.records);
      info = registryInfo(data);
      options.log.info({ rows: info.size, sample: info.sample }, "recruiter registry loaded");
      return true;
    } catch (err) {
      stamp = now;
      options.log.error({ err }, "new recruiter registry could not be loaded; keeping the previous one");
      return false;
    }
  }

  return {
    async check(text) {
      await refresh();
      return { lookup: lookup(matcher, text, options.lexicon), info };
    },
    async info() {
      await refresh();
      return info;
    },
    refresh,
    async load() {
      const version = await options.repo.version();
      use(version === undefined ? sample : ((await options.repo.current()) ?? sample), version);
    },
  };
}
