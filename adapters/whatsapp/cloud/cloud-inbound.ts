import type { Inbound, MediaKind } from "../../../bot/model";

/** One incoming message from a Cloud API webhook, ready for the core. */
export interface CloudMessage {
  /** `messages[].id` (wamid), for de-duplication. */
  id: string;
  inbound: Inbound;
  /** The phone number (`wa_id` / `from`) when Meta sent one. */
  phone?: string;
}

/** A delivery status of a message the bot sent. */
export interface CloudStatus {
  id: string;
  status: string;
  recipient?: string;
  timestamp?: string;
  errorCode?: number;
}

const MEDIA: Record<string, MediaKind> = {
  image: "photo",
  audio: "voice",
  voice: "voice",
  video: "video",
  document: "document",
  sticker: "sticker",
};

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === "object" && v !== null ? (v as Obj) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

/** Meta sometimes sends milliseconds; seconds otherwise. */
function when(timestamp: unknown): Date {
  const n = Number(timestamp);
  if (!Number.isFinite(n) || n <= 0) return new Date();
  return new Date(n > 1e12 ? n : n * 1000);
}

/**
 * Reads a webhook payload: messages (keyed by the business-scoped user id `from_user_id`
 * / `user_id` when present, else the phone, with the phone kept aside) and statuses.
 * Unknown shapes are skipped, never thrown.
 */
export function readWebhook(payload: unknown): { messages: CloudMessage[]; statuses: CloudStatus[] } {
  const messages: CloudMessage[] = [];
  const statuses: CloudStatus[] = [];
  for (const entry of arr(obj(payload).entry)) {
    for (const change of arr(obj(entry).changes)) {
      const value = obj(obj(change).value);
      const contacts = arr(value.contacts).map(obj);
      for (const raw of arr(value.messages)) {
        const m = obj(raw);
        const id = str(m.id);
        const from = str(m.from);
        const contact = contacts.find(
          (c) => (from && c.wa_id === from) || (m.from_user_id && c.user_id === m.from_user_id),
        );
        const userId = str(m.from_user_id) ?? str(contact?.user_id);
        const phone = from ?? str(contact?.wa_id);
        const chatId = userId ?? phone;
        if (!id || !chatId) continue;
        const inbound: Inbound = { channel: "whatsapp", chatId, at: when(m.timestamp) };
        const type = str(m.type);
        const interactive = obj(m.interactive);
        if (type === "text") inbound.text = str(obj(m.text).body);
        else if (type === "interactive") {
          const reply = obj(interactive.button_reply ?? interactive.list_reply);
          const choice = str(reply.id);
          if (choice) inbound.choice = choice;
          else inbound.text = str(reply.title);
        } else if (type === "button") inbound.text = str(obj(m.button).text) ?? str(obj(m.button).payload);
        else if (type === "location") {
          const loc = obj(m.location);
          const lat = Number(loc.latitude);
          const lon = Number(loc.longitude);
          if (Number.isFinite(lat) && Number.isFinite(lon)) inbound.location = { lat, lon };
          else inbound.media = "other";
        } else if (type === "system" || type === "reaction" || type === "unsupported" || type === "errors") {
          if (type !== "unsupported") continue;
          inbound.media = "other";
        } else {
          inbound.media = (type && MEDIA[type]) || "other";
          const caption = str(obj(type ? m[type] : undefined).caption);
          if (caption) inbound.text = caption;
        }
        if (!inbound.text && !inbound.choice && !inbound.location && !inbound.media) inbound.media = "other";
        messages.push({ id, inbound, ...(phone ? { phone } : {}) });
      }
      for (const raw of arr(value.statuses)) {
        const s = obj(raw);
        const id = str(s.id);
        const status = str(s.status);
        if (!id || !status) continue;
        const code = Number(obj(arr(s.errors)[0]).code);
        statuses.push({
          id,
          status,
          recipient: str(s.recipient_id),
          timestamp: str(s.timestamp),
          ...(Number.isFinite(code) ? { errorCode: code } : {}),
        });
      }
    }
  }
  return { messages, statuses };
}
