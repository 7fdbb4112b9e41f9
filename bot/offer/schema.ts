import { z } from "zod";

/** The sixteen red-flag ids of CONTRACTS.md. */
export const FLAG_IDS = [
  "upfront-fee",
  "non-work-visa",
  "no-contract",
  "document-retention",
  "unrealistic-pay",
  "moratorium-destination",
  "scam-compound",
  "unlicensed-recruiter",
  "underage",
  "document-fraud",
  "irregular-route",
  "debt-bondage",
  "pressure-secrecy",
  "skipped-procedure",
  "vague-employer",
  "restricted-movement",
] as const;
export type FlagId = (typeof FLAG_IDS)[number];

const text = z.string().trim().min(1);
/** A text in both languages. */
export const bilingual = z.object({ id: text, en: text }).strict();
export type Bilingual = z.infer<typeof bilingual>;
const patternList = z.array(text).default([]);
const patterns = z.object({ id: patternList, en: patternList }).strict();
const isoMonth = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, "checked must be YYYY-MM or YYYY-MM-DD");

/** Where a rule's legal or ILO basis comes from, and when it was checked. */
export const basisSchema = z.object({ text: bilingual, source: text, checked: isoMonth }).strict();

/** A combination: every group in `all` must match, and one of `any` when given. */
export const comboSchema = z
  .object({
    all: z.array(text).min(1),
    any: z.array(text).optional(),
    weight: z.number().int().min(1).max(100).optional(),
  })
  .strict();

/** One red-flag rule: content/redflags/rules/<id>.yaml. */
export const ruleSchema = z
  .object({
    id: z.enum(FLAG_IDS),
    weight: z.number().int().min(1).max(100),
    /** Words after a match that cancel it ("biaya … ditanggung perusahaan"). */
    negateAfter: z.boolean().default(false),
    /** A negator inside a match is part of the warning sign ("nama majikan belum bisa disebutkan"). */
    negationInside: z.boolean().default(false),
    /**
     * Words that, inside a match or right after it, show the sign is absent: "paspor dipegang
     * *sendiri*" is no retention. Plain words, matched after normalisation.
     */
    unlessInside: z.array(z.string().min(1)).default([]),
    patterns,
    combos: z.array(comboSchema).default([]),
    title: bilingual,
    explanation: bilingual,
    advice: bilingual,
    basis: z.array(basisSchema).min(1),
  })
  .strict();
export type Rule = z.infer<typeof ruleSchema>;

/** Shared vocabulary, thresholds and negation words: content/redflags/vocabulary.yaml. */
export const vocabularySchema = z
  .object({
    levels: z.object({ medium: z.number().positive(), high: z.number().positive() }).strict(),
    negation: z
      .object({
        window: z.number().int().min(1).max(8),
        prohibitWindow: z.number().int().min(1).max(8),
        afterWindow: z.number().int().min(1).max(8),
        before: z.array(text).min(1),
        prohibit: z.array(text).min(1),
        notProhibit: z.array(text).default([]),
        modals: z.array(text).default([]),
        clauseStart: z.array(text).default([]),
        after: z.array(text).min(1),
      })
      .strict(),
    warningCues: z.array(text).min(1),
    money: z
      .object({
        feeWords: z.array(text).min(1),
        payWords: z.array(text).min(1),
        payHighIdr: z.number().positive(),
        payVeryHighIdr: z.number().positive(),
        payExtremeIdr: z.number().positive(),
        rates: z.record(z.string().regex(/^[A-Z]{3}$/), z.number().positive()),
      })
      .strict(),
    groups: z.record(
      z.string().regex(/^[a-z][a-z0-9-]*$/),
      z.object({ negateAfter: z.boolean().default(false), id: patternList, en: patternList }).strict(),
    ),
    adWords: z.array(text).min(1),
  })
  .strict();
export type Vocabulary = z.infer<typeof vocabularySchema>;
