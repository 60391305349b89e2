import type { SameLabel } from "@/lib/verifier/label-schemas";
import type { VerifyContext } from "@/lib/verifier/label-types/context";
import type { SpacyToken } from "@/lib/verifier/spacy/tokenizer";
import { candidatePart, missingTarget, type TargetVerdict } from "@/lib/verifier/verdict";

const SAME_OR_NOT_METHOD = "same:released-same-or-not";

/** Tokens whose lemma is "be" (the Matcher's {"LEMMA": "be"}). */
const FORMS_OF_BE = new Set(["be", "am", "is", "are", "was", "were", "been", "being", "'m", "'re", "’m", "’re"]);
/** "'s" is "is" after these (it's, that's); spaCy's tagger decides elsewhere, where it is mostly a possessive. */
const BEFORE_IS = new Set(["it", "that", "this", "there", "here", "what", "who", "where", "he", "she"]);

interface Statement {
  readonly same: boolean;
  readonly start: number;
  readonly end: number;
}

/**
 * videostar/verifier.py `same_or_not`: spaCy Matcher patterns [be, "the", "same"] and
 * [be, "not", "the", "same"] on the answer's tokens; the last match decides, and no match fails.
 * "different", "yes" or "they look the same" say nothing to it.
 */
export function verifySameOrNot(label: SameLabel, context: VerifyContext): TargetVerdict {
  const basis = { labelType: "same", threshold: 1, comparison: ">=", method: SAME_OR_NOT_METHOD } as const;
  const part = label.same ? "the same" : "not the same";
  const decisive = sameStatements(context.answer.spacyTokens).at(-1);
  if (decisive === undefined) {
    return missingTarget(basis, part, context.target, 'the answer never says "<be> the same" or "<be> not the same"');
  }
  const passed = decisive.same === label.same;
  const span = { start: decisive.start, end: decisive.end, text: context.answer.text.slice(decisive.start, decisive.end) };
  const says = decisive.same ? "the same" : "not the same";
  return {
    ...basis,
    passed,
    score: passed ? 1 : 0,
    matches: [
      candidatePart({
        passed,
        part,
        target: context.target,
        span,
        similarity: passed ? 1 : 0,
        detail: `last match says ${says}`,
        reason: `last match "${span.text}" says ${says}`,
      }),
    ],
  };
}

function sameStatements(tokens: readonly SpacyToken[]): Statement[] {
  const statements: Statement[] = [];
  const lower = (i: number) => tokens[i]?.text.toLowerCase();
  for (let i = 0; i < tokens.length; i++) {
    if (!isBe(tokens, i)) continue;
    const start = (tokens[i] as SpacyToken).start;
    if (lower(i + 1) === "the" && lower(i + 2) === "same") {
      statements.push({ same: true, start, end: (tokens[i + 2] as SpacyToken).end });
    } else if (lower(i + 1) === "not" && lower(i + 2) === "the" && lower(i + 3) === "same") {
      statements.push({ same: false, start, end: (tokens[i + 3] as SpacyToken).end });
    }
  }
  return statements;
}

function isBe(tokens: readonly SpacyToken[], i: number): boolean {
  const text = (tokens[i] as SpacyToken).text.toLowerCase();
  if (FORMS_OF_BE.has(text)) return true;
  if (text !== "'s" && text !== "’s") return false;
  const previous = tokens[i - 1]?.text.toLowerCase();
  return previous !== undefined && BEFORE_IS.has(previous);
}
