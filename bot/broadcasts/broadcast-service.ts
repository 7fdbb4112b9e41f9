import { randomBytes } from "node:crypto";
import type { i18n as I18n } from "i18next";
import type { Lang, Outbound } from "../model";
import type { Services } from "../services";
import type { UserRecord } from "../store/types";
import type { Audience } from "../subscriptions/types";
import type { BroadcastOutbox, BroadcastProgress, BroadcastRecord, TrainingInfo } from "./types";

export const BROADCASTS = "broadcasts";
export const INTEREST = "broadcast-interest";
const CHUNK = 1000;
const FINAL = new Set(["sent", "failed", "blocked"]);

export const effectOf = (id: string) => `broadcast:${id}`;

export interface NewBroadcast {
  text: string;
  training?: TrainingInfo;
  audience: Audience;
  scheduleAt?: Date;
  /** Who confirmed it (console account or `channel:id`). */
  by: string;
}

export class BroadcastError extends Error {
  constructor(
    readonly code: "empty" | "not-found" | "no-outbox" | "finished",
    message: string,
  ) {
    super(message);
  }
}

/** The text one recipient receives, in their language. */
export function composeMessage(
  i18n: I18n,
  b: Pick<BroadcastRecord, "text" | "training">,
  lang: Lang,
): Outbound {
  const t = i18n.getFixedT(lang);
  const parts = [`📢 ${b.text.trim()}`];
  const tr = b.training;
  if (tr) {
    const lines = [`*${tr.title}*`];
    if (tr.date) lines.push(t("broadcast:date", { value: tr.date }));
    if (tr.place) lines.push(t("broadcast:place", { value: tr.place }));
    if (tr.quota) lines.push(t("broadcast:quota", { value: tr.quota }));
    if (tr.howToRegister) lines.push(t("broadcast:howToRegister", { value: tr.howToRegister }));
    lines.push(t("broadcast:daftarHint"));
    parts.push(lines.join("\n"));
  }
  parts.push(t("broadcast:footer"));
  return { text: parts.join("\n\n") };
}

/**
 * Broadcasts to subscribers through the durable outbox: on confirmation one row per recipient
 * (delivery id `broadcast:<id>|<channel>:<chatId>`, so a repeated fan-out adds nobody twice),
 * each on disk before the dispatcher may send it. Scheduled ones fan out when due; a restart
 * finishes a fan-out that a crash interrupted. Cancelling fails every row not yet claimed.
 */
