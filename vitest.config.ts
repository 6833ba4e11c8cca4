import { defineConfig } from "vitest/config";

// TZ is pinned so date parsing and formatting never depend on the machine.
process.env.TZ = "UTC";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    environment: "node",
    testTimeout: 20000,
    pool: "forks",
    setupFiles: ["tests/setup.ts"],
  },
});
