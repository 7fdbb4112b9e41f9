import { join } from "node:path";
import { z } from "zod";
import { fileStamp, readDataFile, writeFileAtomic } from "../data-file";
import { ContentError } from "../i18n";
import { loadYaml } from "../load-yaml";
import { NATIONWIDE, type Office, officeSchema } from "./office-types";
import type { RegionList } from "./region-list";

/** The imported directory inside DATA_DIR; it replaces content/places/offices.yaml while present. */
export const OFFICES_FILE = "offices.json";

/** Where `import-offices` writes. */
export function officesPath(dataDir: string): string {
  return join(dataDir, OFFICES_FILE);
}

/** A loaded directory, with where it came from. */
export interface OfficeDirectoryData {
  offices: Office[];
  /** The file it was read from, for messages. */
  file: string;
  imported: boolean;
}

const contentSchema = z.object({ offices: z.array(officeSchema).min(1) });
const importedSchema = z.object({
  version: z.literal(1),
  file: z.string(),
  importedAt: z.string(),
  offices: z.array(officeSchema).min(1),
});

/** Problems with the offices' region codes and ids, as "offices.3.serves: ..." lines. */
export function officeProblems(offices: Office[], regions: RegionList): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  offices.forEach((o, i) => {
    if (ids.has(o.id)) problems.push(`offices.${i}.id: "${o.id}" is used twice`);
    ids.add(o.id);
    for (const code of o.serves) {
      if (code !== NATIONWIDE && !regions.get(code)) {
        problems.push(`offices.${i}.serves: "${code}" is not a code of the official region list`);
      }
    }
  });
  return problems;
}

/** Reads content/places/offices.yaml; a problem stops start-up naming the file and field. */
export function loadOfficesContent(file: string, regions: RegionList): OfficeDirectoryData {
  const { offices } = loadYaml(file, contentSchema);
  const problems = officeProblems(offices, regions);
  if (problems.length > 0) throw new ContentError(file, problems.join("; "));
  return { offices, file, imported: false };
}

/** A stamp that changes whenever the imported file is replaced; undefined when there is none. */
export function officesStamp(file: string): string | undefined {
  return fileStamp(file);
}

/** Reads DATA_DIR/offices.json: undefined when absent, DataFileError when unusable (never replaced). */
export function readImportedOffices(file: string): OfficeDirectoryData | undefined {
  const data = readDataFile(file, importedSchema);
  return data && { offices: data.offices, file, imported: true };
}

/** Replaces DATA_DIR/offices.json atomically. */
export async function writeImportedOffices(
  dataDir: string,
  source: string,
  offices: Office[],
): Promise<void> {
  const data = { version: 1, file: source, importedAt: new Date().toISOString(), offices };
  await writeFileAtomic(officesPath(dataDir), JSON.stringify(data));
}
