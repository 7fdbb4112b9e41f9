import { serve } from "@hono/node-server";
import { config as loadDotenv } from "dotenv";
import { createWebApp } from "../adapters/web/app";
import { startWebInboxExpiry } from "../adapters/web/inbox";
import { CAPABILITIES } from "../flows/capabilities";
import { startBroadcastScheduler } from "./broadcasts/scheduler";
import { ConfigError, loadConfig } from "./config";
import { ContentError } from "./i18n";
import { createLogger } from "./logger";
import { startRetentionSweep } from "./privacy/retention";
import { loadPseudonymSecret } from "./pseudonym-secret";
import { StoreLockedError } from "./store/file-lock";
import { openConfiguredStore } from "./store/open-configured";
import { MigrationError } from "./store/pg/migrate";
import { DatabaseStartError } from "./store/pg/pool";
import { redactUrl } from "./store/pg/redact-url";
import { DataFileError } from "./store/secure-json-file";
import { createBot } from "./wiring";

/** `npm start`: the web chat always; other channels when configured. */
async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL, 1);
  // DATABASE_URL set: PostgreSQL (several processes on one database); unset: lowdb files in DATA_DIR.
  const store = await openConfiguredStore(config, log, {
    onSaveError: (err) =>
      log.error(
        { code: (err as NodeJS.ErrnoException).code, err: err.message },
        "saving data failed: /healthz answers 503 and promises are refused until a save succeeds",
      ),
  });
  // Log pseudonyms: a keyed hash with this install's secret (created on first start, mode 600).
  loadPseudonymSecret(config.DATA_DIR);
  const bot = createBot({
    capabilities: CAPABILITIES,
    config,
    repos: store.repos,
    log,
    ...(store.lock ? { personLock: store.lock } : {}),
    sends: (channel) => store.leads(channel),
  });
  try {
    await bot.ready();
  } catch (err) {
    await store.close();
    throw err;
  }
  const app = createWebApp(bot);
  const stops: (() => Promise<void> | void)[] = [];
  let shutdown: (reason: string, code?: number) => Promise<void> = async () => {};

  // Privacy: conversation state older than RETENTION_DAYS is swept daily.
  stops.push(startRetentionSweep(bot.services));
  // Broadcasts: scheduled ones fan out when due; an interrupted fan-out finishes.
  stops.push(startBroadcastScheduler(bot.services));

  // The outbox: officer notices and replies, re-sent after a crash if they were in flight.
  bot.services.dispatcher.start();
  stops.push(() => bot.services.dispatcher.stop());
  // The web page collects its messages when it polls; ones never collected fail after 14 days.
  stops.push(startWebInboxExpiry(bot.services));

  // Telegram (issue 7): before the server listens, so the webhook route exists from the start.
  if (config.TELEGRAM_BOT_TOKEN) {
    const { startTelegram, TelegramStartError } = await import("../adapters/telegram");
    try {
      const telegram = await startTelegram({
        bot,
        app,
        config,
        log,
        onFatal: (err) => {
          process.stderr.write(`\nMigrasi Aman stopped.\n${err.message}\n`);
          void shutdown("telegram-fatal", 1);
        },
      });
      stops.push(() => telegram.stop());
    } catch (err) {
      if (!(err instanceof TelegramStartError)) throw err;
      process.stderr.write(`\nMigrasi Aman cannot start.\n${err.message}\n`);
      await store.close();
      process.exit(1);
    }
  }

  // WhatsApp (issue 14): whatsapp-web.js or the Cloud API webhook, before the server listens.
  // WHATSAPP_MODE=cloud turns it on by itself; nothing WhatsApp loads otherwise.
  if (config.WHATSAPP_ENABLED || process.env.WHATSAPP_MODE?.trim() === "cloud") {
    const { startWhatsApp, WhatsAppStartError } = await import("../adapters/whatsapp");
    try {
      const whatsapp = await startWhatsApp({ bot, app, config, log });
      stops.push(() => whatsapp.stop());
    } catch (err) {
      if (!(err instanceof WhatsAppStartError)) throw err;
      process.stderr.write(`\nMigrasi Aman cannot start.\n${err.message}\n`);
      for (const stop of stops.reverse()) await stop();
      await store.close();
      process.exit(1);
    }
  }

  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    const url = `http://localhost:${info.port}`;
    process.stdout.write(
      `\nMigrasi Aman is running.\n  Web chat: ${url}\n  Data:     ${config.DATABASE_URL ? `PostgreSQL ${redactUrl(config.DATABASE_URL)}` : config.DATA_DIR}\n\n`,
    );
  });
  server.on("error", (err: NodeJS.ErrnoException) => {
    const why =
      err.code === "EADDRINUSE"
        ? `port ${config.PORT} is already in use (set PORT to another port)`
        : err.message;
    process.stderr.write(`Cannot start the web server: ${why}\n`);
    void store.close().finally(() => process.exit(1));
  });

  let stopping = false;
  shutdown = async (reason, code = 0) => {
    if (stopping) return;
    stopping = true;
    log.info({ reason }, "shutting down");
    for (const stop of stops.reverse()) await stop();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      // Idle keep-alive connections (webhook callers) would hold close() until they time out.
      (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
    });
    try {
      await store.close();
    } catch (err) {
      // A full disk at shutdown: say so and exit, rather than crash with ENOSPC.
      log.error({ code: (err as NodeJS.ErrnoException).code }, "last save failed at shutdown");
      process.exit(code || 1);
    }
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((err: unknown) => {
  const known =
    err instanceof ConfigError ||
    err instanceof ContentError ||
    err instanceof DataFileError ||
    err instanceof StoreLockedError ||
    err instanceof DatabaseStartError ||
    err instanceof MigrationError;
  process.stderr.write(
    `\nMigrasi Aman cannot start.\n${known ? (err as Error).message : ((err as Error)?.stack ?? String(err))}\n`,
  );
  process.exit(1);
});
