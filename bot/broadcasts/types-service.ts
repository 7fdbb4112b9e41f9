import type { OfficerAccounts } from "../officers/accounts";
import type { BroadcastService } from "./broadcast-service";

declare module "../services" {
  interface Services {
    /** Broadcasts to subscribers, through the outbox. */
    broadcasts: BroadcastService;
    /** Console accounts and API tokens of officers. */
    officers: OfficerAccounts;
  }
}

declare module "../effects" {
  interface EffectTypes {
    /** The person unsubscribed: their broadcast rows not yet claimed are not sent. */
    "broadcasts-forget": Record<never, never>;
    /** "DAFTAR" to a training announcement, once per person. */
    "broadcasts-register": { broadcast: string };
  }
}
