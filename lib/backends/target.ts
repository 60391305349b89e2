/**
 * The shared label contract — what an answer must contain — is the verifier's: the backends carry
 * targets to the simulator in that shape.
 */
export { targetSchema } from "@/lib/verifier/label-schemas";
