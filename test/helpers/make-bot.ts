import { type Config, loadConfig } from "../../bot/config";
import type { Feature } from "../../bot/feature";
import { createLogger } from "../../bot/logger";
import type { Channel, HandleResult } from "../../bot/model";
import { createMemoryStore } from "../../bot/store/open-store";
import type { Repositories } from "../../bot/store/repositories";
import { createStoreRepositories } from "../../bot/store/store-repositories";
import type { Store } from "../../bot/store/types";
import { type Bot, createBot } from "../../bot/wiring";
import { CAPABILITIES } from "../../flows/capabilities";

/** The main-menu entries the shipped capabilities register, in order. */
export const MENU_ENTRIES = ["faq", "offer", "recruiter", "offices", "subscribe", "emergency", "language"];

/** A fixed clock that tests can move forward. */
export function fixedClock(start = "2026-11-28T08:00:00Z") {
  let now = new Date(start).getTime();
  const clock = () => new Date(now);
  clock.advance = (ms: number) => {
    now += ms;
  };
  return clock;
}

export interface TestBot {
  bot: Bot;
  /** The lowdb store under `repos`, for tests that look at what was kept. */
  store: Store;
  repos: Repositories;
  clock: ReturnType<typeof fixedClock>;
  /** Sends text (or `{choice}`) as one person and returns the core's answer. */
  say(chat: string, input: string | { choice: string }, channel?: Channel): Promise<HandleResult>;
}

/** The real bot on an in-memory store with a fixed clock: for transcript tests. */
export function makeBot(
  options: {
    env?: Record<string, string>;
    store?: Store;
    /** Another data store (e.g. a second implementation); `store` then is unused. */
    repos?: Repositories;
    config?: Config;
    capabilities?: readonly Feature[];
  } = {},
): TestBot {
  const clock = fixedClock();
  const store = options.store ?? createMemoryStore();
  const config = options.config ?? loadConfig({ RATE_LIMIT_PER_MINUTE: "1000", ...options.env });
  const repos = options.repos ?? createStoreRepositories(store);
  const bot = createBot({
    capabilities: options.capabilities ?? CAPABILITIES,
    config,
    repos,
    log: createLogger("silent"),
    clock,
  });
  return {
    bot,
    store,
    repos,
    clock,
    say(chat, input, channel = "web") {
      clock.advance(1000);
      const body = typeof input === "string" ? { text: input } : input;
      return bot.core.handle({ channel, chatId: chat, at: clock(), ...body });
    },
  };
}

/** All choice ids offered in a result. */
export function choiceIds(r: HandleResult): string[] {
  return r.replies.flatMap((x) => x.choices?.map((c) => c.id) ?? []);
}

/** All reply texts joined. */
export function allText(r: HandleResult): string {
  return r.replies.map((x) => x.text).join("\n");
}
