import type { Flow } from "../bot/flow";
import { mainMenu } from "../bot/main-menu";

/** How to use the bot, then the menu. */
export const helpFlow: Flow = {
  id: "help",
  start: (ctx) => ({ replies: [mainMenu(ctx.t, ctx.t("common:help"))] }),
  step: (ctx) => ({ replies: [mainMenu(ctx.t, ctx.t("common:help"))] }),
};
