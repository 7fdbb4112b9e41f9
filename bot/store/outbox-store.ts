import type { Channel } from "../model";
import {
  deliveryId,
  OUTBOX_STATUSES,
  type OutboxRepository,
  type OutboxRow,
  type OutboxStatus,
} from "../outbox/types";
import type { Store } from "./types";

const FINISHED = new Set<OutboxStatus>(["sent", "failed", "blocked"]);

/**
 * The outbox on the store (lowdb files, or lowdb in memory for tests): one collection,
 * `outbox`, a document per delivery id. Changes are flushed (fsync'd) before `enqueue`
 * and `claim` resolve, so a row exists before its cause is confirmed and "sending" is on
 * disk before the channel is called.
 */
export function createStoreOutbox(store: Store): OutboxRepository {
  const rows = () => store.collection<OutboxRow>("outbox");

  return {
    async enqueue(news, now) {
      const at = now.toISOString();
      const out: OutboxRow[] = [];
      for (const n of news) {
        const id = deliveryId(n);
        const existing = rows().get(id);
        if (existing) {
          out.push(existing);
          continue;
        }
        const row: OutboxRow = {
          ...n,
          id,
          status: "queued",
          attempts: 0,
          nextAttempt: at,
          createdAt: at,
          updatedAt: at,
        };
        rows().put(row);
        out.push(row);
      }
      await store.flush();
      return out;
    },

    async claim(channel, limit, now, leaseMs) {
      const at = now.toISOString();
      const due = rows()
        .find((r) => r.status === "queued" && r.channel === channel && r.nextAttempt <= at)
        // Replies and notices ahead of broadcasts (like courier's high/low priority queues).
        .sort(
          (a, b) =>
            Number(a.kind === "broadcast") - Number(b.kind === "broadcast") ||
            a.nextAttempt.localeCompare(b.nextAttempt) ||
            a.createdAt.localeCompare(b.createdAt),
        )
        .slice(0, limit);
      if (due.length === 0) return [];
      const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
      const claimed = due.map((r) => {
        const c: OutboxRow = { ...r, status: "sending", attempts: r.attempts + 1, leaseUntil, updatedAt: at };
        rows().put(c);
        return c;
      });
      await store.flush();
      return claimed;
    },

    async record(id, result, now) {
      const row = rows().get(id);
      if (!row) return undefined;
      const at = now.toISOString();
      const next: OutboxRow = { ...row, status: result.status, updatedAt: at, leaseUntil: undefined };
      delete next.leaseUntil;
      if (result.status === "sent") {
        next.sentAt = at;
        delete next.reason;
      } else next.reason = result.reason;
      if (result.status === "queued") next.nextAttempt = result.nextAttempt.toISOString();
      // Privacy: a finished delivery keeps its outcome, not the text it carried.
      if (FINISHED.has(next.status)) next.message = { text: "" };
      rows().put(next);
      return next;
    },

    async reapExpired(now) {
      const at = now.toISOString();
      let n = 0;
      for (const r of rows().find((r) => r.status === "sending" && (r.leaseUntil ?? "") < at)) {
        const back: OutboxRow = { ...r, status: "queued", nextAttempt: at, updatedAt: at };
        delete back.leaseUntil;
        rows().put(back);
        n++;
      }
      if (n) await store.flush();
      return n;
    },

    async get(id) {
      return rows().get(id);
    },

    async byEffect(effect) {
      return rows().find((r) => r.effect === effect);
    },

    async channelsWaiting() {
      const set = new Set<Channel>();
      for (const r of rows().find((r) => r.status === "queued")) set.add(r.channel);
      return [...set];
    },

    async counts() {
      const c = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, 0])) as Record<OutboxStatus, number>;
      for (const r of rows().all()) c[r.status]++;
      return c;
    },

    async pruneFinished(before) {
      const at = before.toISOString();
      let n = 0;
      for (const r of rows().find((r) => FINISHED.has(r.status) && r.updatedAt < at)) {
        rows().delete(r.id);
        n++;
      }
      return n;
    },
  };
}
