import type { Feature } from "../bot/feature";
import { createPlacesService } from "../bot/places/places-service";
import { INTEREST_COLLECTION } from "../bot/places/programme-repository";
import "../bot/places/types-service";
import { createPlacesFlow } from "./places";

/**
 * "Kantor & pelatihan terdekat": regions, the office directory and training programmes. Its
 * flow has the menu entry's id (`offices`) and answers shared locations.
 */
export const placesCapability: Feature = {
  id: "places",
  setup(services, contentDir) {
    services.places = createPlacesService({
      contentDir,
      dataDir: services.config.DATA_DIR,
      programmes: services.repos.programmes,
    });
  },
  flows: () => [createPlacesFlow()],
  menu: [{ id: "offices", order: 40 }],
  roles: { location: "offices" },
  cli: {
    "find-office": () => import("../bot/cli/find-office"),
    "import-offices": () => import("../bot/cli/import-offices"),
    programme: () => import("../bot/cli/programme"),
  },
  personalData: [INTEREST_COLLECTION],
};
