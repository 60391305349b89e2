/** What a PI decides about an explanation. */
export const SIGN_OFF_DECISIONS = ["ACCEPTED", "REJECTED"] as const;
export type SignOffDecision = (typeof SIGN_OFF_DECISIONS)[number];
