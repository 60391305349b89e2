import { classifyExpression, evaluateTokens, tokenizeExpression, type ExpressionKind } from "./arithmetic-expression";
import { HEDGE_SOURCE, NUMBER_SOURCE, numberMention, numbersIn, type NumberMention } from "./numeric-literals";
import { Dec, decimalsOf } from "./precision";
import { splitSentences, type Span } from "./span";

export type ArithmeticKind = ExpressionKind | "average" | "judge-rule";

/** A number the text claims is the result of some arithmetic, with that arithmetic redone exactly. */
export interface ArithmeticStatement {
  kind: ArithmeticKind;
  /** What was recomputed ("mean of 4 values", "3.2 × 25.5"). */
  rule: string;
  operands: number[];
  recomputed: Dec;
  claim: NumberMention;
  hedged: boolean;
  phrase: { text: string; span: Span };
}

// ---------------------------------------------------------------------------------------------------
// Written-out arithmetic: "3.2 × 25.5 = 81.6", "(8.0 + 8.0 + 7.5) × 3.2 = 75.2", "a + b = c × d = e".

const OPERAND = String.raw`(?:\(\s*)*\d+(?:\.\d+)?(?:\s*\))*`;
const OPERATOR = String.raw`(?:[+\-−×*·/÷=]|(?<=[\d)]\s?)[xX](?=\s?[\d(]))`;
const CHAIN = new RegExp(String.raw`(?<![\w.])${OPERAND}(?:\s*${OPERATOR}\s*${OPERAND})+(?![\w]|\.\d)`, "g");

/**
 * Each "=" compares the expression on one side with a plain number on the other ("a × b = c", or
 * "c = a × b"). Two expressions on both sides of an "=" are not compared: people chain carried results
 * loosely ("7.5 + 8 + 8 = 23.5 × 3.2 = 75.2").
 */
export function findWrittenArithmetic(text: string): ArithmeticStatement[] {
  return [...text.matchAll(CHAIN)].flatMap((match) => {
    const { chain, start } = trimUnbalancedParens(match[0], match.index);
    if (!chain.includes("=")) return [];
    const segments = splitOnEquals(chain, start);
    const statements: ArithmeticStatement[] = [];
    for (let i = 1; i < segments.length; i++) {
      const left = segments[i - 1];
      const right = segments[i];
      if (!left || !right) continue;
      const leftPlain = plainNumber(left.text, left.start);
      const rightPlain = plainNumber(right.text, right.start);
      if ((leftPlain === null) === (rightPlain === null)) continue;
      const [expression, claim] = rightPlain ? [left, rightPlain] : [right, leftPlain as NumberMention];
      const tokens = tokenizeExpression(expression.text);
      const value = tokens && evaluateTokens(tokens);
      if (!tokens || !value) continue;
      const phraseStart = Math.min(left.start, right.start);
      const phraseEnd = Math.max(left.start + left.text.length, right.start + right.text.length);
      statements.push({
        kind: classifyExpression(tokens),
        rule: `${expression.text.trim()} recomputed`,
        operands: tokens.flatMap((t) => (t.type === "number" ? [Number(t.literal)] : [])),
        recomputed: value,
        claim,
        hedged: false,
        phrase: { text: text.slice(phraseStart, phraseEnd), span: { start: phraseStart, end: phraseEnd } },
      });
    }
    return statements;
  });
}

