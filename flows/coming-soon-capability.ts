import type { Feature } from "../bot/feature";
import type { Flow } from "../bot/flow";

/** A menu entry's flow that says honestly the capability is not built yet, then shows the menu. */
function comingSoonFlow(id: string): Flow {
  const start: Flow["start"] = (ctx) => ({
    replies: [ctx.menu(ctx.t("common:comingSoon", { feature: ctx.t(`common:menu.${id}`) }))],
    meta: { comingSoon: id },
  });
  return { id, start, step: (ctx, _state, input) => start(ctx, input) };
}

/** Not built yet; a capability that builds one of them removes it here and registers its own. */
const COMING: { id: string; order: number }[] = [];

/** Menu entries whose capability is not built yet (they point to the district Disnaker). */
export const comingSoonCapability: Feature = {
  id: "coming-soon",
  menu: COMING,
  flows: () => COMING.map((e) => comingSoonFlow(e.id)),
};
