import type pg from "pg";

/** Whether this process holds a named leadership, and how to stop trying. */
export interface Leadership {
  readonly name: string;
  isLeader(): boolean;
  /** Gives the leadership up (and stops trying). */
  stop(): Promise<void>;
}

export interface LeadershipOptions {
  /** How often a follower tries to take over (default 5 s). */
  retryMs?: number;
  onChange?: (leader: boolean) => void;
}

/**
 * Leader election with a session-level advisory lock (`pg_try_advisory_lock`) held on one
 * connection of its own: one process at a time holds `name` (e.g. `sender:telegram`). When the
 * leader dies or its connection breaks, PostgreSQL releases the lock and another process takes
 * over at its next try. The leader checks its connection at every interval and steps down when
 * it is lost.
 */
export function startLeadership(pool: pg.Pool, name: string, options: LeadershipOptions = {}): Leadership {
  const retryMs = options.retryMs ?? 5000;
  let client: pg.PoolClient | undefined;
  let leader = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const set = (next: boolean) => {
    if (next === leader) return;
    leader = next;
    options.onChange?.(leader);
  };
  const drop = (err?: Error) => {
    const c = client;
    client = undefined;
    set(false);
    c?.release(err ?? true);
  };

  const attempt = async () => {
    if (stopped) return;
    try {
      if (leader && client) {
        await client.query("select 1");
        return;
      }
      if (!client) {
        const c = await pool.connect();
        // Only this connection's own error ends it (not a late error of an earlier one).
        c.on("error", (err) => {
          if (client === c) drop(err);
        });
        client = c;
      }
      const { rows } = await client.query<{ ok: boolean }>(
        "select pg_try_advisory_lock(hashtextextended($1, 0)) as ok",
        [`leader:${name}`],
      );
      if (rows[0]?.ok) set(true);
      else drop();
    } catch (err) {
      drop(err as Error);
    }
  };
  const loop = () => {
    running = attempt().finally(() => {
      if (!stopped) timer = setTimeout(loop, retryMs);
    });
  };
  loop();

  return {
    name,
    isLeader: () => leader,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      if (client && leader) {
        await client
          .query("select pg_advisory_unlock(hashtextextended($1, 0))", [`leader:${name}`])
          .catch(() => {});
      }
      drop();
    },
  };
}
