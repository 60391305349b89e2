/**
 * A small synonym table shared by the paraphraser and the embedding model, so that the
 * simulator's own paraphrases stay close to their source under its own similarity.
 */
export const synonymPairs: readonly (readonly [string, string])[] = [
  ["man", "guy"],
  ["woman", "lady"],
  ["person", "individual"],
  ["fridge", "refrigerator"],
  ["opens", "pulls open"],
  ["closes", "shuts"],
  ["picks up", "lifts"],
  ["puts", "places"],
  ["walks", "strolls"],
  ["big", "large"],
  ["small", "little"],
  ["looks at", "glances at"],
  ["sofa", "couch"],
  ["begins", "starts"],
  ["quickly", "rapidly"],
];

/** Canonical word for embedding: the first word of a pair, for either side's single words. */
export const canonicalWord: ReadonlyMap<string, string> = new Map(
  synonymPairs.flatMap(([a, b]) => {
    const aWords = a.split(" ");
    const bWords = b.split(" ");
    return aWords.length === 1 && bWords.length === 1 ? [[b, a] as const] : [];
  }),
);
