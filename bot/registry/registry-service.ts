import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { Logger } from "pino";
import { ContentError } from "../i18n";
import type { Lexicon } from "../nlp/lexicon";
import { type Lookup, lookup } from "./lookup";
import { createMatcher, type Matcher } from "./matcher";
import { parseRegistryCsv } from "./parse-csv";
import { readRegistryFile, registryPath, registryStamp } from "./registry-file";
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
  check(text: string): RegistryAnswer;
  /** Which registry answers now. */
  info(): RegistryInfo;
  /** Re-reads DATA_DIR/registry.json if it changed; true when a new one was loaded. */
  refresh(): boolean;
}

export interface RegistryServiceOptions {
  dataDir: string;
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
 * The registry in DATA_DIR (or the shipped sample while none was imported). A cheap
 * mtime check on each lookup notices a newer file written by `import-registry` and
 * reloads it; a bad new file is logged and the previous registry keeps answering.
 */
export function createRegistryService(options: RegistryServiceOptions): RegistryService {
  const file = registryPath(options.dataDir);
  let stamp = registryStamp(file);
  let data =
    (stamp !== undefined ? readRegistryFile(file) : undefined) ??
    loadSample(options.sampleFile, options.clock());
  let matcher: Matcher = createMatcher(data.records);
  let info = registryInfo(data);

  function refresh(): boolean {
    const now = registryStamp(file);
    if (now === stamp) return false;
    try {
      const next =
        now === undefined ? loadSample(options.sampleFile, options.clock()) : readRegistryFile(file);
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
    check(text) {
      refresh();
      return { lookup: lookup(matcher, text, options.lexicon), info };
    },
    info() {
      refresh();
      return info;
    },
    refresh,
  };
}
