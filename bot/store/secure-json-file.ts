import { access, open, readFile, rename } from "node:fs/promises";
import { dirname } from "node:path";
import type { Adapter } from "lowdb";

/** Raised when a data file cannot be read or parsed. Start-up stops; the file is never replaced. */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(
      `Data file ${file} cannot be loaded: ${reason}. Restore it from a backup or move it away; it is never overwritten automatically.`,
    );
    this.name = "DataFileError";
  }
}

/**
 * A lowdb adapter for one JSON file: written to a temp file with mode 600, optionally
 * fsync'd, then renamed over the original, so a crash leaves either the old or the new file.
 */
export class SecureJsonFile<T> implements Adapter<T> {
  /** When true the next writes are fsync'd before the rename. */
  durable = false;
  /** Bytes of the last write. */
  lastBytes = 0;

  constructor(readonly file: string) {}

  /** True when the file exists (a missing file starts empty; a present one must be valid). */
  async exists(): Promise<boolean> {
    try {
      await access(this.file);
      return true;
    } catch {
      return false;
    }
  }

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.file, "utf8");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw new DataFileError(this.file, (err as Error).message);
    }
    try {
      return JSON.parse(text) as T;
    } catch (err) {
      throw new DataFileError(this.file, `not valid JSON (${(err as Error).message})`);
    }
  }

  async write(data: T): Promise<void> {
    const tmp = `${this.file}.${process.pid}.tmp`;
    const handle = await open(tmp, "w", 0o600);
    try {
      const text = JSON.stringify(data);
      this.lastBytes = Buffer.byteLength(text);
      await handle.writeFile(text);
      if (this.durable) await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, this.file);
    // The rename itself is durable only once the directory entry is on disk.
    if (this.durable) await syncDir(dirname(this.file));
  }
}

/** fsyncs a directory so a rename inside it survives a power cut. */
export async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
