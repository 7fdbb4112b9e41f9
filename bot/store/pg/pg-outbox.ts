import type { Channel, Outbound } from "../../model";
import {
  deliveryId,
  OUTBOX_STATUSES,
  type OutboxRepository,
  type OutboxRow,
  type OutboxStatus,
} from "../../outbox/types";
import type { Db } from "./db";

interface Row {
  id: string;
  effect: string;
  kind: string;
  channel: Channel;
  chat_id: string;
  message: Outbound;
  status: OutboxStatus;
  attempts: number;
  next_attempt: Date;
  lease_until: Date | null;
  reason: string | null;
  created_at: Date;
  updated_at: Date;
  sent_at: Date | null;
  seq: string;
}

const COLUMNS =
  "id, effect, kind, channel, chat_id, message, status, attempts, next_attempt, lease_until, reason, created_at, updated_at, sent_at, seq";

function toRow(r: Row): OutboxRow {
  const out: OutboxRow = {
    id: r.id,
    effect: r.effect,
    kind: r.kind,
    channel: r.channel,
    chatId: r.chat_id,
    message: r.message,
    status: r.status,
    attempts: r.attempts,
    nextAttempt: r.next_attempt.toISOString(),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
  if (r.lease_until) out.leaseUntil = r.lease_until.toISOString();
  if (r.reason !== null) out.reason = r.reason;
  if (r.sent_at) out.sentAt = r.sent_at.toISOString();
  return out;
}

/** Claim order: replies and notices ahead of broadcasts, then due time, then insertion. */
const byClaimOrder = (a: Row, b: Row) =>
  Number(a.kind === "broadcast") - Number(b.kind === "broadcast") ||
  a.next_attempt.getTime() - b.next_attempt.getTime() ||
  Number(BigInt(a.seq) - BigInt(b.seq));

/**
 * The outbox as the `outbox` table (migration 001): one row per (effect, recipient), unique.
 * Any number of processes may claim: `… for update skip locked` hands each due row to one of
 * them, marked sending with a lease (committed before the channel is called); a row whose
 * lease ran out (its process died) is queued again by `reapExpired`.
 */
export function createPgOutbox(pool: Db): OutboxRepository {
  const leaseUntil = (now: Date, leaseMs: number) => new Date(now.getTime() + leaseMs);
  /** Claims due queued rows of a channel ($1 channel, $2 now, $3 limit, $4 lease end), narrowed by `and …`. */
  async function claimDue(narrow: string, params: unknown[]): Promise<OutboxRow[]> {
    const { rows } = await pool.query<Row>(
      `with due as (
         select id from outbox
         where status = 'queued' and channel = $1 ${narrow} and next_attempt <= $2
         order by (kind = 'broadcast'), next_attempt, seq
         limit $3
         for update skip locked)
       update outbox o
       set status = 'sending', attempts = o.attempts + 1, lease_until = $4, updated_at = $2
       from due where o.id = due.id
       returning ${COLUMNS.split(", ")
         .map((c) => `o.${c}`)
         .join(", ")}`,
      params,
    );
    return rows.sort(byClaimOrder).map(toRow);
  }

  return {
    async enqueue(news, now) {
      if (news.length === 0) return [];
      const ids = news.map((n) => deliveryId(n));
      await pool.query(
        `insert into outbox (id, effect, kind, channel, chat_id, message, next_attempt, created_at, updated_at)
         select u.id, u.effect, u.kind, u.channel, u.chat_id, u.message, $6, $6, $6
         from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $7::jsonb[])
           with ordinality as u(id, effect, kind, channel, chat_id, message, n)
         order by u.n
         on conflict do nothing`,
        [
          ids,
          news.map((n) => n.effect),
          news.map((n) => n.kind),
          news.map((n) => n.channel),
          news.map((n) => n.chatId),
          now,
          news.map((n) => JSON.stringify(n.message)),
        ],
      );
      const { rows } = await pool.query<Row>(`select ${COLUMNS} from outbox where id = any($1)`, [ids]);
      const byId = new Map(rows.map((r) => [r.id, toRow(r)]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },

    claim: (channel, limit, now, leaseMs) => claimDue("", [channel, now, limit, leaseUntil(now, leaseMs)]),

    claimChat: (channel, chatId, limit, now, leaseMs) =>
      claimDue("and chat_id = $5", [channel, now, limit, leaseUntil(now, leaseMs), chatId]),

    async expireQueued(channel, createdBefore, reason, now) {
      const { rows } = await pool.query<Row>(
        `update outbox set status = 'failed', reason = $3, updated_at = $4, lease_until = null,
           message = '{"text":""}'::jsonb
         where status = 'queued' and channel = $1 and created_at < $2
         returning ${COLUMNS}`,
        [channel, createdBefore, reason, now],
      );
      return rows.map(toRow);
    },

    async record(id, result, now) {
      const finished = result.status !== "queued";
      const { rows } = await pool.query<Row>(
        `update outbox set
           status = $2, updated_at = $3, lease_until = null,
           sent_at = case when $2 = 'sent' then $3 else sent_at end,
           reason = $4,
           next_attempt = coalesce($5, next_attempt),
           message = case when $6 then '{"text":""}'::jsonb else message end
         where id = $1
         returning ${COLUMNS}`,
        [
          id,
          result.status,
          now,
          result.status === "sent" ? null : result.reason,
          result.status === "queued" ? result.nextAttempt : null,
          finished,
        ],
      );
      return rows[0] ? toRow(rows[0]) : undefined;
    },

    async reapExpired(now) {
      const { rowCount } = await pool.query(
        `update outbox set status = 'queued', next_attempt = $1, updated_at = $1, lease_until = null
         where status = 'sending' and coalesce(lease_until, '-infinity') < $1`,
        [now],
      );
      return rowCount ?? 0;
    },

    async get(id) {
      const { rows } = await pool.query<Row>(`select ${COLUMNS} from outbox where id = $1`, [id]);
      return rows[0] ? toRow(rows[0]) : undefined;
    },

    async byEffect(effect) {
      const { rows } = await pool.query<Row>(`select ${COLUMNS} from outbox where effect = $1 order by seq`, [
        effect,
      ]);
      return rows.map(toRow);
    },

    async channelsWaiting() {
      const { rows } = await pool.query<{ channel: Channel }>(
        "select distinct channel from outbox where status = 'queued'",
      );
      return rows.map((r) => r.channel);
    },

    async counts() {
      const c = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, 0])) as Record<OutboxStatus, number>;
      const { rows } = await pool.query<{ status: OutboxStatus; n: number }>(
        "select status, count(*)::int as n from outbox group by status",
      );
      for (const r of rows) c[r.status] = r.n;
      return c;
    },

    async pruneFinished(before) {
      const { rowCount } = await pool.query(
        "delete from outbox where status in ('sent', 'failed', 'blocked') and updated_at < $1",
        [before],
      );
      return rowCount ?? 0;
    },
  };
}
