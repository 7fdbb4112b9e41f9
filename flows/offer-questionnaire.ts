import type { Flow, FlowContext, FlowInput, FlowResult } from "../bot/flow";
import type { Answer, Question } from "../bot/offer/questionnaire";
import { resultReply } from "./offer";

/** Progress kept in the `offer-questionnaire` collection, so a person can leave and come back. */
interface Progress {
  /** The person's key (`channel:chatId`), so privacy deletion finds it. */
  id: string;
  answers: Record<string, Answer>;
  updatedAt: string;
}

const FLOW = "offer-questionnaire";
const ANSWERS: Answer[] = ["yes", "no", "unsure"];
/** Typed answers, for channels without buttons. */
const TYPED: Record<string, Answer> = {
  ya: "yes",
  iya: "yes",
  y: "yes",
  yes: "yes",
  yup: "yes",
  betul: "yes",
  benar: "yes",
  tidak: "no",
  tdk: "no",
  ga: "no",
  gak: "no",
  nggak: "no",
  enggak: "no",
  no: "no",
  n: "no",
  "tidak tahu": "unsure",
  "gak tahu": "unsure",
  "ga tau": "unsure",
  "gak tau": "unsure",
  "nggak tau": "unsure",
  "tidak tau": "unsure",
  entah: "unsure",
  ragu: "unsure",
  "not sure": "unsure",
  unsure: "unsure",
  "don't know": "unsure",
  "dont know": "unsure",
};

/** The saved progress, in the `offer-questionnaire` scope of the key-value repository. */
const progress = (ctx: FlowContext) => ({
  get: () => ctx.services.repos.kv.get<Progress>(FLOW, ctx.userKey),
  put: (p: Progress) => ctx.services.repos.kv.put(FLOW, ctx.userKey, p),
  delete: () => ctx.services.repos.kv.delete(FLOW, ctx.userKey),
});

/** Answers older than this are forgotten (the offer is long gone; keep little personal data). */
const KEEP_MS = 90 * 24 * 3600 * 1000;

async function load(ctx: FlowContext): Promise<Progress> {
  const saved = await progress(ctx).get();
  if (saved && ctx.now.getTime() - Date.parse(saved.updatedAt) <= KEEP_MS) return saved;
  if (saved) await progress(ctx).delete();
  return { id: ctx.userKey, answers: {}, updatedAt: ctx.now.toISOString() };
}

async function save(ctx: FlowContext, p: Progress): Promise<void> {
  await progress(ctx).put({ ...p, updatedAt: ctx.now.toISOString() });
}

function nextQuestion(questions: readonly Question[], p: Progress): { q: Question; n: number } | undefined {
  const i = questions.findIndex((q) => !p.answers[q.id]);
  return i < 0 ? undefined : { q: questions[i]!, n: i + 1 };
}

function answeredCount(questions: readonly Question[], p: Progress): number {
  return questions.filter((q) => p.answers[q.id]).length;
}

/** Asks the next unanswered question, or gives the result when all are answered. */
async function askNext(ctx: FlowContext, p: Progress, intro = false): Promise<FlowResult> {
  const { offer } = ctx.services;
  const total = offer.questions.length;
  const next = nextQuestion(offer.questions, p);
  if (!next) {
    await progress(ctx).delete();
    const s = offer.fromAnswers(p.answers, ctx.lang);
    const r = resultReply(ctx, s, { unsure: s.unsure });
    return { ...r, state: undefined };
  }
  const head = intro ? `${ctx.t("offer:q.intro", { total })}\n\n` : "";
  return {
    replies: [
      {
        text: `${head}${ctx.t("offer:q.progress", { n: next.n, total })}\n${next.q.text[ctx.lang]}`,
        choices: [
          ...ANSWERS.map((a) => ({ id: `${FLOW}:${a}`, label: ctx.t(`offer:q.${a}`) })),
          { id: `${FLOW}:stop`, label: ctx.t("offer:q.stop") },
        ],
      },
    ],
    state: { at: next.q.id },
  };
}

async function answer(ctx: FlowContext, a: Answer): Promise<FlowResult> {
  const p = await load(ctx);
  const next = nextQuestion(ctx.services.offer.questions, p);
  if (next) {
    p.answers[next.q.id] = a;
    await save(ctx, p);
  }
  return askNext(ctx, p);
}

async function begin(ctx: FlowContext): Promise<FlowResult> {
  const p = await load(ctx);
  const total = ctx.services.offer.questions.length;
  const n = answeredCount(ctx.services.offer.questions, p);
  if (n > 0 && n < total) {
    return {
      replies: [
        {
          text: ctx.t("offer:q.resumeAsk", { n, total }),
          choices: [
            { id: `${FLOW}:resume`, label: ctx.t("offer:q.resume") },
            { id: `${FLOW}:restart`, label: ctx.t("offer:q.restart") },
          ],
        },
      ],
      state: { at: "resume" },
    };
  }
  const fresh: Progress = { id: ctx.userKey, answers: {}, updatedAt: ctx.now.toISOString() };
  await save(ctx, fresh);
  return askNext(ctx, fresh, true);
}

async function onChoice(ctx: FlowContext, choice: string): Promise<FlowResult> {
  const value = choice.slice(FLOW.length + 1);
  if ((ANSWERS as string[]).includes(value)) return answer(ctx, value as Answer);
  if (value === "resume") return askNext(ctx, await load(ctx));
  if (value === "restart") {
    await progress(ctx).delete();
    return begin(ctx);
  }
  if (value === "stop") {
    const p = await load(ctx);
    const total = ctx.services.offer.questions.length;
    return {
      replies: [
        {
          text: ctx.t("offer:q.paused", { n: answeredCount(ctx.services.offer.questions, p), total }),
          choices: [{ id: "menu:home", label: ctx.t("offer:choices.menu") }],
        },
      ],
    };
  }
  return begin(ctx);
}

/**
 * The guided questionnaire for offers heard by word of mouth: 10–15 yes / no / unsure
 * questions from content/questionnaire, ending with the same kind of result as a pasted
 * offer. Answers are saved after each one, so the person can leave and resume later.
 */
export function createQuestionnaireFlow(): Flow {
  return {
    id: FLOW,
    start(ctx, input: FlowInput) {
      if (input.choice) return onChoice(ctx, input.choice);
      return begin(ctx);
    },
    step(ctx, _state, input) {
      if (input.choice) return onChoice(ctx, input.choice);
      const typed = input.text
        ?.toLowerCase()
        .replace(/[.!?]+$/, "")
        .trim();
      const a = typed ? TYPED[typed] : undefined;
      if (a) return answer(ctx, a);
      // Anything else: the answers stay saved, and the router answers the text.
      return { replies: [], pass: true };
    },
  };
}
