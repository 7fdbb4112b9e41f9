import type { RegistryService } from "./registry-service";

declare module "../services" {
  interface Services {
    /** The licensed-company (P3MI) registry: DATA_DIR/registry.json, or the shipped sample. */
    registry: RegistryService;
  }
}
