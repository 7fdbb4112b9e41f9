import type { Lang } from "../model";
import { toVerifyResult } from "../registry/verify-result";
import { eachJsonLine, openCli, parseArgs } from "./cli-env";
import type { CliCommand } from "./main";

/** `verify-recruiter [--json|--jsonl] [--lang id|en] "company name or licence number"`. */
export const command: CliCommand = {
  summary: "check a recruiting company (P3MI) by name or licence number against the registry",
  async run(argv) {
    const args = parseArgs(argv, ["lang"]);
    const lang: Lang = args.flags.lang === "en" ? "en" : "id";
    const query = args.rest.join(" ").trim();
    if (!args.flags.jsonl && !query) {
      process.stderr.write(
        'usage: verify-recruiter [--json|--jsonl] [--lang id|en] "company name or licence"\n',
      );
      return 2;
    }
    const env = await openCli({ readOnly: true });
    try {
      const { registry, clock } = env.bot.services;
      const t = env.bot.i18n.getFixedT(lang);
      const verify = (text: string) => {
        const { lookup, info } = registry.check(text);
        return toVerifyResult(lookup, info, t, clock());
      };
      if (args.flags.jsonl) {
        await eachJsonLine((obj) =>
          typeof obj.text === "string" ? verify(obj.text) : { error: 'each line needs "text"' },
        );
        return 0;
      }
      const result = verify(query);
      if (args.flags.json) {
        process.stdout.write(`${JSON.stringify(result)}\n`);
        return 0;
      }
      const out = [`status: ${result.status}${result.sample ? " (data contoh / sample data)" : ""}`];
      if (result.match) {
        const m = result.match;
        out.push(`match: ${m.name} · ${m.license} · ${m.status} · checked ${m.checkedOn} · ${m.source}`);
      }
      result.candidates.forEach((c, i) => {
        out.push(`candidate ${i + 1}: ${c.name} · ${c.license} · ${c.status}`);
      });
      out.push(`advice: ${result.advice}`);
      out.push(`registry: ${result.registry.source} · updated ${result.registry.updatedAt}`);
      process.stdout.write(`${out.join("\n")}\n`);
      return 0;
    } finally {
      await env.store.close();
    }
  },
};
