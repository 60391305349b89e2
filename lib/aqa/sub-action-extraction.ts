import { COUNT_SOURCE, parseCount } from "./count-words";
import type { Span } from "./span";
import {
  canonicalSubActionName,
  findSubActionType,
  somersaultName,
  twistName,
  type SomersaultPosition,
  type SubActionKind,
} from "./sub-action-vocabulary";

export interface SubActionMention {
  /** Dataset spelling ("3.5 Soms.Tuck"). */
  name: string;
  kind: SubActionKind | "other";
  /** The words as written ("three and a half somersaults in the tuck position"). */
  text: string;
  span: Span;
}

export interface SubActionExtractionOptions {
  /** Further names to recognise verbatim, e.g. the real Sub_action_Types_Table.pkl names. */
  extraNames?: readonly string[];
}

interface Candidate extends SubActionMention {
  /** Take-off words ("back", "forward") are ordinary English; they count only in a diving context. */
  weak: boolean;
}

const POSITION_WORD = "(?:pike|piked|tuck|tucked|straight|free)";
// "3.5 Soms.Tuck", "3½ somersaults pike", "three and a half somersaults in the tuck position", and the
// position later in the clause: "2½ somersaults with 1½ twists in the pike position" (the span then
// covers only "2½ somersaults", the twist being its own mention).
const SOMERSAULT = new RegExp(
  String.raw`(?<![\w.])(?<count>${COUNT_SOURCE})\s*-?\s*(?:somersaults?|soms?\.?)` +
    String.raw`(?:(?<direct>\s*[.,]?\s*(?:in\s+(?:the\s+|a\s+)?)?${POSITION_WORD}\b(?:\s+position)?)` +
    String.raw`|(?=(?<later>(?:(?!soms?\b|somersault)[^.;\n]){0,40}?\b${POSITION_WORD}\b)))`,
  "gi",
);
const TWIST = new RegExp(String.raw`(?<![\w.])(?<count>${COUNT_SOURCE})\s*-?\s*twists?\b`, "gi");
const ARMSTAND = /\barm(?:stand)?(?:\.\s*|\s+|-)?(?<direction>forward|back|reverse)\b/gi;
const TAKEOFF_WORD = /\b(?<word>forward|backward|back|reverse|inward)\b/gi;
const ENTRY = /\bentry\b/gi;
const ENTRY_NAME = "Entry";

const DIVING_NOUN_AFTER = /^\s*-?\s*(?:somersaults?|soms?\.?|dive|dives|takeoff|take-off|take off|group|rotation)\b/i;
const SEPARATOR_ONLY = /^(?:\s|,|;|\/|\+|→|->|=>|⟶|➔|>|-|\band\b|\bthen\b|\bfollowed\s+by\b|\binto\b|\ba\b|\ban\b)*$/i;

const TAKEOFF_BY_WORD: Readonly<Record<string, string>> = {
  forward: "Forward",
  back: "Back",
  backward: "Back",
  reverse: "Reverse",
  inward: "Inward",
};

export function extractSubActions(text: string, options: SubActionExtractionOptions = {}): SubActionMention[] {
  const candidates = removeOverlaps([
    ...extraNameCandidates(text, options.extraNames ?? []),
    ...somersaultCandidates(text),
    ...twistCandidates(text),
    ...armstandCandidates(text),
    ...takeoffCandidates(text),
    ...entryCandidates(text),
  ]);
  const accepted = acceptInContext(text, candidates);
  return accepted.map(({ weak: _weak, ...mention }) => mention);
}

/**
 * The ordered sub-action list a text states: each name once, in order of first mention. Every
 * FineDiving sequence ends with the entry, and explanations often name it in passing before the
 * rotations ("the whole flight from takeoff to entry"), so a mentioned entry is placed last.
 */
export function subActionSequence(mentions: readonly SubActionMention[]): string[] {
  const names = [...new Set(mentions.map((m) => m.name))];
  const rest = names.filter((name) => name !== ENTRY_NAME);
  return rest.length < names.length ? [...rest, ENTRY_NAME] : rest;
}

function candidate(name: string, kind: Candidate["kind"], match: RegExpMatchArray, weak = false): Candidate {
  const start = match.index ?? 0;
  return { name, kind, text: match[0], span: { start, end: start + match[0].length }, weak };
}

function somersaultCandidates(text: string): Candidate[] {
  return [...text.matchAll(SOMERSAULT)].flatMap((match) => {
    const count = parseCount(match.groups?.count ?? "");
    const positionWords = (match.groups?.direct ?? match.groups?.later ?? "").match(new RegExp(POSITION_WORD, "gi"));
    const position = positionOf(positionWords?.at(-1) ?? "");
    if (count === null || position === null) return [];
    const name = somersaultName(count, position);
    return findSubActionType(name) ? [candidate(name, "somersault", match)] : [];
  });
}

