import type { Logger } from "pino";
import type { Config } from "../config";
import type { PersonLock } from "../keyed-mutex";
import type { Channel } from "../model";
import type { Repositories } from "./repositories";

/** The store `npm start` and the CLI use, as the configuration asks for it. */
export interface ConfiguredStore {
  kind: "lowdb" | "postgres";
  repos: Repositories;
  /** The per-person lock across processes (PostgreSQL); undefined: the core's keyed mutex. */
  lock?: PersonLock;
  /**
   * Whether this process sends the outbox of a channel (PostgreSQL: the elected leader of that
   * channel; lowdb: always). The first ask for a channel joins its election.
   */
  leads(channel: Channel): boolean;
  /** Leaves every election and closes the store. */
  close(): Promise<void>;
}

/**
 * `DATABASE_URL` set: PostgreSQL (migrations applied; a bad URL, an unreachable server or a
 * wrong password stops start-up naming DATABASE_URL, password hidden). Unset: the lowdb files in
 * DATA_DIR, exactly as before. PostgreSQL code loads only when it is used.
 */
export async function openConfiguredStore(
  config: Config,
  log: Logger,
  options: { onSaveError?: (err: Error) => void; readOnly?: boolean } = {},
): Promise<ConfiguredStore> {
  if (!config.DATABASE_URL) {
    const { openFileRepositories } = await import("./store-repositories");
    const repos = await openFileRepositories(config.DATA_DIR, {
      ...(options.onSaveError ? { onSaveError: options.onSaveError } : {}),
      ...(options.readOnly ? { readOnly: true } : {}),
    });
    return { kind: "lowdb", repos, leads: () => true, close: () => repos.close() };
  }
  const { openPgRepositories } = await import("./pg-repositories");
  const { createPgPersonLock } = await import("./pg/pg-person-lock");
  const { startLeadership } = await import("./pg/pg-leader");
  const repos = await openPgRepositories(config.DATABASE_URL, {
    onError: (err) => log.error({ code: (err as NodeJS.ErrnoException).code }, "database connection error"),
  });
  const elections = new Map<Channel, ReturnType<typeof startLeadership>>();
  return {
    kind: "postgres",
    repos,
    lock: createPgPersonLock(repos.db),
    leads(channel) {
      let election = elections.get(channel);
      if (!election) {
        election = startLeadership(repos.db.pool, `sender:${channel}`, {
          onChange: (leader) =>
            log.info(
              { channel, leader },
              leader ? "sending this channel's outbox" : "another process sends this channel's outbox",
            ),
        });
        elections.set(channel, election);
      }
      return election.isLeader();
    },
    async close() {
      for (const e of elections.values()) await e.stop();
      await repos.close();
    },
  };
}
