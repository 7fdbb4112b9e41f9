import type { BroadcastOutbox, BroadcastOutboxRow } from "../../bot/broadcasts/types";
import type { Outbound } from "../../bot/model";

/**
 * A test double of the outbox's broadcast-facing methods (issue 12's OutboxRepository is the
 * real one): rows by delivery id, so tests can see what was enqueued and settle outcomes.
 */
export function fakeOutbox() {
  const rows = new Map<string, BroadcastOutboxRow & { message: Outbound }>();
  const outbox: BroadcastOutbox = {
    async enqueue(news) {
      return news.map((n) => {
        const id = `${n.effect}|${n.channel}:${n.chatId}`;
        const existing = rows.get(id);
        if (existing) return existing;
        const row = { ...n, id, status: "queued" };
        rows.set(id, row);
        return row;
      });
    },
    async byEffect(effect) {
      return [...rows.values()].filter((r) => r.effect === effect);
    },
    async get(id) {
      return rows.get(id);
    },
    async record(id, result) {
      const r = rows.get(id);
      if (r) rows.set(id, { ...r, status: result.status, reason: result.reason });
    },
  };
  return {
    outbox,
    rows,
    settle(id: string, status: string, reason?: string) {
      const r = rows.get(id);
      if (r) rows.set(id, { ...r, status, reason });
    },
  };
}
