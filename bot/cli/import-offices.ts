import { officesPath, writeImportedOffices } from "../places/office-file";
import { OFFICE_COLUMNS, parseOfficesCsv } from "../places/parse-offices-csv";
import { loadRegionList } from "../places/region-list";
import type { CliCommand } from "./cli-command";
import { runCsvImport } from "./csv-import";

/**
 * `import-offices FILE.csv [--json]`: validates every row against the official region list
 * and replaces DATA_DIR/offices.json atomically; the running bot picks it up on its next
 * lookup. An unusable file exits 1 and changes nothing.
 */
export const command: CliCommand = {
  summary: "import the office and training-centre directory from a CSV file (replaces it atomically)",
  run: (argv) =>
    runCsvImport(argv, {
      name: "import-offices",
      what: "office directory",
      header: OFFICE_COLUMNS.join(","),
      parse(text, onProgress) {
        const r = parseOfficesCsv(text, { regions: loadRegionList(), now: new Date(), onProgress });
        return { ...r, items: r.offices };
      },
      target: (config) => officesPath(config.DATA_DIR),
      write: (config, source, items) => writeImportedOffices(config.DATA_DIR, source, items),
    }),
};
