import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { Services } from "../services";
import type { Doc, SessionRecord, UserRecord } from "../store/types";

/** Collections that never hold per-person documents to delete (reports are unlinked instead). */
const NOT_PERSONAL = new Set(["reports", "audit", "report-notices"]);

/** Collections other features are known to keep per person; more are found in DATA_DIR. */
const KNOWN = ["subscriptions", "deliveries", "consents", "feedback", "outbox"];

/** What is stored about one person. */
export interface PersonalData {
  user?: UserRecord;
  session?: SessionRecord;
  /** References of reports linked to this chat. */
  reports: string[];
  /** Other documents about the person, counted per collection. */
  other: { collection: string; count: number }[];
}

/** Privacy: show and erase what is stored about a person. */
export interface PrivacyService {
  /** Collections scanned for a person's documents; features may add theirs. */
  personalCollections: Set<string>;
  collect(userKey: string): PersonalData;
  /** Deletes everything about the person (reports are kept, unlinked) and flushes. */
  erase(userKey: string): Promise<{ documents: number; reportsUnlinked: number }>;
}

declare module "../services" {
  interface Services {
    privacy: PrivacyService;
  }
}

/** True when a document belongs to the person: keyed by them or naming them at its top level. */
function belongs(doc: Doc, key: string, channel: string, chatId: string): boolean {
  const d = doc as unknown as Record<string, unknown>;
  if (d.id === key) return true;
  if (d.channel === channel && d.chatId === chatId) return true;
  return Object.values(d).some((v) => v === key);
}

/** Replaces nested strings equal to the key (e.g. a list of recipients); true when changed. */
function scrub(value: unknown, key: string): { value: unknown; changed: boolean } {
  if (value === key) return { value: "[deleted]", changed: true };
  if (Array.isArray(value)) {
    let changed = false;
    const out = value
      .map((v) => scrub(v, key))
      .filter((r) => {
        changed ||= r.changed;
        return r.value !== "[deleted]";
      })
      .map((r) => r.value);
    return { value: out, changed };
  }
  if (value && typeof value === "object") {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const r = scrub(v, key);
      changed ||= r.changed;
      out[k] = r.value;
    }
    return { value: out, changed };
  }
  return { value, changed: false };
}

/** Builds the privacy service. */
export function createPrivacyService(services: Services): PrivacyService {
  const { store } = services;
  const personalCollections = new Set(KNOWN);

  function names(): string[] {
    const found = new Set(personalCollections);
    try {
      for (const f of readdirSync(join(services.config.DATA_DIR, "collections"))) {
        if (/^[a-z][a-z0-9-]*\.json$/.test(f)) found.add(f.slice(0, -5));
      }
    } catch {
      /* no data directory (memory store) */
    }
    return [...found].filter((n) => !NOT_PERSONAL.has(n));
  }

  function split(key: string) {
    const at = key.indexOf(":");
    return { channel: key.slice(0, at), chatId: key.slice(at + 1) };
  }

  return {
    personalCollections,

    collect(key) {
      const { channel, chatId } = split(key);
      const other = names()
        .map((name) => ({
          collection: name,
          count: store.collection(name).find((d) => belongs(d, key, channel, chatId)).length,
        }))
        .filter((o) => o.count > 0);
      return {
        user: store.getUser(key),
        session: store.getSession(key),
        reports: services.reports?.linkedTo(key).map((r) => r.id) ?? [],
        other,
      };
    },

    async erase(key) {
      const { channel, chatId } = split(key);
      let documents = 0;
      for (const name of names()) {
        const col = store.collection(name);
        for (const doc of col.all()) {
          if (belongs(doc, key, channel, chatId)) {
            col.delete(doc.id);
            documents++;
            continue;
          }
          const r = scrub(doc, key);
          if (r.changed) col.put(r.value as Doc);
        }
      }
      const reportsUnlinked = services.reports?.unlink(key) ?? 0;
      store.deleteUser(key);
      await store.flush();
      services.log.info({ documents, reportsUnlinked }, "personal data erased");
      return { documents, reportsUnlinked };
    },
  };
}
