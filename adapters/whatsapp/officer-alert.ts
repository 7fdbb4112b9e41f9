import type { Logger } from "pino";
import type { Outbound } from "../../bot/model";
import { officerTargets } from "../../bot/reports/notify";
import type { Services } from "../../bot/services";

/**
 * Tells every officer reachable on another channel (WhatsApp itself is down when this is
 * needed) and logs a warning either way. Returns how many officers were told.
 */
export async function alertOfficers(services: Services, log: Logger, message: Outbound, why: string) {
  let told = 0;
  for (const target of officerTargets(services)) {
    if (target.channel === "whatsapp") continue;
    const sender = services.senders.get(target.channel);
    if (!sender) continue;
    const outcome = await sender.send(target.chatId, message).catch(() => ({ ok: false }));
    if (outcome.ok) told++;
  }
  log.warn({ why, officersTold: told }, "whatsapp needs an officer: a new login is needed");
  return told;
}
