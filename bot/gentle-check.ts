import { resolveChoice } from "./choices";
import type { FlowContext, FlowResult } from "./flow";
import { contactText } from "./safety/contacts-text";
import type { SessionRecord } from "./store/types";

/** Text with no letter or digit in it: only emoji, symbols or punctuation ("😭😭😭", "??"). */
const WORDLESS = /^[^\p{L}\p{N}]+$/u;

/**
 * An empty message, or one made only of emoji ("😭😭😭"), gets a gentle "are you all right?"
 * with the help lines instead of "I did not understand". An emoji that answers an offered
 * choice (👍) is that choice. The active flow and its state stay as they were.
 */
export function gentleCheck(
  ctx: FlowContext,
  session: SessionRecord,
): (FlowResult & { flow?: string }) | undefined {
  const { inbound, t } = ctx;
  if (inbound.choice || inbound.location || inbound.media) return undefined;
  const text = inbound.text;
  if (text && !WORDLESS.test(text)) return undefined;
  if (text && resolveChoice(text, session.choices === "menu" ? undefined : session.choices)) return undefined;
  const lines = (ctx.services.safety?.hotlines ?? [])
    .filter((h) => h.scope !== "abroad")
    .slice(0, 2)
    .map((h) => contactText(h, ctx.lang, t));
  return {
    replies: [
      {
        text: [t("common:areYouOk"), ...lines].join("\n\n"),
        choices: [
          { id: "menu:emergency", label: t("common:menu.emergency") },
          { id: "menu:home", label: t("safety:menuButton") },
        ],
      },
    ],
    state: session.state,
    flow: session.flow,
    meta: { flow: session.flow ?? "menu", gentle: true },
  };
}
