import type { PlacesService } from "./places-service";

declare module "../services" {
  interface Services {
    /** Regions (idn-area-data), the office directory and training programmes. */
    places: PlacesService;
  }
}
