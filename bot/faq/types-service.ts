import type { Lang } from "../model";
import type { FaqService } from "./faq-service";

declare module "../services" {
  interface Services {
    /** FAQ content, search, votes and the unanswered-question log. */
    faq: FaqService;
  }
}

declare module "../effects" {
  interface EffectTypes {
    /** A helpful / not helpful vote for a topic (counts only). */
    "faq-vote": { topic: string; helpful: boolean };
    /** A question the FAQ could not answer (its text only, never who asked). */
    "faq-unanswered": { text: string; lang: Lang };
  }
}
