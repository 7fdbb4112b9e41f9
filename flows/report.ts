import { randomBytes } from "node:crypto";
import { looksLikeQuestion } from "../bot/faq/question-shape";
import type { Flow, FlowContext, FlowInput, FlowResult } from "../bot/flow";
import type { Choice, Outbound } from "../bot/model";
import { extractSubject } from "../bot/reports/extract";
import { parseReference, parseSecret } from "../bot/reports/reference";
import { reportDetails, reportIntent } from "../bot/routing/report-intent";

type Step = "what" | "who" | "where" | "contact" | "contactText" | "confirm" | "status";

/** The report being written, saved between messages. */
interface Draft {
  step: Step;
  /** Set when the draft starts: sending the same draft twice files one report. */
  id?: string;
  what?: string;
  who?: string;
  whereWhen?: string;
  anonymous?: boolean;
  contact?: string;
  /** True when the reporter may be contacted in this chat. */
  viaChat?: boolean;
}

const MAX_FIELD = 2000;

function cancelChoice(ctx: FlowContext): Choice {
  return { id: "report:cancel", label: ctx.t("report:cancelButton") };
}

function ask(ctx: FlowContext, draft: Draft): FlowResult {
  const t = ctx.t;
  const skip = { id: "report:skip", label: t("report:skipButton") };
  switch (draft.step) {
    case "what":
      return { replies: [{ text: t("report:askWhat"), choices: [cancelChoice(ctx)] }], state: draft };
    case "who":
      return { replies: [{ text: t("report:askWho"), choices: [skip, cancelChoice(ctx)] }], state: draft };
    case "where":
      return { replies: [{ text: t("report:askWhere"), choices: [skip, cancelChoice(ctx)] }], state: draft };
    case "contact":
      return {
        replies: [
          {
            text: t("report:askContact"),
            choices: [
              { id: "report:via-chat", label: t("report:viaChatButton") },
              { id: "report:other-contact", label: t("report:otherContactButton") },
              { id: "report:anonymous", label: t("report:anonymousButton") },
            ],
          },
        ],
        state: draft,
      };
    case "contactText":
      return { replies: [{ text: t("report:askContactText"), choices: [cancelChoice(ctx)] }], state: draft };
    case "confirm":
      return { replies: [summary(ctx, draft)], state: draft };
    case "status":
      return { replies: [{ text: t("report:askReference") }], state: draft };
  }
}

function summary(ctx: FlowContext, d: Draft): Outbound {
  const t = ctx.t;
  const s = extractSubject(d.who);
  const found = [...s.companies, ...s.phones.map((p) => `+${p}`), ...s.accounts.map((a) => `@${a}`)];
  const lines = [
    t("report:summaryTitle"),
    "",
    t("report:summaryWhat", { text: clip(d.what ?? "", 300) }),
    t("report:summaryWho", { text: d.who ? clip(d.who, 200) : "-" }),
  ];
  if (found.length) lines.push(t("report:summaryFound", { items: found.join(", ") }));
  lines.push(t("report:summaryWhere", { text: d.whereWhen ? clip(d.whereWhen, 200) : "-" }));
  lines.push(
    d.anonymous
      ? t("report:summaryAnonymous")
      : d.contact
        ? t("report:summaryContact", { text: d.contact })
        : t("report:summaryViaChat"),
  );
  return {
    text: lines.join("\n"),
    choices: [{ id: "report:send", label: t("report:sendButton") }, cancelChoice(ctx)],
  };
}

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

/** A status lookup: only the reporter's own chat, or someone with the reference and its secret, sees it. */
async function statusReply(ctx: FlowContext, ref: string, secret: string | undefined): Promise<FlowResult> {
  const t = ctx.t;
  const access = await ctx.services.reports.statusFor(ref, ctx.userKey, secret);
  if (!access.ok) {
    const text =
      access.reason === "slowed"
        ? t("report:tooManyTries", { minutes: access.minutes })
        : t("report:notFound", { ref });
    return {
      replies: [ctx.menu(text)],
      meta: { report: { ref, found: false, slowed: access.reason === "slowed" } },
    };
  }
  const report = access.report;
  const date = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  const lines = [
    t("report:statusTitle", { ref: report.id }),
    t("report:statusLine", { status: t(`report:status.${report.status}`) }),
    t("report:statusUpdated", { date: date(report.updatedAt) }),
  ];
  for (const r of report.replies)
    lines.push("", t("report:officerReply", { date: date(r.at), text: r.text }));
  return {
    replies: [{ text: lines.join("\n") }, ctx.menu()],
    meta: { report: { ref: report.id, found: true, status: report.status } },
  };
}

/** Who reads reports: the office named in OFFICE_NAME, or a plain description of it. */
function office(ctx: FlowContext): string {
  return ctx.services.config.OFFICE_NAME ?? ctx.t("report:thisOffice");
}

