import { z } from "zod";

const text = z.string().trim().min(1);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date YYYY-MM-DD");

/** A training programme officers announce (CONTRACTS.md `programme add`). */
export const programmeSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{3,40}$/),
  title: text,
  provider: text,
  start: date,
  end: date.optional(),
  place: text,
  /** Region codes of the official list whose people it is for. */
  regions: z.array(z.string()).min(1),
  quota: z.number().int().positive().optional(),
  /** "free", or the official fee as stated by the provider. */
  cost: text,
  destinations: z.array(text).default([]),
  sectors: z.array(text).default([]),
  /** How to register officially (the provider's office, a link, a phone number). */
  register: text,
  source: text,
  createdAt: z.string(),
});
export type Programme = z.output<typeof programmeSchema>;
export type ProgrammeInput = Omit<Programme, "id" | "createdAt">;

/** A person's "DAFTAR": interest in a programme, for the officers who run it. */
export interface ProgrammeInterest {
  id: string;
  programmeId: string;
  /** The person's key (`channel:chatId`): deleted with `hapusdata`. */
  userKey: string;
  at: string;
}

/** Which programmes a person sees: for their region, optionally for a destination or sector. */
export interface ProgrammeQuery {
  region: string;
  destinations?: string[];
  sectors?: string[];
  /** Today; programmes that ended before it are not upcoming. */
  today: string;
}

/** True when one code lies in the other (`16.73.01` in `16.73`, or the same). */
export function overlaps(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}