export function createBroadcastService(services: Services, i18n: I18n) {
  const { repos } = services;
  const col = repos.broadcasts;
  const outbox = (): BroadcastOutbox => services.outbox;
  const kick = () => services.dispatcher.kick();
  const recipients = (audience: Audience): Promise<UserRecord[]> => repos.people.matching(audience);

  async function fanOut(b: BroadcastRecord): Promise<BroadcastRecord> {
    const people = await recipients(b.audience);
    const messages = new Map<Lang, Outbound>();
    const message = (lang: Lang) => {
      const m = messages.get(lang) ?? composeMessage(i18n, b, lang);
      messages.set(lang, m);
      return m;
    };
    const now = services.clock();
    for (let i = 0; i < people.length; i += CHUNK) {
      const rows = people.slice(i, i + CHUNK).map((u) => ({
        effect: effectOf(b.id),
        kind: "broadcast",
        channel: u.channel,
        chatId: u.chatId,
        message: message(u.subscription?.lang ?? u.lang ?? "id"),
      }));
      await outbox().enqueue(rows, now);
    }
    const next: BroadcastRecord = {
      ...((await col.get(b.id)) ?? b),
      status: "sending",
      total: people.length,
      fannedOutAt: now.toISOString(),
    };
    if (next.total === 0) {
      next.status = "done";
      next.doneAt = now.toISOString();
    }
    await col.put(next);
    await repos.flush();
    kick();
    return next;
  }

  async function progress(id: string): Promise<BroadcastProgress> {
    const b = await col.get(id);
    if (!b) throw new BroadcastError("not-found", `no broadcast ${id}`);
    if (!b.fannedOutAt) return { status: b.status, total: b.total, sent: 0, failed: 0, pending: b.total };
    let sent = 0;
    let failed = 0;
    let skipped = 0;
    for (const r of await outbox().byEffect(effectOf(id))) {
      if (r.status === "sent") sent++;
      else if (r.reason === "cancelled" || r.reason === "unsubscribed") skipped++;
      else if (FINAL.has(r.status)) failed++;
    }
    const total = b.total;
    const pending = Math.max(0, total - sent - failed - skipped);
    if (pending === 0 && b.status === "sending") {
      const done = { ...b, status: "done" as const, doneAt: services.clock().toISOString() };
      await col.put(done);
      return { status: "done", total, sent, failed, pending };
    }
    return { status: b.status, total, sent, failed, pending };
  }

  return {
    /** How many people an audience reaches now. */
    count: async (audience: Audience) => (await recipients(audience)).length,
    get: (id: string) => col.get(id),
    list: () => col.list(),
    progress,

    /** Confirms a broadcast: recorded, then (unless scheduled later) fanned out to the outbox. */
    async create(input: NewBroadcast): Promise<{ record: BroadcastRecord; recipients: number }> {
      const text = input.text.trim();
      if (!text) throw new BroadcastError("empty", "a broadcast needs a text");
      outbox();
      const now = services.clock();
      const scheduled = input.scheduleAt && input.scheduleAt.getTime() > now.getTime();
      const record: BroadcastRecord = {
        id: `B${now.getTime().toString(36).toUpperCase()}${randomBytes(2).toString("hex").toUpperCase()}`,
        createdBy: input.by,
        createdAt: now.toISOString(),
        text: text.slice(0, 3000),
        ...(input.training ? { training: input.training } : {}),
        audience: input.audience,
        ...(scheduled ? { scheduleAt: input.scheduleAt!.toISOString() } : {}),
        status: scheduled ? "scheduled" : "sending",
        total: scheduled ? (await recipients(input.audience)).length : 0,
      };
      await col.put(record);
      await repos.flush();
      if (scheduled) return { record, recipients: record.total };
      const out = await fanOut(record);
      return { record: out, recipients: out.total };
    },

    /** Fans out scheduled broadcasts that are due, and fan-outs a crash interrupted. */
    async tick(): Promise<number> {
      const due = await col.due(services.clock());
      for (const b of due) await fanOut(b);
      return due.length;
    },

    /** Stops everything not yet sent; rows already with the channel finish. */
    async cancel(id: string, by: string): Promise<BroadcastRecord> {
      const b = await col.get(id);
      if (!b) throw new BroadcastError("not-found", `no broadcast ${id}`);
      if (b.status === "done" || b.status === "cancelled")
        throw new BroadcastError("finished", `broadcast ${id} is ${b.status}`);
      const now = services.clock();
      const next = { ...b, status: "cancelled" as const, cancelledAt: now.toISOString(), cancelledBy: by };
      await col.put(next);
      await repos.flush();
      if (b.fannedOutAt) await failQueued(effectOf(id), "cancelled", now);
      return next;
    },

    /** After "berhenti": this person's rows not yet claimed are not sent. */
    async forget(userKey: string): Promise<void> {
      const now = services.clock();
      for (const b of await col.sending()) {
        const rows = await outbox().byEffect(effectOf(b.id));
        await failRows(
          rows.filter((r) => `${r.channel}:${r.chatId}` === userKey),
          "unsubscribed",
          now,
        );
      }
    },

    /** "DAFTAR" to an announcement: one registration per person. True when new. */
    async register(broadcastId: string, userKey: string): Promise<boolean> {
      const id = `${broadcastId}|${userKey}`;
      const added = await col.register({
        id,
        broadcast: broadcastId,
        userKey,
        at: services.clock().toISOString(),
      });
      if (added) await repos.flush();
      return added;
    },
    interested: (broadcastId: string) => col.interested(broadcastId),
    /** True when this person said DAFTAR to the broadcast already. */
    isRegistered: async (broadcastId: string, userKey: string) =>
      (await col.interested(broadcastId)).some((r) => r.userKey === userKey),

    /** A recipient who blocked the bot is unsubscribed (the dispatcher reports "blocked"). */
    async blocked(userKey: string): Promise<void> {
      const u = await repos.people.get(userKey);
      if (!u?.subscription) return;
      delete u.subscription;
      const { subscriptions: _, ...rest } = u.consent;
      await repos.people.put({ ...u, consent: rest, active: false });
      await repos.flush();
    },
  };

  async function failQueued(effect: string, reason: string, now: Date): Promise<void> {
    await failRows(await outbox().byEffect(effect), reason, now);
  }

  async function failRows(rows: { id: string; status: string }[], reason: string, now: Date): Promise<void> {
    const o = outbox();
    for (const r of rows) {
      if (r.status !== "queued") continue;
      if ((await o.get(r.id))?.status === "queued") await o.record(r.id, { status: "failed", reason }, now);
    }
    await repos.flush();
  }
}

export type BroadcastService = ReturnType<typeof createBroadcastService>;
