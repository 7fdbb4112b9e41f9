/** The channels one conversation core serves. */
export type Channel = "telegram" | "whatsapp" | "web" | "console";

/** Languages with complete content. Indonesian is the default. */
export type Lang = "id" | "en";
export const LANGS: readonly Lang[] = ["id", "en"];
export const DEFAULT_LANG: Lang = "id";

/** Kinds of media a person may send instead of text. */
export type MediaKind = "photo" | "voice" | "video" | "document" | "sticker" | "other";

/** What a person sent, translated by an adapter into the channel-neutral shape. */
export interface Inbound {
  channel: Channel;
  /** The channel's own id for the chat, stored exactly as received. */
  chatId: string;
  /** Typed (or forwarded / captioned) text, already trimmed by the core. */
  text?: string;
  /** Id of a choice the person picked. */
  choice?: string;
  location?: { lat: number; lon: number };
  media?: MediaKind;
  /** Extra adapter facts, e.g. a Telegram /start deep-link payload. */
  source?: string;
  /** The adapter's own flood limit was hit (e.g. too many requests from one address): only danger and exit pass. */
  throttled?: boolean;
  at: Date;
}

/** One option a person can pick: rendered as a button or a numbered line. */
export interface Choice {
  id: string;
  label: string;
}

/** What the bot says. Text is plain with light *bold*; adapters escape it per channel. */
export interface Outbound {
  text: string;
  choices?: Choice[];
  askLocation?: boolean;
}

/** What the core decided, for tests and the JSON API (see CONTRACTS.md). */
export interface Meta {
  flow?: string;
  command?: string;
  faq?: { id: string; score: number } | null;
  risk?: unknown;
  recruiter?: unknown;
  emergency?: boolean;
  limited?: boolean;
  [key: string]: unknown;
}

export interface HandleResult {
  replies: Outbound[];
  meta: Meta;
}

/** The stable key of a person: `channel:chatId`. */
export function userKey(channel: Channel, chatId: string): string {
  return `${channel}:${chatId}`;
}

/** `channel:chatId` back into its parts (chat ids may contain ":"). */
export function splitKey(key: string): { channel: Channel; chatId: string } {
  const at = key.indexOf(":");
  return { channel: key.slice(0, at) as Channel, chatId: key.slice(at + 1) };
}
