import type { TFunction } from "i18next";
import type { Outbound } from "./model";

/**
 * The main menu as one reply with a choice per entry (`menu:<id>`, label `common:menu.<id>`).
 * The entries and their order come from the capabilities (their `menu`).
 */
export function mainMenu(t: TFunction, entries: readonly string[], title?: string): Outbound {
  return {
    text: title ?? t("common:menuTitle"),
    choices: entries.map((id) => ({ id: `menu:${id}`, label: t(`common:menu.${id}`) })),
  };
}
