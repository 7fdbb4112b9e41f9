import { join } from "node:path";
import { createRecruiterFlow } from "../../flows/recruiter";
import type { Feature } from "../feature";
import { createRegistryService, type RegistryService } from "./registry-service";

declare module "../services" {
  interface Services {
    /** The licensed-company (P3MI) registry: DATA_DIR/registry.json, or the shipped sample. */
    registry: RegistryService;
  }
}

/** The recruiter check: registry service plus the `recruiter` flow. */
export const registryFeature: Feature = {
  id: "registry",
  setup(services, contentDir) {
    services.registry = createRegistryService({
      dataDir: services.config.DATA_DIR,
      sampleFile: join(contentDir, "registry", "sample.csv"),
      log: services.log,
      clock: services.clock,
      lexicon: services.lexicon,
    });
  },
  flows: () => [createRecruiterFlow()],
};
