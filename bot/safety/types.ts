import type { Country } from "./abroad";
import type { DangerDetector } from "./danger";
import type { Hotline } from "./hotlines";
import type { Where } from "./where";

/** Emergency content: the contacts, the countries abroad, where a person is, and the danger detector. */
export interface SafetyService {
  hotlines: Hotline[];
  /** Countries with their own sourced emergency numbers (content/safety/hotlines-abroad.yaml). */
  countries: Country[];
  /** Where a message says the person is ("di malaysia", "in Dubai"), if it says. */
  where(text: string): Where | undefined;
  danger: DangerDetector;
}

declare module "../services" {
  interface Services {
    safety: SafetyService;
  }
}
