import type { Flow, FlowContext, FlowInput, FlowResult } from "../bot/flow";
import type { Screening } from "../bot/offer/checker";
import { moreText, nextChoices, resultText } from "../bot/offer/format";
import { toRiskResult } from "../bot/offer/risk-result";
import type { FlagId } from "../bot/offer/schema";
import { QUOTED_DANGER } from "../bot/routing/route";
import { contactsReply } from "../bot/safety/contacts-text";

/** Saved between messages. */
type OfferState = { step: "await-text" } | { step: "confirm"; text: string };

/** Typed answers to "shall I check it?", for channels without buttons. */
const YES = new Set([
  "ya",
  "iya",
  "y",
  "yes",
  "ok",
  "oke",
  "boleh",
  "cek",
  "ya cek",
  "yes please",
  "silakan",
]);
const NO = new Set(["tidak", "gak", "ga", "nggak", "no", "n", "tidak usah", "gak usah", "no thanks"]);

/** Shorter texts are not checked: the person is asked for the whole offer. */
const MIN_CHARS = 20;
/** A short text with no job words while we wait is a question for another flow. */
const QUESTION_CHARS = 60;
const QUESTION = /\?\s*$|^(apa|apakah|bagaimana|gimana|gmn|kenapa|how|what|why|is|can|bisa|boleh)\b/i;

function answerWord(text: string): string {
  return text.toLowerCase().replace(/[.!]+$/, "");
}

function ask(ctx: FlowContext, again = false): FlowResult {
  return {
    replies: [
      {
        text: ctx.t(again ? "offer:askAgain" : "offer:ask"),
        choices: [
          { id: "offer:questionnaire", label: ctx.t("offer:choices.questionnaire") },
          { id: "menu:home", label: ctx.t("offer:choices.menu") },
        ],
      },
    ],
    state: { step: "await-text" } satisfies OfferState,
  };
}

function confirm(ctx: FlowContext, text: string): FlowResult {
  return {
    replies: [
      {
        text: ctx.t("offer:confirm"),
        choices: [
          { id: "offer:check", label: ctx.t("offer:choices.yes") },
          { id: "offer:no", label: ctx.t("offer:choices.no") },
        ],
      },
    ],
    state: { step: "confirm", text } satisfies OfferState,
  };
}

/** The reply for a screening (pasted text or questionnaire), with `meta.risk`. */
export function resultReply(
  ctx: FlowContext,
  s: Screening,
  extra: Parameters<typeof resultText>[4] = {},
): FlowResult {
  const { offer } = ctx.services;
  const risk = toRiskResult(s, offer.rules, ctx.lang, ctx.t);
  return {
    replies: [
      {
        text: resultText(s, offer.rules, ctx.lang, ctx.t, extra),
        choices: nextChoices(
          ctx.t,
          s.flags.map((f) => f.id),
        ),
      },
    ],
    meta: { risk },
  };
}

async function check(ctx: FlowContext, text: string): Promise<FlowResult> {
  const s = ctx.services.offer.check(text);
  const warnings = (await ctx.services.warnings?.verifiedReports(text))?.filter((w) => w.count > 0);
  return resultReply(ctx, s, { warnings });
}

/** A pasted offer that quotes danger words: checked at once, with a pointer to help. */
async function quotedDanger(ctx: FlowContext, text: string): Promise<FlowResult> {
  const r = await check(ctx, text);
  const help = {
    text: ctx.t("offer:quotedDanger"),
    choices: [
      { id: "menu:emergency", label: ctx.t("offer:choices.emergency") },
      { id: "report:start", label: ctx.t("offer:choices.report") },
    ],
  };
  return { ...r, replies: [...r.replies, help] };
}

function officer(ctx: FlowContext): FlowResult {
  const safety = ctx.services.safety;
  const contacts = safety ? [contactsReply(safety.hotlines, ctx.lang, ctx.t)] : [];
  return {
    replies: [
      ...contacts,
      {
        text: ctx.t("offer:officer"),
        choices: [
          { id: "report:start", label: ctx.t("offer:choices.report") },
          { id: "menu:home", label: ctx.t("offer:choices.menu") },
        ],
      },
    ],
  };
}

function onChoice(ctx: FlowContext, choice: string, state?: OfferState): FlowResult | Promise<FlowResult> {
  if (choice.startsWith("offer:more:")) {
    const { rules } = ctx.services.offer;
    const ids = choice
      .slice("offer:more:".length)
      .split(",")
      .filter((id): id is FlagId => rules.has(id as FlagId));
    if (ids.length === 0) return ask(ctx);
    return { replies: [{ text: moreText(ids, rules, ctx.lang, ctx.t), choices: nextChoices(ctx.t, []) }] };
  }
  switch (choice) {
    case "offer:check":
      return state?.step === "confirm" ? check(ctx, state.text) : ask(ctx);
    case "offer:no":
      return { replies: [ctx.menu()] };
    case "offer:questionnaire":
      return { replies: [], next: { flow: "offer-questionnaire" } };
    case "offer:officer":
      return officer(ctx);
    default:
      return ask(ctx);
  }
}

/**
 * "Cek tawaran kerja": asks for the offer text (or offers the questionnaire), shows the
 * level and each red flag with its evidence, explanation and basis, then next steps.
 * A long pasted job advert anywhere is recognised (`detect`) and the person is asked
 * whether to check it.
 */
export function createOfferFlow(): Flow {
  return {
    id: "offer",
    start(ctx, input: FlowInput) {
      if (input.choice) return onChoice(ctx, input.choice);
      if (input.text && input.arg === QUOTED_DANGER) return quotedDanger(ctx, input.text);
      if (input.text) return confirm(ctx, input.text);
      return ask(ctx);
    },
    step(ctx, raw, input) {
      const state = raw as OfferState | undefined;
      if (input.choice) return onChoice(ctx, input.choice, state);
      const text = input.text?.trim();
      if (!text) return ask(ctx);
      if (state?.step === "await-text") {
        const looksLikeQuestion = text.length < QUESTION_CHARS && QUESTION.test(text);
        if (looksLikeQuestion) return { replies: [], pass: true };
        if (text.length < MIN_CHARS) return ask(ctx, true);
        return check(ctx, text);
      }
      if (state?.step === "confirm") {
        const word = answerWord(text);
        if (YES.has(word)) return check(ctx, state.text);
        if (NO.has(word)) return { replies: [ctx.menu()] };
      }
      return { replies: [], pass: true };
    },
    detect(ctx, text) {
      return ctx.services.offer.offerLikelihood(text);
    },
    owns(_ctx, raw, text) {
      const state = raw as OfferState | undefined;
      const t = text.trim();
      if (state?.step === "confirm") return YES.has(answerWord(t)) || NO.has(answerWord(t)) ? 1 : 0;
      if (state?.step !== "await-text") return 0;
      // Asked for the offer's text: a text of some length that does not ask is it.
      if (t.length < QUESTION_CHARS && QUESTION.test(t)) return 0;
      return t.length >= MIN_CHARS ? 0.9 : 0.3;
    },
  };
}
