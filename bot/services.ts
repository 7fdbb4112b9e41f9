import type { Logger } from "pino";
import type { Config } from "./config";
import type { Channel } from "./model";
import type { Lexicon } from "./nlp/lexicon";
import type { Dispatcher } from "./outbox/dispatcher";
import type { OutboxRepository } from "./outbox/types";
import type { Sender } from "./sender";
import type { Repositories } from "./store/repositories";

/**
 * What flows may reach. Each feature adds its own service to this interface by
 * declaration merging in its own folder, e.g.
 *
 *   declare module "../services" { interface Services { faq: FaqService } }
 *
 * and builds it in `bot/wiring.ts`, the one place where things are wired together.
 */
export interface Services {
  /** Every repository (people, reports, audit, outbox, …): the only way to stored data. */
  repos: Repositories;
  config: Config;
  log: Logger;
  /** The current time; tests fix it. */
  clock: () => Date;
  /** Informal-Indonesian lexicon for `tokenize` / `normalizeText` (bot/nlp). */
  lexicon: Lexicon;
  /** Senders by channel; adapters register theirs when they start (then `dispatcher.kick()`). */
  senders: Map<Channel, Sender>;
  /** Everything sent that is not a direct reply: one durable row per (effect, recipient). */
  outbox: OutboxRepository;
  /** Sends the outbox through `senders`. */
  dispatcher: Dispatcher;
  /** True when this person is a configured officer (OFFICER_TELEGRAM_IDS / OFFICER_WHATSAPP_IDS). */
  isOfficer: (channel: Channel, chatId: string) => boolean;
  /**
   * Public warnings from officer-verified reports: for a text (company name, phone, account),
   * the terms that verified reports name and how many. Set by the reports feature; absent before.
   */
  warnings?: { verifiedReports(text: string): Promise<{ term: string; count: number }[]> };
}
