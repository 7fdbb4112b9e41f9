import type { Message } from "grammy/types";
import type { Inbound, MediaKind } from "../../bot/model";

/** A deep-link payload as Telegram allows it: `t.me/<bot>?start=<payload>`. */
const START_PAYLOAD = /^\/start(?:@\w+)?\s+([A-Za-z0-9_-]{1,64})\s*$/;

/** What kind of media a message carries, if it carries no text to read. */
export function mediaKind(message: Message): MediaKind | undefined {
  if (message.photo) return "photo";
  if (message.voice || message.audio) return "voice";
  if (message.video || message.video_note || message.animation) return "video";
  if (message.sticker) return "sticker";
  if (message.document) return "document";
  if (message.location || message.venue || message.text !== undefined) return undefined;
  return "other";
}

/** The deep-link payload of a `/start <payload>` message, if any. */
export function startPayload(text: string | undefined): string | undefined {
  return text ? START_PAYLOAD.exec(text)?.[1] : undefined;
}

/**
 * A private-chat message as an Inbound. Typed, forwarded and captioned text all count
 * as text; a shared location (or venue) becomes `location`; anything else is `media`.
 */
export function messageToInbound(message: Message): Inbound {
  const inbound: Inbound = {
    channel: "telegram",
    chatId: String(message.chat.id),
    at: new Date(message.date * 1000),
  };
  const text = message.text ?? message.caption;
  if (text !== undefined && text.trim() !== "") inbound.text = text;
  const place = message.location ?? message.venue?.location;
  if (place) inbound.location = { lat: place.latitude, lon: place.longitude };
  const media = mediaKind(message);
  if (media) inbound.media = media;
  const source = startPayload(message.text);
  if (source) {
    inbound.source = source;
    inbound.text = "/start";
  }
  return inbound;
}

/** True for a message that is a bot command ("/bantuan", "/menu@OurBot"). */
export function isCommand(message: Message): boolean {
  const text = message.text ?? "";
  return /^\/[A-Za-z0-9_]+(?:@\w+)?(?:\s|$)/.test(text);
}
