import { toVerifyResult } from "../registry/verify-result";
import type { CliCommand } from "./cli-command";
import { runQuery } from "./cli-env";

/** `verify-recruiter [--json|--jsonl] [--lang id|en] "company name or licence number"`. */
export const command: CliCommand = {
  summary: "check a recruiting company (P3MI) by name or licence number against the registry",
  run: (argv) =>
    runQuery(argv, {
      usage: 'verify-recruiter [--json|--jsonl] [--lang id|en] "company name or licence"',
      answer(env, lang) {
        const { registry, clock } = env.bot.services;
        const t = env.bot.i18n.getFixedT(lang);
        return async (text) => {
          const { lookup, info } = await registry.check(text);
          return toVerifyResult(lookup, info, t, clock());
        };
      },
      render(_env, result) {
        const out = [`status: ${result.status}${result.sample ? " (data contoh / sample data)" : ""}`];
        if (result.match) {
          const m = result.match;
          out.push(`match: ${m.name} · ${m.license} · ${m.status} · checked ${m.checkedOn} · ${m.source}`);
        }
        result.candidates.forEach((c, i) => {
          out.push(`candidate ${i + 1}: ${c.name} · ${c.license} · ${c.status}`);
        });
        out.push(
          `advice: ${result.advice}`,
          `registry: ${result.registry.source} · updated ${result.registry.updatedAt}`,
        );
        return out.join("\n");
      },
    }),
};
