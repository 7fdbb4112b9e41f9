import { z } from "zod";
import { ContentError } from "../i18n";
import { loadYaml } from "../load-yaml";
import type { Lang } from "../model";

/** A text in both languages. */
export const textSchema = z.object({ id: z.string().min(1), en: z.string().min(1) });
const text = textSchema;

const lineSchema = z.object({
  kind: z.enum(["phone", "whatsapp", "app", "web"]),
  value: z.string().min(1),
  /** The number the short emergency answer leads with for someone in Indonesia, or abroad. */
  from: z.enum(["indonesia", "abroad"]).optional(),
  note: text.optional(),
});

/** A checked date, YYYY-MM-DD (YAML dates are read as such too). */
export const dateSchema = z.union([z.date(), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]).transform((v) => {
  const d = typeof v === "string" ? new Date(`${v}T00:00:00Z`) : v;
  return d.toISOString().slice(0, 10);
});

const contactSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Where it helps: in Indonesia, abroad, or both. */
  scope: z.enum(["indonesia", "abroad", "both"]),
  name: text,
  lines: z.array(lineSchema),
  note: text.optional(),
  source: z.string().min(3),
  url: z.url().optional(),
  checked: dateSchema,
});

const fileSchema = z.object({ contacts: z.array(contactSchema).min(1) });

/** One emergency contact, with its source and the date it was checked. */
export type Hotline = z.output<typeof contactSchema>;

/** Loads content/safety/hotlines.yaml. */
export function loadHotlines(file: string): Hotline[] {
  const data = loadYaml(file, fileSchema);
  const seen = new Set<string>();
  for (const c of data.contacts) {
    if (seen.has(c.id)) throw new ContentError(file, `contacts.${c.id}: duplicate id`);
    seen.add(c.id);
  }
  return data.contacts;
}

/** "2026-11-28" -> "11/2026", the short checked date VOICE.md asks for. */
export function monthYear(date: string): string {
  return `${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/** A contact's name in a language. */
export function hotlineName(h: Hotline, lang: Lang): string {
  return h.name[lang];
}
