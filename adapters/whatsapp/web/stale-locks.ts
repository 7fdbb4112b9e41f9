import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";

const SINGLETON = ["SingletonLock", "SingletonSocket", "SingletonCookie"];

/**
 * Removes the `Singleton*` files an unclean stop leaves in each Chromium profile under the
 * LocalAuth folder ("The browser is already running", or a lock naming another host after
 * a container restart). Call it only when no browser of ours can still hold the folder:
 * one process owns DATA_DIR (the store lock), and the previous client was destroyed.
 * Returns how many files were removed.
 */
export function removeStaleLocks(dataPath: string): number {
  if (!existsSync(dataPath)) return 0;
  let removed = 0;
  for (const entry of readdirSync(dataPath, { withFileTypes: true })) {
    if (!entry.isDirectory() || !entry.name.startsWith("session")) continue;
    const names = new Set(readdirSync(join(dataPath, entry.name)));
    for (const name of SINGLETON) {
      if (!names.has(name)) continue;
      // SingletonLock is a symlink to "<host>-<pid>", usually dangling: rm works on the link itself.
      rmSync(join(dataPath, entry.name, name), { force: true, recursive: true });
      removed++;
    }
  }
  return removed;
}
