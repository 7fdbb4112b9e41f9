import type { Hono } from "hono";
import type { Logger } from "pino";
import type { Config } from "../../bot/config";
import type { Bot } from "../../bot/wiring";

/** The WhatsApp adapter: `startWhatsApp(...)` is all `bot/main.ts` needs. */
export { WhatsAppStartError } from "./cloud/start-whatsapp-cloud";

/**
 * Starts WhatsApp in the configured mode; only the chosen transport's code loads
 * (whatsapp-web.js and puppeteer load only for `web`). Returns a stop function.
 */
export async function startWhatsApp(options: { bot: Bot; app: Hono; config: Config; log: Logger }) {
  if (options.config.WHATSAPP_MODE === "cloud") {
    const { startWhatsAppCloud } = await import("./cloud/start-whatsapp-cloud");
    return startWhatsAppCloud(options);
  }
  const { startWhatsAppWeb } = await import("./web/start-whatsapp-web");
  return startWhatsAppWeb(options);
}
