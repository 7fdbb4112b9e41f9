import { chmodSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Logger } from "pino";
import type { Config } from "../../../bot/config";
import { who } from "../../../bot/logger";
import { DEFAULT_LANG, type Outbound, userKey } from "../../../bot/model";
import type { Bot } from "../../../bot/wiring";
import { splitText } from "../../telegram/format";
import { createChatQueue } from "../chat-queue";
import { numberedText } from "../numbered";
import { alertOfficers } from "../officer-alert";
import { createSeenIds } from "../seen-ids";
import type { StoppableSender } from "../stoppable-sender";
import { createIdentity } from "./identity";
import { createSupervisor, type Supervisor, type SupervisorOptions } from "./supervisor";
import type { WebClient, WebClientFactory, WebMessage } from "./web-client";
import { translateWeb } from "./web-inbound";
import { createWebSender } from "./web-sender";

/** WhatsApp's limit on one text message. */
export const WHATSAPP_TEXT_LIMIT = 4096;

export interface StartWhatsAppWebOptions {
  bot: Bot;
  config: Config;
  log: Logger;
  /** Makes clients; default the real whatsapp-web.js (imported only then). */
  factory?: WebClientFactory;
  /** Messages older than start-up minus this margin are offline backlog (default 2 minutes). */
  oldMarginMs?: number;
  /** Supervisor timings (tests shorten them). */
  timings?: Partial<
    Pick<
      SupervisorOptions,
      "watchdogMs" | "healthMs" | "backoffMs" | "maxBackoffMs" | "restartEveryMs" | "maxMemoryMb"
    >
  >;
  /** Proactive pace override in ms (tests). */
  sendIntervalMs?: number;
  /** Shows a login QR code (default: qrcode-terminal on stdout). */
  showQr?: (qr: string) => void;
  /** Called after each incoming message is fully handled (tests, benchmarks). */
  onHandled?: (messageId: string) => void;
}

export interface WhatsAppWebHandle {
  mode: "web";
  supervisor: Supervisor;
  sender: StoppableSender;
  /** Where the current login QR code (or pairing code) is written for officers. */
  loginFile: string;
  stop(): Promise<void>;
}

/** The LocalAuth folder under DATA_DIR, mode 700: it holds the keys to the WhatsApp account. */
export function sessionFolder(dataDir: string): string {
  const dir = join(dataDir, "whatsapp-web");
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  return dir;
}

async function terminalQr(qr: string): Promise<string> {
  const qrcode = (await import("qrcode-terminal")).default;
  return new Promise((resolve) => qrcode.generate(qr, { small: true }, resolve));
}

/**
 * Starts the bot on WhatsApp through whatsapp-web.js. The adapter only translates: incoming
 * `message` events become Inbound for `core.handle()`, replies go back as text with
 * numbered choices. A supervisor keeps the client alive; the proactive Sender is registered
 * in `services.senders`.
 */
