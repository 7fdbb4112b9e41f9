import type { Flow } from "../bot/flow";

/**
 * Discreet exit ("keluar", "exit"): ends whatever was going on and answers with a
 * neutral line that says nothing about the topic, for someone who must hide the chat.
 */
export const exitFlow: Flow = {
  id: "exit",
  start: (ctx) => ({ replies: [{ text: ctx.t("safety:exit") }], meta: { exit: true } }),
  step: (ctx) => ({ replies: [{ text: ctx.t("safety:exit") }], meta: { exit: true } }),
};
