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
