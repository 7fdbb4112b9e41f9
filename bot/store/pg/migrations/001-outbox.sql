-- The durable outbox: one row per (effect, recipient). See bot/outbox/types.ts.
create table outbox (
  seq bigserial not null,
  id text primary key,                    -- the delivery id: <effect>|<channel>:<chatId>
  effect text not null,
  kind text not null,
  channel text not null,
  chat_id text not null,
  message jsonb not null,
  status text not null default 'queued' check (status in ('queued', 'sending', 'sent', 'failed', 'blocked')),
  attempts integer not null default 0,
  next_attempt timestamptz not null,
  lease_until timestamptz,
  reason text,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  sent_at timestamptz,
  unique (effect, channel, chat_id)
);
-- Claims: due queued rows of one channel, replies and notices ahead of broadcasts.
create index outbox_due on outbox (channel, (kind = 'broadcast'), next_attempt, seq) where status = 'queued';
create index outbox_leases on outbox (lease_until) where status = 'sending';
create index outbox_finished on outbox (updated_at) where status in ('sent', 'failed', 'blocked');
