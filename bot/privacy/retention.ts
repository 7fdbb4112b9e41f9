import type { NoticeRecord, ReportRecord } from "../reports/types";
import type { Services } from "../services";

const DAY_MS = 24 * 60 * 60 * 1000;

/** What one sweep removed. */
export interface SweepResult {
  sessions: number;
  users: number;
  reportsUnlinked: number;
  notices: number;
  /** People not deleted this run because too many looked stale at once (the clock may be wrong). */
  heldBack?: number;
}

/** When more than this share of people looks stale at once, the clock is suspect… */
const SUSPECT_SHARE = 0.5;
/** …and one run deletes at most this share of people (oldest first); the rest wait for the next runs. */
const MAX_SHARE_WHEN_SUSPECT = 0.1;
/** Below this many people the shares mean little: the rule applies from here on. */
const MIN_PEOPLE = 20;

/**
 * The retention rule (RETENTION_DAYS, default 90), applied once at `now`:
 * - conversation state (sessions) not updated within the period is deleted;
 * - people not seen within the period who have no subscription are deleted;
 * - closed reports (selesai) not updated within the period lose their chat link and contact;
 * - handled officer notices older than the period are deleted.
 * Reports themselves and the officers' audit log are kept. Pure apart from the store.
 */
export function sweep(services: Services, now: Date): SweepResult {
  const { store } = services;
  const cutoff = new Date(now.getTime() - services.config.RETENTION_DAYS * DAY_MS).toISOString();
  const result: SweepResult = { sessions: 0, users: 0, reportsUnlinked: 0, notices: 0 };
  let staleUsers: { key: string; lastSeenAt: string }[] = [];
  const staleSessions: string[] = [];
  let people = 0;
  store.eachUser((user, session) => {
    people++;
    if (user.lastSeenAt < cutoff && !user.consent.subscriptions)
      staleUsers.push({ key: user.key, lastSeenAt: user.lastSeenAt });
    else if (session && session.updatedAt < cutoff) staleSessions.push(user.key);
  });
  // A clock far ahead (e.g. 100 days after a bad NTP step) makes everyone look stale.
  if (people >= MIN_PEOPLE && staleUsers.length > people * SUSPECT_SHARE) {
    const keep = Math.floor(people * MAX_SHARE_WHEN_SUSPECT);
    staleUsers.sort((a, b) => a.lastSeenAt.localeCompare(b.lastSeenAt));
    result.heldBack = staleUsers.length - keep;
    staleUsers = staleUsers.slice(0, keep);
  }
  for (const key of staleSessions) {
    store.deleteSession(key);
    result.sessions++;
  }
  for (const { key } of staleUsers) {
    if (store.getSession(key)) result.sessions++;
    store.deleteUser(key);
    result.users++;
  }
  const reports = store.collection<ReportRecord>("reports");
  for (const r of reports.find((r) => r.status === "selesai" && r.updatedAt < cutoff)) {
    if (r.reporterKey === undefined && r.contact === undefined) continue;
    delete r.reporterKey;
    delete r.contact;
    reports.put(r);
    result.reportsUnlinked++;
  }
  const notices = store.collection<NoticeRecord>("report-notices");
  for (const n of notices.find((n) => n.createdAt < cutoff && !!n.handledAt)) {
    notices.delete(n.id);
    result.notices++;
  }
  return result;
}

/**
 * Runs the sweep now and then once a day; returns a function that stops it.
 * Called from bot/main.ts. Logs counts only.
 */
export function startRetentionSweep(services: Services): () => void {
  const run = () => {
    try {
      const result = sweep(services, services.clock());
      void services.store.flush().catch((err) => services.log.error({ err }, "retention flush failed"));
      services.log.info({ ...result, retentionDays: services.config.RETENTION_DAYS }, "retention sweep");
      if (result.heldBack) {
        services.log.warn(
          { heldBack: result.heldBack, now: services.clock().toISOString() },
          "retention sweep held back: more than half of all people looked stale at once, so the clock may be wrong; at most 10 % are deleted per run",
        );
      }
    } catch (err) {
      services.log.error({ err }, "retention sweep failed");
    }
  };
  const first = setTimeout(run, 5_000);
  const timer = setInterval(run, DAY_MS);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
