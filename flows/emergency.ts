import type { Flow, FlowContext, FlowInput, FlowResult } from "../bot/flow";
import type { Choice, Lang, Outbound } from "../bot/model";
import { detectLanguage } from "../bot/nlp/detect-language";
import { detailsText, firstReplyText } from "../bot/safety/contacts-text";
import { handoverFor } from "../bot/safety/handover";
import type { Where } from "../bot/safety/where";

/** Saved between messages: what is known of where the person is, and the language of the answer. */
interface EmergencyState {
  /** "where": asked where the person is; "country": asked which country; "located": answered. */
  step: "where" | "country" | "located";
  /** `indonesia`, `abroad` (country unknown) or a country id from hotlines-abroad.yaml. */
  place?: string;
}

function placeKey(where: Where | undefined): string | undefined {
  if (!where) return undefined;
  return where.kind === "indonesia" ? "indonesia" : (where.country?.id ?? "abroad");
}

function placeFrom(ctx: FlowContext, key: string | undefined): Where | undefined {
  if (!key) return undefined;
  if (key === "indonesia") return { kind: "indonesia" };
  if (key === "abroad") return { kind: "abroad" };
  const country = ctx.services.safety.countries.find((c) => c.id === key);
  return country ? { kind: "abroad", country } : undefined;
}

/**
 * The language of the answer: the person's words when they clearly say ("help me, they
 * took my passport" is English), else the language they chose. A clear switch is remembered,
 * so the report and the menu that follow speak it too.
 */
function answerLang(ctx: FlowContext, text: string | undefined): Lang {
  const said = text ? detectLanguage(text, ctx.services.lexicon) : undefined;
  if (said && said !== ctx.lang) {
    ctx.user.lang = said;
    ctx.lang = said;
    ctx.t = ctx.tFor(said);
  }
  return ctx.lang;
}

function moreChoice(ctx: FlowContext, key: string | undefined): Choice {
  return { id: `emergency:more:${key ?? "unknown"}`, label: ctx.t("safety:moreButton") };
}

function reportChoice(ctx: FlowContext): Choice {
  return { id: "report:start", label: ctx.t("safety:reportButton") };
}

/** The second bubble: ask where the person is, or offer to report; always something to do. */
function followUp(ctx: FlowContext, where: Where | undefined, asking: EmergencyState["step"]): Outbound {
  const t = ctx.t;
  const key = placeKey(where);
  const advice = t("safety:stayAdvice");
  if (asking === "where") {
    return {
      text: `${t("safety:askWhere")}\n\n${advice}`,
      choices: [
        { id: "emergency:where:indonesia", label: t("safety:homeButton") },
        { id: "emergency:where:abroad", label: t("safety:abroadButton") },
        moreChoice(ctx, key),
        reportChoice(ctx),
      ],
    };
  }
  const ask = asking === "country" ? `${t("safety:askCountry")}\n\n` : "";
  return {
    text: `${ask}${advice}\n\n${t("safety:offerReport")}\n${t("safety:exitTip")}`,
    choices: [moreChoice(ctx, key), reportChoice(ctx), { id: "menu:home", label: t("safety:menuButton") }],
  };
}

/** The short answer for a place (or none yet), then what to do next; the state remembers the place. */
function located(ctx: FlowContext, where: Where | undefined): FlowResult {
  const { hotlines } = ctx.services.safety;
  const step: EmergencyState["step"] = !where
    ? "where"
    : where.kind === "abroad" && !where.country
      ? "country"
      : "located";
  return {
    replies: [{ text: firstReplyText(where, hotlines, ctx.lang, ctx.t) }, followUp(ctx, where, step)],
    state: { step, place: placeKey(where) } satisfies EmergencyState,
    meta: { emergency: true, where: placeKey(where) ?? null },
  };
}

/** What the session already knows about where the person is (an earlier answer in this chat). */
function knownPlace(ctx: FlowContext): Where | undefined {
  const session = ctx.session;
  if (session.flow !== "emergency") return undefined;
  return placeFrom(ctx, (session.state as EmergencyState | undefined)?.place);
}

function answer(ctx: FlowContext, input: FlowInput): FlowResult {
  const { inbound, services } = ctx;
  // An officer's command that happens to quote danger words goes to the officer flow.
  if (input.text?.startsWith("/") && services.isOfficer(inbound.channel, inbound.chatId)) {
    return { replies: [], next: { flow: "officer", input: { text: input.text } } };
  }
  answerLang(ctx, input.text);
  const where = (input.text ? services.safety.where(input.text) : undefined) ?? knownPlace(ctx);
  const { hotlines } = services.safety;
  const first: Outbound = { text: firstReplyText(where, hotlines, ctx.lang, ctx.t) };
  // Someone writing a report describes danger: the numbers, then carry on with the report.
  if (input.text && ctx.session.flow === "report") {
    return {
      replies: [first],
      meta: { emergency: true, where: placeKey(where) ?? null },
      next: { flow: "report", input: { text: input.text, arg: "resume" } },
    };
  }
  // A question or a pasted advert also gets its answer; the report offer rides on the numbers.
  const handover = input.text ? handoverFor(input.text) : undefined;
  if (input.text && handover) {
    return {
      replies: [{ ...first, choices: [moreChoice(ctx, placeKey(where)), reportChoice(ctx)] }],
      meta: { emergency: true, handover, where: placeKey(where) ?? null },
      next: { flow: handover, input: { text: input.text } },
    };
  }
  return located(ctx, where);
}

function step(ctx: FlowContext, state: unknown, input: FlowInput): FlowResult {
  const s = (state ?? {}) as EmergencyState;
  const choice = input.choice ?? "";
  if (choice === "emergency:menu") return { replies: [], next: { flow: "menu" } };
  if (choice.startsWith("emergency:more:")) {
    const where = placeFrom(ctx, choice.slice("emergency:more:".length));
    const { hotlines } = ctx.services.safety;
    return {
      replies: [
        {
          text: detailsText(where, hotlines, ctx.lang, ctx.t),
          choices: [reportChoice(ctx), { id: "menu:home", label: ctx.t("safety:menuButton") }],
        },
      ],
      state: { step: s.step ?? "located", place: placeKey(where) ?? s.place } satisfies EmergencyState,
      meta: { emergency: true, details: true },
    };
  }
  if (choice.startsWith("emergency:where:")) {
    return located(ctx, placeFrom(ctx, choice.slice("emergency:where:".length)));
  }
  if (input.text) {
    // "i am in dubai", "sy di taichung": a follow-up that says where the person is.
    const where = ctx.services.safety.where(input.text);
    if (where) {
      answerLang(ctx, input.text);
      return located(ctx, where);
    }
    // Anything else is not for this flow: the router carries on (a question, a command…).
    return { replies: [], pass: true };
  }
  return answer(ctx, input);
}

/**
 * Emergency help. The first reply is short: the one or two numbers that help where the
 * person is (content/safety/hotlines.yaml and hotlines-abroad.yaml), and a line saying more
 * follows. It asks where the person is when the text does not say; "Selengkapnya" shows every
 * contact with its source and checked date. The router starts it on danger words from any state.
 */
export const emergencyFlow: Flow = {
  id: "emergency",
  start: (ctx, input) => (input.choice ? step(ctx, undefined, input) : answer(ctx, input)),
  step,
};
