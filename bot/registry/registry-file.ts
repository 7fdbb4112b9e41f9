import { readFileSync, statSync } from "node:fs";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { DataFileError } from "../store/secure-json-file";
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

/**
 * A cheap stamp of the file (inode, size, modification time): it changes whenever the
 * file is replaced. Undefined when there is no file.
 */
export function registryStamp(file: string): string | undefined {
  try {
    const s = statSync(file);
    return `${s.ino}:${s.size}:${s.mtimeMs}`;
  } catch {
    return undefined;
  }
}

/**
 * Reads the registry file. Undefined when it does not exist; a DataFileError (naming the
 * file) when it is unreadable or malformed: it is never replaced silently.
 */
export function readRegistryFile(file: string): RegistryData | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new DataFileError(file, (err as Error).message);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new DataFileError(file, `not valid JSON (${(err as Error).message})`);
  }
  const parsed = dataSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DataFileError(file, `unexpected structure at ${issue?.path.join(".")}: ${issue?.message}`);
  }
  return parsed.data;
}

/**
 * Replaces the registry atomically: written to a temp file (mode 600), fsync'd, renamed
 * over the old one, then the directory is fsync'd. A crash leaves the old or the new file.
 */
export async function writeRegistryFile(dataDir: string, data: RegistryData): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const file = registryPath(dataDir);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    const handle = await open(tmp, "w", 0o600);
    try {
      await handle.writeFile(JSON.stringify(data));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  try {
    const dir = await open(dataDir, "r");
    await dir.sync().finally(() => dir.close());
  } catch {
    // Some file systems cannot fsync a directory; the rename is still atomic.
  }
}
