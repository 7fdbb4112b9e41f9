import type { Inbound, MediaKind } from "../../../bot/model";
import type { WebMessage } from "./web-client";

/** What the adapter does with one `message` event. */
export type WebVerdict =
  | { kind: "ignore"; why: "own" | "status" | "channel" | "broadcast" | "old" | "system" | "group" }
  | { kind: "group"; chatId: string }
  | { kind: "inbound"; inbound: Inbound };

const MEDIA: Record<string, MediaKind> = {
  image: "photo",
  ptt: "voice",
  audio: "voice",
  video: "video",
  gif: "video",
  document: "document",
  sticker: "sticker",
  vcard: "other",
  multi_vcard: "other",
  poll_creation: "other",
};

/** Message types a person did not type: notifications, revoked messages, calls, encryption notices. */
const SYSTEM = new Set([
  "e2e_notification",
  "notification",
  "notification_template",
  "gp2",
  "broadcast_notification",
  "call_log",
  "ciphertext",
  "revoked",
  "protocol",
  "reaction",
  "debug",
]);

export interface TranslateOptions {
  /** Messages sent before this time (ms) are old: offline backlog after a reconnect. */
  notBefore: number;
  /** The bot's own ids, to see whether a group message mentions it. */
  ownIds: readonly string[];
}

function coordinate(v: number | string | undefined): number | undefined {
  const n = typeof v === "string" ? Number(v) : v;
  return typeof n === "number" && Number.isFinite(n) ? n : undefined;
}

/**
 * The adapter's translation rules: only messages a person sent to the bot become Inbound.
 * Own messages, status broadcasts, channels and old messages are ignored; in a group
 * the bot reacts only when mentioned (to point to a private chat). Text and captions are
 * text, a shared location is `location`, other media is `media`.
 */
export function translateWeb(message: WebMessage, options: TranslateOptions): WebVerdict {
  const from = message.from ?? "";
  if (message.fromMe) return { kind: "ignore", why: "own" };
  if (message.isStatus || from === "status@broadcast") return { kind: "ignore", why: "status" };
  if (from.endsWith("@newsletter")) return { kind: "ignore", why: "channel" };
  if (from.endsWith("@broadcast")) return { kind: "ignore", why: "broadcast" };
  if (SYSTEM.has(message.type)) return { kind: "ignore", why: "system" };
  if (message.timestamp * 1000 < options.notBefore) return { kind: "ignore", why: "old" };
  if (from.endsWith("@g.us")) {
    const mentioned = (message.mentionedIds ?? [])
      .map((id) => (typeof id === "string" ? id : (id as { _serialized?: string })?._serialized))
      .some((id) => id !== undefined && options.ownIds.includes(id));
    return mentioned ? { kind: "group", chatId: from } : { kind: "ignore", why: "group" };
  }
  const inbound: Inbound = { channel: "whatsapp", chatId: from, at: new Date(message.timestamp * 1000) };
  if (message.type === "location" && message.location) {
    const lat = coordinate(message.location.latitude);
    const lon = coordinate(message.location.longitude);
    if (lat !== undefined && lon !== undefined) inbound.location = { lat, lon };
    else inbound.media = "other";
    return { kind: "inbound", inbound };
  }
  const body = typeof message.body === "string" ? message.body : "";
  if (message.type !== "chat" && (message.hasMedia || MEDIA[message.type])) {
    inbound.media = MEDIA[message.type] ?? "other";
  } else if (message.type !== "chat" && body.trim() === "") {
    inbound.media = "other";
  }
  if (body.trim() !== "") inbound.text = body;
  return { kind: "inbound", inbound };
}
