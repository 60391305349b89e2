/**
 * FINA dive numbers ("107B", "5253B", "626C", "207c"):
 * - first digit: group — 1 forward, 2 back, 3 reverse, 4 inward, 5 twisting, 6 armstand;
 * - groups 1–4: second digit 1 = flying (0 otherwise), third = half-somersaults;
 * - group 5: second digit = direction (1–4 as the groups above), third = half-somersaults, fourth =
 *   half-twists;
 * - group 6: second digit = armstand direction (1 forward, 2 back, 3 reverse), third = half-somersaults,
 *   fourth (if present) = half-twists;
 * - letter: A straight, B pike, C tuck, D free (either case).
 */

type DiveGroupName = "forward" | "back" | "reverse" | "inward" | "twisting" | "armstand";
type DiveDirection = "forward" | "back" | "reverse" | "inward";
type DivePosition = "straight" | "pike" | "tuck" | "free";

export interface DecodedDive {
  /** Normalised: digits and an upper-case letter ("207C"). */
  code: string;
  group: 1 | 2 | 3 | 4 | 5 | 6;
  groupName: DiveGroupName;
  /** Direction of rotation (for twisters and armstands, the second digit). */
  direction: DiveDirection;
  armstand: boolean;
  flying: boolean;
  halfSomersaults: number;
  somersaults: number;
  halfTwists: number;
  twists: number;
  positionLetter: "A" | "B" | "C" | "D";
  position: DivePosition;
  /** "forward 3½ somersaults pike", "back 2½ somersaults 1½ twists pike", "armstand back 3 somersaults tuck". */
  text: string;
}

export class InvalidDiveNumberError extends Error {
  constructor(
    readonly diveNumber: string,
    readonly reason: string,
  ) {
    super(`invalid dive number "${diveNumber}": ${reason}`);
    this.name = "InvalidDiveNumberError";
  }
}

export type DiveDecoding = { ok: true; dive: DecodedDive } | { ok: false; error: InvalidDiveNumberError };

const GROUP_NAMES: Readonly<Record<number, DiveGroupName>> = {
  1: "forward",
  2: "back",
  3: "reverse",
  4: "inward",
  5: "twisting",
  6: "armstand",
};
const DIRECTIONS: Readonly<Record<number, DiveDirection>> = { 1: "forward", 2: "back", 3: "reverse", 4: "inward" };
const POSITIONS: Readonly<Record<string, DivePosition>> = { A: "straight", B: "pike", C: "tuck", D: "free" };

/** Decodes a dive number; throws InvalidDiveNumberError naming the problem. */
export function decodeDiveNumber(diveNumber: string): DecodedDive {
  const decoding = tryDecodeDiveNumber(diveNumber);
  if (!decoding.ok) throw decoding.error;
  return decoding.dive;
}

export function tryDecodeDiveNumber(diveNumber: string): DiveDecoding {
  const fail = (reason: string): DiveDecoding => ({ ok: false, error: new InvalidDiveNumberError(diveNumber, reason) });
  const code = diveNumber.trim().toUpperCase();
  const match = /^(\d{3,4})([A-Z])$/.exec(code);
  if (!match?.[1] || !match[2]) return fail("expected 3 or 4 digits followed by a position letter (A–D)");
  const digits = [...match[1]].map(Number);
  const letter = match[2];
  const position = POSITIONS[letter];
  if (!position) return fail(`position letter "${letter}" is not A (straight), B (pike), C (tuck) or D (free)`);
  const [group = 0, second = 0, third = 0, fourth] = digits;
  const groupName = GROUP_NAMES[group];
  if (!groupName) return fail(`group digit ${group} is not 1–6`);
  if (third === 0) return fail("the third digit (half-somersaults) must be 1–9");

  let direction: DiveDirection | undefined;
  let flying = false;
  let halfTwists = 0;
  if (group <= 4) {
    if (fourth !== undefined) return fail(`a ${groupName} dive has 3 digits, not 4`);
    if (second !== 0 && second !== 1) return fail("the second digit must be 0, or 1 for a flying dive");
    direction = DIRECTIONS[group];
    flying = second === 1;
  } else if (group === 5) {
    if (fourth === undefined) return fail("a twisting dive has 4 digits (the fourth counts half-twists)");
    direction = DIRECTIONS[second];
    if (!direction) return fail(`the direction digit ${second} of a twisting dive is not 1–4`);
    if (fourth === 0) return fail("a twisting dive needs at least one half-twist (fourth digit 1–9)");
    halfTwists = fourth;
  } else {
    direction = second >= 1 && second <= 3 ? DIRECTIONS[second] : undefined;
    if (!direction) return fail(`the armstand direction digit ${second} is not 1 (forward), 2 (back) or 3 (reverse)`);
    if (fourth === 0) return fail("an armstand dive's fourth digit (half-twists) must be 1–9 when present");
    halfTwists = fourth ?? 0;
  }

  if (!direction) return fail(`no direction for group ${group}`);
  const dive: DecodedDive = {
    code,
    group: group as DecodedDive["group"],
    groupName,
    direction,
    armstand: group === 6,
    flying,
    halfSomersaults: third,
    somersaults: third / 2,
    halfTwists,
    twists: halfTwists / 2,
    positionLetter: letter as DecodedDive["positionLetter"],
    position,
    text: "",
  };
  return { ok: true, dive: { ...dive, text: describeDive(dive) } };
}

/** "3½", "1", "½". */
function halves(count: number): string {
  const whole = Math.floor(count / 2);
  const half = count % 2 === 1 ? "½" : "";
  return whole === 0 ? half : `${whole}${half}`;
}

function describeDive(dive: DecodedDive): string {
  const parts: string[] = [];
  if (dive.armstand) parts.push("armstand");
  if (dive.flying) parts.push("flying");
  parts.push(dive.direction);
  if (dive.halfSomersaults === 1 && !dive.armstand) parts.push("dive");
  else parts.push(`${halves(dive.halfSomersaults)} ${dive.halfSomersaults <= 2 ? "somersault" : "somersaults"}`);
  if (dive.halfTwists > 0) parts.push(`${halves(dive.halfTwists)} ${dive.halfTwists <= 2 ? "twist" : "twists"}`);
  parts.push(dive.position);
  return parts.join(" ");
}