export async function startWhatsAppWeb(options: StartWhatsAppWebOptions): Promise<WhatsAppWebHandle> {
  const { bot, config, log } = options;
  const { core, i18n, services } = bot;
  const sessionDir = sessionFolder(config.DATA_DIR);
  const loginFile = join(sessionDir, "login.txt");
  let factory = options.factory;
  if (!factory) {
    const { realClientFactory } = await import("./real-client");
    factory = await realClientFactory(config, sessionDir);
  }
  const startedAt = Date.now();
  const notBefore = startedAt - (options.oldMarginMs ?? 120_000);
  const seen = createSeenIds(services.repos.seen, "whatsapp-web-seen");
  const known = (chatId: string) => bot.people.known("whatsapp", chatId);
  let supervisor: Supervisor | undefined;
  const identity = createIdentity({
    kv: services.repos.kv,
    known,
    log,
    officers: config.OFFICER_WHATSAPP_IDS,
    lookup: () => {
      const client = supervisor?.client();
      return client?.getContactLidAndPhone?.bind(client);
    },
  });
  const queue = createChatQueue((err) =>
    log.error({ err: (err as Error)?.message }, "whatsapp message failed"),
  );
  const tFor = async (chatId: string) =>
    i18n.getFixedT((await bot.people.lang("whatsapp", chatId)) ?? DEFAULT_LANG);
  const render = async (out: Outbound, chatId: string) =>
    splitText(numberedText(out, await tFor(chatId)), WHATSAPP_TEXT_LIMIT);

  const writeLogin = (text: string) => writeFileSync(loginFile, text, { mode: 0o600 });
  const showQr =
    options.showQr ??
    ((qr: string) =>
      void terminalQr(qr).then((art) => {
        writeLogin(`Scan with WhatsApp → Linked devices → Link a device.\n\n${art}\n${qr}\n`);
        process.stdout.write(`\nWhatsApp login: scan this QR code with the office phone\n${art}\n`);
      }));

  function onMessage(client: WebClient, message: WebMessage) {
    const ownId = client.info?.wid?._serialized;
    const verdict = translateWeb(message, { notBefore, ownIds: ownId ? [ownId] : [] });
    if (verdict.kind === "ignore") {
      log.debug({ why: verdict.why }, "whatsapp message ignored");
      return;
    }
    const id = message.id?._serialized;
    if (!id) return;
    const replyTo = message.from;
    queue.push(replyTo, async () => {
      if (!(await seen.first(id))) return;
      try {
        if (verdict.kind === "group") {
          const user = client.info?.wid?.user;
          const t = i18n.getFixedT(DEFAULT_LANG);
          const text = user
            ? t("whatsapp:privateOnly", { link: `https://wa.me/${user}` })
            : t("whatsapp:privateOnlyNoLink");
          await client.sendMessage(replyTo, text);
          return;
        }
        const inbound = verdict.inbound;
        inbound.chatId = await identity.person(replyTo);
        const result = await core.handle(inbound);
        for (const out of result.replies) {
          for (const part of await render(out, inbound.chatId)) await client.sendMessage(replyTo, part);
        }
        log.debug({ user: who(userKey("whatsapp", inbound.chatId)) }, "whatsapp message handled");
      } finally {
        options.onHandled?.(id);
      }
    });
  }

  supervisor = createSupervisor({
    factory,
    sessionDir,
    log,
    onMessage,
    ...options.timings,
    restartEveryMs: options.timings?.restartEveryMs ?? config.WHATSAPP_WEB_RESTART_HOURS * 3600_000,
    maxMemoryMb: options.timings?.maxMemoryMb ?? config.WHATSAPP_WEB_MAX_MEMORY_MB,
    onQr: (qr) => {
      log.info({ file: loginFile }, "whatsapp: waiting for login, scan the QR code");
      showQr(qr);
    },
    onCode: (code) => {
      writeLogin(`WhatsApp → Linked devices → Link with phone number instead, then enter: ${code}\n`);
      process.stdout.write(
        `\nWhatsApp pairing code for ${config.WHATSAPP_PAIRING_NUMBER ?? "the office phone"}: ${code}\n`,
      );
      log.info({ file: loginFile }, "whatsapp: waiting for login with the pairing code");
    },
    onReady: () => rmSync(loginFile, { force: true }),
    onLoggedOut: (reason) => {
      const t = i18n.getFixedT(DEFAULT_LANG);
      void alertOfficers(
        services,
        log,
        { text: t("whatsapp:officer.loggedOut", { reason, file: loginFile }) },
        reason,
      );
    },
  });

  const sender = createWebSender({
    client: () => supervisor?.client(),
    render,
    kv: services.repos.kv,
    known,
    log,
    intervalMs: options.sendIntervalMs ?? config.WHATSAPP_WEB_SEND_INTERVAL_S * 1000,
    dailyCap: config.WHATSAPP_WEB_DAILY_CAP,
  });
  services.senders.set("whatsapp", sender);
  services.dispatcher.kick();
  supervisor.start();
  log.info("whatsapp: whatsapp-web.js starting");

  let stopped = false;
  return {
    mode: "web",
    supervisor,
    sender,
    loginFile,
    async stop() {
      if (stopped) return;
      stopped = true;
      await queue.drain();
      await sender.stop();
      await supervisor?.stop();
      if (services.senders.get("whatsapp") === sender) services.senders.delete("whatsapp");
    },
  };
}
