import { type Flow, type FlowContext, type FlowInput, type FlowResult, splitChoice } from "../bot/flow";
import type { Choice, Outbound } from "../bot/model";
import type { Lookup } from "../bot/registry/lookup";
import { normalizeName } from "../bot/registry/normalize-name";
import { STOP } from "../bot/registry/query-words";
import { readQuery } from "../bot/registry/read-query";
import type { RegistryInfo } from "../bot/registry/registry-info";
import type { VerifyResult } from "../bot/registry/types";
import { toVerifyResult } from "../bot/registry/verify-result";

/** Saved between messages: waiting for a name, or a result was shown. */
interface RecruiterState {
  stage: "ask" | "shown";
}

const LICENSE_HINT = /\bsip\s?[23p]+\s?mi\b/i;
/** Words of a pasted job offer: the offer check should rather answer, unless the company is asked about. */
const OFFER_HINT = /\b(gaji|biaya|bayar|visa|lowongan|loker|juta|jt|paspor|tiket|salary|fee)\b/i;
const LEGIT_HINT =
  /\b(resmi|terdaftar|izin\w*|ijin\w*|berizin|legal|asli|licen[cs]ed|legit|registered|penipu|bodong|cek|check|ada di data)\b/i;
const MAX_CANDIDATES_SHOWN = 5;
const FORM_LABEL = {
  cv: "CV",
  ud: "UD",
  yayasan: "Yayasan",
  koperasi: "Koperasi",
  firma: "Firma",
  lpk: "LPK",
} as const;

function formatDate(iso: string, lang: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const [y, m, d] = iso.split("-");
  return lang === "id" ? `${d}/${m}/${y}` : iso;
}

function choices(ctx: FlowContext, found: Lookup): Choice[] {
  const { t } = ctx;
  const picks = found.candidates.slice(0, MAX_CANDIDATES_SHOWN).map((c) => ({
    id: `recruiter:pick:${c.license}`,
    label: c.name,
  }));
  return [
    ...picks,
    { id: "recruiter:again", label: t("recruiter:choices.again") },
    { id: "menu:offer", label: t("recruiter:choices.offer") },
    { id: "report:start", label: t("recruiter:choices.report") },
  ];
}

async function reportCount(ctx: FlowContext, found: Lookup, text: string): Promise<number> {
  const warnings = ctx.services.warnings;
  if (!warnings) return 0;
  const subject = found.match?.name ?? text;
  return (await warnings.verifiedReports(subject)).reduce((sum, w) => sum + w.count, 0);
}

/** Puts a lookup into words: the answer first, then what to check, then the source. */
async function render(
  ctx: FlowContext,
  found: Lookup,
  info: RegistryInfo,
  result: VerifyResult,
  text: string,
): Promise<Outbound> {
  const { t, lang } = ctx;
  const lines: string[] = [];
  const m = found.match;
  if (info.sample) lines.push(t("recruiter:sample"));
  if (m) {
    lines.push(t(`recruiter:headline.${m.status}`, { name: m.name, license: m.license }));
    if (found.place) lines.push(t("recruiter:place", { place: found.place }));
    if (m.validUntil && m.status === "licensed")
      lines.push(t("recruiter:validUntil", { date: formatDate(m.validUntil, lang) }));
    if (result.expired) lines.push(t("recruiter:expired", { date: formatDate(m.validUntil, lang) }));
    lines.push(m.status === "licensed" ? t("recruiter:licensedReminders") : t("recruiter:stoppedAdvice"));
    if (found.similar.length > 0) {
      const names = found.similar
        .map((s) => `${s.name} (${t(`recruiter:statusWord.${s.status}`)})`)
        .join(", ");
      lines.push(t("recruiter:similar", { names }));
    }
  } else if (found.status === "ambiguous") {
    if (found.mismatch) lines.push(t("recruiter:mismatch"));
    if (found.unknownLicense) lines.push(t("recruiter:unknownLicense"));
    const list = found.candidates.slice(0, MAX_CANDIDATES_SHOWN).map((c) =>
      t("recruiter:candidate", {
        name: c.name,
        license: c.license,
        status: t(`recruiter:statusWord.${c.status}`),
      }),
    );
    lines.push([t("recruiter:headline.ambiguous"), ...list].join("\n"));
    lines.push(t("recruiter:ambiguousAdvice"));
  } else if (found.otherForm === "lpk") {
    lines.push(t("recruiter:lpk"));
    if (found.similar.length > 0) {
      lines.push(t("recruiter:otherFormSimilar", { names: found.similar.map((s) => s.name).join(", ") }));
    }
    lines.push(t("recruiter:lpkBasis"));
  } else if (found.otherForm) {
    lines.push(t("recruiter:otherForm", { form: FORM_LABEL[found.otherForm] }));
    if (found.similar.length > 0) {
      lines.push(t("recruiter:otherFormSimilar", { names: found.similar.map((s) => s.name).join(", ") }));
    }
    lines.push(t("recruiter:otherFormBasis"));
  } else if (found.person && !found.asked) {
    lines.push(t("recruiter:headline.person"));
    lines.push(t("recruiter:personAdvice"));
  } else {
    if (found.unknownLicense) lines.push(t("recruiter:unknownLicense"));
    lines.push(t("recruiter:headline.notFound"));
    if (found.person) lines.push(t("recruiter:headline.person"));
    lines.push(t("recruiter:notFoundAdvice"));
  }
  const reports = await reportCount(ctx, found, text);
  if (reports > 0) lines.push(t("recruiter:reports", { count: reports }));
  if (found.family) lines.push(t("recruiter:family"));
  const source = m ? m.source : info.source;
  const date = m ? m.checkedOn : info.updatedAt;
  lines.push(`${t("recruiter:source", { source, date: formatDate(date, lang) })}\n${t("recruiter:basis")}`);
  return { text: lines.join("\n\n"), choices: choices(ctx, found) };
}

