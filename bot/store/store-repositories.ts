import { createStoreProgrammeRepository } from "../places/programme-repository";
import { createMemoryStore, type OpenStoreOptions, openFileStore } from "./open-store";
import { createStoreOutbox } from "./outbox-store";
import { createFileRegistry, createMemoryRegistry } from "./registry-store";
import type { Repositories } from "./repositories";
import {
  createStoreBroadcasts,
  createStoreKeyValue,
  createStoreOfficers,
  createStoreSeen,
  createStoreUnanswered,
  createStoreVotes,
} from "./store-misc";
import { createStorePeople } from "./store-people";
import { createStorePersonal } from "./store-personal";
import { createStoreAudit, createStoreReports } from "./store-reports";
import type { Store } from "./types";

/** The repositories on a lowdb store; the registry lives in `dataDir` (files) or in memory. */
export function createStoreRepositories(store: Store, options: { dataDir?: string } = {}): Repositories {
  return {
    people: createStorePeople(store),
    reports: createStoreReports(store),
    audit: createStoreAudit(store),
    votes: createStoreVotes(store),
    unanswered: createStoreUnanswered(store),
    registry: options.dataDir ? createFileRegistry(options.dataDir) : createMemoryRegistry(),
    broadcasts: createStoreBroadcasts(store),
    programmes: createStoreProgrammeRepository(store),
    officers: createStoreOfficers(store),
    outbox: createStoreOutbox(store),
    seen: createStoreSeen(store),
    kv: createStoreKeyValue(store),
    personal: createStorePersonal(store),
    flush: () => store.flush(),
    health: () => store.health(),
    close: () => store.close(),
  };
}

/** The repositories in memory (tests): the lowdb code on lowdb's Memory adapter. */
export function createMemoryRepositories(store: Store = createMemoryStore()): Repositories {
  return createStoreRepositories(store);
}

/** The embedded default: lowdb files in `dir` (DATA_DIR), one writer per folder. */
export async function openFileRepositories(
  dir: string,
  options: OpenStoreOptions = {},
): Promise<Repositories> {
  return createStoreRepositories(await openFileStore(dir, options), { dataDir: dir });
}
