import type { i18n as I18n } from "i18next";
import { type Lang, splitKey } from "../model";
import type { Services } from "../services";
import { extractSubject, subjectKeys } from "./extract";
import { notifyOfficers, recordNoticeOutcome } from "./notify";
import { freeReference, hashSecret, newSecret, parseReference, type RandomInt } from "./reference";
import { createReportAccess, type StatusAccess } from "./report-access";
import type { AuditRecord, NewReport, NoticeRecord, ReportEntry, ReportRecord, ReportStatus } from "./types";
import { createWarnings } from "./warnings";

/** How long an officer's reply waits for its delivery outcome before answering "still queued". */
const REPLY_WAIT_MS = 30_000;

/** Filters for listing reports. */
export interface ReportFilter {
  status?: ReportStatus;
  verified?: boolean;
  /** A company, phone number or account: reports naming it (grouping keys). */
  term?: string;
}

/** The outcome of an officer's reply. */
export interface ReplyOutcome {
  report: ReportRecord;
  delivered: boolean;
  reason?: string;
}

/** Reports (pengaduan): created by the report flow, handled by officers (Telegram, CLI, later the console). */
export interface ReportService {
  /**
   * Stores a report and makes it durable (flush) before resolving; officers are then notified.
   * `secret` is shown once to the reporter (only its hash is kept). A draft sent again returns
   * the report it already filed (`repeated`), with a fresh secret, and notifies nobody twice.
   */
  submit(input: NewReport): Promise<{
    report: ReportRecord;
    secret: string;
    repeated?: boolean;
    notified: Promise<NoticeRecord | undefined>;
  }>;
  /** A status lookup by a person: their own report, or the reference with its secret; wrong lookups are slowed. */
  statusFor(ref: string, chat: string, secret: string | undefined): Promise<StatusAccess>;
  /** A report by reference, as typed ("ma 7k3q9" works). */
  get(ref: string): Promise<ReportRecord | undefined>;
  list(filter?: ReportFilter): Promise<ReportRecord[]>;
  /** Other reports naming the same company, phone number or account. */
  related(ref: string): Promise<ReportRecord[]>;
  /** Groups of two or more reports sharing a company, phone number or account. */
  groups(): Promise<{ keys: string[]; reports: string[] }[]>;
  setStatus(ref: string, status: ReportStatus, actor: string): Promise<ReportRecord>;
  setVerified(ref: string, verified: boolean, actor: string): Promise<ReportRecord>;
  addNote(ref: string, text: string, actor: string): Promise<ReportRecord>;
  /** Stores a reply (shown on status lookup) and delivers it to the reporter's chat when a sender exists. */
  reply(ref: string, text: string, actor: string): Promise<ReplyOutcome>;
  /** Notices of reports no officer has acted on yet. */
  pendingNotices(): Promise<NoticeRecord[]>;
  /** Reports linked to a person's chat. */
  linkedTo(userKey: string): Promise<ReportRecord[]>;
  /** Removes the chat id and contact from a person's reports (kept as evidence). Returns how many. */
  unlink(userKey: string): Promise<number>;
}

/** Raised for an unknown reference or a bad officer input; the message is for the officer. */
export class ReportError extends Error {
  constructor(
    readonly code: "not-found" | "bad-status" | "empty",
    message: string,
  ) {
    super(message);
    this.name = "ReportError";
  }
}

