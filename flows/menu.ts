import type { Flow } from "../bot/flow";

/** The main menu. Picking `menu:<entry>` hands over to the flow of that id. */
export const menuFlow: Flow = {
  id: "menu",
  start(ctx, input) {
    const entry = input.choice?.startsWith("menu:") ? input.choice.slice("menu:".length) : undefined;
    const entries = ctx.menu().choices?.map((c) => c.id.slice("menu:".length)) ?? [];
    if (entry && entries.includes(entry)) return { replies: [], next: { flow: entry } };
    const fresh = ctx.user.createdAt === ctx.user.lastSeenAt;
    const title = fresh ? `${ctx.t("common:greeting")}\n\n${ctx.t("common:menuTitle")}` : undefined;
    return { replies: [ctx.menu(title)] };
  },
  step(ctx, _state, input) {
    return this.start(ctx, input);
  },
};
