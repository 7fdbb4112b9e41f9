import type { Channel } from "../model";
import {
  deliveryId,
  OUTBOX_STATUSES,
  type OutboxRepository,
  type OutboxRow,
  type OutboxStatus,
} from "../outbox/types";
import { outboxIndex } from "./outbox-index";
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
  const index = () => outboxIndex(rows());
  const put = (r: OutboxRow) => {
    rows().put(r);
    index().note(r);
  };
  const mark = (due: OutboxRow[], now: Date, leaseMs: number) => {
    const at = now.toISOString();
    const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
    return due.map((r) => {
      const c: OutboxRow = { ...r, status: "sending", attempts: r.attempts + 1, leaseUntil, updatedAt: at };
      put(c);
      return c;
    });
  };

  const repo: OutboxRepository = {
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
        put(row);
        out.push(row);
      }
      await store.flush();
      return out;
    },

    async claim(channel, limit, now, leaseMs) {
      // Replies and notices ahead of broadcasts (like courier's high/low priority queues).
      const due = index().due(channel, now.toISOString(), limit);
      if (due.length === 0) return [];
      const claimed = mark(due, now, leaseMs);
      await store.flush();
      return claimed;
    },

    async claimChat(channel, chatId, limit, now, leaseMs) {
      const due = index().dueForChat(channel, chatId, now.toISOString(), limit);
      if (due.length === 0) return [];
      const claimed = mark(due, now, leaseMs);
      await store.flush();
      return claimed;
    },

    async expireQueued(channel, createdBefore, reason, now) {
      const cut = createdBefore.toISOString();
      const old = index()
        .queued(channel)
        .filter((r) => r.createdAt < cut);
      const out: OutboxRow[] = [];
      for (const r of old) {
        const done = await repo.record(r.id, { status: "failed", reason }, now);
        if (done) out.push(done);
      }
      if (out.length) await store.flush();
      return out;
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
      put(next);
      return next;
    },

    async reapExpired(now) {
      const at = now.toISOString();
      let n = 0;
      for (const r of index()
        .sending()
        .filter((r) => (r.leaseUntil ?? "") < at)) {
        const back: OutboxRow = { ...r, status: "queued", nextAttempt: at, updatedAt: at };
        delete back.leaseUntil;
        put(back);
        n++;
      }
      if (n) await store.flush();
      return n;
    },

    async get(id) {
      return rows().get(id);
    },

    async byEffect(effect) {
      return index().byEffect(effect);
    },

    async channelsWaiting() {
      return index().channelsWaiting() as Channel[];
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
  return repo;
}
