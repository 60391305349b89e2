import { invalidField } from "@/lib/errors/domain-error";
import type { HallucinatedSpan, SpanInput } from "../schemas/audit-schemas";

/**
 * Turns client spans into stored ones: offsets checked against the answer, the text taken from
 * the answer itself, duplicates dropped, ordered by position.
 */
export function resolveSpans(answer: string, spans: readonly SpanInput[]): HallucinatedSpan[] {
  const seen = new Set<string>();
  const resolved: HallucinatedSpan[] = [];
  spans.forEach((span, index) => {
    if (span.end > answer.length) {
      throw invalidField(
        `hallucinatedSpans.${index}.end`,
        `hallucinatedSpans.${index}: end ${span.end} is past the end of the answer (${answer.length} characters)`,
      );
    }
    const key = `${span.start}:${span.end}`;
    if (seen.has(key)) return;
    seen.add(key);
    resolved.push({
      start: span.start,
      end: span.end,
      text: answer.slice(span.start, span.end),
      ...(span.videoStartSec != null ? { videoStartSec: span.videoStartSec } : {}),
      ...(span.videoEndSec != null ? { videoEndSec: span.videoEndSec } : {}),
    });
  });
  return resolved.sort((a, b) => a.start - b.start || a.end - b.end);
}
