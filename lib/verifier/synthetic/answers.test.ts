import { describe, expect, it } from "vitest";
import { LABEL_TYPES, targetSchema } from "@/lib/verifier/label-schemas";
import { syntheticItems } from "@/lib/verifier/synthetic/answers";

describe("syntheticItems", () => {
  it.each(LABEL_TYPES)("makes deterministic, valid %s items of 150–300 words", (labelType) => {
    const first = syntheticItems(labelType, 7);
    const second = syntheticItems(labelType, 7);
    for (let i = 0; i < 50; i++) {
      const item = first();
      expect(second()).toEqual(item);
      expect(targetSchema.parse(item.target)).toEqual(item.target);
      const words = item.answer.split(/\s+/).filter(Boolean).length;
      expect(words).toBeGreaterThanOrEqual(150);
      expect(words).toBeLessThanOrEqual(300);
    }
    expect(syntheticItems(labelType, 8)()).not.toEqual(syntheticItems(labelType, 7)());
  });
});
