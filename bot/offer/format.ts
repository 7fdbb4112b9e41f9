import type { TFunction } from "i18next";
import type { Choice, Lang } from "../model";
import type { Screening } from "./checker";
import type { Question } from "./questionnaire";
import type { FlagId, Rule } from "./schema";

/** Flags shown in full in one reply; more are listed by title only. */
const SHOWN = 5;

/** "2026-11-28" → "11/2026". */
export function monthYear(iso: string): string {
  const [y, m] = iso.split("-");
  return `${m}/${y}`;
}

function basisLine(rule: Rule, lang: Lang, t: TFunction, all = false): string {
  const list = all ? rule.basis : rule.basis.slice(0, 1);
  return list.map((b) => t("offer:basis", { basis: b.text[lang], date: monthYear(b.checked) })).join("\n   ");
}

/** Flags named in a "More" choice id (ids stay short). */
const MORE_IDS = 6;

/** The next steps every result offers; "More" carries the flag ids (`offer:more:a,b`). */
export function nextChoices(t: TFunction, flags: readonly FlagId[]): Choice[] {
  const withMore = flags.length > 0;
  return [
    { id: "menu:recruiter", label: t("offer:choices.recruiter") },
    { id: "menu:faq", label: t("offer:choices.faq") },
    { id: "report:start", label: t("offer:choices.report") },
    { id: "offer:officer", label: t("offer:choices.officer") },
    ...(withMore
      ? [{ id: `offer:more:${flags.slice(0, MORE_IDS).join(",")}`, label: t("offer:choices.more") }]
      : []),
    { id: "offer:again", label: t("offer:choices.again") },
  ];
}

/**
 * The result as chat text: the level, then each flag with its evidence, the first line
 * of its explanation and its basis; a low result lists the checks still to make. Never
 * calls an offer safe.
 */
export function resultText(
  s: Screening,
  rules: ReadonlyMap<FlagId, Rule>,
  lang: Lang,
  t: TFunction,
  extra: { warnings?: { term: string; count: number }[]; unsure?: Question[] } = {},
): string {
  const lines = [t(`offer:level.${s.level}`, { count: s.flags.length })];
  for (const w of extra.warnings ?? []) lines.push(t("offer:warning", { term: w.term, count: w.count }));
  s.flags.forEach((f, i) => {
    const rule = rules.get(f.id);
    if (!rule) return;
    if (i >= SHOWN) {
      lines.push(`${i + 1}. *${rule.title[lang]}*`);
      return;
    }
    const first = rule.explanation[lang].split("\n")[0];
    lines.push(
      "",
      `${i + 1}. *${rule.title[lang]}*`,
      `   ${t("offer:evidence", { text: f.evidence.length > 160 ? `${f.evidence.slice(0, 157)}…` : f.evidence })}`,
      `   ${first}`,
      `   ${basisLine(rule, lang, t)}`,
    );
  });
  if (extra.unsure?.length) {
    lines.push("", t("offer:unsureTitle"), ...extra.unsure.map((q) => `• ${q.text[lang]}`));
  }
  lines.push("", s.level === "low" ? t("offer:lowChecks") : t(`offer:advice.${s.level}`));
  lines.push("", t("offer:next"));
  return lines.join("\n");
}

/** Every flag's full explanation, advice and basis (the "More" choice). */
export function moreText(ids: FlagId[], rules: ReadonlyMap<FlagId, Rule>, lang: Lang, t: TFunction): string {
  const parts = ids
    .map((id) => rules.get(id))
    .filter((r): r is Rule => !!r)
    .map(
      (r) =>
        `*${r.title[lang]}*\n${r.explanation[lang]}\n👉 ${r.advice[lang]}\n   ${basisLine(r, lang, t, true)}`,
    );
  return [t("offer:moreTitle"), ...parts].join("\n\n");
}
