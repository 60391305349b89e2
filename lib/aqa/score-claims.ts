import { HEDGE_SOURCE, NUMBER_SOURCE, numberMention, numbersIn, type NumberMention } from "./numeric-literals";
import { overlaps, type Span } from "./span";

/** A number the text states for a quantity, with the phrase that states it. */
export interface NumericClaim extends NumberMention {
  /** The whole phrase ("degree of difficulty of 3.2"). */
  phrase: { text: string; span: Span };
  /** Softened by "about", "approximately", "≈" … */
  hedged: boolean;
  /** Within the range the quantity can take (difficulty 1.0–5.0; final score above 10 unless qualified). */
  plausible: boolean;
}

export interface JudgeScoresClaim {
  values: number[];
  items: NumberMention[];
  phrase: { text: string; span: Span };
  /** Every value is a judge mark: 0–10 in steps of 0.5. */
  plausible: boolean;
}

// Text between a keyword and its number: no sentence end, no colon (a colon starts a label list such
// as "difficulty of each action: Inward: 3.5"), at most 60 characters; the number then follows a
// connecting word ("is", "of", "at", …).
const GAP = String.raw`(?:(?![.!?…](?:\s|$)|[:\n])[^])`;
const CONNECTOR = String.raw`(?:is|was|of|at|be|equals?|=|:|rated(?:\s+at)?|comes\s+to|gives|yields|totals?|stands\s+at|would\s+be|will\s+be|as)`;
const NOT_A_COUNT = String.raw`(?!\s*(?:soms?\b|soms?\.|som\.|somersaults?|twists?|%|judges?))`;
const VALUE = String.raw`(?<hedge>${HEDGE_SOURCE}\s*)?(?<num>${NUMBER_SOURCE})${NOT_A_COUNT}`;

function keywordThenValue(keyword: string): RegExp {
  return new RegExp(String.raw`${keyword}(?:\s*\(\s*DD\s*\))?(?:\s*[:=]?\s*|${GAP}{0,60}?\s${CONNECTOR}[\s:]*)${VALUE}`, "gid");
}

const DIFFICULTY_KEYWORD = String.raw`(?:\bdegree\s+of\s+difficulty\b|\bdifficulty\b(?:\s+(?:score|level|rating|value|factor|coefficient|degree))?|\bDD\b)`;
const DIFFICULTY_AFTER = keywordThenValue(DIFFICULTY_KEYWORD);
const DIFFICULTY_BEFORE = new RegExp(String.raw`(?<num>${NUMBER_SOURCE})\s+(?:degree\s+of\s+difficulty|DD|difficulty)\b`, "gid");

