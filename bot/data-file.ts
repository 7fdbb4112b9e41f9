import { readFileSync, statSync } from "node:fs";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";
import type { z } from "zod";
import { DataFileError } from "./store/secure-json-file";

/**
 * Replaces a file atomically: written to a temp file (mode 600), fsync'd, renamed over the
 * old one, then the folder is fsync'd. A crash leaves the old or the new file, never half.
 */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    const handle = await open(tmp, "w", 0o600);
    try {
      await handle.writeFile(text);
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
    const d = await open(dir, "r");
    await d.sync().finally(() => d.close());
  } catch {
    // Some file systems cannot fsync a directory; the rename is still atomic.
  }
}

/** A cheap stamp of a file (inode, size, modification time) that changes whenever it is replaced. */
export function fileStamp(file: string): string | undefined {
  try {
    const s = statSync(file);
    return `${s.ino}:${s.size}:${s.mtimeMs}`;
  } catch {
    return undefined;
  }
}

/**
 * Reads a JSON data file and checks its shape. Undefined when it does not exist; a
 * DataFileError naming the file when it is unreadable or malformed: it is never replaced silently.
 */
export function readDataFile<S extends z.ZodType>(file: string, schema: S): z.output<S> | undefined {
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
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DataFileError(file, `unexpected structure at ${issue?.path.join(".")}: ${issue?.message}`);
  }
  return parsed.data;
}
