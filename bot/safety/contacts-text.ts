import type { TFunction } from "i18next";
import type { Lang, Outbound } from "../model";
import { type Hotline, monthYear } from "./hotlines";

function lineText(line: Hotline["lines"][number], lang: Lang, t: TFunction): string {
  const value = line.kind === "web" ? line.value : `*${line.value}*`;
  const shown =
    line.kind === "phone" || line.kind === "web" ? value : t(`safety:kind.${line.kind}`, { value });
  return line.note ? `${shown} (${line.note[lang]})` : shown;
}

/** One contact as a few short lines: what to dial, what it is for, where it comes from. */
export function contactText(h: Hotline, lang: Lang, t: TFunction): string {
  const icon = h.scope === "abroad" ? "🌏" : "📞";
  const lines = h.lines.map((l) => lineText(l, lang, t));
  const head = lines.length ? `${icon} ${h.name[lang]}: ${lines.join(" · ")}` : `${icon} *${h.name[lang]}*`;
  const note = h.note ? `\n   ${h.note[lang]}` : "";
  const source = `\n   ${t("safety:source", { source: h.source, date: monthYear(h.checked) })}`;
  return `${head}${note}${source}`;
}

/** The emergency contacts as one reply, each with its source and checked date. */
export function contactsReply(hotlines: readonly Hotline[], lang: Lang, t: TFunction): Outbound {
  const body = hotlines.map((h) => contactText(h, lang, t)).join("\n\n");
  return { text: `${t("safety:contactsTitle")}\n\n${body}` };
}
