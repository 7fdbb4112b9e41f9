-- Every other repository (bot/store/repositories.ts). Each document is kept whole as jsonb (the same
-- JSON the lowdb files hold); the columns beside it are what the queries filter and sort on. Times
-- copied from documents are ISO text compared byte-wise (collate "C"), exactly as the lowdb store does.

create table people (
  key text primary key,
  doc jsonb not null,
  last_seen_at text collate "C" not null,
  subscribed boolean not null                -- consent.subscriptions given
);
create index people_expiry on people (last_seen_at) where not subscribed;
create index people_subscribers on people (key) where subscribed;

create table sessions (
  key text primary key,
  doc jsonb not null,
  updated_at text collate "C" not null
);
create index sessions_updated on sessions (updated_at);

create table reports (
  id text primary key,                       -- the reference, e.g. MA-7K3Q9XPM
  doc jsonb not null,
  status text not null,
  verified boolean not null,
  draft text,
  reporter_key text,
  has_link boolean not null,                 -- a chat key or contact is kept
  subject_keys text[] not null,              -- co:<company>, ph:<phone>, ac:<account>
  created_at text collate "C" not null,
  updated_at text collate "C" not null
);
create unique index reports_draft on reports (draft) where draft is not null;
create index reports_reporter on reports (reporter_key) where reporter_key is not null;
create index reports_subjects on reports using gin (subject_keys);
create index reports_closed on reports (updated_at) where status = 'selesai' and has_link;

create table report_notices (
  id text primary key,
  doc jsonb not null,
  created_at text collate "C" not null,
  handled boolean not null
);

create table report_audit (
  id text primary key,
  report text not null,
  at text collate "C" not null,
  doc jsonb not null
);
create index report_audit_report on report_audit (report, at);

-- Small keyed documents, one scope per lowdb collection: votes, unanswered questions, broadcasts and
-- DAFTAR, officers, console sessions and secrets, officer audit, programmes and their interest, seen
-- ids, flows' and adapters' documents. `seq` keeps the order documents were first added.
create table docs (
  scope text not null,
  id text not null,
  seq bigserial not null,
  doc jsonb not null,
  at bigint,                                 -- seen ids: when (epoch ms)
  primary key (scope, id)
);
create index docs_order on docs (scope, seq);
create index docs_seen on docs (scope, at) where at is not null;

create table registry (
  one boolean primary key default true check (one),
  data jsonb not null,
  version text not null
);
