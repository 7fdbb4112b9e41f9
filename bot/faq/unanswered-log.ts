import { createHash } from "node:crypto";
import type { Lang } from "../model";
import type { Store } from "../store/types";

/** A question the bot could not answer: the text only, never who asked. */
export interface UnansweredRecord {
  /** Hash of the normalised text, so repeats add up. */
  id: string;
  text: string;
  lang: Lang;
  count: number;
  firstSeen: string;
  lastSeen: string;
}

export const UNANSWERED_COLLECTION = "faq-unanswered";
const MAX_TEXT = 200;
const MAX_RECORDS = 5000;

/** Masks what could identify a person: long numbers (phones, ids), e-mails, @handles, links. */
export function redact(text: string): string {
  return text
    .replace(/\S+@\S+\.\S+/g, "[email]")
    .replace(/https?:\/\/\S+/g, "[link]")
    .replace(/@\w{2,}/g, "[akun]")
    .replace(/\+?\d[\d\s.-]{4,}\d/g, "[nomor]")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, MAX_TEXT);
}

/** Records one unanswered question (text, language and day only). */
export function logUnanswered(store: Store, text: string, lang: Lang, now: Date): void {
  const clean = redact(text);
  if (!clean) return;
  const col = store.collection<UnansweredRecord>(UNANSWERED_COLLECTION);
  const id = createHash("sha256").update(clean.toLowerCase()).digest("hex").slice(0, 16);
  const day = now.toISOString().slice(0, 10);
  const old = col.get(id);
  if (old) {
    col.put({ ...old, count: old.count + 1, lastSeen: day });
    return;
  }
  if (col.size() >= MAX_RECORDS) return;
  col.put({ id, text: clean, lang, count: 1, firstSeen: day, lastSeen: day });
}

/** Every unanswered question, most asked first. */
export function listUnanswered(store: Store): UnansweredRecord[] {
  return store
    .collection<UnansweredRecord>(UNANSWERED_COLLECTION)
    .all()
    .sort(
      (a, b) => b.count - a.count || b.lastSeen.localeCompare(a.lastSeen) || a.text.localeCompare(b.text),
    );
}