/** Builds the report service on the store; `i18n` renders officer notices and replies to reporters. */
export function createReportService(
  services: Services,
  i18n: I18n,
  options: { random?: RandomInt } = {},
): ReportService {
  const { repos } = services;
  const reports = repos.reports;
  const tFor = (lang: Lang) => i18n.getFixedT(lang);
  const now = () => services.clock().toISOString();

  async function must(ref: string): Promise<ReportRecord> {
    const id = parseReference(ref);
    const report = id ? await reports.byReference(id) : undefined;
    if (!report) throw new ReportError("not-found", `Report ${ref} not found`);
    return report;
  }

  async function related(ref: string): Promise<ReportRecord[]> {
    const report = await must(ref);
    const keys = subjectKeys(report.who);
    if (!keys.length) return [];
    return (await reports.naming(keys)).filter((r) => r.id !== report.id);
  }

  async function record(
    report: ReportRecord,
    entry: Omit<AuditRecord, "id" | "at" | "report">,
  ): Promise<ReportRecord> {
    const at = now();
    report.updatedAt = at;
    await reports.put(report);
    await repos.audit.report({ at, report: report.id, ...entry });
    const notice = await reports.notice(report.id);
    if (notice && !notice.handledAt) await reports.putNotice({ ...notice, handledAt: at });
    await repos.flush();
    return report;
  }

  const access = createReportAccess((ref) => reports.byReference(ref));

  const service: ReportService = {
    async submit(input) {
      const at = now();
      const secret = newSecret();
      const filed = input.draft ? await reports.byDraft(input.draft) : undefined;
      if (filed) {
        filed.secretHash = hashSecret(filed.id, secret);
        await reports.put(filed);
        await repos.flush();
        return { report: filed, secret, repeated: true, notified: reports.notice(filed.id) };
      }
      const build = (id: string): ReportRecord => ({
        id,
        status: "baru",
        verified: false,
        createdAt: at,
        updatedAt: at,
        what: input.what,
        who: extractSubject(input.who),
        whereWhen: input.whereWhen,
        anonymous: input.anonymous,
        contact: input.anonymous ? undefined : input.contact,
        reporterKey: input.anonymous ? undefined : input.reporterKey,
        secretHash: hashSecret(id, secret),
        draft: input.draft,
        channel: input.channel,
        lang: input.lang,
        notes: [],
        replies: [],
      });
      // A reference is taken by creating the report under it; a taken one is drawn again.
      const id = await freeReference(async (ref) => !(await reports.create(build(ref))), options.random);
      const report = (await reports.byReference(id)) ?? build(id);
      await reports.putNotice({ id, createdAt: at, deliveries: [] });
      await repos.flush();
      const size = (await related(id)).length + 1;
      const notified = notifyOfficers(services, tFor("id"), report, size).then(async (n) => {
        await repos.flush();
        return n;
      });
      notified.catch((err) => services.log.error({ err, report: id }, "report notice failed"));
      return { report, secret, notified };
    },

    async statusFor(ref, chat, secret) {
      const id = parseReference(ref) ?? ref;
      return access.lookup(id, chat, secret, services.clock().getTime());
    },

    async get(ref) {
      const id = parseReference(ref);
      return id ? reports.byReference(id) : undefined;
    },

    async list(filter = {}) {
      let keys: Set<string> | undefined;
      if (filter.term) keys = new Set(subjectKeys(extractSubject(termAsSubject(filter.term))));
      return (await reports.list({ status: filter.status, verified: filter.verified })).filter(
        (r) => !keys || subjectKeys(r.who).some((k) => keys.has(k)) || matchesText(r, filter.term ?? ""),
      );
    },

    related,

    async groups() {
      const byKey = new Map<string, Set<string>>();
      for (const r of await reports.list()) {
        for (const k of subjectKeys(r.who)) {
          if (!byKey.has(k)) byKey.set(k, new Set());
          byKey.get(k)?.add(r.id);
        }
      }
      // Union reports that share any key.
      const parent = new Map<string, string>();
      const find = (x: string): string => {
        const p = parent.get(x) ?? x;
        if (p === x) return x;
        const root = find(p);
        parent.set(x, root);
        return root;
      };
      for (const ids of byKey.values()) {
        const [first, ...rest] = [...ids];
        for (const other of rest) parent.set(find(other), find(first as string));
      }
      const groups = new Map<string, { keys: Set<string>; reports: Set<string> }>();
      for (const [key, ids] of byKey) {
        for (const id of ids) {
          const root = find(id);
          if (!groups.has(root)) groups.set(root, { keys: new Set(), reports: new Set() });
          groups.get(root)?.keys.add(key);
          groups.get(root)?.reports.add(id);
        }
      }
      return [...groups.values()]
        .filter((g) => g.reports.size > 1)
        .map((g) => ({ keys: [...g.keys].sort(), reports: [...g.reports].sort() }));
    },

    async setStatus(ref, status, actor) {
      const report = await must(ref);
      const from = report.status;
      report.status = status;
      return record(report, { actor, action: "status", from, to: status });
    },

    async setVerified(ref, verified, actor) {
      const report = await must(ref);
      report.verified = verified;
      return record(report, { actor, action: verified ? "verify" : "unverify" });
    },

    async addNote(ref, text, actor) {
      if (!text.trim()) throw new ReportError("empty", "A note needs text");
      const report = await must(ref);
      report.notes.push({ at: now(), by: actor, text: text.trim() });
      return record(report, { actor, action: "note" });
    },

    async reply(ref, text, actor) {
      if (!text.trim()) throw new ReportError("empty", "A reply needs text");
      const report = await must(ref);
      const entry: ReportEntry = { at: now(), by: actor, text: text.trim(), delivered: false };
      report.replies.push(entry);
      await record(report, { actor, action: "reply" });
      let reason: string | undefined;
      const target = report.reporterKey ? splitKey(report.reporterKey) : undefined;
      if (!target) reason = "anonymous or unlinked";
      else {
        // Through the outbox: durable before it is sent; delivered later if no sender is up now.
        const rt = tFor(report.lang);
        const [row] = await services.outbox.enqueue(
          [
            {
              effect: `report-reply:${report.id}:${report.replies.length - 1}`,
              kind: "report-reply",
              channel: target.channel,
              chatId: target.chatId,
              message: {
                text: rt("report:replyToReporter", { ref: report.id, text: entry.text }),
                choices: [{ id: `report:status:${report.id}`, label: rt("report:statusButton") }],
              },
            },
          ],
          services.clock(),
        );
        if (!row) reason = "not queued";
        else if (!services.senders.has(target.channel)) reason = `no sender for ${target.channel}`;
        else {
          const settled = services.dispatcher.settled(row.id, REPLY_WAIT_MS);
          services.dispatcher.kick();
          const done = await settled;
          if (done?.status === "sent") entry.delivered = true;
          else reason = done ? (done.reason ?? done.status) : "still queued";
        }
      }
      if (entry.delivered) {
        await reports.put(report);
        await repos.flush();
      }
      return { report, delivered: entry.delivered === true, reason };
    },

    pendingNotices: () => reports.pendingNotices(),
    linkedTo: (key) => reports.linkedTo(key),
    unlink: (key) => reports.unlink(key),
  };
  services.dispatcher.onOutcome("report-notice", (row) => recordNoticeOutcome(services, row));
  services.dispatcher.onOutcome("report-reply", async (row) => {
    if (row.status !== "sent") return;
    const [, ref, index] = row.effect.split(":");
    const report = ref ? await reports.byReference(ref) : undefined;
    const entry = report?.replies[Number(index)];
    if (report && entry && !entry.delivered) {
      entry.delivered = true;
      await reports.put(report);
    }
  });
  // Oldest first: the first report naming a term gives the term its spelling.
  services.warnings = createWarnings(async () =>
    (await reports.list({ verified: true })).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
  );
  return service;
}

/** A search term as a "who" answer: a bare name counts as a company name. */
function termAsSubject(term: string): string {
  return /^(pt|cv|ud|yayasan|lpk)\b/i.test(term.trim()) || /\d|@|\//.test(term) ? term : `PT ${term}`;
}

function matchesText(r: ReportRecord, term: string): boolean {
  const needle = term.trim().toLowerCase();
  return needle.length >= 3 && (r.who.text ?? "").toLowerCase().includes(needle);
}
