import type { TFunction } from "i18next";
import type { Channel, Outbound } from "../model";
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

/**
 * Tells every configured officer about a new report through the channel's sender, and
 * records the outcome in the listed notice. Without senders (web-only), the notice is
 * only listed and logged. Logs never carry report text or phone numbers.
 */
export async function notifyOfficers(
  services: Services,
  t: TFunction,
  report: ReportRecord,
  groupSize: number,
): Promise<NoticeRecord> {
  const notices = services.store.collection<NoticeRecord>("report-notices");
  const notice: NoticeRecord = notices.get(report.id) ?? {
    id: report.id,
    createdAt: services.clock().toISOString(),
    deliveries: [],
  };
  const message = noticeText(t, report, groupSize);
  for (const target of officerTargets(services)) {
    const sender = services.senders.get(target.channel);
    if (!sender) {
      notice.deliveries.push({ channel: target.channel, ok: false, reason: "no sender" });
      continue;
    }
    try {
      const outcome = await sender.send(target.chatId, message);
      notice.deliveries.push(
        outcome.ok
          ? { channel: target.channel, ok: true }
          : { channel: target.channel, ok: false, reason: outcome.reason },
      );
    } catch (err) {
      notice.deliveries.push({ channel: target.channel, ok: false, reason: (err as Error).message });
    }
  }
  notices.put(notice);
  const sent = notice.deliveries.filter((d) => d.ok).length;
  services.log.info(
    { report: report.id, officersNotified: sent, listed: true },
    sent ? "report notice sent to officers" : "report notice listed (no officer channel)",
  );
  return notice;
}
