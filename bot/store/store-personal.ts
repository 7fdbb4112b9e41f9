import { splitKey } from "../model";
import { scrub } from "./personal-scrub";
import type { PersonalDataRepository } from "./repositories";
import type { Doc, Store } from "./types";

/** Collections that never hold per-person documents to delete (reports are unlinked instead). */
const NOT_PERSONAL = new Set(["reports", "audit", "report-notices"]);

/** True when a document belongs to the person: keyed by them or naming them at its top level. */
function belongs(doc: Doc, key: string, channel: string, chatId: string): boolean {
  const d = doc as unknown as Record<string, unknown>;
  if (d.id === key) return true;
  if (d.channel === channel && d.chatId === chatId) return true;
  return Object.values(d).some((v) => v === key);
}

/**
 * A person's documents in every collection of the lowdb store (people and reports are handled
 * by their own repositories): a document keyed by the person, or naming them at its top level.
 */
export function createStorePersonal(store: Store): PersonalDataRepository {
  const names = () => store.collectionNames().filter((n) => !NOT_PERSONAL.has(n));
  return {
    async collect(key) {
      const { channel, chatId } = splitKey(key);
      return names()
        .map((name) => ({
          collection: name,
          count: store.collection(name).find((d) => belongs(d, key, channel, chatId)).length,
        }))
        .filter((o) => o.count > 0);
    },
    async erase(key) {
      const { channel, chatId } = splitKey(key);
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
      return documents;
    },
  };
}
