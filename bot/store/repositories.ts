import type { BroadcastRecord, InterestRecord } from "../broadcasts/types";
import type { Lang } from "../model";
import type { OfficerAccount } from "../officers/accounts";
import type { OfficerAuditRecord } from "../officers/audit";
import type { ConsoleSession } from "../officers/console-session";
import type { OutboxRepository } from "../outbox/types";
import type { ProgrammeRepository } from "../places/programme-repository";
import type { RegistryData } from "../registry/types";
import type { AuditRecord, NoticeRecord, ReportRecord, ReportStatus } from "../reports/types";
import type { Audience } from "../subscriptions/types";
import type { SessionRecord, StoreHealth, UserRecord } from "./types";

/*
 * The storage of the bot, one repository per concern. Every method is a query or a change a
 * feature needs, shaped so that one SQL statement (or one short transaction) implements it;
 * nothing takes a predicate over every document.
 *
 * Implementations: lowdb in memory (tests) and on files (the embedded default), both in
 * `bot/store/store-repositories.ts`; PostgreSQL (`DATABASE_URL`) implements the same interfaces.
 * One contract suite (`test/store/repositories-contract.test.ts`) runs against each.
 *
 * Durability: a change resolves once it is applied and visible to every later read. The
 * lowdb implementation buffers changes and saves them within its interval; `flush()` resolves
 * once everything changed so far is durable (SQL: every change is committed when it resolves,
 * and `flush()` has nothing left to do). Whatever a person is promised (a report reference, a
 * confirmed broadcast, an unsubscribe) is flushed before the promise is shown.
 */

/** People (keyed `channel:chatId`) and their conversation state. SQL: `people`, `sessions`. */
export interface PeopleRepository {
  get(key: string): Promise<UserRecord | undefined>;
  session(key: string): Promise<SessionRecord | undefined>;
  /** The person and their session: what one unit of work starts from. */
  load(key: string): Promise<{ user?: UserRecord; session?: SessionRecord }>;
  /** Commits a unit of work: the person and their session (no session: it is deleted). */
  save(user: UserRecord, session?: SessionRecord): Promise<void>;
  put(user: UserRecord): Promise<void>;
  deleteSession(key: string): Promise<boolean>;
  /** Deletes the person and their session. */
  delete(key: string): Promise<boolean>;
  count(): Promise<number>;
  /** Active subscribers (consented, not blocked) matching every field the audience gives. */
  matching(audience: Audience): Promise<UserRecord[]>;
  /** Everyone with a consented subscription (statistics; no contact data leaves the core). */
  subscribers(): Promise<UserRecord[]>;
  /** People not seen since `before` who keep no subscription, oldest first (retention). */
  expiredBefore(before: Date): Promise<{ key: string; lastSeenAt: string }[]>;
  /** People not expired whose session was last updated before `before` (retention). */
  idleSessionsBefore(before: Date): Promise<string[]>;
}

/** Filters for listing reports. */
export interface ReportQuery {
  status?: ReportStatus;
  verified?: boolean;
}

/** Reports and their officer notices. SQL: `reports` (with the subject keys as an array), `report_notices`. */
export interface ReportRepository {
  byReference(ref: string): Promise<ReportRecord | undefined>;
  /** The report filed from a draft, if it was sent already (a second "Kirim" files nothing). */
  byDraft(draft: string): Promise<ReportRecord | undefined>;
  /** Files a new report under its reference; false (and nothing changed) when the reference is taken. */
  create(report: ReportRecord): Promise<boolean>;
  put(report: ReportRecord): Promise<void>;
  /** Reports matching the query, newest first. */
  list(query?: ReportQuery): Promise<ReportRecord[]>;
  /** Reports whose subject (company, phone, account) has any of these grouping keys (`subjectKeys`). */
  naming(keys: string[]): Promise<ReportRecord[]>;
  /** Reports linked to a person's chat. */
  linkedTo(userKey: string): Promise<ReportRecord[]>;
  /** Removes the chat link and contact from a person's reports (kept as evidence). Returns how many. */
  unlink(userKey: string): Promise<number>;
  /** Closed reports (selesai) not updated since `before` lose their chat link and contact. Returns how many. */
  unlinkClosedBefore(before: Date): Promise<number>;
  notice(ref: string): Promise<NoticeRecord | undefined>;
  putNotice(notice: NoticeRecord): Promise<void>;
  /** Notices no officer acted on yet, oldest first. */
  pendingNotices(): Promise<NoticeRecord[]>;
  /** Deletes handled notices created before `before`. Returns how many. */
  pruneHandledNotices(before: Date): Promise<number>;
}

/** The officers' audit logs: changes to reports, and every other officer action. Append-only. */
export interface AuditRepository {
  /** Appends a report change; the repository gives it a unique id. */
  report(entry: Omit<AuditRecord, "id">): Promise<AuditRecord>;
  reportEntries(ref?: string): Promise<AuditRecord[]>;
  officer(entry: OfficerAuditRecord): Promise<void>;
  /** Officer actions, oldest first. */
  officerEntries(): Promise<OfficerAuditRecord[]>;
}

