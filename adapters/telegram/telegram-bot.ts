import { sequentialize } from "@grammyjs/runner";
import { type Context, Bot as GrammyBot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Logger } from "pino";
import { who } from "../../bot/logger";
import { DEFAULT_LANG, type Inbound, type Lang, type Outbound, userKey } from "../../bot/model";
import type { Bot } from "../../bot/wiring";
import type { ChoiceCodec } from "./choice-codec";
import { isCommand, messageToInbound } from "./inbound";
import { renderOutbound, type TelegramMessage } from "./render";
import { safeError } from "./safe-error";
import type { StoppableSender } from "./telegram-sender";

/** Update kinds the adapter handles (asked for in getUpdates and setWebhook). */
export const ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"] as const;

export interface TelegramBotOptions {
  bot: Bot;
  token: string;
  apiRoot?: string;
  log: Logger;
  codec: ChoiceCodec;
  /** Skips getMe (tests). */
  botInfo?: UserFromGetMe;
  /** Called after each update is fully handled (tests and benchmarks wait on it). */
  onHandled?: (updateId: number) => void;
  /** The channel's sender: replies go through its rate gate too. */
  sender: StoppableSender;
}

/** The grammY bot and a way to wait for the updates in hand. */
export interface TelegramBot {
  grammy: GrammyBot;
  /** Resolves when no update is being handled (or after `timeoutMs`). */
  idle(timeoutMs?: number): Promise<void>;
}

/** The language for adapter-only text: the person's saved choice, else their app's language. */
async function langFor(bot: Bot, chatId: string, appLang?: string): Promise<Lang> {
  return (await bot.people.lang("telegram", chatId)) ?? (appLang?.startsWith("en") ? "en" : DEFAULT_LANG);
}

/** Marks a person (in)active for broadcasts, e.g. when they block or unblock the bot. */
export function setActive(bot: Bot, chatId: string, active: boolean): Promise<void> {
  return bot.people.setActive("telegram", chatId, active);
}

/**
 * The grammY bot: a thin translator between Telegram updates and the core. Private
 * messages and button presses become Inbound; the core's replies go out as sendMessage.
 * In groups it answers only commands, asking people to chat privately.
 */
export function createTelegramBot(options: TelegramBotOptions): TelegramBot {
  const { bot, log, codec } = options;
  const { core, i18n } = bot;
  const grammy = new GrammyBot(options.token, {
    botInfo: options.botInfo,
    client: options.apiRoot ? { apiRoot: options.apiRoot } : undefined,
  });

  /** One reply part through the sender's gate; HTML Telegram refuses goes again as plain text. */
  async function send(chatId: string, message: TelegramMessage): Promise<boolean> {
    const { sender } = options;
    const outcome = await sender.sendParts(chatId, [message], true);
    if (outcome.ok) return true;
    if (outcome.permanent && outcome.blocked) return false;
    // Anything else fails the update (logged once by grammy.catch, without text or ids).
    if (!/can't parse entities/i.test(outcome.reason)) throw new Error(outcome.reason);
    log.warn({ reason: outcome.reason }, "telegram HTML refused; sending plain text");
    const plain = message.text
      .replace(/<[^>]+>/g, "")
      .replaceAll("&lt;", "<")
      .replaceAll("&gt;", ">")
      .replaceAll("&amp;", "&");
    const again = await sender.sendParts(chatId, [{ text: plain, reply_markup: message.reply_markup }], true);
    return !(again.ok === false && again.blocked);
  }

  async function reply(chatId: string, replies: Outbound[], removeKeyboard: boolean): Promise<void> {
    const t = i18n.getFixedT(await langFor(bot, chatId));
    for (const [i, out] of replies.entries()) {
      const parts = renderOutbound(out, {
        codec,
        locationLabel: t("telegram:shareLocation"),
        removeKeyboard: removeKeyboard && i === 0,
      });
      for (const part of parts) if (!(await send(chatId, part))) return;
    }
  }

  async function handle(inbound: Inbound, removeKeyboard = false) {
    const result = await core.handle(inbound);
    // A chat that blocked the bot is marked inactive by the sender (onUnreachable).
    await reply(inbound.chatId, result.replies, removeKeyboard);
  }

  let busy = 0;
  const idleWaiters: (() => void)[] = [];
  grammy.use(async (ctx, next) => {
    busy++;
    try {
      await next();
    } finally {
      busy--;
      options.onHandled?.(ctx.update.update_id);
      if (busy === 0) for (const done of idleWaiters.splice(0)) done();
    }
  });
  grammy.use(sequentialize((ctx: Context) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));

  grammy.on("my_chat_member", async (ctx) => {
    const chat = ctx.myChatMember.chat;
    const status = ctx.myChatMember.new_chat_member.status;
    const chatId = String(chat.id);
    if (chat.type === "private") {
      if (status === "kicked") await setActive(bot, chatId, false);
      else if (status === "member") await setActive(bot, chatId, true);
      log.info({ user: who(userKey("telegram", chatId)), status }, "telegram membership changed");
      return;
    }
    const was = ctx.myChatMember.old_chat_member.status;
    if ((status === "member" || status === "administrator") && (was === "left" || was === "kicked")) {
      await sendPrivateOnly(ctx, chatId, ctx.from?.language_code);
    }
  });

  async function sendPrivateOnly(ctx: Context, chatId: string, appLang?: string) {
    const t = i18n.getFixedT(appLang?.startsWith("en") ? "en" : DEFAULT_LANG);
    const url = `https://t.me/${ctx.me.username}?start=group`;
    await ctx.api.sendMessage(chatId, t("telegram:privateOnly"), {
      reply_markup: { inline_keyboard: [[{ text: t("telegram:openPrivate"), url }]] },
    });
  }

  grammy.on("callback_query", async (ctx) => {
    await ctx
      .answerCallbackQuery()
      .catch((err) => log.debug({ err: safeError(err) }, "callback answer failed"));
    const chat = ctx.callbackQuery.message?.chat;
    const data = ctx.callbackQuery.data;
    if (chat?.type !== "private" || data === undefined) return;
    const chatId = String(chat.id);
    const known = await bot.people.offered("telegram", chatId);
    const choice = codec.decode(data, known) ?? data;
    await handle({ channel: "telegram", chatId, choice, at: new Date() });
  });

  grammy.on("message", async (ctx) => {
    const message = ctx.message;
    if (message.chat.type !== "private") {
      if (isCommand(message))
        await sendPrivateOnly(ctx, String(message.chat.id), message.from?.language_code);
      return;
    }
    await handle(messageToInbound(message), !!message.location);
  });

  grammy.catch((err) => {
    log.error({ err: safeError(err.error), updateId: err.ctx.update.update_id }, "telegram update failed");
  });

  return {
    grammy,
    idle(timeoutMs = 10_000) {
      if (busy === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        idleWaiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}
