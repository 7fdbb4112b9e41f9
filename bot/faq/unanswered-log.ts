import { createHash } from "node:crypto";
import type { Lang } from "../model";
import type { UnansweredRecord, UnansweredRepository } from "../store/repositories";

export type { UnansweredRecord } from "../store/repositories";

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
export async function logUnanswered(
  repo: UnansweredRepository,
  text: string,
  lang: Lang,
  now: Date,
): Promise<void> {
  const clean = redact(text);
  if (!clean) return;
  const id = createHash("sha256").update(clean.toLowerCase()).digest("hex").slice(0, 16);
  await repo.record({ id, text: clean, lang, day: now.toISOString().slice(0, 10) }, MAX_RECORDS);
}

/** Every unanswered question, most asked first. */
export function listUnanswered(repo: UnansweredRepository): Promise<UnansweredRecord[]> {
  return repo.list();
}
