import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { Low, Memory } from "lowdb";
import { CollectionJournal } from "./collection-journal";
import { checkData, collectionSchema, metaSchema, shardSchema } from "./data-schemas";
import { acquireLock } from "./file-lock";
import type { CollectionData } from "./low-collection";
import { DataFileError, SecureJsonFile } from "./secure-json-file";
import { type ShardData, ShardedStore } from "./sharded-store";
import type { Doc } from "./types";

/** Shard count for new data directories; an existing directory keeps the count it was made with. */
export const DEFAULT_SHARDS = 128;

export interface OpenStoreOptions {
  /** Open without the writer lock; any write throws. For CLI commands that only read. */
  readOnly?: boolean;
  /** How often buffered writes are saved (ms). Bounds what a crash can lose. */
  intervalMs?: number;
  shards?: number;
  /** Told when a background save fails (full disk, read-only folder); `health()` reports it too. */
  onSaveError?: (err: Error) => void;
  /** Collections written change by change to a journal instead of whole (default: the outbox). */
  journaled?: readonly string[];
}

interface MetaData {
  version: 1;
  shards: number;
}

const emptyShard = (): ShardData => ({ users: {}, sessions: {} });
const emptyCollection = (): CollectionData<Doc> => ({ docs: {} });

/** An in-memory store for tests: the same code as the file store, on lowdb's Memory adapter. */
export function createMemoryStore(shards = 8): ShardedStore {
  const lows = Array.from({ length: shards }, () => new Low<ShardData>(new Memory(), emptyShard()));
  const opened = new Set<string>();
  return new ShardedStore(
    {
      shards: lows,
      openCollection: (name) => {
        opened.add(name);
        return new Low(new Memory(), emptyCollection());
      },
      collectionNames: () => [...opened],
      setDurable: () => {},
      readOnly: false,
      release: async () => {},
    },
    0,
  );
}

/** Removes temp files an interrupted save left behind (`<file>.<pid>.tmp`). */
function removeLeftovers(dirs: string[]): void {
  for (const d of dirs) {
    let names: string[] = [];
    try {
      names = readdirSync(d);
    } catch {
      continue;
    }
    for (const n of names) if (/\.\d+\.tmp$/.test(n)) rmSync(join(d, n), { force: true });
  }
}

/**
 * Opens (or creates) the lowdb store in `dir`:
 *   store.json                  layout version and shard count
 *   users/shard-NNN.json        users and conversation state, spread by key hash
 *   collections/<name>.json     reports, audit log, subscriptions, …
 * A corrupt file stops with a DataFileError naming it.
 */
export async function openFileStore(dir: string, options: OpenStoreOptions = {}): Promise<ShardedStore> {
  const readOnly = options.readOnly ?? false;
  if (!readOnly) {
    mkdirSync(join(dir, "users"), { recursive: true, mode: 0o700 });
    mkdirSync(join(dir, "collections"), { recursive: true, mode: 0o700 });
  }
  const release = readOnly ? () => {} : acquireLock(join(dir, "store.lock"));
  try {
    if (!readOnly) removeLeftovers([dir, join(dir, "users"), join(dir, "collections")]);
    const metaFile = new SecureJsonFile<MetaData>(join(dir, "store.json"));
    let meta: MetaData;
    if (!(await metaFile.exists())) {
      meta = { version: 1, shards: options.shards ?? DEFAULT_SHARDS };
      if (!readOnly) await metaFile.write(meta);
    } else meta = checkData(metaFile.file, metaSchema, await metaFile.read()) as MetaData;
    checkShardFiles(join(dir, "users"), meta.shards, metaFile.file);

    const files: SecureJsonFile<unknown>[] = [];
    const shards: Low<ShardData>[] = [];
    for (let i = 0; i < meta.shards; i++) {
      const file = new SecureJsonFile<ShardData>(
        join(dir, "users", `shard-${String(i).padStart(3, "0")}.json`),
      );
      files.push(file);
      const low = new Low(file, emptyShard());
      if (await file.exists()) low.data = checkData(file.file, shardSchema, await file.read()) as ShardData;
      shards.push(low);
    }

    const collections = new Map<string, Low<CollectionData<Doc>>>();
    const collectionDir = join(dir, "collections");
    let names: string[] = [];
    try {
      names = readdirSync(collectionDir).filter((f) => f.endsWith(".json"));
    } catch {
      names = [];
    }
    for (const f of names) {
      const file = new SecureJsonFile<CollectionData<Doc>>(join(collectionDir, f));
      files.push(file);
      const low = new Low(file, emptyCollection());
      low.data = checkData(file.file, collectionSchema, await file.read()) as CollectionData<Doc>;
      collections.set(f.slice(0, -5), low);
    }
    // The outbox changes a few rows at a time among many: journaled, so a claim costs its rows.
    const journals = new Map<string, CollectionJournal>();
    for (const name of options.journaled ?? ["outbox"]) {
      let low = collections.get(name);
      if (!low) {
        const file = new SecureJsonFile<CollectionData<Doc>>(join(collectionDir, `${name}.json`));
        files.push(file);
        low = new Low(file, emptyCollection());
        collections.set(name, low);
      }
      const journal = new CollectionJournal(
        join(collectionDir, `${name}.journal`),
        low.adapter as SecureJsonFile<CollectionData<Doc>>,
      );
      journal.replay(low.data.docs);
      journals.set(name, journal);
    }

    return new ShardedStore(
      {
        shards,
        openCollection(name) {
          let low = collections.get(name);
          if (!low) {
            const file = new SecureJsonFile<CollectionData<Doc>>(join(collectionDir, `${name}.json`));
            files.push(file);
            low = new Low(file, emptyCollection());
            collections.set(name, low);
          }
          return low;
        },
        collectionNames: () => [...collections.keys()],
        journal: (name) => journals.get(name),
        setDurable(durable) {
          for (const f of files) f.durable = durable;
        },
        readOnly,
        release: async () => {
          for (const j of journals.values()) await j.close().catch(() => {});
          release();
        },
      },
      options.intervalMs ?? 250,
      options.onSaveError,
    );
  } catch (err) {
    release();
    throw err;
  }
}

/** A shard file beyond the recorded count means store.json was changed: its users would be invisible. */
function checkShardFiles(usersDir: string, shards: number, metaFile: string): void {
  let names: string[] = [];
  try {
    names = readdirSync(usersDir);
  } catch {
    return;
  }
  for (const n of names) {
    const m = /^shard-(\d+)\.json$/.exec(n);
    if (m && Number(m[1]) >= shards) {
      throw new DataFileError(
        metaFile,
        `shards is ${shards} but ${join(usersDir, n)} exists (the shard count of a data directory cannot change)`,
      );
    }
  }
}
