import type { TFunction } from "i18next";
import type { Flow, FlowContext, FlowResult } from "../bot/flow";
import { commandKey } from "../bot/global-commands";
import { parseReference } from "../bot/reports/reference";
import { ReportError } from "../bot/reports/report-service";
import { REPORT_STATUSES, type ReportRecord, type ReportStatus } from "../bot/reports/types";

type Action = "list" | "show" | "status" | "verify" | "unverify" | "note" | "reply" | "help";

/** Officer command words (Indonesian and English), each a global command with officerOnly. */
export const OFFICER_WORDS: Record<Action, string[]> = {
  list: ["laporan", "reports"],
  show: ["lihat", "show"],
  status: ["status"],
  verify: ["verifikasi", "verify"],
  unverify: ["batalverifikasi", "unverify"],
  note: ["catatan", "note"],
  reply: ["balas", "reply"],
  help: ["petugas", "officer"],
};

function actionOf(text: string): Action {
  const key = commandKey(text);
  const found = (Object.keys(OFFICER_WORDS) as Action[]).find((a) => OFFICER_WORDS[a].includes(key));
  return found ?? "help";
}

/** The words after the command: "/status@bot MA-7K3Q9 diproses" -> "MA-7K3Q9 diproses". */
function argsOf(text: string): string {
  return text.trim().replace(/^\/?\S+\s*/, "");
}

