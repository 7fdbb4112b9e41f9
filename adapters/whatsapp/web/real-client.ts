import { readFileSync } from "node:fs";
import type { Config } from "../../../bot/config";
import type { WebClient, WebClientFactory } from "./web-client";

/** Chromium as root on Debian needs no sandbox; /dev/shm is small in containers. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-setuid-sandbox",
  "--disable-dev-shm-usage",
  "--disable-gpu",
];

/** The LocalAuth client id: the session lives in `<sessionDir>/session-migrasi-aman`. */
export const CLIENT_ID = "migrasi-aman";

/**
 * whatsapp-web.js options. `webVersionCache: none` always loads the live WhatsApp Web page:
 * a cached or pinned page keeps being served after WhatsApp deprecates it (stuck before
 * the QR code). A pairing code replaces the QR code when WHATSAPP_PAIRING_NUMBER is set.
 */
export function clientOptions(config: Config, authStrategy: unknown) {
  return {
    authStrategy,
    puppeteer: { executablePath: config.CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS },
    webVersionCache: { type: "none" as const },
    qrMaxRetries: 0,
    takeoverOnConflict: false,
    ...(config.WHATSAPP_PAIRING_NUMBER
      ? { pairWithPhoneNumber: { phoneNumber: config.WHATSAPP_PAIRING_NUMBER, showNotification: true } }
      : {}),
  };
}

/** Resident memory (MB) of a process and its children, from /proc (Linux). */
export function treeMemoryMb(pid: number): number | undefined {
  const rss = (p: number): number => {
    let kb = 0;
    try {
      kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
      const children = readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim();
      for (const c of children ? children.split(/\s+/) : []) kb += rss(Number(c));
    } catch {
      // The process ended meanwhile.
    }
    return kb;
  };
  const kb = rss(pid);
  return kb > 0 ? kb / 1024 : undefined;
}

/**
 * The real client factory. whatsapp-web.js (and puppeteer) load only here, when WhatsApp
 * is enabled: importing costs about half a second. The library is CommonJS: its default
 * export holds the classes (named ESM imports fail in plain Node).
 */
export async function realClientFactory(config: Config, sessionDir: string): Promise<WebClientFactory> {
  const wweb = (await import("whatsapp-web.js")).default;
  const { Client, LocalAuth } = wweb;
  return () => {
    const auth = new LocalAuth({ clientId: CLIENT_ID, dataPath: sessionDir });
    const client = new Client(clientOptions(config, auth) as ConstructorParameters<typeof Client>[0]);
    const browserMemoryMb = () => {
      const pid = (
        client as unknown as { pupBrowser?: { process(): { pid?: number } | null } | null }
      ).pupBrowser?.process()?.pid;
      return pid ? treeMemoryMb(pid) : undefined;
    };
    return Object.assign(client, { browserMemoryMb }) as unknown as WebClient;
  };
}
