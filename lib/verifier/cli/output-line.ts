import type { PartMatch, Verdict } from "@/lib/verifier/verdict";

/** One part in CLI output; start/end/text are null when the part was not found. */
interface OutputMatch {
  readonly part: string;
  readonly group?: string;
  readonly start: number | null;
  readonly end: number | null;
  readonly text: string | null;
  /** Similarity of the match, or of the closest miss; null when nothing came close. */
  readonly similarity: number | null;
  readonly reason?: string;
}

export interface OutputVerdict {
  readonly id: string | number;
  readonly passed: boolean;
  readonly score: number;
  readonly threshold: number;
  readonly method: string;
  readonly matches: readonly OutputMatch[];
}

export interface OutputError {
  readonly id?: string | number;
  readonly line: number;
  readonly error: string;
}

export function toOutputVerdict(id: string | number, verdict: Verdict): OutputVerdict {
  return {
    id,
    passed: verdict.passed,
    score: verdict.score,
    threshold: verdict.threshold,
    method: verdict.method,
    matches: verdict.matches.map(toOutputMatch),
  };
}

function toOutputMatch(match: PartMatch): OutputMatch {
  const group = match.group === undefined ? {} : { group: match.group };
  if (match.matched) {
    return { part: match.part, ...group, start: match.start, end: match.end, text: match.text, similarity: match.similarity };
  }
  return {
    part: match.part,
    ...group,
    start: null,
    end: null,
    text: null,
    similarity: match.closest?.similarity ?? null,
    reason: match.reason,
  };
}
