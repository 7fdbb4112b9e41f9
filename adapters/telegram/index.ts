/** The Telegram adapter: `startTelegram(...)` is all `bot/main.ts` needs. */
export {
  type StartTelegramOptions,
  startTelegram,
  type TelegramHandle,
  TelegramStartError,
} from "./start-telegram";
