import { join } from "node:path";
import type { Logger } from "pino";
import type { Config } from "./config";
import { type Core, createCore } from "./core";
import type { EffectHandlers } from "./effects";
import type { Feature, MenuEntry, RouterRoles } from "./feature";
import type { Flow } from "./flow";
import { BASE_COMMANDS, type GlobalCommand } from "./global-commands";
import { createI18n } from "./i18n";
import type { PersonLock } from "./keyed-mutex";
import { type Channel, type Choice, type Lang, userKey } from "./model";
import { loadLexicon } from "./nlp/lexicon";
import { createDispatcher } from "./outbox/dispatcher";
import { leadingSenders } from "./outbox/leading-senders";
import { CONTENT_DIR } from "./paths";
import type { Sender } from "./sender";
import type { Services } from "./services";
import type { Repositories } from "./store/repositories";

export interface BotOptions {
  config: Config;
  /** The data store (bot/store/repositories.ts): lowdb files, memory, or PostgreSQL. */
  repos: Repositories;
  log: Logger;
  /** Every capability, in order (the entry points pass `CAPABILITIES` from flows/capabilities.ts). */
  capabilities: readonly Feature[];
  clock?: () => Date;
  /** One person at a time across processes (PostgreSQL's lock); default: a keyed mutex in this process. */
  personLock?: PersonLock;
  /** Whether this process sends a channel's outbox (the elected sender with several processes); default: every channel. */
  sends?: (channel: Channel) => boolean;
  /** Another content folder (tests). */
  contentDir?: string;
}

/** The assembled bot: the core plus what adapters and the CLI need. */
export interface Bot {
  core: Core;
  services: Services;
  i18n: ReturnType<typeof createI18n>;
  /** The main-menu entries, in order. */
  menu: readonly string[];
  /** Command words channels may advertise in their own menus. */
  channelCommands: readonly string[];
  /** What adapters may ask about a person, by channel id (they never read the repositories). */
  people: BotPeople;
  /** Runs every capability's async start-up checks (`Feature.ready`); entry points await it. */
  ready(): Promise<void>;
}

/** The person questions channel adapters need for their own texts and state. */
export interface BotPeople {
  /** The person's saved language, if they chose one. */
  lang(channel: Channel, chatId: string): Promise<Lang | undefined>;
  /** True once the person has written to the bot. */
  known(channel: Channel, chatId: string): Promise<boolean>;
  /** The choices the bot offered last (to decode a button press), if any. */
  offered(channel: Channel, chatId: string): Promise<Choice[] | undefined>;
  /** Marks the person (in)active for broadcasts, e.g. when they block or unblock the bot. */
  setActive(channel: Channel, chatId: string, active: boolean): Promise<void>;
}

/** The person questions of `Bot`, on the people repository. */
function botPeople(repos: Repositories): BotPeople {
  return {
    lang: async (channel, chatId) => (await repos.people.get(userKey(channel, chatId)))?.lang,
    known: async (channel, chatId) => (await repos.people.get(userKey(channel, chatId))) !== undefined,
    async offered(channel, chatId) {
      const choices = (await repos.people.session(userKey(channel, chatId)))?.choices;
      return Array.isArray(choices) ? choices : undefined;
    },
    async setActive(channel, chatId, active) {
      const user = await repos.people.get(userKey(channel, chatId));
      if (!user || user.active === active) return;
      await repos.people.put({ ...user, active });
    },
  };
}

/**
 * The one place where the bot is put together from its capabilities: content is loaded and
 * validated (a bad file stops start-up with its name), services built, and every capability's
 * flows, commands, menu entries, router roles and personal data gathered.
 */
export function createBot(options: BotOptions): Bot {
  const contentDir = options.contentDir ?? CONTENT_DIR;
  const i18n = createI18n(join(contentDir, "locales"));
  const clock = options.clock ?? (() => new Date());
  const senders = new Map<Channel, Sender>();
  const outbox = options.repos.outbox;
  const dispatcher = createDispatcher({
    outbox,
    senders: options.sends ? leadingSenders(senders, options.sends) : senders,
    log: options.log,
    clock,
  });
  const services = {
    repos: options.repos,
    config: options.config,
    log: options.log,
    clock,
    lexicon: loadLexicon(join(contentDir, "lexicon", "informal-id.yaml")),
    senders,
    outbox,
    dispatcher,
    isOfficer: (channel, chatId) =>
      (channel === "telegram" && options.config.OFFICER_TELEGRAM_IDS.includes(chatId)) ||
      (channel === "whatsapp" && options.config.OFFICER_WHATSAPP_IDS.includes(chatId)),
  } as Services;

  const capabilities = options.capabilities;
  const flows: Flow[] = [];
  const commands: GlobalCommand[] = [...BASE_COMMANDS];
  const entries: MenuEntry[] = [];
  const roles: RouterRoles = {};
  const channelCommands: string[] = [];
  let detectDanger: ((text: string) => boolean) | undefined;
  const effects: EffectHandlers = {};
  for (const c of capabilities) c.setup?.(services, contentDir);
  for (const c of capabilities) {
    flows.push(...(c.flows?.(services) ?? []));
    commands.push(...(c.commands ?? []));
    entries.push(...(c.menu ?? []));
    Object.assign(roles, c.roles);
    channelCommands.push(...(c.channelCommands ?? []));
    for (const [type, handle] of Object.entries(c.effects ?? {})) {
      if (type in effects) throw new Error(`Two capabilities commit the effect "${type}".`);
      Object.assign(effects, { [type]: handle });
    }
    for (const name of c.personalData ?? []) services.privacy?.personalCollections.add(name);
    detectDanger = c.detectDanger?.(services) ?? detectDanger;
  }
  checkUnique(
    flows.map((f) => f.id),
    "flow",
  );
  checkUnique(
    commands.map((c) => c.id),
    "command",
  );
  checkUnique(
    entries.map((e) => e.id),
    "menu entry",
  );
  const menu = [...entries].sort((a, b) => a.order - b.order).map((e) => e.id);

  const core = createCore({
    services,
    i18n,
    flows,
    commands,
    detectDanger,
    menu,
    roles,
    effects,
    ...(options.personLock ? { personLock: options.personLock } : {}),
  });
  const ready = async () => {
    for (const c of capabilities) await c.ready?.(services);
  };
  return { core, services, i18n, menu, channelCommands, ready, people: botPeople(options.repos) };
}

/** Two capabilities claiming the same id is a programming error: stop start-up naming it. */
function checkUnique(ids: string[], what: string): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new Error(`Two capabilities register the ${what} "${id}".`);
    seen.add(id);
  }
}
