import { userInfo } from "node:os";
import { ReportError } from "../reports/report-service";
import { REPORT_STATUSES, type ReportRecord, type ReportStatus } from "../reports/types";
import type { CliCommand } from "./cli-command";
import { openCli, parseArgs } from "./cli-env";

const USAGE = `usage: npm run -s cli -- reports <action> [--json]
  list [--status baru|diproses|dirujuk|selesai] [--verified] [--term "PT Name|0812…|@account"]
  show REF
  status REF baru|diproses|dirujuk|selesai
  verify REF | unverify REF
  note REF "text"
  reply REF "text"`;

function out(json: boolean, value: unknown, human: string): void {
  process.stdout.write(`${json ? JSON.stringify(value) : human}\n`);
}

/** A report for officers' JSON output (the reporter's chat id never leaves the store). */
function view(r: ReportRecord, related: string[]) {
  return {
    ref: r.id,
    status: r.status,
    verified: r.verified,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    what: r.what,
    who: r.who,
    whereWhen: r.whereWhen ?? null,
    anonymous: r.anonymous,
    contact: r.contact ?? null,
    linkedToChat: r.reporterKey !== undefined,
    channel: r.channel,
    notes: r.notes,
    replies: r.replies,
    related,
  };
}

function line(r: ReportRecord, related: number): string {
  const who = [
    ...r.who.companies,
    ...r.who.phones.map((p) => `+${p}`),
    ...r.who.accounts.map((a) => `@${a}`),
  ];
  return [
    r.id,
    r.status.padEnd(8),
    r.createdAt.slice(0, 16).replace("T", " "),
    r.verified ? "verified" : "unverified",
    who.join(", ") || "-",
    related ? `(${related} similar)` : "",
  ]
    .join("  ")
    .trim();
}

/** `reports list|show|status|verify|unverify|note|reply`: officers handle reports from a terminal. */
export const command: CliCommand = {
  summary: "officers: list, show and handle reports (status, verify, note, reply)",
  async run(argv) {
    const args = parseArgs(argv, ["status", "term"]);
    const json = args.flags.json === true;
    const [action, ref, ...rest] = args.rest;
    if (!action || !["list", "show", "status", "verify", "unverify", "note", "reply"].includes(action)) {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    const readOnly = action === "list" || action === "show";
    const env = await openCli({ readOnly });
    const svc = env.bot.services.reports;
    const actor = `cli:${userInfo().username}`;
    try {
      if (action === "list") {
        const status = typeof args.flags.status === "string" ? args.flags.status : undefined;
        if (status && !(REPORT_STATUSES as readonly string[]).includes(status)) {
          process.stderr.write(`unknown status ${status}\n${USAGE}\n`);
          return 2;
        }
        const reports = await svc.list({
          status: status as ReportStatus | undefined,
          verified: args.flags.verified === true ? true : undefined,
          term: typeof args.flags.term === "string" ? args.flags.term : undefined,
        });
        const notices = await svc.pendingNotices();
        const groups = await svc.groups();
        const relatedOf = new Map<string, string[]>();
        for (const r of reports)
          relatedOf.set(
            r.id,
            (await svc.related(r.id)).map((x) => x.id),
          );
        const related = (r: ReportRecord) => relatedOf.get(r.id) ?? [];
        out(
          json,
          {
            reports: reports.map((r) => view(r, related(r))),
            notices: notices.map((n) => ({ report: n.id, createdAt: n.createdAt, deliveries: n.deliveries })),
            groups,
          },
          [
            `${reports.length} report(s); ${notices.length} notice(s) not yet handled${notices.length ? `: ${notices.map((n) => n.id).join(", ")}` : ""}`,
            ...reports.map((r) => line(r, related(r).length)),
            ...(groups.length ? ["", "groups (same company, phone or account):"] : []),
            ...groups.map((g) => `  ${g.reports.join(", ")}  <- ${g.keys.join(", ")}`),
          ].join("\n"),
        );
        return 0;
      }
      if (!ref) {
        process.stderr.write(`${USAGE}\n`);
        return 2;
      }
      if (action === "show") {
        const r = await svc.get(ref);
        if (!r) {
          out(json, { error: "not-found", ref }, `report ${ref} not found`);
          return 1;
        }
        const v = view(
          r,
          (await svc.related(r.id)).map((x) => x.id),
        );
        out(json, v, JSON.stringify(v, null, 2));
        return 0;
      }
      const text = rest.join(" ").trim();
      let result: ReportRecord;
      let extra: Record<string, unknown> = {};
      if (action === "status") {
        if (!(REPORT_STATUSES as readonly string[]).includes(text)) {
          process.stderr.write(`status must be one of ${REPORT_STATUSES.join(", ")}\n`);
          return 2;
        }
        result = await svc.setStatus(ref, text as ReportStatus, actor);
      } else if (action === "verify" || action === "unverify") {
        result = await svc.setVerified(ref, action === "verify", actor);
      } else if (action === "note") {
        result = await svc.addNote(ref, text, actor);
      } else {
        const outcome = await svc.reply(ref, text, actor);
        result = outcome.report;
        extra = { delivered: outcome.delivered, reason: outcome.reason ?? null };
      }
      out(
        json,
        { ok: true, ref: result.id, status: result.status, verified: result.verified, ...extra },
        `${result.id}: ${action} done (status ${result.status}${result.verified ? ", verified" : ""})${
          "delivered" in extra
            ? extra.delivered
              ? "; reply delivered"
              : `; reply saved, shown on status lookup (not delivered: ${extra.reason})`
            : ""
        }`,
      );
      return 0;
    } catch (err) {
      if (err instanceof ReportError) {
        out(json, { error: err.code, ref }, err.message);
        return 1;
      }
      throw err;
    } finally {
      await env.repos.close();
    }
  },
};
