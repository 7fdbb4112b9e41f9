import type { TFunction } from "i18next";
import { answerText, moreText } from "../bot/faq/format";
import { looksLikeCompany, looksLikeQuestion } from "../bot/faq/question-shape";
import { FAQ_CATEGORIES, type FaqCategory, type FaqEntry } from "../bot/faq/schema";
import { type Flow, type FlowContext, type FlowInput, type FlowResult, splitChoice } from "../bot/flow";
import type { Choice, Lang } from "../bot/model";

/** Saved between messages: the topic last answered (for votes) and the language it was in. */
interface FaqState {
  topic?: string;
  lang: Lang;
  voted?: string[];
}

/** Texts this long are usually pasted offers; the offer check claims them first. */
const LONG_TEXT = 200;
/** From this length a text that is not a question may be a pasted advert. */
const PASTED_TEXT = 80;
const MAX_RELATED = 3;

function topicChoice(entry: FaqEntry, lang: Lang): Choice {
  return { id: `faq:topic:${entry.topic}`, label: entry[lang].title };
}

function categories(t: TFunction): Choice[] {
  return FAQ_CATEGORIES.map((c) => ({ id: `faq:cat:${c}`, label: t(`faq:category.${c}`) }));
}

/** The answer with its follow-ups: vote, more, related topics. */
function answer(ctx: FlowContext, entry: FaqEntry, lang: Lang, score: number, state?: FaqState): FlowResult {
  const t = ctx.tFor(lang);
  const related = entry.related
    .map((id) => ctx.services.faq.entry(id))
    .filter((e): e is FaqEntry => !!e)
    .slice(0, MAX_RELATED);
  return {
    replies: [
      {
        text: `${answerText(entry, lang, t)}\n\n${t("faq:helpful")}`,
        choices: [
          { id: `faq:up:${entry.topic}`, label: t("faq:up") },
          { id: `faq:down:${entry.topic}`, label: t("faq:down") },
          { id: `faq:more:${entry.topic}`, label: t("faq:more") },
          ...related.map((e) => topicChoice(e, lang)),
        ],
      },
    ],
    state: { topic: entry.topic, lang, voted: state?.voted } satisfies FaqState,
    meta: { faq: { id: entry.topic, score } },
  };
}

/** A question the FAQ cannot answer: say so, log the text (no user id), offer topics and the menu. */
function unanswered(ctx: FlowContext, text: string, lang: Lang, suggestions: string[]): FlowResult {
  const t = ctx.tFor(lang);
  const faq = ctx.services.faq;
  const close = suggestions.map((id) => faq.entry(id)).filter((e): e is FaqEntry => !!e);
  return {
    replies: [
      { text: t("faq:outOfScope"), choices: close.map((e) => topicChoice(e, lang)) },
      ctx.menu(undefined, t),
    ],
    effects: [{ type: "faq-unanswered", text, lang }],
    meta: { faq: null },
  };
}

function ask(ctx: FlowContext, text: string, state?: FaqState): FlowResult {
  const found = ctx.services.faq.search(text);
  const lang = found.lang ?? ctx.lang;
  const entry = found.best ? ctx.services.faq.entry(found.best.topic) : undefined;
  if (found.best && entry) return answer(ctx, entry, lang, found.best.score, state);
  return unanswered(ctx, text, lang, found.suggestions);
}

function showCategories(ctx: FlowContext, state?: FaqState): FlowResult {
  return {
    replies: [{ text: ctx.t("faq:categoriesTitle"), choices: categories(ctx.t) }],
    state: { lang: ctx.lang, voted: state?.voted } satisfies FaqState,
  };
}

