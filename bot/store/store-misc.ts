import type { BroadcastRecord, InterestRecord } from "../broadcasts/types";
import type { OfficerAccount } from "../officers/accounts";
import type { ConsoleSession } from "../officers/console-session";
import type {
  BroadcastRepository,
  KeyValueRepository,
  OfficerRepository,
  SeenRepository,
  UnansweredRecord,
  UnansweredRepository,
  VoteRecord,
  VoteRepository,
} from "./repositories";
import type { Doc, Store } from "./types";

/** FAQ votes (`faq-votes`). */
export function createStoreVotes(store: Store): VoteRepository {
  const col = () => store.collection<VoteRecord>("faq-votes");
  return {
    async add(topic, helpful) {
      const old = col().get(topic) ?? { id: topic, up: 0, down: 0 };
      const next = helpful ? { ...old, up: old.up + 1 } : { ...old, down: old.down + 1 };
      col().put(next);
      return next;
    },
    async get(topic) {
      return col().get(topic);
    },
  };
}

/** Unanswered questions (`faq-unanswered`). */
export function createStoreUnanswered(store: Store): UnansweredRepository {
  const col = () => store.collection<UnansweredRecord>("faq-unanswered");
  return {
    async record(entry, limit) {
      const old = col().get(entry.id);
      if (old) {
        col().put({ ...old, count: old.count + 1, lastSeen: entry.day });
        return;
      }
      if (col().size() >= limit) return;
      col().put({
        id: entry.id,
        text: entry.text,
        lang: entry.lang,
        count: 1,
        firstSeen: entry.day,
        lastSeen: entry.day,
      });
    },
    async list() {
      return col()
        .all()
        .sort(
          (a, b) => b.count - a.count || b.lastSeen.localeCompare(a.lastSeen) || a.text.localeCompare(b.text),
        );
    },
  };
}

/** Broadcasts (`broadcasts`) and DAFTAR registrations (`broadcast-interest`). */
export function createStoreBroadcasts(store: Store): BroadcastRepository {
  const col = () => store.collection<BroadcastRecord>("broadcasts");
  const interest = () => store.collection<InterestRecord>("broadcast-interest");
  return {
    async get(id) {
      return col().get(id);
    },
    async put(b) {
      col().put(b);
    },
    async list() {
      return col()
        .all()
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },
    async due(now) {
      const at = now.toISOString();
      return col().find(
        (b) =>
          (b.status === "scheduled" && (b.scheduleAt ?? "") <= at) ||
          (b.status === "sending" && !b.fannedOutAt),
      );
    },
    async sending() {
      return col().find((b) => b.status === "sending");
    },
    async register(r) {
      if (interest().get(r.id)) return false;
      interest().put(r);
      return true;
    },
    async interested(broadcastId) {
      return interest().find((r) => r.broadcast === broadcastId);
    },
  };
}

/** Console accounts (`officers`), sessions (`officer-sessions`) and secrets (`console-secret`). */
export function createStoreOfficers(store: Store): OfficerRepository {
  const accounts = () => store.collection<OfficerAccount>("officers");
  const sessions = () => store.collection<ConsoleSession>("officer-sessions");
  const secrets = () => store.collection<Doc & { value: string }>("console-secret");
  return {
    async get(name) {
      return accounts().get(name);
    },
    async list() {
      return accounts().all();
    },
    async put(account) {
      accounts().put(account);
    },
    async session(id) {
      return sessions().get(id);
    },
    async putSession(s) {
      sessions().put(s);
    },
    async deleteSession(id) {
      sessions().delete(id);
    },
    async secret(name, make) {
      const old = secrets().get(name);
      if (old) return old.value;
      const value = make();
      secrets().put({ id: name, value });
      return value;
    },
  };
}

interface SeenDoc {
  id: string;
  at: number;
}

/** Handled ids, one collection per scope (e.g. `whatsapp-web-seen`, `telegram-updates`). */
export function createStoreSeen(store: Store): SeenRepository {
  return {
    async first(scope, id, at) {
      const docs = store.collection<SeenDoc>(scope);
      if (docs.get(id)) return false;
      docs.put({ id, at: at.getTime() });
      return true;
    },
    async forget(scope, before) {
      const docs = store.collection<SeenDoc>(scope);
      const old = docs.find((d) => d.at < before.getTime());
      for (const d of old) docs.delete(d.id);
      return old.length;
    },
  };
}

/** Keyed documents, one collection per scope; each document keeps its id as `id`. */
export function createStoreKeyValue(store: Store): KeyValueRepository {
  return {
    async get<T>(scope: string, id: string) {
      return store.collection<Doc>(scope).get(id) as T | undefined;
    },
    async put<T>(scope: string, id: string, value: T) {
      store.collection<Doc>(scope).put({ ...(value as object), id } as Doc);
    },
    async delete(scope, id) {
      return store.collection<Doc>(scope).delete(id);
    },
    async all<T>(scope: string) {
      return store
        .collection<Doc>(scope)
        .all()
        .map((d) => ({ id: d.id, value: d as T }));
    },
  };
}
