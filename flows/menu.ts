import type { Flow } from "../bot/flow";
import { MENU_ENTRIES, type MenuEntry, mainMenu } from "../bot/main-menu";

/**
 * The main menu. Picking `menu:<entry>` hands over to the flow of that id; an entry
 * whose flow is not built yet says so honestly and shows the menu again.
 */
export function createMenuFlow(hasFlow: (id: string) => boolean): Flow {
  return {
    id: "menu",
    start(ctx, input) {
      const entry = input.choice?.slice("menu:".length) as MenuEntry | undefined;
      if (entry && (MENU_ENTRIES as readonly string[]).includes(entry)) {
        if (hasFlow(entry)) return { replies: [], next: { flow: entry } };
        const feature = ctx.t(`common:menu.${entry}`);
        return {
          replies: [mainMenu(ctx.t, ctx.t("common:comingSoon", { feature }))],
          meta: { comingSoon: entry },
        };
      }
      const fresh = ctx.user.createdAt === ctx.user.lastSeenAt;
      const title = fresh ? `${ctx.t("common:greeting")}\n\n${ctx.t("common:menuTitle")}` : undefined;
      return { replies: [mainMenu(ctx.t, title)] };
    },
    step(ctx, _state, input) {
      return this.start(ctx, input);
    },
  };
}
