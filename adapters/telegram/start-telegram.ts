import { randomBytes } from "node:crypto";
import { autoRetry } from "@grammyjs/auto-retry";
import { type RunnerHandle, run } from "@grammyjs/runner";
import { Api, type Bot as GrammyBot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Hono } from "hono";
import type { Logger } from "pino";
import type { Config } from "../../bot/config";
import { DEFAULT_LANG } from "../../bot/model";
import type { Bot } from "../../bot/wiring";
import { createChoiceCodec } from "./choice-codec";
import { registerCommands } from "./commands";
import { createDurableInbox } from "./durable-inbox";
import { renderOutbound } from "./render";
import { safeError } from "./safe-error";
import { ALLOWED_UPDATES, createTelegramBot, setActive } from "./telegram-bot";
import { createTelegramSender, type StoppableSender, type TelegramSenderOptions } from "./telegram-sender";
import { createUpdateQueue } from "./update-queue";
import { mountWebhook, WEBHOOK_PATH } from "./webhook";

/** Start-up cannot go on (bad token, another process polling, bad webhook secret). */
export class TelegramStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TelegramStartError";
  }
}

const CONFLICT_MESSAGE =
  "Telegram answered 409 Conflict: another process is already receiving updates for this " +
  "TELEGRAM_BOT_TOKEN. Stop the other instance (only one may poll a token), or set " +
  "TELEGRAM_WEBHOOK_URL to use webhook mode.";

export interface StartTelegramOptions {
  bot: Bot;
  /** The web app (adapters/web); webhook mode adds `POST /webhooks/telegram` to it. */
  app: Hono;
  config: Config;
  log: Logger;
  /** A fatal error after start-up (a 409 while polling). Default: log it and raise SIGTERM. */
  onFatal?: (err: Error) => void;
  /** Called after each update is handled (tests, benchmarks). */
  onHandled?: (updateId: number) => void;
  /** Overrides for the proactive Sender (tests). */
  sender?: Partial<Omit<TelegramSenderOptions, "api" | "render">>;
  /** Skips getMe (tests). */
  botInfo?: UserFromGetMe;
  /** Long-poll timeout in seconds (default 30). */
  pollTimeoutS?: number;
}

export interface TelegramHandle {
  mode: "polling" | "webhook";
  grammy: GrammyBot;
  sender: StoppableSender;
  /** Stops receiving, finishes updates in hand, stops the Sender. */
  stop(): Promise<void>;
}

function errorCode(err: unknown): number | undefined {
  const code = (err as { error_code?: unknown })?.error_code;
  return typeof code === "number" ? code : undefined;
}

/**
 * Starts the bot on Telegram: long polling (with @grammyjs/runner, one chat's updates
 * in order) unless TELEGRAM_WEBHOOK_URL is set, then webhook mode on the web app.
 * Registers the commands, and the proactive Sender in `services.senders`.
 * Call it before the web server listens, so the webhook route exists from the start.
 */
export async function startTelegram(options: StartTelegramOptions): Promise<TelegramHandle> {
  const { bot, app, config, log } = options;
  const token = config.TELEGRAM_BOT_TOKEN;
  if (!token) throw new TelegramStartError("TELEGRAM_BOT_TOKEN is not set.");
  const secret = config.TELEGRAM_WEBHOOK_SECRET ?? randomBytes(32).toString("hex");
  if (!/^[A-Za-z0-9_-]{1,256}$/.test(secret)) {
    throw new TelegramStartError(
      "TELEGRAM_WEBHOOK_SECRET may hold only letters, digits, _ and - (1 to 256 characters).",
    );
  }
  const codec = createChoiceCodec();
  const sender = createTelegramSender({
    api: new Api(token, config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : undefined),
    render: async (message, chatId) =>
      renderOutbound(message, {
        codec,
        locationLabel: bot.i18n.getFixedT((await bot.people.lang("telegram", chatId)) ?? DEFAULT_LANG)(
          "telegram:shareLocation",
        ),
      }),
    log,
    onUnreachable: (chatId) => setActive(bot, chatId, false),
    ...options.sender,
  });
  const telegram = createTelegramBot({
    bot,
    token,
    apiRoot: config.TELEGRAM_API_ROOT,
    log,
    codec,
    botInfo: options.botInfo,
    onHandled: options.onHandled,
    sender,
  });
  const { grammy } = telegram;
  grammy.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60 }));

  const webhookUrl = config.TELEGRAM_WEBHOOK_URL;
  const inbox = createDurableInbox(bot.services.repos, bot.services.clock);
  const queue = createUpdateQueue({
    handle: async (update) => {
      try {
        await grammy.handleUpdate(update);
      } finally {
        if (webhookUrl) await inbox.done(update);
      }
    },
    onError: (err) => log.error({ err: safeError(err) }, "telegram update failed"),
  });
  if (webhookUrl) mountWebhook(app, secret, queue, inbox);

  try {
    await grammy.init();
  } catch (err) {
    if (errorCode(err) === 401 || errorCode(err) === 404) {
      throw new TelegramStartError(
        "Telegram refused TELEGRAM_BOT_TOKEN (401 Unauthorized): check the token.",
      );
    }
    throw new TelegramStartError(`Cannot reach the Telegram Bot API: ${(err as Error).message}`);
  }
  await registerCommands(grammy.api, bot.i18n, bot.channelCommands).catch((err) =>
    log.warn({ err: safeError(err) }, "telegram setMyCommands failed; the command menu may be out of date"),
  );

  bot.services.senders.set("telegram", sender);
  bot.services.dispatcher.kick();

  let runner: RunnerHandle | undefined;
  if (webhookUrl) {
    await grammy.api.setWebhook(webhookUrl, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] });
    // Updates acknowledged before a crash or a stop, not yet handled: handled now.
    for (const update of await inbox.pending()) queue.push(update);
    queue.start();
    if (new URL(webhookUrl).pathname !== WEBHOOK_PATH) {
      log.warn(`TELEGRAM_WEBHOOK_URL should end in ${WEBHOOK_PATH}: that is where the bot listens`);
    }
    log.info("telegram: webhook mode");
  } else {
    await grammy.api.deleteWebhook();
    try {
      await grammy.api.getUpdates({ limit: 1, timeout: 0, allowed_updates: [...ALLOWED_UPDATES] });
    } catch (err) {
      await sender.stop();
      bot.services.senders.delete("telegram");
      if (errorCode(err) === 409) throw new TelegramStartError(CONFLICT_MESSAGE);
      throw err;
    }
    runner = run(grammy, {
      runner: {
        fetch: { timeout: options.pollTimeoutS ?? 30, allowed_updates: [...ALLOWED_UPDATES] },
        silent: true,
      },
    });
    const onFatal =
      options.onFatal ??
      ((err: Error) => {
        process.stderr.write(`\n${err.message}\n`);
        process.kill(process.pid, "SIGTERM");
      });
    runner.task()?.catch((err: unknown) => {
      const fatal = errorCode(err) === 409 ? new TelegramStartError(CONFLICT_MESSAGE) : (err as Error);
      log.fatal({ err: safeError(err) }, "telegram polling stopped");
      onFatal(fatal);
    });
    log.info("telegram: long polling");
  }

  let stopped = false;
  return {
    mode: webhookUrl ? "webhook" : "polling",
    grammy,
    sender,
    async stop() {
      if (stopped) return;
      stopped = true;
      if (runner?.isRunning()) await runner.stop();
      await queue.drain();
      await telegram.idle();
      await sender.stop();
      if (bot.services.senders.get("telegram") === sender) bot.services.senders.delete("telegram");
    },
  };
}
