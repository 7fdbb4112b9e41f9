import { toRiskResult } from "../offer/risk-result";
import type { CliCommand } from "./cli-command";
import { runQuery } from "./cli-env";

/** `check-offer [--lang id|en] [--json|--jsonl] "offer text"` (CONTRACTS.md). */
export const command: CliCommand = {
  summary: "screen a job offer for red flags: level, flags with evidence, advice",
  run: (argv) =>
    runQuery(argv, {
      usage: 'check-offer [--lang id|en] [--json|--jsonl] "offer text"',
      answer(env, lang) {
        const { offer } = env.bot.services;
        const t = env.bot.i18n.getFixedT(lang);
        return (text) => toRiskResult(offer.check(text), offer.rules, lang, t);
      },
      render(env, result, lang) {
        const { offer } = env.bot.services;
        const out = [`level: ${result.level} (score ${result.score})`];
        for (const f of result.flags) {
          out.push(`- ${f.id}: ${offer.rules.get(f.id)?.title[lang] ?? ""}`, `  evidence: "${f.evidence}"`);
        }
        if (result.flags.length === 0)
          out.push(lang === "en" ? "no red flags found" : "tidak ditemukan tanda bahaya");
        out.push(`advice: ${result.advice}`);
        return out.join("\n");
      },
    }),
};
