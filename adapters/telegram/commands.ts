import type { Api } from "grammy";
import type { i18n } from "i18next";
import type { Lang } from "../../bot/model";

/** The commands in Telegram's "/" menu; the core knows each word in both languages. */
export const TELEGRAM_COMMANDS = ["menu", "bantuan", "bahasa", "berhenti", "datasaya", "hapusdata"] as const;

/** The command list with descriptions in one language (content/locales/<lang>/telegram.json). */
export function commandList(i18next: i18n, lang: Lang): { command: string; description: string }[] {
  const t = i18next.getFixedT(lang);
  return TELEGRAM_COMMANDS.map((command) => ({ command, description: t(`telegram:commands.${command}`) }));
}

/** Registers the commands: Indonesian as the default and for "id", English for "en". */
export async function registerCommands(api: Api, i18next: i18n): Promise<void> {
  await api.setMyCommands(commandList(i18next, "id"));
  await api.setMyCommands(commandList(i18next, "id"), { language_code: "id" });
  await api.setMyCommands(commandList(i18next, "en"), { language_code: "en" });
}
