import { z } from "zod";
import { ContentError } from "../i18n";
import { loadYaml } from "../load-yaml";
import { dateSchema, textSchema } from "./hotlines";

const numberSchema = z.object({
  value: z.string().regex(/^\+?[0-9][0-9 -]*[0-9]$/, "a number: digits, spaces or dashes"),
  note: textSchema.optional(),
  source: z.string().min(3),
  url: z.url().optional(),
  checked: dateSchema,
});

const wordsSchema = z.array(z.string().min(2)).min(1);

const countrySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: textSchema,
  words: wordsSchema,
  /** The country's own emergency numbers, each sourced; none when they could not be sourced. */
  emergency: z.array(numberSchema).default([]),
});

const fileSchema = z.object({
  indonesia: z.object({ words: wordsSchema }),
  countries: z.array(countrySchema).min(1),
});

/** A country the emergency answer knows, with its own sourced emergency numbers (maybe none). */
export type Country = z.output<typeof countrySchema>;
/** One sourced emergency number of a country. */
export type CountryNumber = Country["emergency"][number];

/** content/safety/hotlines-abroad.yaml: the countries and the words for "in Indonesia". */
export interface AbroadContent {
  indonesiaWords: string[];
  countries: Country[];
}

/** Loads content/safety/hotlines-abroad.yaml; a duplicate id or word stops start-up naming it. */
export function loadAbroad(file: string): AbroadContent {
  const data = loadYaml(file, fileSchema);
  const ids = new Set<string>();
  const words = new Map<string, string>();
  const claim = (word: string, owner: string, field: string) => {
    const w = word.toLowerCase();
    const before = words.get(w);
    if (before) throw new ContentError(file, `${field}: "${word}" is already a word of ${before}`);
    words.set(w, owner);
  };
  for (const [i, w] of data.indonesia.words.entries()) claim(w, "indonesia", `indonesia.words.${i}`);
  for (const [ci, c] of data.countries.entries()) {
    if (ids.has(c.id)) throw new ContentError(file, `countries.${ci}.id: duplicate id ${c.id}`);
    ids.add(c.id);
    for (const [wi, w] of c.words.entries()) claim(w, c.id, `countries.${ci}.words.${wi}`);
  }
  return {
    indonesiaWords: data.indonesia.words.map((w) => w.toLowerCase()),
    countries: data.countries.map((c) => ({ ...c, words: c.words.map((w) => w.toLowerCase()) })),
  };
}
