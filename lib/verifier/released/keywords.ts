import { stopWordSet } from "@/lib/verifier/keywords/stop-words";
import { codePointLength } from "@/lib/verifier/similarity/indel-ratio";
import { type SpacyToken, spacyTokenize } from "@/lib/verifier/spacy/tokenizer";

/** A word as the released `remove_stopwords` keeps it: a spaCy token, lower-cased, at its first occurrence. */
export interface ReleasedWord {
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

const SPACY_STOP_WORDS = stopWordSet("spacy-en");

/**
 * `remove_stopwords` of videostar/verifier.py `word_matching`: `{token.text.lower() for token in
 * nlp(text) if not token.is_stop and len(token.text) > 2}` — distinct, in order of first occurrence.
 */
export function releasedWords(text: string): ReleasedWord[] {
  return keepWords(spacyTokenize(text));
}

export function keepWords(tokens: readonly SpacyToken[]): ReleasedWord[] {
  const seen = new Set<string>();
  const words: ReleasedWord[] = [];
  for (const token of tokens) {
    if (!isReleasedKeyword(token.text)) continue;
    const word = token.text.toLowerCase();
    if (seen.has(word)) continue;
    seen.add(word);
    words.push({ word, start: token.start, end: token.end });
  }
  return words;
}

/** Not a spaCy stop word (`is_stop` compares the lower-cased text) and longer than 2 characters. */
export function isReleasedKeyword(tokenText: string): boolean {
  return codePointLength(tokenText) > 2 && !SPACY_STOP_WORDS.has(tokenText.toLowerCase());
}

const CACHE_LIMIT = 20_000;
const labelCache = new Map<string, readonly ReleasedWord[]>();

/** Label keywords, cached (labels repeat across answers). */
export function releasedLabelKeywords(label: string): readonly ReleasedWord[] {
  let words = labelCache.get(label);
  if (words === undefined) {
    words = releasedWords(label);
    if (labelCache.size >= CACHE_LIMIT) labelCache.clear();
    labelCache.set(label, words);
  }
  return words;
}
