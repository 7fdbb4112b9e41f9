import { join } from "node:path";
import type { Logger } from "pino";
import { fallbackFlow } from "../flows/fallback";
import { helpFlow } from "../flows/help";
import { languageFlow } from "../flows/language";
import { createMenuFlow } from "../flows/menu";
import type { Config } from "./config";
import { type Core, createCore } from "./core";
import { faqFeature } from "./faq/feature";
import type { Feature } from "./feature";
import type { Flow } from "./flow";
import { BASE_COMMANDS, type GlobalCommand } from "./global-commands";
import { createI18n } from "./i18n";
import { loadLexicon } from "./nlp/lexicon";
import { offerFeature } from "./offer/feature";
import { CONTENT_DIR } from "./paths";
import { registryFeature } from "./registry/feature";
import { safetyFeature } from "./safety/feature";
import type { Services } from "./services";
import type { Store } from "./store/types";

/** Every feature, in order. Add a feature here (one import, one entry). */
const FEATURES: Feature[] = [safetyFeature, registryFeature, faqFeature, offerFeature];

export interface BotOptions {
  config: Config;
  store: Store;
  log: Logger;
  clock?: () => Date;
  /** Another content folder (tests). */
  contentDir?: string;
}

/** The assembled bot: the core plus what adapters and the CLI need. */
export interface Bot {
  core: Core;
  services: Services;
  i18n: ReturnType<typeof createI18n>;
}

/**
 * The one place where the bot is wired together: content is loaded and validated
 * (a bad file stops start-up with its name), services built, flows and commands listed.
 */
export function createBot(options: BotOptions): Bot {
  const contentDir = options.contentDir ?? CONTENT_DIR;
  const i18n = createI18n(join(contentDir, "locales"));
  const services = {
    store: options.store,
    config: options.config,
    log: options.log,
    clock: options.clock ?? (() => new Date()),
    lexicon: loadLexicon(join(contentDir, "lexicon", "informal-id.yaml")),
    senders: new Map(),
    isOfficer: (channel, chatId) =>
      (channel === "telegram" && options.config.OFFICER_TELEGRAM_IDS.includes(chatId)) ||
      (channel === "whatsapp" && options.config.OFFICER_WHATSAPP_IDS.includes(chatId)),
  } as Services;

  const flows: Flow[] = [helpFlow, languageFlow, fallbackFlow];
  const commands: GlobalCommand[] = [...BASE_COMMANDS];
  let detectDanger: ((text: string) => boolean) | undefined;
  for (const feature of FEATURES) feature.setup?.(services, contentDir);
  for (const feature of FEATURES) {
    flows.push(...(feature.flows?.(services) ?? []));
    commands.push(...(feature.commands ?? []));
    detectDanger = feature.detectDanger?.(services) ?? detectDanger;
  }
  const ids = new Set(flows.map((f) => f.id));
  flows.push(createMenuFlow((id) => ids.has(id)));

  const core = createCore({ services, i18n, flows, commands, detectDanger });
  return { core, services, i18n };
}
