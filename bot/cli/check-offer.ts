import type { Lang } from "../model";
import { toRiskResult } from "../offer/risk-result";
import { eachJsonLine, openCli, parseArgs } from "./cli-env";
import type { CliCommand } from "./main";

/** `check-offer [--lang id|en] [--json|--jsonl] "offer text"` (CONTRACTS.md). */
export const command: CliCommand = {
  summary: "screen a job offer for red flags: level, flags with evidence, advice",
  async run(argv) {
    const args = parseArgs(argv, ["lang"]);
    const lang: Lang = args.flags.lang === "en" ? "en" : "id";
    const text = args.rest.join(" ").trim();
    if (!args.flags.jsonl && !text) {
      process.stderr.write('usage: check-offer [--lang id|en] [--json|--jsonl] "offer text"\n');
      return 2;
    }
    const env = await openCli({ readOnly: true });
    try {
      const { offer } = env.bot.services;
      const t = env.bot.i18n.getFixedT(lang);
      const check = (s: string) => toRiskResult(offer.check(s), offer.rules, lang, t);
      if (args.flags.jsonl) {
        await eachJsonLine((obj) =>
          typeof obj.text === "string" ? check(obj.text) : { error: 'each line needs "text"' },
        );
        return 0;
      }
      const result = check(text);
      if (args.flags.json) {
        process.stdout.write(`${JSON.stringify(result)}\n`);
        return 0;
      }
      const out = [`level: ${result.level} (score ${result.score})`];
      for (const f of result.flags) {
        const rule = offer.rules.get(f.id);
        out.push(`- ${f.id}: ${rule?.title[lang] ?? ""}`, `  evidence: "${f.evidence}"`);
      }
      if (result.flags.length === 0)
        out.push(lang === "en" ? "no red flags found" : "tidak ditemukan tanda bahaya");
      out.push(`advice: ${result.advice}`);
      process.stdout.write(`${out.join("\n")}\n`);
      return 0;
    } finally {
      await env.store.close();
    }
  },
};
