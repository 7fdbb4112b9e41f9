import type { Low } from "lowdb";
import type { CollectionJournal } from "./collection-journal";
import { type CollectionData, LowCollection } from "./low-collection";
import { shardOf } from "./shard-key";
import type { Collection, Doc, SessionRecord, Store, StoreHealth, UserRecord } from "./types";

/** One shard of hot per-user data. */
export interface ShardData {
  users: Record<string, UserRecord>;
  sessions: Record<string, SessionRecord>;
}

/** How the store gets its lowdb documents; the file and memory variants differ only here. */
export interface StoreBackend {
  shards: Low<ShardData>[];
  openCollection(name: string): Low<CollectionData<Doc>>;
  /** The journal of a collection written change by change (the outbox), if it is one. */
  journal?(name: string): CollectionJournal | undefined;
  /** Names of the collections that exist (on disk or opened). */
  collectionNames(): string[];
  /** Marks the next writes as durable (fsync) or not. */
  setDurable(durable: boolean): void;
  readOnly: boolean;
  release(): Promise<void>;
}

/**
 * The store. Users and sessions are spread over many small shard files by key hash, so
 * a message rewrites one small file, not every user; collections live in a file each.
 * Writes are coalesced: changes mark a document dirty and one serialised writer saves
 * dirty documents every `intervalMs`, and on `flush()`.
 */
export class ShardedStore implements Store {
  private readonly dirtyShards = new Set<number>();
  private readonly dirtyCollections = new Set<string>();
  /** Changed documents of journaled collections, by collection. */
  private readonly dirtyDocs = new Map<string, Set<string>>();
  private readonly collections = new Map<string, LowCollection<Doc>>();
  private writing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private failure: StoreHealth | undefined;

  constructor(
    private readonly backend: StoreBackend,
    intervalMs = 250,
    /** Called when a background save fails (the error is kept for `health()` as well). */
    private readonly onSaveError: (err: Error) => void = () => {},
  ) {
    if (!backend.readOnly && intervalMs > 0) {
      this.timer = setInterval(() => void this.save(false).catch(() => {}), intervalMs);
      this.timer.unref();
    }
  }

  health(): StoreHealth {
    return this.failure ?? { ok: true };
  }

  private shard(key: string): Low<ShardData> {
    return this.backend.shards[shardOf(key, this.backend.shards.length)]!;
  }

  private touch(key: string): void {
    if (this.backend.readOnly)
      throw new Error("The store was opened read-only; this command cannot change data.");
    this.dirtyShards.add(shardOf(key, this.backend.shards.length));
  }

  getUser(key: string): UserRecord | undefined {
    const users = this.shard(key).data.users;
    return Object.hasOwn(users, key) ? users[key] : undefined;
  }

  putUser(user: UserRecord): void {
    this.touch(user.key);
    this.shard(user.key).data.users[user.key] = user;
  }

  getSession(key: string): SessionRecord | undefined {
    const sessions = this.shard(key).data.sessions;
    return Object.hasOwn(sessions, key) ? sessions[key] : undefined;
  }

  putSession(key: string, session: SessionRecord): void {
    this.touch(key);
    this.shard(key).data.sessions[key] = session;
  }

  deleteSession(key: string): void {
    const data = this.shard(key).data;
    if (!Object.hasOwn(data.sessions, key)) return;
    this.touch(key);
    delete data.sessions[key];
  }

  deleteUser(key: string): void {
    this.touch(key);
    const data = this.shard(key).data;
    delete data.users[key];
    delete data.sessions[key];
  }

  eachUser(visit: (user: UserRecord, session: SessionRecord | undefined) => void): void {
    for (const shard of this.backend.shards) {
      for (const user of Object.values(shard.data.users)) visit(user, shard.data.sessions[user.key]);
    }
  }

  userCount(): number {
    let n = 0;
    for (const shard of this.backend.shards) n += Object.keys(shard.data.users).length;
    return n;
  }

  collection<T extends Doc>(name: string): Collection<T> {
    if (!/^[a-z][a-z0-9-]{0,40}$/.test(name)) throw new Error(`Invalid collection name: ${name}`);
    let c = this.collections.get(name);
    if (!c) {
      const journaled = this.backend.journal?.(name) !== undefined;
      c = new LowCollection<Doc>(this.backend.openCollection(name), (id) => {
        if (this.backend.readOnly)
          throw new Error("The store was opened read-only; this command cannot change data.");
        if (!journaled) this.dirtyCollections.add(name);
        else {
          let ids = this.dirtyDocs.get(name);
          if (!ids) {
            ids = new Set();
            this.dirtyDocs.set(name, ids);
          }
          ids.add(id);
        }
      });
      this.collections.set(name, c);
    }
    return c as unknown as Collection<T>;
  }

  collectionNames(): string[] {
    return this.backend.collectionNames();
  }

  /** Writes every dirty document; serialised so two saves never overlap. */
  private save(durable: boolean): Promise<void> {
    const run = async () => {
      if (this.dirtyShards.size === 0 && this.dirtyCollections.size === 0 && this.dirtyDocs.size === 0)
        return;
      const shards = [...this.dirtyShards];
      const names = [...this.dirtyCollections];
      const docs = [...this.dirtyDocs];
      this.dirtyShards.clear();
      this.dirtyCollections.clear();
      this.dirtyDocs.clear();
      this.backend.setDurable(durable);
      let journaled = 0;
      try {
        for (const i of shards) await this.backend.shards[i]!.write();
        for (const name of names) await this.collections.get(name)!.db.write();
        for (const [name, ids] of docs) {
          const db = this.collections.get(name)!.db;
          const journal = this.backend.journal!(name)!;
          if (journal.due()) await journal.compact(db);
          else await journal.append(ids, db.data.docs, durable);
          journaled++;
        }
        this.failure = undefined;
      } catch (err) {
        for (const i of shards) this.dirtyShards.add(i);
        for (const name of names) this.dirtyCollections.add(name);
        for (const [name, ids] of docs.slice(journaled)) {
          const now = this.dirtyDocs.get(name);
          this.dirtyDocs.set(name, now ? new Set([...ids, ...now]) : ids);
        }
        const e = err as NodeJS.ErrnoException;
        if (!this.failure) {
          this.failure = {
            ok: false,
            reason: `${e.code ?? "error"}: saving data failed`,
            since: new Date().toISOString(),
          };
          this.onSaveError(e);
        }
        throw err;
      }
    };
    const next = this.writing.then(run, run);
    this.writing = next.catch(() => {});
    return next;
  }

  async flush(): Promise<void> {
    if (this.backend.readOnly) return;
    await this.save(true);
  }

  /** Flushes and releases the lock; a flush the disk refuses is reported, and the lock still released. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    try {
      await this.flush();
      // A clean stop leaves each journaled collection whole in its snapshot.
      for (const [name, c] of this.collections) {
        const journal = this.backend.journal?.(name);
        if (journal && !journal.empty && !this.backend.readOnly) await journal.compact(c.db);
      }
    } finally {
      await this.backend.release();
    }
  }
}
