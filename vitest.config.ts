import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // A PostgreSQL server for the PostgreSQL tests (DATABASE_URL, or a throwaway cluster when installed).
    globalSetup: ["test/helpers/postgres-setup.ts"],
    testTimeout: 240_000,
    hookTimeout: 240_000,
    pool: "forks",
    maxWorkers: 2,
  },
});
