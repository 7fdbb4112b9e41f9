import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { usePseudonymSecret } from "./logger";
import { DataFileError } from "./store/secure-json-file";

/** The per-install secret of the log pseudonyms, in DATA_DIR. */
export const PSEUDONYM_FILE = "pseudonym.key";

/**
 * Loads DATA_DIR/pseudonym.key, creating it (32 random bytes, mode 600) on first start, and
 * makes `who()` use it: pseudonyms stay stable across restarts of one install, and nobody
 * without the file can turn a phone number into its pseudonym. A damaged file stops start-up.
 */
export function loadPseudonymSecret(dataDir: string): Buffer {
  const file = join(dataDir, PSEUDONYM_FILE);
  let hex: string;
  try {
    hex = readFileSync(file, "utf8").trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT")
      throw new DataFileError(file, (err as Error).message);
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    hex = randomBytes(32).toString("hex");
    try {
      writeFileSync(file, `${hex}\n`, { mode: 0o600, flag: "wx" });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw new DataFileError(file, (e as Error).message);
      hex = readFileSync(file, "utf8").trim();
    }
  }
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new DataFileError(file, "expected 64 hexadecimal characters");
  chmodSync(file, 0o600);
  const key = Buffer.from(hex, "hex");
  usePseudonymSecret(key);
  return key;
}
