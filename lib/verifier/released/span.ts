import type { AnswerSpan, VerifyContext } from "@/lib/verifier/label-types/context";
import type { PartMatch, TargetVerdict } from "@/lib/verifier/verdict";

/** Why a rule that reads the question-answering span cannot run, when the span is missing. */
export function missingSpanReason(context: VerifyContext): string {
  return context.spanUnavailable ?? "no question-answering model is configured to find the answer's span (extract_from_question)";
}

/** A verdict computed on the span's text, with its offsets moved into the whole answer. */
export function shiftedIntoAnswer(verdict: TargetVerdict, span: AnswerSpan): TargetVerdict {
  if (span.start === 0) return verdict;
  const matches = verdict.matches.map((match): PartMatch => {
    if (match.matched) return { ...match, start: match.start + span.start, end: match.end + span.start };
    if (match.closest === undefined) return match;
    return { ...match, closest: { ...match.closest, start: match.closest.start + span.start, end: match.closest.end + span.start } };
  });
  return { ...verdict, matches };
}

/** How the span reads in a verdict's details: `"the book" (QA score 0.93)`. */
export function describeSpan(span: AnswerSpan): string {
  const text = span.text.text;
  const shown = text.length > 80 ? `${text.slice(0, 77)}...` : text;
  return `${JSON.stringify(shown)} (${span.model}, score ${Math.round(span.score * 100) / 100})`;
}