function onChoice(ctx: FlowContext, choice: string, state?: FaqState): FlowResult {
  const { value } = splitChoice(choice);
  const [kind, arg = ""] = value.split(":", 2) as [string, string?];
  const faq = ctx.services.faq;
  const lang = state?.lang ?? ctx.lang;
  const t = ctx.tFor(lang);
  if (kind === "cat" && (FAQ_CATEGORIES as readonly string[]).includes(arg)) {
    const category = arg as FaqCategory;
    const topics = faq.topicsIn(category);
    return {
      replies: [
        {
          text: t("faq:topicsTitle", { category: t(`faq:category.${category}`) }),
          choices: [
            ...topics.map((e) => topicChoice(e, lang)),
            { id: "faq:home", label: t("faq:backToCategories") },
          ],
        },
      ],
      state: { lang, voted: state?.voted } satisfies FaqState,
    };
  }
  const entry = faq.entry(arg);
  if (kind === "topic" && entry) return answer(ctx, entry, lang, 1, state);
  if (kind === "more" && entry) {
    const related = entry.related.map((id) => faq.entry(id)).filter((e): e is FaqEntry => !!e);
    return {
      replies: [
        {
          text: moreText(entry, lang, t),
          choices: [
            ...related.slice(0, MAX_RELATED).map((e) => topicChoice(e, lang)),
            { id: "faq:home", label: t("faq:backToCategories") },
          ],
        },
      ],
      state: { topic: entry.topic, lang, voted: state?.voted } satisfies FaqState,
      meta: { faq: { id: entry.topic, score: 1 } },
    };
  }
  if ((kind === "up" || kind === "down") && entry) {
    const voted = state?.voted ?? [];
    if (voted.includes(entry.topic)) {
      return { replies: [{ text: t("faq:alreadyVoted"), choices: categories(t) }], state };
    }
    return {
      effects: [{ type: "faq-vote", topic: entry.topic, helpful: kind === "up" }],
      replies: [{ text: t(kind === "up" ? "faq:thanksUp" : "faq:thanksDown"), choices: categories(t) }],
      state: { topic: entry.topic, lang, voted: [...voted, entry.topic].slice(-30) } satisfies FaqState,
      meta: { vote: kind },
    };
  }
  if (kind === "home") return showCategories(ctx, state);
  return {
    replies: [{ text: t("faq:unknownTopic"), choices: categories(t) }],
    state: { lang, voted: state?.voted },
  };
}

const YES = new Set([
  "ya",
  "iya",
  "yes",
  "ok",
  "oke",
  "membantu",
  "helpful",
  "👍",
  "terima kasih",
  "makasih",
  "thanks",
]);
const NO = new Set(["tidak", "gak", "ga", "nggak", "no", "kurang", "tidak membantu", "not really", "👎"]);

/** A typed answer to "Membantu? 👍 / 👎" right after an answer. */
function typedVote(text: string): "up" | "down" | undefined {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[.!]+$/, "");
  if (YES.has(t)) return "up";
  if (NO.has(t)) return "down";
  return undefined;
}

/**
 * How sure the FAQ is that free text is a question for it (router step 4). Long pasted
 * texts and company names or licence numbers are left to the offer and recruiter checks.
 */
export function faqConfidence(ctx: FlowContext, text: string): number {
  const found = ctx.services.faq.search(text);
  const question = looksLikeQuestion(text);
  if (text.length >= LONG_TEXT) return found.best && question ? 0.5 : 0;
  if (looksLikeCompany(text)) return found.best && question ? 0.45 : 0;
  // A statement of some length (not a question) may be a pasted offer: stay below the offer check.
  if (found.best && !question && text.length >= PASTED_TEXT) return 0.55;
  if (found.best) return Math.min(0.95, 0.6 + 0.4 * found.best.score);
  if (question) return 0.55;
  return found.terms.length >= 2 && (found.known > 0 || found.offTopic) ? 0.5 : 0;
}

/** "Tanya prosedur resmi": categories → topics → answer, and free questions answered from the FAQ. */
export const faqFlow: Flow = {
  id: "faq",
  start(ctx, input: FlowInput) {
    if (input.choice) return onChoice(ctx, input.choice);
    if (input.text) return ask(ctx, input.text);
    return showCategories(ctx);
  },
  step(ctx, raw, input) {
    const state = raw as FaqState | undefined;
    if (input.choice) return onChoice(ctx, input.choice, state);
    if (!input.text) return showCategories(ctx, state);
    const vote = state?.topic ? typedVote(input.text) : undefined;
    if (vote && state?.topic) return onChoice(ctx, `faq:${vote}:${state.topic}`, state);
    if (faqConfidence(ctx, input.text) < 0.5) return { replies: [], pass: true };
    return ask(ctx, input.text, state);
  },
  detect: faqConfidence,
  // The FAQ never holds a person: only a typed vote answers what it asked.
  owns: (_ctx, raw, text) => ((raw as FaqState | undefined)?.topic && typedVote(text) ? 1 : 0),
};