const FINAL_QUALIFIER = String.raw`(?:final|total|overall|dive|predicted|resulting|estimated|my|the\s+diver['’]s)`;
const FINAL_QUALIFIED = keywordThenValue(String.raw`\b${FINAL_QUALIFIER}\s+score\b`);
const SCORE_BARE = keywordThenValue(String.raw`\bscore\b`);
const SCORED_POINTS = new RegExp(
  String.raw`\b(?:scored?|scoring|earn(?:s|ed)?|receiv(?:es|ed)|award(?:s|ed)?|gets?|got)\s+(?:a\s+(?:total\s+of\s+)?|an?\s+)?${VALUE}\s*(?:points?|pts)\b`,
  "gid",
);
const BARE_POINTS = new RegExp(String.raw`${VALUE}\s*(?:points?|pts)\b`, "gid");
const OUT_OF_100 = new RegExp(String.raw`${VALUE}\s*(?:\/|out\s+of)\s*100\b`, "gid");
const QUALIFIER_BEFORE = new RegExp(String.raw`${FINAL_QUALIFIER}\s*$`, "i");
/** Words before "score" that make it something other than the dive's final score. */
const NOT_FINAL_BEFORE_SCORE =
  /(?:difficulty|execution|judge|judges|judges['’]|average|mean|raw|component|individual|each|sub-action|action)\s*$/i;

const JUDGE_KEYWORD = String.raw`(?:\b(?:judges?['’]?s?['’]?|judging(?:\s+panel)?|panel|execution|awards?)\b|\b(?:3|5|7|three|five|seven)\s+(?:scores|marks)\b)`;
// At most 12 marks (panels have 3, 5 or 7): bounded so a degenerate repeated list costs linear time.
const LIST = String.raw`(?<list>[\[(]?\s*${NUMBER_SOURCE}(?:\s*(?:,\s*and|,|;|\/|\band\b)\s*${NUMBER_SOURCE}){1,11}\s*[\])]?)`;
const JUDGE_LIST = new RegExp(String.raw`${JUDGE_KEYWORD}(?:(?![.!?…](?:\s|$)|\n)[^\d]){0,50}?${LIST}`, "gi");

export function extractDifficultyClaims(text: string): NumericClaim[] {
  const claims = [...text.matchAll(DIFFICULTY_AFTER), ...text.matchAll(DIFFICULTY_BEFORE)].flatMap((m) =>
    claimFrom(m, (value) => value >= 1 && value <= 5),
  );
  return dedupe(claims);
}

export function extractJudgeScores(text: string): JudgeScoresClaim[] {
  return [...text.matchAll(JUDGE_LIST)].flatMap((match) => {
    const list = match.groups?.list;
    if (list === undefined || match.index === undefined) return [];
    const listStart = match.index + match[0].length - list.length;
    const items = numbersIn(text, listStart, listStart + list.length);
    const values = items.map((i) => i.value);
    const plausible = values.every((v) => v >= 0 && v <= 10 && Number.isInteger(v * 2));
    const span = { start: match.index, end: match.index + match[0].length };
    return [{ values, items, phrase: { text: match[0], span }, plausible }];
  });
}

/**
 * Final-score statements. A qualified one ("final score", "total score: …", "scored 81.6 points",
 * "63.0 out of 100") is taken as stated; a bare "score of N" or "N points" only above 10, so a judge's
 * "score of 8.5" is not read as the dive's score. Phrases inside a judges' list are skipped.
 */
export function extractFinalScoreClaims(text: string, judgeLists: readonly JudgeScoresClaim[] = []): NumericClaim[] {
  const qualified = [...text.matchAll(FINAL_QUALIFIED), ...text.matchAll(SCORED_POINTS), ...text.matchAll(OUT_OF_100)].flatMap((m) =>
    claimFrom(m, () => true),
  );
  const bare = [...text.matchAll(SCORE_BARE)]
    .filter((m) => !NOT_FINAL_BEFORE_SCORE.test(text.slice(Math.max(0, (m.index ?? 0) - 24), m.index)))
    .filter((m) => !QUALIFIER_BEFORE.test(text.slice(Math.max(0, (m.index ?? 0) - 24), m.index)))
    .concat([...text.matchAll(BARE_POINTS)])
    .flatMap((m) => claimFrom(m, (value) => value > 10))
    .filter((c) => c.plausible);
  const insideJudges = (c: NumericClaim) => judgeLists.some((j) => overlaps(j.phrase.span, c.span));
  return dedupe([...qualified, ...bare]).filter((c) => !insideJudges(c));
}

function claimFrom(match: RegExpMatchArray, isPlausible: (value: number) => boolean): NumericClaim[] {
  const literal = match.groups?.num;
  const numberAt = match.indices?.groups?.num;
  if (literal === undefined || numberAt === undefined || match.index === undefined) return [];
  const mention = numberMention(literal, numberAt[0]);
  const span = { start: match.index, end: match.index + match[0].length };
  return [
    {
      ...mention,
      phrase: { text: match[0], span },
      hedged: match.groups?.hedge !== undefined,
      plausible: isPlausible(mention.value),
    },
  ];
}

/** One claim per number position (two patterns may find the same number). */
function dedupe(claims: NumericClaim[]): NumericClaim[] {
  const byStart = new Map<number, NumericClaim>();
  for (const claim of claims) {
    const existing = byStart.get(claim.span.start);
    if (!existing || claim.phrase.text.length > existing.phrase.text.length) byStart.set(claim.span.start, claim);
  }
  return [...byStart.values()].sort((a, b) => a.span.start - b.span.start);
}
