import type { InlineKeyboardMarkup, ReplyKeyboardMarkup, ReplyKeyboardRemove } from "grammy/types";
import type { Outbound } from "../../bot/model";
import type { ChoiceCodec } from "./choice-codec";
import { splitText, TELEGRAM_TEXT_LIMIT, toTelegramHtml } from "./format";

/** A keyboard Telegram shows under a message or in place of the phone keyboard. */
export type ReplyMarkup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove;

/** One `sendMessage` call: text in HTML parse mode and an optional keyboard. */
export type TelegramMessage = {
  text: string;
  parse_mode: "HTML";
  reply_markup?: ReplyMarkup;
  link_preview_options: { is_disabled: true };
};

export interface RenderOptions {
  codec: ChoiceCodec;
  /** Label of the "share my location" button, in the person's language. */
  locationLabel: string;
  /** Ask Telegram to hide a reply keyboard left from an earlier location request. */
  removeKeyboard?: boolean;
  limit?: number;
}

/**
 * Renders one Outbound as sendMessage calls: long text is split at paragraph breaks,
 * choices become an inline keyboard on the last part, and askLocation a reply keyboard
 * with a location button (choices then become reply buttons whose labels the core resolves).
 */
export function renderOutbound(out: Outbound, options: RenderOptions): TelegramMessage[] {
  const parts = splitText(out.text || " ", options.limit ?? TELEGRAM_TEXT_LIMIT);
  const messages: TelegramMessage[] = parts.map((p) => ({
    text: toTelegramHtml(p),
    parse_mode: "HTML",
    link_preview_options: { is_disabled: true },
  }));
  const last = messages[messages.length - 1]!;
  const choices = out.choices ?? [];
  if (out.askLocation) {
    last.reply_markup = {
      keyboard: [
        [{ text: options.locationLabel, request_location: true }],
        ...choices.map((c) => [{ text: c.label }]),
      ],
      resize_keyboard: true,
      one_time_keyboard: true,
    };
  } else if (choices.length > 0) {
    last.reply_markup = {
      inline_keyboard: choices.map((c) => [{ text: c.label, callback_data: options.codec.encode(c.id) }]),
    };
  } else if (options.removeKeyboard) {
    last.reply_markup = { remove_keyboard: true };
  }
  return messages;
}
