import type { FaqService } from "./faq-service";

declare module "../services" {
  interface Services {
    /** FAQ content, search, votes and the unanswered-question log. */
    faq: FaqService;
  }
}
