import type { TFunction } from "i18next";
import type { Choice, Outbound } from "../../bot/model";

/** "1, 2 atau 3" for up to three choices, "1–7" for more. */
function numbers(count: number, t: TFunction): string {
  if (count === 1) return "1";
  if (count > 3) return `1–${count}`;
  const list = Array.from({ length: count }, (_, i) => String(i + 1));
  return `${list.slice(0, -1).join(", ")} ${t("whatsapp:or")} ${list[list.length - 1]}`;
}

/** Choices as numbered lines and the "Balas 1, 2 atau 3" hint (the core reads a number or a label). */
export function numberedChoices(choices: readonly Choice[], t: TFunction): string {
  const lines = choices.map((c, i) => `${i + 1}. ${c.label}`);
  return `${lines.join("\n")}\n\n${t("whatsapp:replyNumbers", { numbers: numbers(choices.length, t) })}`;
}

/**
 * One Outbound as plain WhatsApp text: the core's `*bold*` is WhatsApp's own bold, choices
 * become a numbered list (whatsapp-web.js cannot send buttons or lists), and a location
 * request becomes a short "how to send your location" line.
 */
export function numberedText(out: Outbound, t: TFunction): string {
  const blocks = [out.text.trim()].filter(Boolean);
  if (out.askLocation) blocks.push(t("whatsapp:shareLocation"));
  if (out.choices?.length) blocks.push(numberedChoices(out.choices, t));
  return blocks.join("\n\n") || " ";
}
