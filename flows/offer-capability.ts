import type { Feature } from "../bot/feature";
import { createOfferService } from "../bot/offer/offer-service";
import "../bot/offer/types-service";
import { createOfferFlow } from "./offer";
import { createQuestionnaireFlow } from "./offer-questionnaire";

/** "Cek tawaran kerja": the offer service, the `offer` flow and the `offer-questionnaire` flow. */
export const offerCapability: Feature = {
  id: "offer",
  setup(services, contentDir) {
    services.offer = createOfferService(contentDir, services.lexicon);
  },
  flows: () => [createOfferFlow(), createQuestionnaireFlow()],
  menu: [{ id: "offer", order: 20 }],
  roles: { offer: "offer" },
  cli: { "check-offer": () => import("../bot/cli/check-offer") },
  personalData: ["offer-questionnaire"],
};
