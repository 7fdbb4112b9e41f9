import type { TFunction } from "i18next";
import type { Outbound } from "./model";

/** The main-menu entries, in order; each `menu:<id>` choice starts the flow of the same id. */
export const MENU_ENTRIES = [
  "faq",
  "offer",
  "recruiter",
  "offices",
  "subscribe",
  "emergency",
  "language",
] as const;
export type MenuEntry = (typeof MENU_ENTRIES)[number];

/** The main menu as one reply with a choice per entry. */
export function mainMenu(t: TFunction, title?: string): Outbound {
  return {
    text: title ?? t("common:menuTitle"),
    choices: MENU_ENTRIES.map((id) => ({ id: `menu:${id}`, label: t(`common:menu.${id}`) })),
  };
}
