import { join } from "node:path";
import type { Feature } from "../bot/feature";
import { createRegistryService } from "../bot/registry/registry-service";
import "../bot/registry/types-service";
import { createRecruiterFlow } from "./recruiter";

/** The recruiter check: registry service plus the `recruiter` flow. */
export const registryCapability: Feature = {
  id: "registry",
  setup(services, contentDir) {
    services.registry = createRegistryService({
      repo: services.repos.registry,
      sampleFile: join(contentDir, "registry", "sample.csv"),
      log: services.log,
      clock: services.clock,
      lexicon: services.lexicon,
    });
  },
  // An unreadable imported registry stops start-up, naming the file.
  ready: (services) => services.registry.load(),
  flows: () => [createRecruiterFlow()],
  menu: [{ id: "recruiter", order: 30 }],
  cli: {
    "import-registry": () => import("../bot/cli/import-registry"),
    "verify-recruiter": () => import("../bot/cli/verify-recruiter"),
  },
};
