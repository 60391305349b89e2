/** Version of the parser-verifier's behaviour. Bump it whenever a verdict for the same input could change. */
export const VERIFIER_VERSION = "2.1.0";
