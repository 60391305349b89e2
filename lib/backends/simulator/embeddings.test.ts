import { describe, expect, it } from "vitest";
import { cosineSimilarity, EMBEDDING_DIMENSIONS, embedText } from "./embeddings";

describe("embedText", () => {
  it("is deterministic and unit-length", () => {
    const a = embedText("a man opens the fridge");
    expect(a).toEqual(embedText("a man opens the fridge"));
    expect(a).toHaveLength(EMBEDDING_DIMENSIONS);
    expect(Math.hypot(...a)).toBeCloseTo(1, 10);
    expect(Math.hypot(...embedText(""))).toBeCloseTo(1, 10);
  });

  it("scores a paraphrase above an unrelated sentence", () => {
    const caption = embedText("a man opens the fridge");
    const paraphrase = embedText("The guy is opening the refrigerator");
    const unrelated = embedText("two children build a sandcastle on the beach");
    const same = cosineSimilarity(caption, paraphrase);
    const different = cosineSimilarity(caption, unrelated);
    expect(same).toBeGreaterThan(0.7);
    expect(different).toBeLessThan(0.3);
  });

  it("ranks by word overlap", () => {
    const base = embedText("a woman slices bread in the kitchen");
    const close = cosineSimilarity(base, embedText("a woman is slicing bread"));
    const far = cosineSimilarity(base, embedText("a woman rides a horse"));
    expect(close).toBeGreaterThan(far);
  });
});
