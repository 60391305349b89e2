import { codePointLength, hasSurrogates } from "@/lib/verifier/similarity/indel-ratio";
import { type ReleasedWords, releasedWords } from "@/lib/verifier/released/keywords";
import { type SpacyToken, spacyTokenize } from "@/lib/verifier/spacy/tokenizer";
import { splitSentences, type Span } from "@/lib/verifier/text/sentences";
import { asciiWordView, isAsciiWordAt, tokenize, tokenizeAsciiView, type Token } from "@/lib/verifier/text/tokenize";

/** One distinct answer word, at its first occurrence. */
export interface IndexedWord {
  readonly word: string;
  /** Length in code points (what the similarity ratio counts). */
  readonly length: number;
  readonly start: number;
  readonly end: number;
  /** Whether the keyword rule lets this word take part (stop words and short words may not). */
  readonly eligible: boolean;
  readonly hasSurrogates: boolean;
}

/** Distinct words of an answer, by text and grouped by length for the similarity prefilter. */
export interface WordIndex {
  readonly byWord: ReadonlyMap<string, IndexedWord>;
  /** `byLength[n]`: distinct words of n code points, in order of first occurrence. */
  readonly byLength: ReadonlyArray<readonly IndexedWord[] | undefined>;
}

export type WordEligibility = (word: string, length: number) => boolean;

/** Lets every word take part. */
export const everyWord: WordEligibility = () => true;

/**
 * An answer prepared for verification: tokenised once, lazily, and shared by every target of a
 * question. Not safe to mutate; cheap to create.
 */
export class AnswerText {
  private asciiLower: string | null | undefined;
  private tokenList: readonly Token[] | undefined;
  private sentenceList: readonly Span[] | undefined;
  private spacyTokenList: readonly SpacyToken[] | undefined;
  private releasedWordList: ReleasedWords | undefined;
  private readonly indexes = new Map<WordEligibility, WordIndex>();

  constructor(readonly text: string) {}

  get tokens(): readonly Token[] {
    if (this.tokenList === undefined) {
      const lower = this.lowerAsciiView();
      this.tokenList = lower === null ? tokenize(this.text) : tokenizeAsciiView(lower);
    }
    return this.tokenList;
  }

  get sentences(): readonly Span[] {
    this.sentenceList ??= splitSentences(this.text);
    return this.sentenceList;
  }

  /** Tokens as spaCy's English tokenizer makes them (the released verifier's view). */
  get spacyTokens(): readonly SpacyToken[] {
    this.spacyTokenList ??= spacyTokenize(this.text);
    return this.spacyTokenList;
  }

  /** The released code's answer keywords: distinct lower-cased tokens, not stop words, longer than 2. */
  get releasedWords(): ReleasedWords {
    this.releasedWordList ??= releasedWords(this.text);
    return this.releasedWordList;
  }

  /** Distinct words, each marked eligible or not by `eligibility` (the index is cached per function). */
  wordIndex(eligibility: WordEligibility = everyWord): WordIndex {
    let index = this.indexes.get(eligibility);
    if (index === undefined) {
      index = buildWordIndex(this.tokens, eligibility);
      this.indexes.set(eligibility, index);
    }
    return index;
  }

  /** First occurrence of `word` (normalised) as a whole answer word. */
  findWord(word: string): { start: number; end: number } | undefined {
    const lower = this.lowerAsciiView();
    if (lower !== null) return findWholeAsciiWord(lower, word);
    return this.wordIndex().byWord.get(word);
  }

  /** The lower-cased answer when all its word characters are ASCII (offsets unchanged), else null. */
  asciiWordView(): string | null {
    return this.lowerAsciiView();
  }

  private lowerAsciiView(): string | null {
    if (this.asciiLower === undefined) this.asciiLower = asciiWordView(this.text);
    return this.asciiLower;
  }
}

function buildWordIndex(tokens: readonly Token[], eligibility: WordEligibility): WordIndex {
  const byWord = new Map<string, IndexedWord>();
  const byLength: IndexedWord[][] = [];
  for (const token of tokens) {
    if (byWord.has(token.word)) continue;
    const surrogates = hasSurrogates(token.word);
    const length = surrogates ? codePointLength(token.word) : token.word.length;
    const indexed: IndexedWord = {
      word: token.word,
      length,
      start: token.start,
      end: token.end,
      eligible: eligibility(token.word, length),
      hasSurrogates: surrogates,
    };
    byWord.set(token.word, indexed);
    const sameLength = byLength[length] ?? [];
    sameLength.push(indexed);
    byLength[length] = sameLength;
  }
  return { byWord, byLength };
}

/** Whole-word search in a lower-cased ASCII-word text; words with characters outside the word never match. */
function findWholeAsciiWord(lower: string, word: string): { start: number; end: number } | undefined {
  if (word.length === 0) return undefined;
  for (let i = 0; i < word.length; i++) if (!isAsciiWordAt(word, i)) return undefined;
  let from = 0;
  for (;;) {
    const start = lower.indexOf(word, from);
    if (start < 0) return undefined;
    const end = start + word.length;
    const boundedLeft = start === 0 || !isAsciiWordAt(lower, start - 1);
    const boundedRight = end === lower.length || !isAsciiWordAt(lower, end);
    if (boundedLeft && boundedRight) return { start, end };
    from = start + 1;
  }
}
