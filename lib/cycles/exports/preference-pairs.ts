import type { PreferenceCandidate } from "../db/export-repository";

/**
 * Preference pairs for DPO: for each question, one answer people (or, failing them, the verifier)
 * found correct, against one they found hallucinated (or the verifier failed).
 *
 * Who decides about an answer, strongest first:
 * - "adjudication": the adjudicator's verdict, which overrides the raters' audits;
 * - "audit": the raters' submitted audits: any HALLUCINATED makes it hallucinated, all CORRECT make
 *   it correct, anything else (PARTLY_CORRECT, UNSURE) leaves it out of the pairs;
 * - "verifier": only when no person judged it: a pass counts as correct, a fail as wrong.
 * An answer a person judged neither correct nor hallucinated is never used, not even through the verifier.
 *
 * Chosen: a human-correct answer before a verifier pass (adjudication before audit, then the higher
 * verifier score, then the first written). Rejected: a human-hallucinated answer before a verifier
 * fail (adjudication before audit, then the lower score, then the first written). A chosen answer is
 * never one judged hallucinated, so two hallucinated answers are never paired.
 *
 * At most one pair per question: every question weighs the same however many samples it had, and
 * its pair is the one with the strongest evidence available (so an audit always beats the verifier).
 */
export type PreferenceSource = "adjudication" | "audit" | "verifier";

export interface Judged {
  candidate: PreferenceCandidate;
  /** "correct": may be chosen; "wrong": may be rejected; null: not used. */
  side: "correct" | "wrong" | null;
  by: PreferenceSource | null;
}

export interface PreferencePair {
  questionId: number;
  chosen: Judged & { side: "correct"; by: PreferenceSource };
  rejected: Judged & { side: "wrong"; by: PreferenceSource };
  /** The strongest source either side was judged by. */
  source: PreferenceSource;
  /** Either answer was written by a simulated backend. */
  simulated: boolean;
}

const STRENGTH: Record<PreferenceSource, number> = { adjudication: 0, audit: 1, verifier: 2 };

export function judge(candidate: PreferenceCandidate): Judged {
  if (candidate.adjudicated !== null) {
    const side = candidate.adjudicated === "CORRECT" ? "correct" : candidate.adjudicated === "HALLUCINATED" ? "wrong" : null;
    return { candidate, side, by: "adjudication" };
  }
  if (candidate.auditsJudged > 0) {
    if (candidate.auditsHallucinated > 0) return { candidate, side: "wrong", by: "audit" };
    if (candidate.auditsCorrect === candidate.auditsJudged) return { candidate, side: "correct", by: "audit" };
    return { candidate, side: null, by: "audit" };
  }
  if (candidate.passed === null) return { candidate, side: null, by: null };
  return { candidate, side: candidate.passed ? "correct" : "wrong", by: "verifier" };
}

/** The pair for one question's answers (all of the same question), or null when there is none. */
export function pairForQuestion(candidates: readonly PreferenceCandidate[]): PreferencePair | null {
  const judged = candidates.map(judge);
  const chosen = judged
    .filter((j): j is PreferencePair["chosen"] => j.side === "correct" && j.by !== null)
    .sort((a, b) => STRENGTH[a.by] - STRENGTH[b.by] || (b.candidate.score ?? -1) - (a.candidate.score ?? -1) || byId(a, b))[0];
  if (chosen === undefined) return null;
  const rejected = judged
    .filter((j): j is PreferencePair["rejected"] => j.side === "wrong" && j.by !== null)
    .sort((a, b) => STRENGTH[a.by] - STRENGTH[b.by] || (a.candidate.score ?? 2) - (b.candidate.score ?? 2) || byId(a, b))
    // The same words judged both ways teach nothing.
    .find((j) => j.candidate.text.trim() !== chosen.candidate.text.trim());
  if (rejected === undefined) return null;
  return {
    questionId: chosen.candidate.questionId,
    chosen,
    rejected,
    source: STRENGTH[chosen.by] <= STRENGTH[rejected.by] ? chosen.by : rejected.by,
    simulated: chosen.candidate.simulated || rejected.candidate.simulated,
  };
}

const byId = (a: Judged, b: Judged) => a.candidate.generationId - b.candidate.generationId;

/** Pairs for a page of candidates ordered by question (as preferenceCandidatesPage returns them). */
export function pairsOf(candidates: readonly PreferenceCandidate[]): PreferencePair[] {
  const pairs: PreferencePair[] = [];
  let start = 0;
  for (let i = 1; i <= candidates.length; i++) {
    if (i === candidates.length || candidates[i]?.questionId !== candidates[start]?.questionId) {
      const pair = pairForQuestion(candidates.slice(start, i));
      if (pair) pairs.push(pair);
      start = i;
    }
  }
  return pairs;
}

/**
 * LLaMA-Factory's sharegpt preference record (data/README.md, "Preference Dataset"): the prompt
 * turns in `messages` (ending on the user's turn), `chosen` and `rejected` as one assistant message
 * each, the clip in `videos`. `source` and `simulated` are ours: LLaMA-Factory drops columns it was
 * not told about (align_dataset removes every original column).
 */
export function llamaFactoryPreferenceItem(pair: PreferencePair, context: { userTurn: string; videoPath: string }) {
  return {
    messages: [{ role: "user", content: `<video>\n${context.userTurn}` }],
    chosen: { role: "assistant", content: pair.chosen.candidate.text },
    rejected: { role: "assistant", content: pair.rejected.candidate.text },
    videos: [context.videoPath],
    source: pair.source,
    simulated: pair.simulated,
  };
}

/** The pair's provenance for the archive's manifest. */
export function manifestEntry(pair: PreferencePair, index: number) {
  const side = (j: Judged & { by: PreferenceSource }) => ({
    generationId: j.candidate.generationId,
    mode: j.candidate.mode.toLowerCase(),
    judgedBy: j.by,
    simulated: j.candidate.simulated,
  });
  return {
    index,
    questionId: pair.questionId,
    source: pair.source,
    simulated: pair.simulated,
    chosen: side(pair.chosen),
    rejected: side(pair.rejected),
  };
}

/**
 * dataset_info.json for the preference file: sharegpt with `"ranking": true` and the
 * messages/chosen/rejected/videos columns (as LLaMA-Factory's dpo_en_demo entry, with role/content tags).
 */
export function preferenceDatasetInfo(name: string, fileName: string): Record<string, unknown> {
  return {
    [name]: {
      file_name: fileName,
      formatting: "sharegpt",
      ranking: true,
      columns: { messages: "messages", chosen: "chosen", rejected: "rejected", videos: "videos" },
      tags: { role_tag: "role", content_tag: "content", user_tag: "user", assistant_tag: "assistant", system_tag: "system" },
    },
  };
}
