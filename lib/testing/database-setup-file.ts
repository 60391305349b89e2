import { afterAll, inject } from "vitest";
import { killSpawnedScripts } from "./processes";

// Every integration test file talks to the throwaway database made by the global setup.
process.env.DATABASE_URL = inject("databaseUrl");
// Sessions signed in tests need a key; a fixed one keeps test runs from writing into .data.
process.env.BETTER_AUTH_SECRET ??= "test-only-secret-for-session-cookies-0123456789";

// No process a test file started outlives the file, even when one of its tests failed.
afterAll(killSpawnedScripts);
