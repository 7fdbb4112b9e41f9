import type { Flow } from "./flow";
import type { GlobalCommand } from "./global-commands";
import type { Services } from "./services";

/**
 * A feature plugs into the bot in one place (bot/wiring.ts). It may add a service
 * (declared on `Services` by declaration merging), flows, global commands, and the
 * danger detector for router step 1.
 */
export interface Feature {
  id: string;
  /** Loads and validates its content (throw ContentError naming the file) and adds its service. */
  setup?(services: Services, contentDir: string): void;
  flows?(services: Services): Flow[];
  commands?: GlobalCommand[];
  /** Router step 1: true when text signals danger; the `emergency` flow then answers. */
  detectDanger?(services: Services): (text: string) => boolean;
}
