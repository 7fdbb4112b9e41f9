import type { TFunction } from "i18next";
import type { Lang, Outbound } from "../model";
import type { CountryNumber } from "./abroad";
import { type Hotline, monthYear } from "./hotlines";
import type { Where } from "./where";

/** The first emergency reply stays this short: the numbers fit on one phone screen. */
export const FIRST_REPLY_MAX = 600;

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

/** The number a contact list leads with for someone in Indonesia or abroad (`from:` in hotlines.yaml). */
export function leadNumber(hotlines: readonly Hotline[], id: string, from: "indonesia" | "abroad"): string {
  const line = hotlines.find((h) => h.id === id)?.lines.find((l) => l.from === from);
  if (!line) throw new Error(`hotlines.yaml: contact ${id} has no line with from: ${from}`);
  return line.value;
}

function placeName(where: Where, lang: Lang): string | undefined {
  return where.kind === "abroad" ? where.country?.name[lang] : undefined;
}

/**
 * The short first emergency reply (at most FIRST_REPLY_MAX characters): the one or two
 * numbers that help where the person is, and a line saying more help follows. Abroad:
 * Safe Travel (the embassy or consulate) first, the country's own sourced numbers, the
 * ministry line from abroad; never 110. Unknown place: 110 marked "in Indonesia" and the
 * ministry line marked "abroad".
 */
export function firstReplyText(
  where: Where | undefined,
  hotlines: readonly Hotline[],
  lang: Lang,
  t: TFunction,
): string {
  const police = leadNumber(hotlines, "police", "indonesia");
  const home = leadNumber(hotlines, "kp2mi-call-centre", "indonesia");
  const abroad = leadNumber(hotlines, "kp2mi-call-centre", "abroad");
  const lines: string[] = [];
  if (!where) {
    lines.push(
      t("safety:now"),
      t("safety:homeLine", { number: police }),
      t("safety:abroadLine", { number: abroad }),
    );
  } else if (where.kind === "indonesia") {
    lines.push(
      t("safety:nowIn", { place: "Indonesia" }),
      t("safety:police", { number: police }),
      t("safety:ministryHome", { number: home }),
    );
  } else {
    const place = placeName(where, lang);
    lines.push(place ? t("safety:nowIn", { place }) : t("safety:now"));
    lines.push(t("safety:safeTravel", { mission: place ? t("safety:missionIn", { place }) : "" }));
    const own = where.country?.emergency ?? [];
    // The country's first number leads; the others are in the details.
    for (const n of own.slice(0, 1)) {
      lines.push(t("safety:countryNumber", { place, number: n.value, note: n.note?.[lang] ?? "" }));
    }
    if (place && !own.length) lines.push(t("safety:countryUnknown", { place }));
    lines.push(t("safety:ministryAbroad", { number: abroad }));
  }
  lines.push(t("safety:moreFollows"));
  return lines.join("\n");
}

function numberText(n: CountryNumber, place: string, lang: Lang, t: TFunction): string {
  const note = n.note ? ` (${n.note[lang]})` : "";
  const source = t("safety:source", { source: n.source, date: monthYear(n.checked) });
  return `📞 ${place}: *${n.value}*${note}\n   ${source}`;
}

/** "Selengkapnya": every contact that helps where the person is, each with its source and checked date. */
export function detailsText(
  where: Where | undefined,
  hotlines: readonly Hotline[],
  lang: Lang,
  t: TFunction,
): string {
  const scopes =
    where?.kind === "indonesia"
      ? ["indonesia", "both"]
      : where
        ? ["abroad", "both"]
        : ["indonesia", "both", "abroad"];
  // Abroad first for someone abroad: Safe Travel and the mission lead.
  const order = where?.kind === "abroad" ? ["abroad", "both"] : ["indonesia", "both", "abroad"];
  const shown = hotlines
    .filter((h) => scopes.includes(h.scope))
    .sort((a, b) => order.indexOf(a.scope) - order.indexOf(b.scope));
  const parts = shown.map((h) => contactText(h, lang, t));
  if (where?.kind === "abroad" && where.country) {
    const place = where.country.name[lang];
    parts.splice(2, 0, ...where.country.emergency.map((n) => numberText(n, place, lang, t)));
  }
  return [t("safety:moreTitle"), ...parts, t("safety:stayAdvice")].join("\n\n");
}
