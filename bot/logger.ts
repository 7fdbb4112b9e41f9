import { createHmac, randomBytes } from "node:crypto";
import pino, { type Logger } from "pino";

/**
 * Structured logs on stderr (stdout stays free for CLI JSON). Logs never hold message
 * text or phone numbers: log a person only as `who(key)`, a short one-way hash.
 */
export function createLogger(level: string, destination: number | pino.DestinationStream = 2): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: ["text", "*.text", "chatId", "*.chatId", "phone", "*.phone"], censor: "[redacted]" },
    },
    typeof destination === "number" ? pino.destination({ dest: destination, sync: true }) : destination,
  );
}

/** Until the install's secret is loaded (bot/pseudonym-secret.ts), a random one for this process. */
let pseudonymKey: Buffer = randomBytes(32);

/** Makes `who()` use the install's secret (DATA_DIR/pseudonym.key). */
export function usePseudonymSecret(key: Buffer): void {
  if (key.length < 32) throw new Error("pseudonym secret: at least 32 bytes");
  pseudonymKey = key;
}

/**
 * A stable pseudonym for a user key, safe for logs: HMAC-SHA256 keyed with the per-install
 * secret, so it cannot be reversed by hashing every phone number (a plain hash could be).
 */
export function who(key: string): string {
  return createHmac("sha256", pseudonymKey).update(key).digest("hex").slice(0, 12);
}
