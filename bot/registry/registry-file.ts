import { join } from "node:path";
import { z } from "zod";
import { fileStamp, readDataFile, writeFileAtomic } from "../data-file";
import type { RegistryData } from "./types";

/** The registry's file name inside DATA_DIR. It lives outside the Store (no store lock needed). */
export const REGISTRY_FILE = "registry.json";

/** Where the registry lives in a data directory. */
export function registryPath(dataDir: string): string {
  return join(dataDir, REGISTRY_FILE);
}

const recordSchema = z.object({
  name: z.string().min(1),
  license: z.string().min(1),
  status: z.enum(["licensed", "suspended", "revoked"]),
  address: z.string(),
  province: z.string(),
  validUntil: z.string(),
  source: z.string().min(1),
  checkedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

const dataSchema = z.object({
  version: z.literal(1),
  sample: z.boolean(),
  file: z.string(),
  importedAt: z.string(),
  records: z.array(recordSchema).min(1),
});

/** A stamp of the file that changes whenever it is replaced. Undefined when there is no file. */
export function registryStamp(file: string): string | undefined {
  return fileStamp(file);
}

/**
 * Reads the registry file. Undefined when it does not exist; a DataFileError (naming the
 * file) when it is unreadable or malformed: it is never replaced silently.
 */
export function readRegistryFile(file: string): RegistryData | undefined {
  return readDataFile(file, dataSchema);
}

/** Replaces the registry atomically (bot/atomic-file.ts): a crash leaves the old or the new file. */
export async function writeRegistryFile(dataDir: string, data: RegistryData): Promise<void> {
  await writeFileAtomic(registryPath(dataDir), JSON.stringify(data));
}
