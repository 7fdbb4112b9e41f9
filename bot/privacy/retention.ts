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
export async function sweep(services: Services, now: Date): Promise<SweepResult> {
  const { people, reports } = services.repos;
  const cutoff = new Date(now.getTime() - services.config.RETENTION_DAYS * DAY_MS);
  const result: SweepResult = { sessions: 0, users: 0, reportsUnlinked: 0, notices: 0 };
  const total = await people.count();
  let staleUsers = await people.expiredBefore(cutoff);
  const staleSessions = await people.idleSessionsBefore(cutoff);
  // A clock far ahead (e.g. 100 days after a bad NTP step) makes everyone look stale.
  if (total >= MIN_PEOPLE && staleUsers.length > total * SUSPECT_SHARE) {
    const keep = Math.floor(total * MAX_SHARE_WHEN_SUSPECT);
    result.heldBack = staleUsers.length - keep;
    staleUsers = staleUsers.slice(0, keep);
  }
  for (const key of staleSessions) if (await people.deleteSession(key)) result.sessions++;
  for (const { key } of staleUsers) {
    if (await people.session(key)) result.sessions++;
    await people.delete(key);
    result.users++;
  }
  result.reportsUnlinked = await reports.unlinkClosedBefore(cutoff);
  result.notices = await reports.pruneHandledNotices(cutoff);
  return result;
}

/**
 * Runs the sweep now and then once a day; returns a function that stops it.
 * Called from bot/main.ts. Logs counts only.
 */
export function startRetentionSweep(services: Services): () => void {
  const run = async () => {
    try {
      const result = await sweep(services, services.clock());
      void services.repos.flush().catch((err) => services.log.error({ err }, "retention flush failed"));
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
  const first = setTimeout(() => void run(), 5_000);
  const timer = setInterval(() => void run(), DAY_MS);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