function twistCandidates(text: string): Candidate[] {
  return [...text.matchAll(TWIST)].flatMap((match) => {
    const count = parseCount(match.groups?.count ?? "");
    if (count === null) return [];
    const name = twistName(count);
    return findSubActionType(name) ? [candidate(name, "twist", match)] : [];
  });
}

function armstandCandidates(text: string): Candidate[] {
  return [...text.matchAll(ARMSTAND)].map((match) => {
    const direction = TAKEOFF_BY_WORD[(match.groups?.direction ?? "").toLowerCase()] ?? "Forward";
    return candidate(`Arm.${direction}`, "takeoff", match);
  });
}

function takeoffCandidates(text: string): Candidate[] {
  return [...text.matchAll(TAKEOFF_WORD)].flatMap((match) => {
    const name = TAKEOFF_BY_WORD[(match.groups?.word ?? "").toLowerCase()];
    return name ? [candidate(name, "takeoff", match, true)] : [];
  });
}

function entryCandidates(text: string): Candidate[] {
  return [...text.matchAll(ENTRY)].map((match) => candidate(ENTRY_NAME, "entry", match));
}

function extraNameCandidates(text: string, names: readonly string[]): Candidate[] {
  return names.flatMap((raw) => {
    const name = canonicalSubActionName(raw);
    if (name === null) return [];
    const pattern = new RegExp(String.raw`(?<![\w.])${escapeRegExp(raw.trim())}(?![\w])`, "gi");
    const kind = findSubActionType(name)?.kind ?? "other";
    return [...text.matchAll(pattern)].map((match) => candidate(name, kind, match));
  });
}

function positionOf(word: string): SomersaultPosition | null {
  const lower = word.toLowerCase();
  if (lower.startsWith("pike")) return "Pike";
  if (lower.startsWith("tuck")) return "Tuck";
  if (lower === "straight") return "Straight";
  if (lower === "free") return "Free";
  return null;
}

/** Keep the earliest, then longest, of overlapping candidates; a strong one beats a weak one. */
function removeOverlaps(candidates: Candidate[]): Candidate[] {
  const ordered = [...candidates].sort(
    (a, b) => Number(a.weak) - Number(b.weak) || a.span.start - b.span.start || b.span.end - b.span.start - (a.span.end - a.span.start),
  );
  const kept: Candidate[] = [];
  for (const c of ordered) {
    if (!kept.some((k) => c.span.start < k.span.end && k.span.start < c.span.end)) kept.push(c);
  }
  return kept.sort((a, b) => a.span.start - b.span.start);
}

/**
 * A take-off word counts when it is followed by a diving noun ("inward somersault"), written as a label
 * ("Inward: 3.5"), capitalised inside a sentence ("begins with Inward"), or chained by separators only to another accepted sub-action ("Reverse→3.5
 * Soms.Tuck", "Inward, 3.5 Soms.Tuck, Entry", "forward 3½ somersaults pike").
 */
function acceptInContext(text: string, candidates: Candidate[]): Candidate[] {
  const accepted = candidates.map((c) => !c.weak || isDivingNounAfter(text, c) || isLabel(text, c) || isNameInSentence(text, c));
  let changed = true;
  while (changed) {
    changed = false;
    candidates.forEach((c, i) => {
      if (accepted[i]) return;
      const chainedTo = (j: number): boolean => {
        const other = candidates[j];
        if (!other || !accepted[j]) return false;
        const gap = j < i ? text.slice(other.span.end, c.span.start) : text.slice(c.span.end, other.span.start);
        return SEPARATOR_ONLY.test(gap);
      };
      if (chainedTo(i - 1) || chainedTo(i + 1)) {
        accepted[i] = true;
        changed = true;
      }
    });
  }
  return candidates.filter((_, i) => accepted[i]);
}

function isDivingNounAfter(text: string, c: Candidate): boolean {
  return DIVING_NOUN_AFTER.test(text.slice(c.span.end, c.span.end + 24));
}

function isLabel(text: string, c: Candidate): boolean {
  const capitalized = /^[A-Z]/.test(c.text);
  return capitalized && /^\s*:/.test(text.slice(c.span.end));
}

/** Capitalised inside a sentence, as the dataset spells it ("The dive begins with Inward."). */
function isNameInSentence(text: string, c: Candidate): boolean {
  const before = text.slice(0, c.span.start).trimEnd();
  return /^[A-Z]/.test(c.text) && before !== "" && !/[.!?:;\n]$/.test(before);
}

function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
