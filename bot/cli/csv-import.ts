import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { config as loadDotenv } from "dotenv";
import { type Config, loadConfig } from "../config";
import { parseArgs } from "./cli-env";

/** What one CSV import reads: rows kept, rows rejected with their line, or a fatal reason. */
export interface CsvImportReport<T> {
  rowsRead: number;
  items: T[];
  rejected: { line: number; reason: string }[];
  fatal?: string;
}

/** One import command: how to read its CSV and where to write the result. */
export interface CsvImportSpec<T> {
  /** The command name, for messages ("import-offices"). */
  name: string;
  /** What is replaced, for "The … was not changed." */
  what: string;
  header: string;
  parse(text: string, onProgress: (done: number, total: number) => void): CsvImportReport<T>;
  /** Where the result goes, for messages. */
  target(config: Config): string;
  write(config: Config, sourceName: string, items: T[]): Promise<void>;
}

/** Files with more lines than this get a progress bar (on a terminal only). */
const BAR_ROWS = 2000;

/**
 * Runs `NAME FILE.csv [--json]`: every row validated, rejected rows listed with line and reason,
 * a progress bar on a terminal for big files, and no change at all when the file is unusable (exit 1).
 */
export async function runCsvImport<T>(argv: string[], spec: CsvImportSpec<T>): Promise<number> {
  const args = parseArgs(argv);
  const file = args.rest[0];
  const json = args.flags.json === true;
  if (!file) {
    process.stderr.write(`usage: ${spec.name} FILE.csv\n  header: ${spec.header}\n`);
    return 2;
  }
  loadDotenv({ quiet: true });
  const config = loadConfig();
  const fail = (reason: string) => {
    if (json) process.stdout.write(`${JSON.stringify({ ok: false, file, error: reason })}\n`);
    process.stderr.write(`${spec.name}: ${file}: ${reason}\nThe ${spec.what} was not changed.\n`);
    return 1;
  };
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    return fail(`cannot read the file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  const lines = text.split("\n").length;
  const bar =
    process.stderr.isTTY && !json && lines > BAR_ROWS
      ? new (await import("cli-progress")).SingleBar({
          format: "checking rows [{bar}] {value}/{total}",
          stream: process.stderr,
        })
      : undefined;
  bar?.start(lines - 1, 0);
  const report = spec.parse(text, (done, total) => {
    bar?.setTotal(total);
    bar?.update(done);
  });
  bar?.stop();
  if (!json) for (const r of report.rejected) process.stdout.write(`rejected line ${r.line}: ${r.reason}\n`);
  const counts = (imported: number) =>
    `rows read: ${report.rowsRead}, imported: ${imported}, rejected: ${report.rejected.length}\n`;
  if (report.fatal) {
    if (!json) process.stdout.write(counts(0));
    return fail(report.fatal);
  }
  try {
    await spec.write(config, basename(file), report.items);
  } catch (err) {
    return fail(`cannot write ${spec.target(config)} (${(err as Error).message})`);
  }
  if (json) {
    const summary = {
      ok: true,
      file,
      rowsRead: report.rowsRead,
      imported: report.items.length,
      rejected: report.rejected,
    };
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } else process.stdout.write(counts(report.items.length));
  return 0;
}
