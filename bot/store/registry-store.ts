import { readRegistryFile, registryPath, registryStamp, writeRegistryFile } from "../registry/registry-file";
import type { RegistryData } from "../registry/types";
import type { RegistryRepository } from "./repositories";

/**
 * The registry as `DATA_DIR/registry.json`, outside the lowdb store: `import-registry`
 * replaces it atomically while the bot runs, and the bot notices the new version.
 */
export function createFileRegistry(dataDir: string): RegistryRepository {
  const file = registryPath(dataDir);
  return {
    async current() {
      return registryStamp(file) === undefined ? undefined : readRegistryFile(file);
    },
    async version() {
      return registryStamp(file);
    },
    async replace(data) {
      await writeRegistryFile(dataDir, data);
    },
  };
}

/** The registry in memory (tests). */
export function createMemoryRegistry(): RegistryRepository {
  let data: RegistryData | undefined;
  let version = 0;
  return {
    async current() {
      return data;
    },
    async version() {
      return data ? String(version) : undefined;
    },
    async replace(next) {
      data = structuredClone(next);
      version++;
    },
  };
}
