import type { Flow, FlowContext, FlowInput } from "../bot/flow";
import type { Lang } from "../bot/model";
import { foldWord } from "../bot/nlp/normalize";

const WORDS: Record<Lang, string[]> = {
  id: ["id", "indonesia", "bahasa indonesia", "indo", "indonesian"],
  en: ["en", "english", "inggris", "bahasa inggris", "eng"],
};

function pick(input: FlowInput): Lang | undefined {
  if (input.choice === "language:id" || input.choice === "language:en") return input.choice.slice(9) as Lang;
  const key = foldWord(input.text ?? "")
    .replace(/[^\p{L} ]+/gu, " ")
    .trim();
  return (Object.keys(WORDS) as Lang[]).find((l) => WORDS[l].includes(key));
}

function ask(ctx: FlowContext) {
  return {
    replies: [
      {
        text: ctx.t("common:language.ask"),
        choices: [
          { id: "language:id", label: ctx.t("common:language.id") },
          { id: "language:en", label: ctx.t("common:language.en") },
        ],
      },
    ],
    state: { asked: true },
  };
}

/** Choose Indonesian or English; the choice is remembered per person. */
export const languageFlow: Flow = {
  id: "language",
  // Asked as a first message, the choice of language comes without the greeting.
  skipsGreeting: true,
  start(ctx, input) {
    const lang = pick(input);
    return lang ? set(ctx, lang) : ask(ctx);
  },
  step(ctx, _state, input) {
    const lang = pick(input);
    if (lang) return set(ctx, lang);
    return { replies: [], pass: true };
  },
};

function set(ctx: FlowContext, lang: Lang) {
  ctx.user.lang = lang;
  ctx.lang = lang;
  ctx.t = ctx.tFor(lang);
  return {
    replies: [ctx.menu(`${ctx.t("common:language.set")}\n\n${ctx.t("common:menuTitle")}`)],
    meta: { lang },
  };
}
