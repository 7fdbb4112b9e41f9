import type { Flow } from "../bot/flow";

/**
 * Router step 5: free text nobody understood. Always answers, always offers the menu.
 * A brand-new person gets the greeting instead of an apology.
 */
export const fallbackFlow: Flow = {
  id: "fallback",
  start(ctx) {
    const fresh = ctx.user.createdAt === ctx.user.lastSeenAt;
    const title = fresh
      ? `${ctx.t("common:greeting")}\n\n${ctx.t("common:menuTitle")}`
      : `${ctx.t("common:fallback")}\n\n${ctx.t("common:menuTitle")}`;
    return { replies: [ctx.menu(title)], meta: { fallback: true } };
  },
  step(ctx, _state, input) {
    return this.start(ctx, input);
  },
};
