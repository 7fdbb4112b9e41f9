import { z } from "zod";

/** Kinds of office in the directory, in the order a candidate usually needs them. */
export const OFFICE_TYPES = [
  "disnaker",
  "ltsa",
  "bp3mi",
  "p4mi",
  "blk",
  "lpk",
  "language-course",
  "health-check",
  "immigration",
  "ministry",
] as const;
export type OfficeType = (typeof OFFICE_TYPES)[number];

/** `serves` code for an office that serves the whole country (the ministry's contact centre). */
export const NATIONWIDE = "*";

const text = z.string().trim().min(1);
const bilingual = z.object({ id: text, en: text.optional() });

/** One office of content/places/offices.yaml, or of an imported CSV row. */
export const officeSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "lower-case letters, digits and dashes"),
  type: z.enum(OFFICE_TYPES),
  name: text,
  /** Region codes of the official list it serves (`16.73`), or "*" for the whole country. */
  serves: z.array(z.string()).min(1),
  /** Only an address found in a source; absent means "alamat belum terverifikasi". */
  address: text.optional(),
  phone: text.optional(),
  hours: text.optional(),
  /** Coordinates of the building (never a region's centre). */
  location: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).optional(),
  /** What can be done there, beyond what its type says (e.g. "kursus bahasa Jepang"). */
  services: z.array(text).default([]),
  destinations: z.array(text).default([]),
  sectors: z.array(text).default([]),
  /** What to search or whom to call while the address is not verified. */
  howToFind: bilingual.optional(),
  source: text,
  checked: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date YYYY-MM-DD"),
  /** A fictional entry for demonstrations; shown with "CONTOH" wherever it appears. */
  sample: z.boolean().default(false),
});
export type Office = z.output<typeof officeSchema>;
