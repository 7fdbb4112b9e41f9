import type { Channel, Choice, Lang } from "../model";
import type { MoreEntry } from "../shorten-replies";

/** A person, keyed by `channel:chatId`. Only what features need, with consent. */
export interface UserRecord {
  key: string;
  channel: Channel;
  chatId: string;
  lang?: Lang;
  /** Region and interests, given by the person for subscriptions. */
  profile: { region?: string; destination?: string; sector?: string };
  /** What the person agreed to, with the time they agreed. */
  consent: { subscriptions?: string; region?: string };
  /** Where the person came from (e.g. a Telegram deep-link payload). */
  source?: string;
  /** False once the person blocked the bot on their channel. */
  active?: boolean;
  createdAt: string;
  lastSeenAt: string;
}

/** The active conversation of one person. */
export interface SessionRecord {
  /** Id of the active flow, if any. */
  flow?: string;
  /** The flow's own saved state (plain JSON). */
  state?: unknown;
  /**
   * The choices offered last, so a number or a label can answer them. The main menu,
   * offered most often, is stored as the word "menu" to keep per-user state small.
   */
  choices?: Choice[] | "menu";
  /** The rest of replies cut to fit a phone, until the next message (bot/shorten-replies.ts). */
  more?: MoreEntry[];
  updatedAt: string;
}

/** A document kept in a named collection (reports, audit, subscriptions…). */
export interface Doc {
  id: string;
}

/** A keyed collection held in memory and persisted by the store. Reads are synchronous. */
export interface Collection<T extends Doc> {
  get(id: string): T | undefined;
  put(doc: T): void;
  delete(id: string): boolean;
  all(): T[];
  find(predicate: (doc: T) => boolean): T[];
  size(): number;
}

/**
 * The storage interface. Implementations: in-memory (tests) and lowdb on files (default).
 * Writes are buffered and coalesced; `flush()` makes everything written so far durable.
 */
export interface Store {
  getUser(key: string): UserRecord | undefined;
  putUser(user: UserRecord): void;
  getSession(key: string): SessionRecord | undefined;
  putSession(key: string, session: SessionRecord): void;
  deleteSession(key: string): void;
  /** Deletes the user and their session. */
  deleteUser(key: string): void;
  /** Visits every user (for sweeps, statistics and broadcasts). */
  eachUser(visit: (user: UserRecord, session: SessionRecord | undefined) => void): void;
  userCount(): number;
  collection<T extends Doc>(name: string): Collection<T>;
  /** Names of the collections that exist (on disk or opened). */
  collectionNames(): string[];
  /** Resolves once every write so far is on disk; rejects when the disk refused (full, read-only). */
  flush(): Promise<void>;
  /** Whether the last save worked; a failed background save stays reported until a save succeeds. */
  health(): StoreHealth;
  /** Flushes and releases files. */
  close(): Promise<void>;
}

/** The store's state for `/healthz`. */
export interface StoreHealth {
  ok: boolean;
  /** Why the last save failed (an errno code and message, no data). */
  reason?: string;
  /** When the failing state began (ISO). */
  since?: string;
}