function trimUnbalancedParens(chain: string, start: number): { chain: string; start: number } {
  let text = chain;
  let offset = start;
  const count = (c: string) => [...text].filter((ch) => ch === c).length;
  while (count(")") > count("(") && /\)\s*$/.test(text)) text = text.replace(/\s*\)\s*$/, "");
  while (count("(") > count(")") && /^\(/.test(text)) {
    const trimmed = text.replace(/^\(\s*/, "");
    offset += text.length - trimmed.length;
    text = trimmed;
  }
  return { chain: text, start: offset };
}

function splitOnEquals(chain: string, start: number): { text: string; start: number }[] {
  const segments: { text: string; start: number }[] = [];
  let from = 0;
  for (let i = 0; i <= chain.length; i++) {
    if (i === chain.length || chain[i] === "=") {
      segments.push({ text: chain.slice(from, i), start: start + from });
      from = i + 1;
    }
  }
  return segments;
}

function plainNumber(segment: string, start: number): NumberMention | null {
  const match = /^(\s*)(\d+(?:\.\d+)?)\s*$/.exec(segment);
  if (!match?.[2]) return null;
  return numberMention(match[2], start + (match[1]?.length ?? 0));
}

// ---------------------------------------------------------------------------------------------------
// Arithmetic in words: averages, sums and products.

const NUM = `(?:${NUMBER_SOURCE})`;
// Lists are capped at MAX_LIST numbers so a model stuck repeating "8.0, 8.0, …" costs linear time.
const MAX_LIST = 16;
const LIST = String.raw`(?<list>${NUM}(?:\s*(?:,\s*and|,|and|&)\s*${NUM}){1,${MAX_LIST - 1}})`;
const WORDS = String.raw`(?:[A-Za-z'’]+\s+){0,4}?`;
const RESULT = String.raw`(?<hedge>${HEDGE_SOURCE}\s*)?(?<result>${NUM})(?!\s*(?:soms?\b|somersaults?|twists?))`;
const GIVES = String.raw`(?:is|was|=|equals?|gives|yields|comes\s+to|would\s+be|results\s+in|we\s+get|makes|:)`;

interface VerbalPattern {
  kind: "average" | "sum" | "product";
  regex: RegExp;
}

const VERBAL_PATTERNS: readonly VerbalPattern[] = [
  {
    kind: "average",
    regex: new RegExp(
      String.raw`\b(?:the\s+)?(?:average|mean)\s+${WORDS}of\s+(?:the\s+${WORDS})?${LIST}\s*,?\s*${GIVES}\s*${RESULT}`,
      "gid",
    ),
  },
  { kind: "average", regex: new RegExp(String.raw`\baverag(?:ing|ed)\s+(?:the\s+${WORDS})?${LIST}\s*,?\s*${GIVES}\s*${RESULT}`, "gid") },
  {
    kind: "average",
    regex: new RegExp(String.raw`${LIST}\s*,?\s*(?:which\s+)?(?:average|averages|averaged)\s+(?:out\s+)?(?:to\s+|at\s+)?${RESULT}`, "gid"),
  },
  {
    kind: "sum",
    regex: new RegExp(String.raw`\b(?:the\s+)?(?:sum|total)\s+of\s+(?:the\s+${WORDS})?${LIST}\s*,?\s*${GIVES}\s*${RESULT}`, "gid"),
  },
  { kind: "sum", regex: new RegExp(String.raw`\badding(?:\s+up)?\s+(?:the\s+${WORDS})?${LIST}\s*,?\s*${GIVES}\s*${RESULT}`, "gid") },
  {
    kind: "sum",
    regex: new RegExp(
      String.raw`${LIST}\s*,?\s*(?:which\s+)?(?:adds?\s+up\s+to|add\s+to|sums?\s+to|sum\s+up\s+to|totals?|totalling|totaling)\s+${RESULT}`,
      "gid",
    ),
  },
  {
    kind: "product",
    regex: new RegExp(String.raw`\bmultiply(?:ing)?\s+${WORDS}(?<a>${NUM})\s+by\s+${WORDS}(?<b>${NUM})\s*,?\s*${GIVES}\s*${RESULT}`, "gid"),
  },
  {
    kind: "product",
    regex: new RegExp(String.raw`(?<a>${NUM})\s+(?:multiplied\s+by|times)\s+${WORDS}(?<b>${NUM})\s*,?\s*${GIVES}\s*${RESULT}`, "gid"),
  },
  {
    kind: "product",
    regex: new RegExp(String.raw`\bproduct\s+of\s+${WORDS}(?<a>${NUM})\s+and\s+${WORDS}(?<b>${NUM})\s*,?\s*${GIVES}\s*${RESULT}`, "gid"),
  },
];

export function findVerbalArithmetic(text: string): ArithmeticStatement[] {
  return VERBAL_PATTERNS.flatMap(({ kind, regex }) =>
    [...text.matchAll(regex)].flatMap((match) => {
      const operands = operandsOf(match);
      const statement = operands.length >= 2 ? verbalStatement(kind, operands, match) : null;
      return statement ? [statement] : [];
    }),
  );
}

function operandsOf(match: RegExpMatchArray): NumberMention[] {
  const listAt = match.indices?.groups?.list;
  if (listAt) return numbersIn(match.input ?? "", listAt[0], listAt[1]);
  const aAt = match.indices?.groups?.a;
  const bAt = match.indices?.groups?.b;
  const a = match.groups?.a;
  const b = match.groups?.b;
  if (!aAt || !bAt || a === undefined || b === undefined) return [];
  return [numberMention(a, aAt[0]), numberMention(b, bAt[0])];
}

function verbalStatement(kind: VerbalPattern["kind"], operands: NumberMention[], match: RegExpMatchArray): ArithmeticStatement | null {
  const result = match.groups?.result;
  const resultAt = match.indices?.groups?.result;
  if (result === undefined || !resultAt || match.index === undefined) return null;
  const values = operands.map((o) => new Dec(o.literal));
  return {
    kind,
    rule: ruleText(kind, operands),
    operands: operands.map((o) => o.value),
    recomputed: combine(kind, values),
    claim: numberMention(result, resultAt[0]),
    hedged: match.groups?.hedge !== undefined,
    phrase: { text: match[0], span: { start: match.index, end: match.index + match[0].length } },
  };
}

function combine(kind: "average" | "sum" | "product", values: Dec[]): Dec {
  if (kind === "product") return values.reduce((p, v) => p.times(v), new Dec(1));
  const total = values.reduce((s, v) => s.plus(v), new Dec(0));
  return kind === "sum" ? total : total.dividedBy(values.length);
}

function ruleText(kind: "average" | "sum" | "product", operands: readonly NumberMention[]): string {
  const listed = operands.map((o) => o.literal).join(", ");
  if (kind === "average") return `mean of ${operands.length} values (${listed})`;
  if (kind === "sum") return `sum of ${operands.length} values (${listed})`;
  return `product ${operands.map((o) => o.literal).join(" × ")}`;
}

// ---------------------------------------------------------------------------------------------------
// Averages of values listed earlier: "Inward: 3.5, 3.5 Soms.Tuck: 3.2, Entry: 3.0… the average difficulty
// score is 3.2".

const AVERAGE_KEYWORD = /\b(?:average|mean|averaging|averaged)\b/gi;
const AVERAGE_RESULT = new RegExp(String.raw`^(?:(?![.!?…](?:\s|$)|\n)[^\d]){0,60}?(?:\s*[:=≈]|\s${GIVES})\s*${RESULT}`, "id");
const LABELLED_VALUE = new RegExp(
  String.raw`[A-Za-z)'’]\s*:\s*(?<value>${NUM})(?!\s*(?:soms?\b|soms?\.|som\.|somersaults?|twists?))`,
  "gd",
);
const VALUE_NOT_COUNT = String.raw`${NUM}(?!\s*(?:soms?\b|soms?\.|som\.|somersaults?|twists?))`;
const PLAIN_LIST = new RegExp(
  String.raw`(?<list>${VALUE_NOT_COUNT}(?:\s*(?:,\s*and|,|and|&)\s*${VALUE_NOT_COUNT}){1,${MAX_LIST - 1}})`,
  "gd",
);
/** Longest text between one labelled value and the next value of the same run ("…, 3.5 Soms.Pike: "). */
const LABELLED_RUN_MAX_GAP = 48;
const SENTENCE_END = /[.!?…](?:\s|$)/;
const LOOK_BACK_SENTENCES = 3;

/**
 * An average stated without its operands takes the list nearest before it, within the same and the
 * three previous sentences: either a run of labelled values ("Forward: 2.5, 3.5 Soms.Pike: 3.4, …") or
 * a plain list of two or more numbers.
 */
export function findReferencedAverages(text: string, alreadyFound: readonly ArithmeticStatement[]): ArithmeticStatement[] {
  const sentences = splitSentences(text);
  const statements: ArithmeticStatement[] = [];
  for (const keyword of text.matchAll(AVERAGE_KEYWORD)) {
    const keywordEnd = keyword.index + keyword[0].length;
    const result = AVERAGE_RESULT.exec(text.slice(keywordEnd));
    const resultAt = result?.indices?.groups?.result;
    const literal = result?.groups?.result;
    if (!result || !resultAt || literal === undefined) continue;
    const claimStart = keywordEnd + resultAt[0];
    if (alreadyFound.some((s) => s.claim.span.start === claimStart)) continue;
    const sentenceIndex = sentences.findIndex((s) => keyword.index >= s.span.start && keyword.index < s.span.end);
    const windowStart = sentences[Math.max(0, sentenceIndex - LOOK_BACK_SENTENCES)]?.span.start ?? 0;
    const operands = nearestListBefore(text, windowStart, keyword.index);
    if (operands.length < 2 || !withinRange(literal, operands)) continue;
    const phraseEnd = claimStart + literal.length;
    statements.push({
      kind: "average",
      rule: `${ruleText("average", operands)} stated earlier`,
      operands: operands.map((o) => o.value),
      recomputed: combine(
        "average",
        operands.map((o) => new Dec(o.literal)),
      ),
      claim: numberMention(literal, claimStart),
      hedged: result.groups?.hedge !== undefined,
      phrase: { text: text.slice(keyword.index, phraseEnd), span: { start: keyword.index, end: phraseEnd } },
    });
  }
  return statements;
}

/**
 * Which list an unanchored "average" refers to is a guess, so a claim outside the listed values' range
 * (give or take one unit of its last digit) is taken to be another quantity ("by averaging these scores
 * … the overall score is 63.0") and left unchecked rather than flagged.
 */
function withinRange(literal: string, operands: readonly NumberMention[]): boolean {
  const claimed = new Dec(literal);
  const unit = new Dec(10).pow(-decimalsOf(literal));
  const values = operands.map((o) => new Dec(o.literal));
  const min = Dec.min(...values).minus(unit);
  const max = Dec.max(...values).plus(unit);
  return claimed.gte(min) && claimed.lte(max);
}

function nearestListBefore(text: string, from: number, to: number): NumberMention[] {
  const window = text.slice(from, to);
  const runs = [...labelledRuns(window), ...plainLists(window)]
    .filter((run) => run.length >= 2)
    .sort((a, b) => (a.at(-1)?.span.end ?? 0) - (b.at(-1)?.span.end ?? 0));
  const nearest = runs.at(-1) ?? [];
  return nearest.map((m) => ({ ...m, span: { start: m.span.start + from, end: m.span.end + from } }));
}

/** Consecutive "label: value" items, the next label close after the previous value, no sentence end between. */
function labelledRuns(window: string): NumberMention[][] {
  const runs: NumberMention[][] = [];
  let current: NumberMention[] = [];
  for (const match of window.matchAll(LABELLED_VALUE)) {
    const at = match.indices?.groups?.value;
    const literal = match.groups?.value;
    if (!at || literal === undefined) continue;
    const mention = numberMention(literal, at[0]);
    const previous = current.at(-1);
    const gap = previous ? window.slice(previous.span.end, at[0]) : "";
    if (previous && (gap.length > LABELLED_RUN_MAX_GAP || SENTENCE_END.test(gap))) {
      runs.push(current);
      current = [];
    }
    current.push(mention);
  }
  runs.push(current);
  return runs;
}

function plainLists(window: string): NumberMention[][] {
  return [...window.matchAll(PLAIN_LIST)].map((m) => {
    const at = m.indices?.groups?.list;
    return at ? numbersIn(window, at[0], at[1]) : [];
  });
}
