import type { DangerDetector } from "./danger";
import type { Hotline } from "./hotlines";

/** Emergency content: the contacts and the danger detector. */
export interface SafetyService {
  hotlines: Hotline[];
  danger: DangerDetector;
}

declare module "../services" {
  interface Services {
    safety: SafetyService;
  }
}
