import type { Rng } from "@/lib/random/seeded-random";
import { synonymPairs } from "./synonyms";

/**
 * A light paraphrase of a caption: at most one synonym swap and a re-framed opening, so the
 * meaning (and embedding similarity) stays close to the original.
 */
export function paraphrase(caption: string, rng: Rng): string {
  const base = caption.trim().replace(/[.!?]+$/, "");
  const swappable = synonyms.filter(({ word }) => word.test(base));
  let text = base;
  if (swappable.length > 0 && rng.chance(0.7)) {
    const { word, replacement } = rng.pick(swappable);
    text = text.replace(word, replacement);
  }
  return lowerFirst(text);
}

/** Each synonym pair's word as a whole-word, case-insensitive pattern, compiled once. */
const synonyms = synonymPairs.map(([word, replacement]) => ({ word: new RegExp(`\\b${escapeRegExp(word)}\\b`, "i"), replacement }));

function lowerFirst(text: string): string {
  return text.length === 0 ? text : text[0]!.toLowerCase() + text.slice(1);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
