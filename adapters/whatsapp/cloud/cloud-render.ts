import type { TFunction } from "i18next";
import type { Choice, Outbound } from "../../../bot/model";
import { splitText } from "../../telegram/format";
import { numberedChoices } from "../numbered";

/** One Graph API message body, without its recipient (`to` or `recipient`). */
export type GraphBody = { type: string } & Record<string, unknown>;

/** Cloud API limits (Meta's interactive-message reference). */
export const LIMITS = {
  text: 4096,
  body: 1024,
  buttons: 3,
  buttonTitle: 20,
  buttonId: 256,
  rows: 10,
  rowTitle: 24,
  rowDescription: 72,
  rowId: 200,
};

/** Cuts to `max` characters (never inside a surrogate pair), marking the cut with "…". */
export function cut(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`;
}

const textBody = (body: string): GraphBody => ({ type: "text", text: { preview_url: false, body } });

function buttons(choices: Choice[]): Record<string, unknown> | undefined {
  if (choices.length > LIMITS.buttons || choices.some((c) => c.id.length > LIMITS.buttonId)) return undefined;
  const titles = choices.map((c) => cut(c.label, LIMITS.buttonTitle));
  if (new Set(titles).size !== titles.length) return undefined;
  return {
    type: "button",
    action: { buttons: choices.map((c, i) => ({ type: "reply", reply: { id: c.id, title: titles[i] } })) },
  };
}

function list(choices: Choice[], t: TFunction): Record<string, unknown> | undefined {
  if (choices.length > LIMITS.rows || choices.some((c) => c.id.length > LIMITS.rowId)) return undefined;
  return {
    type: "list",
    action: {
      button: cut(t("whatsapp:listButton"), LIMITS.buttonTitle),
      sections: [
        {
          rows: choices.map((c) => {
            const title = cut(c.label, LIMITS.rowTitle);
            return title === c.label
              ? { id: c.id, title }
              : { id: c.id, title, description: cut(c.label, LIMITS.rowDescription) };
          }),
        },
      ],
    },
  };
}

/**
 * One Outbound as Cloud API messages: text split at 4,096 characters; choices as reply
 * buttons (up to 3, titles cut to 20) or a list (up to 10 rows, titles cut to 24), as a
 * numbered list otherwise; a location request as Meta's "send location" message.
 */
export function renderCloud(out: Outbound, t: TFunction): GraphBody[] {
  const choices = out.choices ?? [];
  const interactive = choices.length ? (buttons(choices) ?? list(choices, t)) : undefined;
  let text = out.text.trim() || " ";
  if (choices.length && !interactive) text = `${text}\n\n${numberedChoices(choices, t)}`;
  const parts = splitText(text, LIMITS.text);
  const wantsInteractive = out.askLocation || interactive;
  if (!wantsInteractive) return parts.map(textBody);
  // The interactive message carries the last part as its body when it fits in 1,024.
  let last = parts.pop()!;
  if (last.length > LIMITS.body) {
    const split = splitText(last, LIMITS.body);
    last = split.pop()!;
    parts.push(...split);
  }
  const bodies = parts.map(textBody);
  if (out.askLocation) {
    bodies.push({
      type: "interactive",
      interactive: {
        type: "location_request_message",
        body: { text: last },
        action: { name: "send_location" },
      },
    });
    if (interactive) {
      const again =
        interactive.type === "button" ? cut(t("whatsapp:listButton"), LIMITS.body) : t("whatsapp:listButton");
      bodies.push({ type: "interactive", interactive: { ...interactive, body: { text: again } } });
    }
    return bodies;
  }
  bodies.push({ type: "interactive", interactive: { ...interactive, body: { text: last } } });
  return bodies;
}
