import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// `npm run test:integration`: suites against real outside systems this project installs for them
// (a one-node Slurm from Debian's packages). Not part of `npm test`: it needs root.
const root = fileURLToPath(new URL("../../", import.meta.url));

// The product's files (database, exports, adapters) go where the cluster's jobs, which run as an
// unprivileged user, can reach them: not inside the checkout, which may sit in root's home.
process.env.VSTAR_DATA_DIR ??= "/tmp/vstar-integration/data";

export default defineConfig({
  root,
  resolve: { alias: { "@": root } },
  test: {
    name: "integration",
    include: ["e2e/integration/**/*.integration.test.ts"],
    environment: "node",
    globalSetup: ["./e2e/integration/slurm-global-setup.ts", "./lib/testing/database-global-setup.ts"],
    setupFiles: ["./lib/testing/database-setup-file.ts"],
    // One cluster and one throwaway database for the run: test files take turns.
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
