import { ConfigError } from "../config";
import { ContentError } from "../i18n";
import { StoreLockedError } from "../store/file-lock";
import { DataFileError } from "../store/secure-json-file";

/** A CLI command: returns the exit code. */
export interface CliCommand {
  summary: string;
  run(argv: string[]): Promise<number>;
}

/** Every command, loaded on demand. Features add theirs here (CONTRACTS.md names them). */
const COMMANDS: Record<string, () => Promise<{ command: CliCommand }>> = {
  chat: () => import("./chat"),
  ask: () => import("./ask"),
  unanswered: () => import("./unanswered"),
  reports: () => import("./reports"),
  "import-registry": () => import("./import-registry"),
  "verify-recruiter": () => import("./verify-recruiter"),
  "check-offer": () => import("./check-offer"),
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
      err instanceof StoreLockedError;
    process.stderr.write(`${known ? (err as Error).message : ((err as Error)?.stack ?? String(err))}\n`);
    process.exitCode = 1;
  },
);
