import type { CliCommand } from "./cli-command";
import { openCli, parseArgs } from "./cli-env";

/** `unanswered [--json] [--limit N]`: questions the FAQ could not answer, most asked first. */
export const command: CliCommand = {
  summary: "list questions the FAQ could not answer, with counts (text only, no user ids)",
  async run(argv) {
    const args = parseArgs(argv, ["limit"]);
    const limit = Number(args.flags.limit ?? 0) || Number.POSITIVE_INFINITY;
    const env = await openCli({ readOnly: true });
    try {
      const rows = (await env.bot.services.faq.unanswered()).slice(0, limit);
      if (args.flags.json) {
        for (const r of rows) {
          process.stdout.write(
            `${JSON.stringify({ text: r.text, count: r.count, lang: r.lang, lastSeen: r.lastSeen })}\n`,
          );
        }
        return 0;
      }
      if (rows.length === 0) {
        process.stdout.write("No unanswered questions yet. / Belum ada pertanyaan yang tak terjawab.\n");
        return 0;
      }
      const width = String(rows[0]!.count).length;
      for (const r of rows)
        process.stdout.write(`${String(r.count).padStart(width)}  ${r.lang}  ${r.text}\n`);
      return 0;
    } finally {
      await env.repos.close();
    }
  },
};
