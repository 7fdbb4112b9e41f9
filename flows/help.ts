import type { Flow } from "../bot/flow";

/** How to use the bot, then the menu. */
export const helpFlow: Flow = {
  id: "help",
  start: (ctx) => ({ replies: [ctx.menu(ctx.t("common:help"))] }),
  step: (ctx) => ({ replies: [ctx.menu(ctx.t("common:help"))] }),
};
