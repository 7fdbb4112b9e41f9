import { secretMatches } from "./reference";
import type { ReportRecord } from "./types";

/** Wrong lookups one chat may make in WINDOW_MS before it has to wait. */
const CHAT_TRIES = 5;
/** Wrong secrets for one reference, from any chat, before secret lookups of it pause. */
const REF_TRIES = 10;
const WINDOW_MS = 15 * 60_000;
const MAX_TRACKED = 20_000;

/** The outcome of a status lookup by someone who is not an officer. */
export type StatusAccess =
  | { ok: true; report: ReportRecord }
  | { ok: false; reason: "denied" }
  | { ok: false; reason: "slowed"; minutes: number };

interface Tries {
  count: number;
  since: number;
}

/**
 * Who may read a report's status and the officers' replies: its reporter's own chat, or
 * someone who has the reference and the secret shown once to the reporter. A wrong lookup
 * gets the same answer whether the reference exists or not. Repeated wrong lookups from one
 * chat, or wrong secrets for one reference, are slowed (15 minutes).
 */
export function createReportAccess(find: (ref: string) => Promise<ReportRecord | undefined>) {
  const byChat = new Map<string, Tries>();
  const byRef = new Map<string, Tries>();

  function blockedFor(map: Map<string, Tries>, key: string, limit: number, now: number): number {
    const t = map.get(key);
    if (!t) return 0;
    if (now - t.since >= WINDOW_MS) {
      map.delete(key);
      return 0;
    }
    return t.count >= limit ? Math.ceil((t.since + WINDOW_MS - now) / 60_000) : 0;
  }

  function fail(map: Map<string, Tries>, key: string, now: number): void {
    const t = map.get(key);
    if (t && now - t.since < WINDOW_MS) t.count++;
    else {
      map.delete(key);
      map.set(key, { count: 1, since: now });
      if (map.size > MAX_TRACKED) map.delete(map.keys().next().value as string);
    }
  }

  return {
    /** `ref` as parsed; `secret` when one was typed; `chat` is the asker's `channel:chatId`. */
    async lookup(ref: string, chat: string, secret: string | undefined, now: number): Promise<StatusAccess> {
      const report = await find(ref);
      if (report?.reporterKey && report.reporterKey === chat) return { ok: true, report };
      const waitChat = blockedFor(byChat, chat, CHAT_TRIES, now);
      if (waitChat) return { ok: false, reason: "slowed", minutes: waitChat };
      if (report && secret && !blockedFor(byRef, report.id, REF_TRIES, now)) {
        if (secretMatches(report.id, secret, report.secretHash)) return { ok: true, report };
      }
      fail(byChat, chat, now);
      if (report && secret) fail(byRef, report.id, now);
      const wait = blockedFor(byChat, chat, CHAT_TRIES, now);
      return wait ? { ok: false, reason: "slowed", minutes: wait } : { ok: false, reason: "denied" };
    },
  };
}

export type ReportAccess = ReturnType<typeof createReportAccess>;
