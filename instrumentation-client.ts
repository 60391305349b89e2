// Runs in the browser before the app's own code (Next.js instrumentation-client).
import { config } from "zod";

// Zod compiles object parsers with `new Function` when it may; under the Content-Security-Policy
// (no 'unsafe-eval') its probe for that is reported as a violation. Parsing works the same without.
config({ jitless: true });
