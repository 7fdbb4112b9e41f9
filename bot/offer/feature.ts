import { createOfferFlow } from "../../flows/offer";
import { createQuestionnaireFlow } from "../../flows/offer-questionnaire";
import type { Feature } from "../feature";
import { createOfferService, type OfferService } from "./offer-service";

declare module "../services" {
  interface Services {
    /** Red-flag screening of job offers and the guided questionnaire (content/redflags, content/questionnaire). */
    offer: OfferService;
  }
}

/** "Cek tawaran kerja": the offer service, the `offer` flow and the `offer-questionnaire` flow. */
export const offerFeature: Feature = {
  id: "offer",
  setup(services, contentDir) {
    services.offer = createOfferService(contentDir, services.lexicon);
  },
  flows: () => [createOfferFlow(), createQuestionnaireFlow()],
};
