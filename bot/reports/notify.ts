import type { TFunction } from "i18next";
import type { Channel, Outbound } from "../model";
import type { OutboxRow } from "../outbox/types";
import type { Services } from "../services";
import type { NoticeRecord, ReportRecord } from "./types";

/** The officers to notify, per channel, from OFFICER_TELEGRAM_IDS / OFFICER_WHATSAPP_IDS. */
export function officerTargets(services: Services): { channel: Channel; chatId: string }[] {
  const { config } = services;
  return [
    ...config.OFFICER_TELEGRAM_IDS.map((chatId) => ({ channel: "telegram" as const, chatId })),
    ...config.OFFICER_WHATSAPP_IDS.map((chatId) => ({ channel: "whatsapp" as const, chatId })),
  ];
}

/** The notice text for officers (Indonesian: officers work in Indonesian). */
export function noticeText(t: TFunction, report: ReportRecord, groupSize: number): Outbound {
  const who = [...report.who.companies, ...report.who.phones, ...report.who.accounts].join(", ");
  const what = report.what.length > 300 ? `${report.what.slice(0, 300)}…` : report.what;
  return {
    text: t("report:officer.notice", {
      ref: report.id,
      what,
      who: who || "-",
      group: groupSize > 1 ? t("report:officer.noticeGroup", { count: groupSize }) : "",
    }),
  };
}

/** How long a report's officer notice is awaited before `notified` resolves anyway. */
const NOTICE_WAIT_MS = 30_000;

/** Records one delivery outcome of an officer notice in the listed notice (the outbox's `report-notice` rows). */
export async function recordNoticeOutcome(services: Services, row: OutboxRow): Promise<void> {
  const ref = row.effect.slice("report-notice:".length);
  const notices = services.repos.reports;
  const notice = await notices.notice(ref);
  if (!notice || row.status === "queued" || row.status === "sending") return;
  notice.deliveries.push(
    row.status === "sent"
      ? { channel: row.channel, ok: true }
      : { channel: row.channel, ok: false, reason: row.reason ?? row.status },
  );
  await notices.putNotice(notice);
}

/**
 * Tells every configured officer about a new report: one outbox row per officer, written
 * durably, then sent by the dispatcher through the channel's sender; each outcome is added
 * to the listed notice. A channel with no sender yet (web-only) keeps its rows queued until
 * one registers; the notice is listed and logged. Logs never carry report text or phone numbers.
 */
export async function notifyOfficers(
  services: Services,
  t: TFunction,
  report: ReportRecord,
  groupSize: number,
): Promise<NoticeRecord> {
  const notices = services.repos.reports;
  const notice: NoticeRecord = (await notices.notice(report.id)) ?? {
    id: report.id,
    createdAt: services.clock().toISOString(),
    deliveries: [],
  };
  const message = noticeText(t, report, groupSize);
  const rows = await services.outbox.enqueue(
    officerTargets(services).map((target) => ({
      effect: `report-notice:${report.id}`,
      kind: "report-notice",
      channel: target.channel,
      chatId: target.chatId,
      message,
    })),
    services.clock(),
  );
  for (const row of rows.filter((r) => !services.senders.has(r.channel))) {
    notice.deliveries.push({ channel: row.channel, ok: false, reason: "no sender" });
  }
  await notices.putNotice(notice);
  const waiting = rows.filter((r) => services.senders.has(r.channel));
  const settled = Promise.all(waiting.map((r) => services.dispatcher.settled(r.id, NOTICE_WAIT_MS)));
  services.dispatcher.kick();
  await settled;
  const final = (await notices.notice(report.id)) ?? notice;
  const sent = final.deliveries.filter((d) => d.ok).length;
  services.log.info(
    { report: report.id, officersNotified: sent, listed: true },
    sent ? "report notice sent to officers" : "report notice listed (no officer channel)",
  );
  return final;
}
