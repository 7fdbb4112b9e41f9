import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { config as loadDotenv } from "dotenv";
import { loadConfig } from "../config";
import { parseRegistryCsv } from "../registry/parse-csv";
import { registryPath, writeRegistryFile } from "../registry/registry-file";
import type { CliCommand } from "./cli-command";
import { parseArgs } from "./cli-env";

/** Files with more rows than this get a progress bar (on a terminal only). */
const BAR_ROWS = 2000;

/**
 * `import-registry FILE.csv [--json]`: validates every row and replaces DATA_DIR/registry.json
 * atomically. It does not open the store, so it can run while the bot runs; the bot
 * notices the new file on its next lookup. An unusable file exits 1 and changes nothing.
 */
export const command: CliCommand = {
  summary: "import the licensed-company (P3MI) registry from a CSV file (replaces it atomically)",
  async run(argv) {
    const args = parseArgs(argv);
    const file = args.rest[0];
    const json = args.flags.json === true;
    if (!file) {
      process.stderr.write(
        "usage: import-registry FILE.csv\n  header: name,license,status,address,province,valid_until,source,checked_on\n",
      );
      return 2;
    }
    loadDotenv({ quiet: true });
    const config = loadConfig();
    const fail = (reason: string) => {
      if (json) process.stdout.write(`${JSON.stringify({ ok: false, file, error: reason })}\n`);
      process.stderr.write(`import-registry: ${file}: ${reason}\nThe registry was not changed.\n`);
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
    const report = parseRegistryCsv(text, {
      now: new Date(),
      onProgress: (done, total) => {
        bar?.setTotal(total);
        bar?.update(done);
      },
    });
    bar?.stop();
    for (const r of report.rejected) {
      if (!json) process.stdout.write(`rejected line ${r.line}: ${r.reason}\n`);
    }
    if (report.fatal) {
      if (!json) {
        process.stdout.write(
          `rows read: ${report.rowsRead}, imported: 0, rejected: ${report.rejected.length}\n`,
        );
      }
      return fail(report.fatal);
    }
    try {
      await writeRegistryFile(config.DATA_DIR, {
        version: 1,
        sample: false,
        file: basename(file),
        importedAt: new Date().toISOString(),
        records: report.records,
      });
    } catch (err) {
      return fail(`cannot write ${registryPath(config.DATA_DIR)} (${(err as Error).message})`);
    }
    const summary = {
      ok: true,
      file,
      rowsRead: report.rowsRead,
      imported: report.records.length,
      rejected: report.rejected,
    };
    if (json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    else {
      process.stdout.write(
        `rows read: ${report.rowsRead}, imported: ${report.records.length}, rejected: ${report.rejected.length}\n`,
      );
    }
    return 0;
  },
};
