import { randomBytes } from "node:crypto";
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";

/** Thrown when another live process already writes to DATA_DIR. */
export class StoreLockedError extends Error {
  constructor(file: string, pid: number) {
    super(
      `${file} is held by process ${pid}: another bot or CLI command is writing to this DATA_DIR. Stop it first (one process, one writer).`,
    );
    this.name = "StoreLockedError";
  }
}

/** This process's own mark, so a lock left with our PID by an earlier process (PID 1 in a container) is known stale. */
const TOKEN = randomBytes(8).toString("hex");
const held = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** True when the lock content names a process that still holds it. */
function heldByOther(file: string, content: string): number | undefined {
  const [pidText, token] = content.trim().split(/\s+/);
  const pid = Number(pidText);
  if (!pid) return undefined;
  if (pid === process.pid) {
    // Our PID: either this very process holds it (a second writer here), or an earlier
    // process with the same PID died (container restart after SIGKILL / OOM).
    return held.has(file) && token === TOKEN ? pid : undefined;
  }
  return alive(pid) ? pid : undefined;
}

/**
 * Takes the single-writer lock for a data directory. A stale lock (its process is dead,
 * or it carries our own PID from an earlier run) is taken over by an atomic rename.
 */
export function acquireLock(file: string): () => void {
  const mine = `${process.pid} ${TOKEN}`;
  try {
    writeFileSync(file, mine, { flag: "wx", mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    const holder = heldByOther(file, readFileSync(file, "utf8"));
    if (holder) throw new StoreLockedError(file, holder);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, mine, { mode: 0o600 });
    renameSync(tmp, file);
  }
  held.add(file);
  return () => {
    held.delete(file);
    try {
      if (readFileSync(file, "utf8").trim() === mine) rmSync(file);
    } catch {
      /* already gone */
    }
  };
}
