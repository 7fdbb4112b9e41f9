import type { Update } from "grammy/types";
import type { Hono } from "hono";
import { startTelegram, type TelegramHandle } from "../../adapters/telegram";
import type { StartTelegramOptions } from "../../adapters/telegram/start-telegram";
import { createWebApp } from "../../adapters/web/app";
import { loadConfig } from "../../bot/config";
import { createLogger } from "../../bot/logger";
import type { Repositories } from "../../bot/store/repositories";
import { type FakeTelegram, startFakeTelegram } from "../fakes/telegram-api";
import { makeBot, type TestBot } from "../helpers/make-bot";

export interface Harness {
  fake: FakeTelegram;
  test: TestBot;
  app: Hono;
  telegram: TelegramHandle;
  /** Update ids fully handled by the adapter. */
  handled: Set<number>;
  /** Queues an update and resolves once the adapter has handled it. */
  deliver(update: Update | Promise<Update>): Promise<void>;
  /** Resolves when `check` holds, re-checked after each handled update or fatal error. */
  until(check: () => boolean, what: string): Promise<void>;
  fatal: Error[];
  stop(): Promise<void>;
}

/**
 * The real bot (memory store, fixed clock) on Telegram through grammY, talking over
 * HTTP to a fake Bot API server on 127.0.0.1. Long polling unless `webhook` is given.
 */
export async function startHarness(
  options: {
    env?: Record<string, string>;
    webhook?: boolean;
    fake?: Parameters<typeof startFakeTelegram>[0];
    extra?: Partial<StartTelegramOptions>;
    /** Another data store (e.g. lowdb files, to restart on the same data). */
    repos?: Repositories;
  } = {},
): Promise<Harness> {
  const fake = await startFakeTelegram(options.fake);
  const env: Record<string, string> = {
    RATE_LIMIT_PER_MINUTE: "1000",
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    ...(options.webhook
      ? {
          TELEGRAM_WEBHOOK_URL: "https://bot.example.org/webhooks/telegram",
          TELEGRAM_WEBHOOK_SECRET: "s3cret-token",
        }
      : {}),
    ...options.env,
  };
  const config = loadConfig(env);
  const test = makeBot({ config, repos: options.repos });
  const app = createWebApp(test.bot);
  const handled = new Set<number>();
  const listeners = new Set<() => void>();
  const fatal: Error[] = [];
  const notify = () => {
    for (const l of [...listeners]) l();
  };
  const telegram = await startTelegram({
    bot: test.bot,
    app,
    config,
    log: createLogger("silent"),
    onHandled: (id) => {
      handled.add(id);
      notify();
    },
    onFatal: (err) => {
      fatal.push(err);
      notify();
    },
    sender: { backoffMs: 20 },
    ...options.extra,
  });

  const until = (ok: () => boolean, what: string) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`timed out waiting for ${what}`));
      }, 10_000);
      const check = () => {
        if (!ok()) return;
        clearTimeout(timer);
        listeners.delete(check);
        resolve();
      };
      listeners.add(check);
      check();
    });

  return {
    fake,
    test,
    app,
    telegram,
    handled,
    fatal,
    until,
    async deliver(update) {
      const id = (await update).update_id;
      await until(() => handled.has(id), `update ${id} to be handled`);
    },
    async stop() {
      await telegram.stop();
      await fake.close();
    },
  };
}
