import { parseRegistryCsv, REGISTRY_COLUMNS } from "../registry/parse-csv";
import { registryPath } from "../registry/registry-file";
import { createFileRegistry } from "../store/registry-store";
import type { CliCommand } from "./cli-command";
import { runCsvImport } from "./csv-import";

/**
 * `import-registry FILE.csv [--json]`: validates every row and replaces DATA_DIR/registry.json
 * atomically. It does not open the store, so it can run while the bot runs; the bot
 * notices the new file on its next lookup. An unusable file exits 1 and changes nothing.
 */
export const command: CliCommand = {
  summary: "import the licensed-company (P3MI) registry from a CSV file (replaces it atomically)",
  run: (argv) =>
    runCsvImport(argv, {
      name: "import-registry",
      what: "registry",
      header: REGISTRY_COLUMNS.join(","),
      parse(text, onProgress) {
        const r = parseRegistryCsv(text, { now: new Date(), onProgress });
        return { ...r, items: r.records };
      },
      target: (config) => registryPath(config.DATA_DIR),
      write: (config, file, records) =>
        // The registry repository alone, without the store's writer lock: the bot may keep running.
        createFileRegistry(config.DATA_DIR).replace({
          version: 1,
          sample: false,
          file,
          importedAt: new Date().toISOString(),
          records,
        }),
    }),
};
