/**
 * Deterministic sentence embeddings: a signed, hashed bag of Porter stems (plus stem bigrams)
 * in 256 dimensions, L2-normalised. Cosine similarity then tracks word overlap, so a
 * paraphrase scores well above an unrelated sentence.
 */
import { stemmer } from "stemmer";
import { hashParts } from "@/lib/random/seeded-random";
import { canonicalWord } from "./synonyms";

export const EMBEDDING_DIMENSIONS = 256;

const stopWords = new Set([
  "a",
  "an",
  "the",
  "and",
  "or",
  "but",
  "of",
  "to",
  "in",
  "on",
  "at",
  "by",
  "for",
  "with",
  "from",
  "is",
  "are",
  "was",
  "were",
  "be",
  "been",
  "being",
  "it",
  "its",
  "this",
  "that",
  "these",
  "those",
  "he",
  "she",
  "they",
  "them",
  "his",
  "her",
  "their",
  "i",
  "you",
  "we",
  "as",
  "into",
  "then",
  "there",
  "here",
  "so",
  "some",
  "do",
  "does",
  "did",
  "has",
  "have",
  "had",
  "not",
  "no",
]);

const BIGRAM_WEIGHT = 0.5;

function stemsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0 && !stopWords.has(w))
    .map((w) => stemmer(canonicalWord.get(w) ?? w));
}

function addFeature(vector: Float64Array, feature: string, weight: number): void {
  const h = hashParts("embed", feature);
  const index = h % EMBEDDING_DIMENSIONS;
  const sign = (h >>> 16) & 1 ? 1 : -1;
  vector[index] = (vector[index] ?? 0) + sign * weight;
}

export function embedText(text: string): number[] {
  const vector = new Float64Array(EMBEDDING_DIMENSIONS);
  const stems = stemsOf(text);
  stems.forEach((stem, i) => {
    addFeature(vector, stem, 1);
    const next = stems[i + 1];
    if (next !== undefined) addFeature(vector, `${stem} ${next}`, BIGRAM_WEIGHT);
  });
  const norm = Math.hypot(...vector);
  if (norm === 0) {
    // Empty or stop-word-only input: a fixed unit vector, so the result is still unit-length.
    vector[0] = 1;
    return Array.from(vector);
  }
  return Array.from(vector, (v) => v / norm);
}

export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
