import type { TFunction } from "i18next";
import type { Lang } from "../model";
import type { FaqEntry, FaqSource } from "./schema";

const SHOWN_SOURCES = 2;

/** "2026-11-20" → "11/2026". */
function monthYear(iso: string): string {
  const [y, m] = iso.split("-");
  return `${m}/${y}`;
}

/** The one-line source note: the first sources by name and the latest check date. */
export function sourceLine(
  sources: readonly FaqSource[],
  t: TFunction,
  all = false,
  lang: Lang = "id",
): string {
  const shown = all ? sources : sources.slice(0, SHOWN_SOURCES);
  const latest = shown
    .map((s) => s.checked)
    .sort()
    .at(-1)!;
  const name = (s: FaqSource) => (lang === "en" && s.name_en ? s.name_en : s.name);
  const names = shown.map((s) => (all && s.via ? `${name(s)} (${s.via})` : name(s))).join("; ");
  return t("faq:source", { sources: names, date: monthYear(latest) });
}

/** The short answer as people read it: title, answer, source. */
export function answerText(entry: FaqEntry, lang: Lang, t: TFunction): string {
  const text = entry[lang];
  return `*${text.title}*\n\n${text.answer.trim()}\n\n${sourceLine(entry.sources, t, false, lang)}`;
}

/** The "more" part with every source. */
export function moreText(entry: FaqEntry, lang: Lang, t: TFunction): string {
  const text = entry[lang];
  return `*${text.title}*\n\n${text.more.trim()}\n\n${sourceLine(entry.sources, t, true, lang)}`;
}
