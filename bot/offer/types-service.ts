import type { OfferService } from "./offer-service";

declare module "../services" {
  interface Services {
    /** Red-flag screening of job offers and the guided questionnaire (content/redflags, content/questionnaire). */
    offer: OfferService;
  }
}
