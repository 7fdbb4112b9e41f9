import { createInterface } from "node:readline";
import { config as loadDotenv } from "dotenv";
import type { Logger } from "pino";
import { type Config, loadConfig } from "../config";
import { createLogger } from "../logger";
import { openFileStore } from "../store/open-store";
import type { ShardedStore } from "../store/sharded-store";
import { type Bot, createBot } from "../wiring";

/** What a CLI command works with. Logs go to stderr; stdout is for results. */
export interface CliEnv {
  config: Config;
  log: Logger;
  store: ShardedStore;
  bot: Bot;
}

/** Loads `.env`, validates it, opens DATA_DIR and wires the bot, as `npm start` does. */
export async function openCli(options: { readOnly?: boolean } = {}): Promise<CliEnv> {
  loadDotenv({ quiet: true });
  const config = loadConfig();
  const log = createLogger(process.env.CLI_LOG_LEVEL ?? "warn", 2);
  const store = await openFileStore(config.DATA_DIR, { readOnly: options.readOnly });
  const bot = createBot({ config, store, log });
  return { config, log, store, bot };
}

/** Parsed flags: `--name value`, `--flag`, and the rest as positional words. */
export interface Args {
  flags: Record<string, string | true>;
  rest: string[];
}

/** Parses argv; `valued` names the flags that take a value. */
export function parseArgs(argv: string[], valued: string[] = []): Args {
  const flags: Record<string, string | true> = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith("--")) {
      const [name, inline] = a.slice(2).split("=", 2) as [string, string | undefined];
      if (inline !== undefined) flags[name] = inline;
      else if (valued.includes(name) && i + 1 < argv.length) flags[name] = argv[++i]!;
      else flags[name] = true;
    } else rest.push(a);
  }
  return { flags, rest };
}

/**
 * Reads one JSON object a line from stdin and writes one JSON line per input, in order.
 * A line that is not JSON gets `{"error": ...}` so the output stays aligned.
 */
export async function eachJsonLine(
  fn: (obj: Record<string, unknown>) => Promise<unknown> | unknown,
): Promise<void> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl) {
    if (!line.trim()) continue;
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch {
      process.stdout.write(`${JSON.stringify({ error: "invalid JSON line" })}\n`);
      continue;
    }
    const out =
      obj && typeof obj === "object" && !Array.isArray(obj)
        ? await fn(obj as Record<string, unknown>)
        : { error: "each line must be a JSON object" };
    process.stdout.write(`${JSON.stringify(out)}\n`);
  }
}
