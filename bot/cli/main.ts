import { CAPABILITIES } from "../../flows/capabilities";
import { ConfigError } from "../config";
import { ContentError } from "../i18n";
import { StoreLockedError } from "../store/file-lock";
import { MigrationError } from "../store/pg/migrate";
import { DatabaseStartError } from "../store/pg/pool";
import { DataFileError } from "../store/secure-json-file";
import type { CliCommand } from "./cli-command";

/** Every command, loaded on demand: `chat` here, the rest registered by each capability (its `cli`). */
const COMMANDS: Record<string, () => Promise<{ command: CliCommand }>> = {
  chat: () => import("./chat"),
  "migrate-store": () => import("./migrate-store"),
  ...Object.assign({}, ...CAPABILITIES.map((c) => c.cli ?? {})),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const load = name ? COMMANDS[name] : undefined;
  if (!load) {
    const lines = await Promise.all(
      Object.entries(COMMANDS).map(async ([n, l]) => `  ${n.padEnd(18)} ${(await l()).command.summary}`),
    );
    process.stderr.write(`usage: npm run -s cli -- <command> [options]\n\ncommands:\n${lines.join("\n")}\n`);
    return name ? 2 : 0;
  }
  return (await load()).command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const known =
      err instanceof ConfigError ||
      err instanceof ContentError ||
      err instanceof DataFileError ||
      err instanceof StoreLockedError ||
      err instanceof DatabaseStartError ||
      err instanceof MigrationError;
    process.stderr.write(`${known ? (err as Error).message : ((err as Error)?.stack ?? String(err))}\n`);
    process.exitCode = 1;
  },
);
