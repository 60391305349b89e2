/** Statements that two things are, or are not, the same. */
export interface PolarityMention {
  readonly same: boolean;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const HEDGE = String.raw`(?:(?:exactly|quite|really|necessarily|entirely|completely|actually|at\s+all)\s+)?`;

/**
 * Alternatives in priority order at any one position. Idioms that merely contain "same" or
 * "different" are consumed as neutral so they decide nothing.
 */
const POLARITY = new RegExp(
  [
    String.raw`(?<neutral>\b(?:at\s+the\s+same\s+time|in\s+the\s+same\s+way|` +
      String.raw`from\s+(?:a\s+)?different\s+(?:angles?|perspectives?|views?|viewpoints?))\b)`,
    String.raw`(?<notDifferent>\b(?:not|never|no)\s+${HEDGE}(?:different|distinct)\b)`,
    String.raw`(?<notSame>\b(?:not|never|no\s+longer|\w+n['’]t)\s+${HEDGE}(?:the\s+)?(?:same|identical)\b)`,
    String.raw`(?<different>\b(?:different|differs?|distinct|dissimilar)\b)`,
    String.raw`(?<same>\b(?:one\s+and\s+the\s+same|the\s+same|identical)\b)`,
    String.raw`(?<leadingYes>^\s*yes\b)`,
    String.raw`(?<leadingNo>^\s*no\b)`,
  ].join("|"),
  "gi",
);

/** Every polarity statement, in order: "the same" / "not the same" / "different" / a leading yes or no. */
export function findPolarityMentions(text: string): PolarityMention[] {
  const mentions: PolarityMention[] = [];
  for (const match of text.matchAll(POLARITY)) {
    const groups = match.groups ?? {};
    if (groups.neutral !== undefined) continue;
    const same = groups.notDifferent !== undefined || groups.same !== undefined || groups.leadingYes !== undefined;
    const lead = match[0].length - match[0].trimStart().length;
    const start = match.index + lead;
    const end = match.index + match[0].length;
    mentions.push({ same, start, end, text: text.slice(start, end) });
  }
  return mentions;
}
