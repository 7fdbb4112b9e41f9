import { randomBytes } from "node:crypto";
import type { Collection, Store } from "../store/types";
import {
  overlaps,
  type Programme,
  type ProgrammeInput,
  type ProgrammeInterest,
  type ProgrammeQuery,
} from "./programme-types";

/**
 * Where programmes and interest registrations are kept. Async and query-shaped so it can move
 * to another store (PostgreSQL) without touching its callers; today it sits on two collections
 * of the Store (`programmes`, `programme-interest`).
 */
export interface ProgrammeRepository {
  add(input: ProgrammeInput, now: Date): Promise<Programme>;
  get(id: string): Promise<Programme | undefined>;
  list(): Promise<Programme[]>;
  remove(id: string): Promise<boolean>;
  /** Programmes not yet ended for a region (and its kabupaten, province), soonest first. */
  upcoming(query: ProgrammeQuery): Promise<Programme[]>;
  /** Records a person's interest once; false when it was already recorded. */
  registerInterest(programmeId: string, userKey: string, now: Date): Promise<boolean>;
  interestCount(programmeId: string): Promise<number>;
}

const PROGRAMMES = "programmes";
/** Per-person documents (`userKey`): found and deleted by the privacy feature. */
export const INTEREST_COLLECTION = "programme-interest";

const newId = () => `p-${randomBytes(4).toString("hex")}`;

/** The repository on the embedded Store. */
export function createStoreProgrammeRepository(store: Store): ProgrammeRepository {
  const programmes = () => store.collection<Programme>(PROGRAMMES);
  const interest = () => store.collection<ProgrammeInterest>(INTEREST_COLLECTION);
  const fits = (wanted: string[] | undefined, have: string[]) =>
    !wanted?.length || have.length === 0 || wanted.some((w) => have.includes(w));

  return {
    async add(input, now) {
      const p: Programme = { ...input, id: newId(), createdAt: now.toISOString() };
      programmes().put(p);
      await store.flush();
      return p;
    },
    async get(id) {
      return programmes().get(id);
    },
    async list() {
      return programmes()
        .all()
        .sort((a, b) => a.start.localeCompare(b.start));
    },
    async remove(id) {
      const removed = programmes().delete(id);
      const col: Collection<ProgrammeInterest> = interest();
      for (const i of col.find((d) => d.programmeId === id)) col.delete(i.id);
      await store.flush();
      return removed;
    },
    async upcoming(q) {
      return programmes()
        .find(
          (p) =>
            (p.end ?? p.start) >= q.today &&
            p.regions.some((r) => overlaps(r, q.region)) &&
            fits(q.destinations, p.destinations) &&
            fits(q.sectors, p.sectors),
        )
        .sort((a, b) => a.start.localeCompare(b.start));
    },
    async registerInterest(programmeId, userKey, now) {
      const id = `${programmeId}|${userKey}`;
      if (interest().get(id)) return false;
      interest().put({ id, programmeId, userKey, at: now.toISOString() });
      await store.flush();
      return true;
    },
    async interestCount(programmeId) {
      return interest().find((d) => d.programmeId === programmeId).length;
    },
  };
}
