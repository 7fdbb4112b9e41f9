import { createHash } from "node:crypto";
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

/** A stable pseudonym for a user key, safe for logs. */
export function who(key: string): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 12);
}
