import { readFileSync, rmSync, writeFileSync } from "node:fs";

/** Thrown when another live process already writes to DATA_DIR. */
export class StoreLockedError extends Error {
  constructor(file: string, pid: number) {
    super(
      `${file} is held by process ${pid}: another bot or CLI command is writing to this DATA_DIR. Stop it first (one process, one writer).`,
    );
    this.name = "StoreLockedError";
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the single-writer lock for a data directory; a stale lock of a dead process is taken over. */
export function acquireLock(file: string): () => void {
  try {
    writeFileSync(file, String(process.pid), { flag: "wx", mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    const pid = Number(readFileSync(file, "utf8").trim());
    if (pid && alive(pid)) throw new StoreLockedError(file, pid);
    writeFileSync(file, String(process.pid), { mode: 0o600 });
  }
  return () => {
    try {
      if (readFileSync(file, "utf8").trim() === String(process.pid)) rmSync(file);
    } catch {
      /* already gone */
    }
  };
}