async function answer(ctx: FlowContext, text: string): Promise<FlowResult> {
  const { lookup: found, info } = await ctx.services.registry.check(text);
  const result = toVerifyResult(found, info, ctx.t, ctx.now);
  const state: RecruiterState = { stage: "shown" };
  return { replies: [await render(ctx, found, info, result, text)], state, meta: { recruiter: result } };
}

function ask(ctx: FlowContext, again = false): FlowResult {
  const state: RecruiterState = { stage: "ask" };
  return { replies: [{ text: ctx.t(again ? "recruiter:askAgain" : "recruiter:ask") }], state };
}

function onChoice(ctx: FlowContext, choice: string): FlowResult | Promise<FlowResult> {
  const { value } = splitChoice(choice);
  if (value.startsWith("pick:")) return answer(ctx, value.slice("pick:".length));
  return ask(ctx, value === "again");
}

/** A name after "PT"/"LPK" with at least one word that is not filler ("lpk resmi" names none). */
function namesSomething(words: readonly string[]): boolean {
  return normalizeName(words.join(" ")).some((w) => !STOP.has(w));
}

/** How sure we are that free text names a company or licence number (router step 4). */
export async function recruiterConfidence(ctx: FlowContext, text: string): Promise<number> {
  if (text.length > 300) return 0;
  if (LICENSE_HINT.test(text)) return 0.9;
  const q = readQuery(text, ctx.services.lexicon);
  // "PT …" names a company only when a name follows it: "lwt pt apa aman ga" names none.
  const named = q.segments.filter((s) => s.marked && namesSomething(s.words));
  if (named.length > 0) {
    // An LPK is a training centre: only a question about its legality is for this check.
    if (named.every((s) => s.form === "lpk")) return LEGIT_HINT.test(text) && text.length <= 160 ? 0.85 : 0;
    if (text.length > 160) return 0.45;
    return OFFER_HINT.test(text) && !LEGIT_HINT.test(text) ? 0.55 : 0.8;
  }
  if (text.length <= 80) {
    const found = (await ctx.services.registry.check(text)).lookup;
    if (found.match) return 0.7;
    if (found.person && !found.asked) return 0.6;
  }
  return 0;
}

/**
 * "Cek perusahaan perekrut": asks for a company name or licence number, answers from the
 * registry (exact match only for licensed/suspended/revoked), offers the next steps.
 */
export function createRecruiterFlow(): Flow {
  return {
    id: "recruiter",
    start(ctx, input: FlowInput) {
      if (input.choice) return onChoice(ctx, input.choice);
      if (input.text) return answer(ctx, input.text);
      return ask(ctx);
    },
    async step(ctx, state, input) {
      if (input.choice) return onChoice(ctx, input.choice);
      const text = input.text;
      if (!text) return ask(ctx, true);
      const stage = (state as RecruiterState | undefined)?.stage;
      if (stage === "shown" && (await recruiterConfidence(ctx, text)) < 0.5)
        return { replies: [], pass: true };
      return answer(ctx, text);
    },
    detect: recruiterConfidence,
    // Asked for a name, any short text is the answer; after a result, nothing is owed.
    owns: (_ctx, state, text) =>
      (state as RecruiterState | undefined)?.stage === "ask" && text.length <= 300 ? 0.85 : 0,
  };
}
