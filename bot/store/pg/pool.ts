import pg from "pg";
import { redactUrl } from "./redact-url";

export { redactUrl };

/** Start-up could not use DATABASE_URL: unreachable, refused, wrong password, no such database. */
export class DatabaseStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DatabaseStartError";
  }
}

/** Why a connection failed, in words that never contain the password. */
function reason(err: unknown, url: string): string {
  const e = err as { code?: string; message?: string };
  const password = (() => {
    try {
      return decodeURIComponent(new URL(url).password);
    } catch {
      return "";
    }
  })();
  let text = e.message ?? String(err);
  if (password) text = text.split(password).join("***");
  const hint: Record<string, string> = {
    ECONNREFUSED: "nothing listens there (is PostgreSQL running? host and port right?)",
    ENOTFOUND: "the host name is unknown",
    ETIMEDOUT: "the server did not answer in time",
    "28P01": "wrong password",
    "28000": "the server refused this user",
    "3D000": "the database does not exist",
  };
  const why = e.code ? hint[e.code] : undefined;
  return why ? `${why}: ${text}` : text;
}

/** Options for the pool. */
export interface PoolOptions {
  /** Connections kept at most (default 10). */
  max?: number;
  /** Every connection uses this schema first (tests give each run its own). */
  schema?: string;
  /** Milliseconds to wait for a connection before giving up (default 5000). */
  connectTimeoutMs?: number;
  /** Told about errors of idle connections (a restarted server); without it they would crash the process. */
  onError?: (err: Error) => void;
}

/**
 * Opens a pool on `url` and checks it once: a server that cannot be reached or refuses the
 * login stops start-up with a DatabaseStartError naming DATABASE_URL, the password hidden.
 */
export async function openPool(url: string, options: PoolOptions = {}): Promise<pg.Pool> {
  let pool: pg.Pool;
  try {
    pool = new pg.Pool({
      connectionString: url,
      max: options.max ?? 10,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
      idleTimeoutMillis: 30_000,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
  } catch (err) {
    throw new DatabaseStartError(`DATABASE_URL=${redactUrl(url)}: not a usable URL: ${reason(err, url)}`);
  }
  pool.on("error", (err) => options.onError?.(err));
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end().catch(() => {});
    throw new DatabaseStartError(`DATABASE_URL=${redactUrl(url)}: cannot connect: ${reason(err, url)}`);
  }
  return pool;
}

/** Runs `fn` in one transaction on one pooled connection: committed when it resolves, rolled back when it throws. */
export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("begin");
    const out = await fn(client);
    await client.query("commit");
    return out;
  } catch (err) {
    await client.query("rollback").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
