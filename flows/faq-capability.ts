import { createFaqService } from "../bot/faq/faq-service";
import { faqValidator } from "../bot/faq/faq-validator";
import type { Feature } from "../bot/feature";
import "../bot/faq/types-service";
import { faqFlow } from "./faq";

/** "Tanya prosedur resmi": FAQ content (content/faq), search, and the `faq` flow. */
export const faqCapability: Feature = {
  id: "faq",
  setup(services, contentDir) {
    services.faq = createFaqService({
      contentDir,
      lexicon: services.lexicon,
      repos: services.repos,
      clock: services.clock,
    });
  },
  flows: () => [faqFlow],
  effects: {
    "faq-vote": async (e, services) => void (await services.faq.vote(e.topic, e.helpful)),
    "faq-unanswered": (e, services) => services.faq.logUnanswered(e.text, e.lang),
  },
  menu: [{ id: "faq", order: 10 }],
  cli: {
    ask: () => import("../bot/cli/ask"),
    unanswered: () => import("../bot/cli/unanswered"),
  },
  validators: [faqValidator],
};
