import { config as loadDotenv } from "dotenv";
import { openFileStore } from "../store/open-store";
import { copyStore } from "../store/pg/copy-store";
import { redactUrl } from "../store/pg/redact-url";
import { openPgRepositories } from "../store/pg-repositories";
import { createFileRegistry } from "../store/registry-store";
import type { CliCommand } from "./cli-command";
import { parseArgs } from "./cli-env";

/**
 * `migrate-store --from DATA_DIR --to postgres://… [--json]`: copies a lowdb data folder into
 * PostgreSQL (the schema is created or brought up to date first). The folder is opened
 * read-only, so this may run beside a bot still using it (what changes after the copy is not
 * copied: run it again, nothing is duplicated). Nothing is deleted from the folder.
 */
export const command: CliCommand = {
  summary: "copy a lowdb data folder into PostgreSQL (idempotent; the folder is left as it is)",
  async run(argv) {
    loadDotenv({ quiet: true });
    const args = parseArgs(argv, ["from", "to"]);
    const from = typeof args.flags.from === "string" ? args.flags.from : process.env.DATA_DIR;
    const to = typeof args.flags.to === "string" ? args.flags.to : process.env.DATABASE_URL;
    const json = args.flags.json === true;
    if (!from || !to) {
      process.stderr.write(
        "usage: migrate-store --from DATA_DIR --to postgres://user:password@host:port/db [--json]\n",
      );
      return 2;
    }
    const source = await openFileStore(from, { readOnly: true });
    const target = await openPgRepositories(to);
    const bar =
      process.stderr.isTTY && !json
        ? new (await import("cli-progress")).SingleBar({
            format: "copying [{bar}] {value}/{total} records",
            hideCursor: true,
          })
        : undefined;
    try {
      let started = false;
      const summary = await copyStore(source, createFileRegistry(from), target, (done, total) => {
        if (!bar) return;
        if (!started) bar.start(total, 0);
        started = true;
        bar.update(done);
      });
      bar?.stop();
      const total = Object.values(summary).reduce((a, b) => a + b, 0);
      if (json)
        process.stdout.write(
          `${JSON.stringify({ ok: true, from, to: redactUrl(to), total, copied: summary })}\n`,
        );
      else {
        const parts = Object.entries(summary).map(([k, v]) => `${k} ${v}`);
        process.stdout.write(
          `Copied ${total} records from ${from} to ${redactUrl(to)}: ${parts.join(", ") || "nothing to copy"}.\n` +
            `Nothing was deleted from ${from}; running this again adds nothing twice.\n`,
        );
      }
      return 0;
    } finally {
      bar?.stop();
      await source.close();
      await target.close();
    }
  },
};
