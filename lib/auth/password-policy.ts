import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";
import { APIError } from "better-auth/api";
import { MIN_PASSWORD_LENGTH } from "./auth-constants";

/**
 * zxcvbn's score, 0–4: 3 is "safely unguessable" (about 10^8 guesses and more), the usual minimum for
 * an account that guards other people's work. It rejects common passwords ("password123",
 * "qwertyuiop"), repeats ("aaaaaaaaaa", ten spaces), sequences ("1234567890") and words of the
 * person's own email or name.
 */
const MIN_SCORE = 3;
/** Longer passwords are checked on this much only: zxcvbn's time grows with the length. */
const CHECKED_LENGTH = 100;

let estimator: ZxcvbnFactory | undefined;

function strength() {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  return estimator;
}

/**
 * What is wrong with a new password, as a sentence to show the person choosing it; null when it is
 * good enough. `personal`: the email, name and the like, which the password should not be built from.
 */
export function passwordProblem(password: string, personal: readonly string[] = []): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `The password must have at least ${MIN_PASSWORD_LENGTH} characters.`;
  // The whole value, an email's name part, and each word of either.
  const inputs = personal
    .flatMap((value) => [value, value.split("@")[0] ?? "", ...value.split(/[^\p{L}\p{N}]+/u)])
    .filter((value) => value.length >= 3);
  const result = strength().check(password.slice(0, CHECKED_LENGTH), inputs);
  if (result.score >= MIN_SCORE) return null;
  const why = [result.feedback.warning, ...result.feedback.suggestions].filter((text): text is string => !!text);
  return ["This password is too easy to guess.", ...why].join(" ").replace(/\s+/g, " ").trim();
}

/**
 * better-auth's own password endpoints (change, reset, set) get the same rule as new accounts;
 * `personal` finds the signed-in person's email and name when a new password is to be checked.
 */
export async function refuseWeakNewPassword(path: string, body: unknown, personal: () => Promise<string[]>): Promise<void> {
  if (!["/change-password", "/reset-password", "/set-password"].includes(path)) return;
  const password = typeof body === "object" && body !== null ? (body as { newPassword?: unknown }).newPassword : undefined;
  if (typeof password !== "string") return;
  const problem = passwordProblem(password, await personal());
  if (problem) throw new APIError("BAD_REQUEST", { code: "PASSWORD_TOO_WEAK", message: problem });
}
