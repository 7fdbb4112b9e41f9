import type { FaqService } from "../faq/faq-service";
import { answerText } from "../faq/format";
import type { Lang } from "../model";
import type { Bot } from "../wiring";
import type { CliCommand } from "./cli-command";
import { runQuery } from "./cli-env";

/** The `ask` result (CONTRACTS.md). */
export interface AskResult {
  faq: string | null;
  score: number;
  answer: string;
  suggestions: string[];
  lang: Lang;
}

/**
 * Answers one question as the bot would. `lang` plays the person's language setting: a
 * question clearly written in the other language is answered in that language.
 */
export function askFaq(bot: Bot, text: string, lang: Lang): AskResult {
  const faq: FaqService = bot.services.faq;
  const found = faq.search(text);
  const answerLang = found.lang ?? lang;
  const t = bot.i18n.getFixedT(answerLang);
  const entry = found.best ? faq.entry(found.best.topic) : undefined;
  if (found.best && entry) {
    return {
      faq: entry.topic,
      score: found.best.score,
      answer: answerText(entry, answerLang, t),
      suggestions: found.suggestions,
      lang: answerLang,
    };
  }
  return {
    faq: null,
    score: 0,
    answer: t("faq:outOfScope"),
    suggestions: found.suggestions,
    lang: answerLang,
  };
}

/** `ask [--lang id|en] [--json|--jsonl] "question"`: `--lang` is the default language (id). */
export const command: CliCommand = {
  summary: "answer a question from the FAQ (JSON: faq, score, answer, suggestions)",
  run: (argv) =>
    runQuery<AskResult>(argv, {
      usage: 'ask [--lang id|en] [--json|--jsonl] "question"',
      answer: (env, lang) => (text) => askFaq(env.bot, text, lang),
      render(env, result) {
        const t = env.bot.i18n.getFixedT(result.lang);
        const titles = result.suggestions.map(
          (id) => `${id} (${env.bot.services.faq.entry(id)?.[result.lang].title ?? id})`,
        );
        const lines = [
          `faq: ${result.faq ?? "-"}  score: ${result.score}`,
          "",
          result.answer,
          "",
          `suggestions: ${titles.join(", ") || "-"}`,
        ];
        if (!result.faq) lines.push(t("common:menuTitle"));
        return lines.join("\n");
      },
    }),
};
