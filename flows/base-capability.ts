import type { Feature } from "../bot/feature";
import { fallbackFlow } from "./fallback";
import { helpFlow } from "./help";
import { languageFlow } from "./language";
import { menuFlow } from "./menu";

/**
 * The foundation every bot has: the main menu, help, language and the fallback that always
 * answers. Its command words (menu, bantuan, bahasa) are the core's BASE_COMMANDS.
 */
export const baseCapability: Feature = {
  id: "base",
  flows: () => [menuFlow, helpFlow, languageFlow, fallbackFlow],
  menu: [{ id: "language", order: 70 }],
  roles: { fallback: "fallback" },
  channelCommands: ["menu", "bantuan", "bahasa"],
};
