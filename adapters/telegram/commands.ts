import type { Api } from "grammy";
import type { i18n } from "i18next";
import type { Lang } from "../../bot/model";

/**
 * The command list for Telegram's "/" menu in one language: the words the capabilities
 * advertise (`channelCommands`), described in content/locales/<lang>/telegram.json.
 */
export function commandList(
  i18next: i18n,
  commands: readonly string[],
  lang: Lang,
): { command: string; description: string }[] {
  const t = i18next.getFixedT(lang);
  return commands.map((command) => ({ command, description: t(`telegram:commands.${command}`) }));
}

/** Registers the commands: Indonesian as the default and for "id", English for "en". */
export async function registerCommands(api: Api, i18next: i18n, commands: readonly string[]): Promise<void> {
  await api.setMyCommands(commandList(i18next, commands, "id"));
  await api.setMyCommands(commandList(i18next, commands, "id"), { language_code: "id" });
  await api.setMyCommands(commandList(i18next, commands, "en"), { language_code: "en" });
}
