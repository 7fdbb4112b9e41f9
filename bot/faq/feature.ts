import { faqFlow } from "../../flows/faq";
import type { Feature } from "../feature";
import { createFaqService, type FaqService } from "./faq-service";

declare module "../services" {
  interface Services {
    /** FAQ content, search, votes and the unanswered-question log. */
    faq: FaqService;
  }
}

/** "Tanya prosedur resmi": FAQ content (content/faq), search, and the `faq` flow. */
export const faqFeature: Feature = {
  id: "faq",
  setup(services, contentDir) {
    services.faq = createFaqService({
      contentDir,
      lexicon: services.lexicon,
      store: services.store,
      clock: services.clock,
    });
  },
  flows: () => [faqFlow],
};