/** Helpful / not helpful counts per FAQ topic. */
export interface VoteRecord {
  id: string;
  up: number;
  down: number;
}

/** FAQ votes. SQL: `insert … on conflict (topic) do update set up = up + 1`. */
export interface VoteRepository {
  add(topic: string, helpful: boolean): Promise<VoteRecord>;
  get(topic: string): Promise<VoteRecord | undefined>;
}

/** A question the bot could not answer: the text only, never who asked. */
export interface UnansweredRecord {
  /** Hash of the normalised text, so repeats add up. */
  id: string;
  text: string;
  lang: Lang;
  count: number;
  firstSeen: string;
  lastSeen: string;
}

/** Unanswered FAQ questions. */
export interface UnansweredRepository {
  /** Counts one more ask of a question (day: YYYY-MM-DD); a new question is kept only below `limit` records. */
  record(entry: { id: string; text: string; lang: Lang; day: string }, limit: number): Promise<void>;
  /** Most asked first. */
  list(): Promise<UnansweredRecord[]>;
}

/** The imported recruiter (P3MI) registry; absent until an official list is imported. */
export interface RegistryRepository {
  /** The imported registry, or undefined (the shipped sample answers). */
  current(): Promise<RegistryData | undefined>;
  /** Changes whenever the registry is replaced (another process may import it); undefined when none. */
  version(): Promise<string | undefined>;
  /** Replaces the whole registry atomically: a crash leaves the old or the new one. */
  replace(data: RegistryData): Promise<void>;
}

/** Broadcasts and the "DAFTAR" registrations to them. SQL: `broadcasts`, `broadcast_interest`. */
export interface BroadcastRepository {
  get(id: string): Promise<BroadcastRecord | undefined>;
  put(broadcast: BroadcastRecord): Promise<void>;
  /** Newest first. */
  list(): Promise<BroadcastRecord[]>;
  /** Scheduled broadcasts due at `now`, and sending ones whose fan-out a crash interrupted. */
  due(now: Date): Promise<BroadcastRecord[]>;
  /** Broadcasts being sent. */
  sending(): Promise<BroadcastRecord[]>;
  /** Records a person's DAFTAR once; false when it was recorded already. */
  register(interest: InterestRecord): Promise<boolean>;
  interested(broadcastId: string): Promise<InterestRecord[]>;
}

/** Console accounts and console sessions. */
export interface OfficerRepository {
  get(name: string): Promise<OfficerAccount | undefined>;
  list(): Promise<OfficerAccount[]>;
  put(account: OfficerAccount): Promise<void>;
  session(id: string): Promise<ConsoleSession | undefined>;
  putSession(session: ConsoleSession): Promise<void>;
  deleteSession(id: string): Promise<void>;
  /** A named secret kept with the data (e.g. the cookie key), made by `make` the first time. */
  secret(name: string, make: () => string): Promise<string>;
}

/** Ids already handled (channel update ids, message ids), to act once on a repeated delivery. */
export interface SeenRepository {
  /** True the first time `id` is seen in `scope` (and records it); false for a repeat. */
  first(scope: string, id: string, at: Date): Promise<boolean>;
  /** Forgets ids of a scope seen before `before`. Returns how many. */
  forget(scope: string, before: Date): Promise<number>;
}

/**
 * Small keyed documents of one scope (a flow's saved progress, a channel adapter's state).
 * SQL: one table `(scope, id, value jsonb, updated_at)`. A document whose id is a person's key,
 * or whose fields name that key, is personal data (shown by `datasaya`, erased by `hapusdata`).
 */
export interface KeyValueRepository {
  get<T>(scope: string, id: string): Promise<T | undefined>;
  put<T>(scope: string, id: string, value: T): Promise<void>;
  delete(scope: string, id: string): Promise<boolean>;
  /** Every document of a scope (small scopes only: adapter state, counters). */
  all<T>(scope: string): Promise<{ id: string; value: T }[]>;
}

/** What is stored about one person outside `people` and `reports`, per store of it. */
export interface PersonalDataRepository {
  /** How many documents about the person each collection or table holds (only non-zero counts). */
  collect(userKey: string): Promise<{ collection: string; count: number }[]>;
  /** Deletes the person's documents and removes their key from shared ones. Returns how many were deleted. */
  erase(userKey: string): Promise<number>;
}

/** Every repository of one data store, and the store's own life cycle. */
export interface Repositories {
  people: PeopleRepository;
  reports: ReportRepository;
  audit: AuditRepository;
  votes: VoteRepository;
  unanswered: UnansweredRepository;
  registry: RegistryRepository;
  broadcasts: BroadcastRepository;
  programmes: ProgrammeRepository;
  officers: OfficerRepository;
  outbox: OutboxRepository;
  seen: SeenRepository;
  kv: KeyValueRepository;
  personal: PersonalDataRepository;
  /** Resolves once every change so far is durable; rejects when the disk refused (full, read-only). */
  flush(): Promise<void>;
  /** Whether saving works; a failed save stays reported until a save succeeds (`/healthz`). */
  health(): StoreHealth;
  /** Flushes and releases the store (files, lock, connections). */
  close(): Promise<void>;
}
