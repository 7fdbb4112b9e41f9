import { createInterface } from "node:readline";
import { config as loadDotenv } from "dotenv";
import { loadConfig } from "../config";
import { createLogger } from "../logger";
import { createOfficerAccounts, OfficerError } from "../officers/accounts";
import { audit } from "../officers/audit";
import { generatePassword } from "../officers/password";
import { openConfiguredStore } from "../store/open-configured";
import type { CliCommand } from "./cli-command";
import { parseArgs } from "./cli-env";

const USAGE = `usage: npm run -s cli -- officer <action> NAME
  add NAME [--password-stdin]   creates a console account; prints a password shown only this once
                                (or reads one from stdin, at least 10 characters)
  token NAME                    prints a new API bearer token alone on its last line
  disable NAME                  disables the account and all its tokens
  list                          account names, state and token count`;

async function readLine(): Promise<string> {
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return "";
}

/** `officer add|token|disable|list`: console accounts for officers (bot stopped: one writer). */
export const command: CliCommand = {
  summary: "officers: console accounts (add, token, disable, list)",
  async run(argv) {
    const { flags, rest } = parseArgs(argv);
    const [action, name] = rest;
    if (!action || (action !== "list" && !name)) {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    loadDotenv({ quiet: true });
    const config = loadConfig();
    const repos = (
      await openConfiguredStore(config, createLogger("warn", 2), { readOnly: action === "list" })
    ).repos;
    const accounts = createOfficerAccounts(repos.officers);
    const actor = `cli:${process.env.USER ?? "unknown"}`;
    try {
      switch (action) {
        case "add": {
          const given = flags["password-stdin"] ? (await readLine()).trim() : undefined;
          const password = given ?? generatePassword();
          const a = await accounts.add(name!, password);
          await audit(repos.audit, { actor, action: "officer-add", where: "cli", target: a.id, ok: true });
          await repos.flush();
          process.stdout.write(
            given
              ? `officer ${a.id} created\n`
              : `officer ${a.id} created; password (shown once):\n${password}\n`,
          );
          return 0;
        }
        case "token": {
          const token = await accounts.issueToken(name!);
          await audit(repos.audit, {
            actor,
            action: "officer-token",
            where: "cli",
            target: name!.toLowerCase(),
            ok: true,
          });
          await repos.flush();
          process.stdout.write(
            `new API token for ${name!.toLowerCase()} (shown once; send it as "Authorization: Bearer …"):\n${token}\n`,
          );
          return 0;
        }
        case "disable": {
          const a = await accounts.disable(name!);
          await audit(repos.audit, {
            actor,
            action: "officer-disable",
            where: "cli",
            target: a.id,
            ok: true,
          });
          await repos.flush();
          process.stdout.write(`officer ${a.id} disabled; its tokens no longer work\n`);
          return 0;
        }
        case "list":
          for (const a of await accounts.list())
            process.stdout.write(
              `${a.id}\t${a.disabled ? "disabled" : "active"}\t${a.tokens.length} token(s)\n`,
            );
          return 0;
        default:
          process.stderr.write(`${USAGE}\n`);
          return 2;
      }
    } catch (err) {
      if (err instanceof OfficerError) {
        process.stderr.write(`${err.message}\n`);
        return 1;
      }
      throw err;
    } finally {
      await repos.close();
    }
  },
};
