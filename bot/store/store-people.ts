import { inAudience } from "../subscriptions/audience";
import type { PeopleRepository } from "./repositories";
import type { SessionRecord, Store, UserRecord } from "./types";

/** Everyone, visited once (the lowdb store keeps people in memory, sharded by key). */
function everyone(store: Store): { user: UserRecord; session?: SessionRecord }[] {
  const out: { user: UserRecord; session?: SessionRecord }[] = [];
  store.eachUser((user, session) => out.push({ user, session }));
  return out;
}

/** People and sessions on the lowdb store (files, or memory for tests). */
export function createStorePeople(store: Store): PeopleRepository {
  return {
    async get(key) {
      return store.getUser(key);
    },
    async session(key) {
      return store.getSession(key);
    },
    async load(key) {
      return { user: store.getUser(key), session: store.getSession(key) };
    },
    async save(user, session) {
      store.putUser(user);
      if (session) store.putSession(user.key, session);
      else store.deleteSession(user.key);
    },
    async put(user) {
      store.putUser(user);
    },
    async deleteSession(key) {
      const had = store.getSession(key) !== undefined;
      store.deleteSession(key);
      return had;
    },
    async delete(key) {
      const had = store.getUser(key) !== undefined || store.getSession(key) !== undefined;
      store.deleteUser(key);
      return had;
    },
    async count() {
      return store.userCount();
    },
    async matching(audience) {
      const out: UserRecord[] = [];
      store.eachUser((u) => {
        if (inAudience(u, audience)) out.push(u);
      });
      return out;
    },
    async subscribers() {
      const out: UserRecord[] = [];
      store.eachUser((u) => {
        if (u.subscription && u.consent.subscriptions) out.push(u);
      });
      return out;
    },
    async expiredBefore(before) {
      const cut = before.toISOString();
      return everyone(store)
        .filter(({ user }) => user.lastSeenAt < cut && !user.consent.subscriptions)
        .map(({ user }) => ({ key: user.key, lastSeenAt: user.lastSeenAt }))
        .sort((a, b) => a.lastSeenAt.localeCompare(b.lastSeenAt));
    },
    async idleSessionsBefore(before) {
      const cut = before.toISOString();
      return everyone(store)
        .filter(
          ({ user, session }) =>
            !(user.lastSeenAt < cut && !user.consent.subscriptions) && !!session && session.updatedAt < cut,
        )
        .map(({ user }) => user.key);
    },
  };
}