async function submit(ctx: FlowContext, d: Draft): Promise<FlowResult> {
  const { services, inbound } = ctx;
  const sent = await services.reports.submit({
    what: d.what ?? "",
    who: d.who,
    whereWhen: d.whereWhen,
    anonymous: d.anonymous === true,
    contact: d.contact,
    reporterKey: d.anonymous ? undefined : ctx.userKey,
    channel: inbound.channel,
    lang: ctx.lang,
    draft: d.id,
  });
  const { secret, repeated } = sent;
  const report = sent.report;
  const t = ctx.t;
  const linked = report.reporterKey === ctx.userKey;
  // The report is on disk (submit flushed) before this confirmation is produced.
  return {
    replies: [
      {
        text: [
          t(repeated ? "report:alreadySent" : "report:confirmed", { ref: report.id, secret }),
          t(linked ? "report:checkHere" : "report:checkAnonymous", { ref: report.id, secret }),
          "",
          t("report:whoReads", { office: office(ctx) }),
          t("report:officialComplaint"),
          t("report:inDanger"),
        ].join("\n"),
        choices: [
          { id: linked ? `report:status:${report.id}` : "report:status", label: t("report:statusButton") },
          { id: "menu:faq", label: t("common:menu.faq") },
        ],
      },
    ],
    meta: { report: { ref: report.id, created: !repeated, repeated: repeated === true } },
  };
}

/** A draft's id: random, never derived from the person. */
function draftId(): string {
  return randomBytes(9).toString("base64url");
}

function looksLikeContact(text: string): boolean {
  return /\d{6,}|@|\d[\s.-]\d/.test(text);
}

async function step(ctx: FlowContext, state: unknown, input: FlowInput): Promise<FlowResult> {
  const d: Draft = { ...((state as Draft | undefined) ?? { step: "what" }) };
  d.id ??= draftId();
  const t = ctx.t;
  const choice = input.choice ?? "";
  const text = input.text?.trim().slice(0, MAX_FIELD);

  if (choice === "report:cancel") return { replies: [ctx.menu(t("report:cancelled"))] };
  if (choice === "report:start") return ask(ctx, { step: "what", id: draftId() });
  if (choice.startsWith("report:status")) return begin(ctx, input);

  switch (d.step) {
    case "what":
      if (!text || text.length < 3) return ask(ctx, d);
      return ask(ctx, { ...d, what: text, step: "who" });
    case "who":
      if (choice === "report:skip") return ask(ctx, { ...d, step: "where" });
      if (!text) return ask(ctx, d);
      return ask(ctx, { ...d, who: text, step: "where" });
    case "where":
      if (choice === "report:skip") return ask(ctx, { ...d, step: "contact" });
      if (!text) return ask(ctx, d);
      return ask(ctx, { ...d, whereWhen: text, step: "contact" });
    case "contact":
      if (choice === "report:via-chat") return ask(ctx, { ...d, anonymous: false, step: "confirm" });
      if (choice === "report:anonymous") return ask(ctx, { ...d, anonymous: true, step: "confirm" });
      if (choice === "report:other-contact") return ask(ctx, { ...d, step: "contactText" });
      if (text && looksLikeContact(text)) {
        return ask(ctx, { ...d, anonymous: false, contact: text.slice(0, 200), step: "confirm" });
      }
      return ask(ctx, d);
    case "contactText":
      if (!text) return ask(ctx, d);
      return ask(ctx, { ...d, anonymous: false, contact: text.slice(0, 200), step: "confirm" });
    case "confirm":
      if (choice === "report:send") return submit(ctx, d);
      return ask(ctx, d);
    case "status": {
      const ref = text ? parseReference(text) : undefined;
      if (!ref) return { replies: [ctx.menu(t("report:badReference"))] };
      return statusReply(ctx, ref, text ? parseSecret(text) : undefined);
    }
  }
}

/** Starts a report, a status lookup, or (after an emergency answer) resumes the report being written. */
async function begin(ctx: FlowContext, input: FlowInput): Promise<FlowResult> {
  if (input.arg === "resume") {
    const session = ctx.session;
    if (session.flow === "report") return step(ctx, session.state, { text: input.text });
  }
  const choice = input.choice ?? "";
  if (choice.startsWith("report:status:")) {
    return statusReply(ctx, choice.slice("report:status:".length), undefined);
  }
  if (choice === "report:status" || input.arg === "status") return ask(ctx, { step: "status" });
  const ref = input.text ? parseReference(input.text) : undefined;
  if (ref) return statusReply(ctx, ref, parseSecret(input.text ?? ""));
  // "mau lapor, sponsornya udah ambil uang sy 7 jt" already says what happened.
  const what = input.text ? reportDetails(input.text) : undefined;
  if (what) return ask(ctx, { step: "who", id: draftId(), what: what.slice(0, MAX_FIELD) });
  return ask(ctx, { step: "what", id: draftId() });
}

/**
 * Report to an officer (pengaduan): what happened, who (recruiter, company, phone,
 * account), where and when, then anonymous or a contact. The report is flushed to disk
 * before the reference number is given. A message with a reference shows its status.
 */
export const reportFlow: Flow = {
  id: "report",
  start: begin,
  step,
  detect: (_ctx, text) => (parseReference(text) ? 0.95 : reportIntent(text)),
  owns(_ctx, state, text) {
    const d = state as Draft | undefined;
    switch (d?.step) {
      case "what":
      case "who":
      case "where":
      case "contactText":
        // A field asked for is any text, but a question is not an answer to it.
        return looksLikeQuestion(text) ? 0.3 : 0.9;
      case "contact":
        return looksLikeContact(text) ? 1 : 0.2;
      case "status":
        return parseReference(text) ? 1 : 0.2;
      default:
        return 0.2;
    }
  },
};
