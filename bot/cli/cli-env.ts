import { createInterface } from "node:readline";
import { config as loadDotenv } from "dotenv";
import type { Logger } from "pino";
import { CAPABILITIES } from "../../flows/capabilities";
import { type Config, loadConfig } from "../config";
import { createLogger } from "../logger";
import type { Lang } from "../model";
import { openConfiguredStore } from "../store/open-configured";
import type { Repositories } from "../store/repositories";
import { type Bot, createBot } from "../wiring";

/** What a CLI command works with. Logs go to stderr; stdout is for results. */
export interface CliEnv {
  config: Config;
  log: Logger;
  repos: Repositories;
  bot: Bot;
}

/** Loads `.env`, validates it, opens DATA_DIR and wires the bot, as `npm start` does. */
export async function openCli(options: { readOnly?: boolean } = {}): Promise<CliEnv> {
  loadDotenv({ quiet: true });
  const config = loadConfig();
  const log = createLogger(process.env.CLI_LOG_LEVEL ?? "warn", 2);
  // DATABASE_URL: the same PostgreSQL database as the running bots (CLI changes then need no stop).
  const store = await openConfiguredStore(config, log, { readOnly: options.readOnly });
  const repos = store.repos;
  try {
    const bot = createBot({
      capabilities: CAPABILITIES,
      config,
      repos,
      log,
      ...(store.lock ? { personLock: store.lock } : {}),
    });
    await bot.ready();
    return { config, log, repos, bot };
  } catch (err) {
    await repos.close();
    throw err;
  }
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

/** A one-question command: text in, one result object out (CONTRACTS.md). */
export interface QueryCommand<R> {
  /** The usage line, printed when no text is given. */
  usage: string;
  /** Builds the answering function once, from the opened bot and the chosen language. */
  answer(env: CliEnv, lang: Lang): (text: string) => R | Promise<R>;
  /** Renders one result for people (without --json / --jsonl). */
  render(env: CliEnv, result: R, lang: Lang): string;
}

/**
 * Runs a query command: `[--lang id|en] [--json|--jsonl] "text"`. With --jsonl each input
 * line `{"text"}` gets one JSON result line; with --json one JSON line; otherwise text for people.
 */
export async function runQuery<R>(argv: string[], spec: QueryCommand<R>): Promise<number> {
  const args = parseArgs(argv, ["lang"]);
  const lang: Lang = args.flags.lang === "en" ? "en" : "id";
  const text = args.rest.join(" ").trim();
  if (!args.flags.jsonl && !text) {
    process.stderr.write(`usage: ${spec.usage}\n`);
    return 2;
  }
  const env = await openCli({ readOnly: true });
  try {
    const answer = spec.answer(env, lang);
    if (args.flags.jsonl) {
      await eachJsonLine((obj) =>
        typeof obj.text === "string" ? answer(obj.text) : { error: 'each line needs "text"' },
      );
      return 0;
    }
    const result = await answer(text);
    process.stdout.write(
      args.flags.json ? `${JSON.stringify(result)}\n` : `${spec.render(env, result, lang)}\n`,
    );
    return 0;
  } finally {
    await env.repos.close();
  }
}
