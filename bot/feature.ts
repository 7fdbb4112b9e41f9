import type { CliCommand } from "./cli/cli-command";
import type { ContentValidator } from "./content-validator";
import type { EffectHandlers } from "./effects";
import type { Flow } from "./flow";
import type { GlobalCommand } from "./global-commands";
import type { Services } from "./services";

/** A main-menu entry: the choice `menu:<id>` starts the flow `<id>` (or says "coming soon"). */
export interface MenuEntry {
  id: string;
  /** Position in the menu, ascending (the shipped entries use 10, 20, … 70). */
  order: number;
}

/** Flows the router gives a special part to (by id). The core names no flow itself. */
export interface RouterRoles {
  /** Router step 1: answers text that signals danger. */
  danger?: string;
  /** Checks a pasted offer, also one that only quotes danger words (bot/routing/route.ts). */
  offer?: string;
  /** Answers a shared location when no active flow takes it. */
  location?: string;
  /** The last step: answers what nobody else understood. */
  fallback?: string;
}

/**
 * A capability (FAQ, offer check, registry, safety, places…) brings everything it adds to the
 * bot in this one object, and nothing else lists it again. The list of capabilities is made by
 * the entry points (`flows/capabilities.ts`); `bot/` never imports `flows/`.
 */
export interface Feature {
  id: string;
  /** Loads and validates its content (throw ContentError naming the file) and adds its service. */
  setup?(services: Services, contentDir: string): void;
  /** Async start-up checks after `setup` (e.g. reading imported data); a rejection stops start-up. */
  ready?(services: Services): Promise<void>;
  flows?(services: Services): Flow[];
  /** How the effects this capability's flows return are committed (bot/effects.ts). */
  effects?: EffectHandlers;
  /** Whole-message commands in every language. */
  commands?: GlobalCommand[];
  /** Its entries in the main menu (labels: `common:menu.<id>` in content/locales). */
  menu?: MenuEntry[];
  /** Router roles this capability's flows play. */
  roles?: RouterRoles;
  /** Router step 1: true when text signals danger; the `danger` role's flow then answers. */
  detectDanger?(services: Services): (text: string) => boolean;
  /** Its CLI commands (`npm run -s cli -- <name>`), loaded on demand. */
  cli?: Record<string, () => Promise<{ command: CliCommand }>>;
  /** Checks of its content for `npm run content:check`. */
  validators?: ContentValidator[];
  /** Collections holding documents about one person: shown by `datasaya`, erased by `hapusdata`. */
  personalData?: string[];
  /** Command words channels advertise in their own menus (Telegram's "/" list), e.g. "datasaya". */
  channelCommands?: string[];
}

/** Alias: the issue and the README speak of capabilities. */
export type Capability = Feature;