function date(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)} ${iso.slice(11, 16)}`;
}

function line(t: TFunction, r: ReportRecord, related: number): string {
  const who = [
    ...r.who.companies,
    ...r.who.phones.map((p) => `+${p}`),
    ...r.who.accounts.map((a) => `@${a}`),
  ];
  const parts = [`*${r.id}*`, r.status, date(r.createdAt)];
  if (r.verified) parts.push("✅");
  if (who.length) parts.push(who.slice(0, 3).join(", "));
  if (related) parts.push(t("report:officer.related", { count: related }));
  return parts.join(" · ");
}

async function list(ctx: FlowContext, args: string): Promise<FlowResult> {
  const t = ctx.t;
  const svc = ctx.services.reports;
  const word = args.trim().toLowerCase();
  if (word === "grup" || word === "groups") {
    const groups = await svc.groups();
    const text = groups.length
      ? groups.map((g) => `• ${g.reports.join(", ")}\n  ${g.keys.join(", ")}`).join("\n")
      : t("report:officer.noGroups");
    return { replies: [{ text: `${t("report:officer.groupsTitle")}\n${text}` }] };
  }
  const status = (REPORT_STATUSES as readonly string[]).includes(word) ? (word as ReportStatus) : undefined;
  const verified = word === "terverifikasi" || word === "verified" ? true : undefined;
  const term = !status && verified === undefined && word ? args.trim() : undefined;
  const found = await svc.list({ status, verified, term });
  const pending = (await svc.pendingNotices()).length;
  const lines: string[] = [];
  for (const r of found.slice(0, 20)) lines.push(line(t, r, (await svc.related(r.id)).length));
  const head = t("report:officer.listTitle", { count: found.length, pending });
  const more = found.length > 20 ? `\n${t("report:officer.more", { count: found.length - 20 })}` : "";
  return {
    replies: [{ text: `${head}\n${lines.join("\n") || t("report:officer.none")}${more}` }],
    meta: { officer: "list", count: found.length },
  };
}

async function show(ctx: FlowContext, ref: string): Promise<FlowResult> {
  const t = ctx.t;
  const svc = ctx.services.reports;
  const r = await svc.get(ref);
  if (!r) return { replies: [{ text: t("report:officer.notFound", { ref }) }] };
  const contact = r.anonymous
    ? t("report:officer.anonymous")
    : (r.contact ?? (r.reporterKey ? t("report:officer.viaChat", { channel: r.channel }) : "-"));
  const lines = [
    `*${r.id}* · ${r.status}${r.verified ? " · ✅" : ""} · ${date(r.createdAt)}`,
    t("report:summaryWhat", { text: r.what }),
    t("report:summaryWho", { text: r.who.text ?? "-" }),
    t("report:summaryWhere", { text: r.whereWhen ?? "-" }),
    t("report:officer.contact", { contact }),
  ];
  for (const n of r.notes) lines.push(t("report:officer.noteLine", { date: date(n.at), text: n.text }));
  for (const n of r.replies) lines.push(t("report:officer.replyLine", { date: date(n.at), text: n.text }));
  const related = (await svc.related(r.id)).map((x) => x.id);
  if (related.length) lines.push(t("report:officer.relatedList", { refs: related.join(", ") }));
  return { replies: [{ text: lines.join("\n") }], meta: { officer: "show", ref: r.id } };
}

async function change(ctx: FlowContext, action: Action, args: string): Promise<FlowResult> {
  const t = ctx.t;
  const svc = ctx.services.reports;
  const ref = parseReference(args);
  if (!ref) return { replies: [{ text: t("report:officer.usage") }] };
  const rest = args.replace(/^\s*MA[\s-]*[2-9A-HJ-NP-Z]{5,12}\s*/i, "").trim();
  const actor = ctx.userKey;
  try {
    switch (action) {
      case "status": {
        const status = rest.toLowerCase();
        if (!(REPORT_STATUSES as readonly string[]).includes(status)) {
          return { replies: [{ text: t("report:officer.badStatus") }] };
        }
        await svc.setStatus(ref, status as ReportStatus, actor);
        return {
          replies: [{ text: t("report:officer.statusSet", { ref, status }) }],
          meta: { officer: "status" },
        };
      }
      case "verify":
      case "unverify":
        await svc.setVerified(ref, action === "verify", actor);
        return {
          replies: [
            {
              text: t(action === "verify" ? "report:officer.verified" : "report:officer.unverified", { ref }),
            },
          ],
          meta: { officer: action },
        };
      case "note":
        await svc.addNote(ref, rest, actor);
        return { replies: [{ text: t("report:officer.noteAdded", { ref }) }], meta: { officer: "note" } };
      case "reply": {
        const out = await svc.reply(ref, rest, actor);
        const text = out.delivered
          ? t("report:officer.replySent", { ref })
          : t("report:officer.replyStored", { ref, reason: out.reason ?? "-" });
        return { replies: [{ text }], meta: { officer: "reply", delivered: out.delivered } };
      }
      default:
        return { replies: [{ text: t("report:officer.usage") }] };
    }
  } catch (err) {
    if (err instanceof ReportError) {
      const key = err.code === "not-found" ? "report:officer.notFound" : "report:officer.usage";
      return { replies: [{ text: t(key, { ref }) }] };
    }
    throw err;
  }
}

async function run(ctx: FlowContext, text: string): Promise<FlowResult> {
  if (!ctx.services.isOfficer(ctx.inbound.channel, ctx.inbound.chatId)) {
    return { replies: [], pass: true };
  }
  const action = actionOf(text);
  const args = argsOf(text);
  if (action === "list") return parseReference(args) ? show(ctx, args.trim()) : list(ctx, args);
  if (action === "show") return show(ctx, args.trim());
  if (action === "help") return { replies: [{ text: ctx.t("report:officer.usage") }] };
  return change(ctx, action, args);
}

/**
 * Officer commands on Telegram or WhatsApp (officers listed in OFFICER_TELEGRAM_IDS /
 * OFFICER_WHATSAPP_IDS): list and filter reports, show one, set a status, verify, add a
 * note, reply to the reporter. Every change is audited by the report service.
 */
export const officerFlow: Flow = {
  id: "officer",
  start: (ctx, input) => run(ctx, input.text ?? ""),
  step: (ctx, _state, input) => run(ctx, input.text ?? ""),
};
