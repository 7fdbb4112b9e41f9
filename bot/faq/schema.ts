import { z } from "zod";

/** Every topic id in CONTRACTS.md: each must exist, in Indonesian and English. */
export const FAQ_TOPIC_IDS = [
  "legal-steps",
  "documents",
  "requirements",
  "costs",
  "passport",
  "work-visa",
  "contract",
  "training",
  "medical",
  "social-security",
  "pre-departure",
  "registration",
  "schemes",
  "licensed-recruiter",
  "brokers",
  "trafficking-signs",
  "report",
  "japan",
  "korea",
  "germany",
  "middle-east",
  "online-scam",
  "rights",
  "return",
  "family-permission",
  "language",
] as const;

/** Menu categories of "Tanya prosedur resmi", in order. */
export const FAQ_CATEGORIES = ["preparation", "costs", "destinations", "protection", "dangers"] as const;
export type FaqCategory = (typeof FAQ_CATEGORIES)[number];

/** Longest short answer: it must fit a phone screen. */
export const MAX_ANSWER_CHARS = 600;
/** Titles become buttons. */
export const MAX_TITLE_CHARS = 24;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "is not a real date");

const sourceSchema = z.object({
  name: z.string().min(3),
  /** The source's name for English readers (the Indonesian name is shown when it is missing). */
  name_en: z.string().min(3).optional(),
  via: z.string().min(3).optional(),
  url: z.url().optional(),
  checked: isoDate,
});

/** Keywords and questions: a bare number in YAML (0800) is read as text. */
const phrase = z.union([z.string(), z.number()]).transform(String).pipe(z.string().min(1));

const textSchema = z.object({
  title: z.string().min(2).max(MAX_TITLE_CHARS),
  questions: z.array(phrase).min(3),
  keywords: z.array(phrase).min(2),
  answer: z.string().min(20).max(MAX_ANSWER_CHARS),
  more: z.string().min(20),
});

/** One FAQ file: content/faq/<topic>.yaml. */
export const faqEntrySchema = z.object({
  topic: z.string().regex(/^[a-z][a-z0-9-]*$/, "must be a lower-case id"),
  categories: z.array(z.enum(FAQ_CATEGORIES)).min(1),
  related: z.array(z.string()).min(1).max(4),
  sources: z.array(sourceSchema).min(1),
  id: textSchema,
  en: textSchema,
});

export type FaqEntry = z.output<typeof faqEntrySchema>;
export type FaqText = z.output<typeof textSchema>;
export type FaqSource = z.output<typeof sourceSchema>;
