import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    pool: "forks",
    maxWorkers: 2,
    env: { NODE_ENV: "test" },
    projects: [
      // The web's pure helpers (formatting, unit tree, plan model, password rules) are unit-tested here too.
      { extends: true, test: { name: "unit", include: ["src/**/*.test.ts", "web/src/**/*.test.ts"] } },
      { extends: true, test: { name: "integration", include: ["tests/**/*.test.ts"], testTimeout: 30_000, hookTimeout: 60_000 } },
      { extends: true, test: { name: "e2e", include: ["e2e/**/*.e2e.ts"], testTimeout: 90_000, hookTimeout: 90_000, fileParallelism: false } },
    ],
  },
});
