import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { configHash, resolveVerifierConfig } from "@/lib/verifier/config";
import type { Embedder } from "@/lib/verifier/embeddings/embedder";
import type { Target } from "@/lib/verifier/label-schemas";
import { fuzzRatio } from "@/lib/verifier/similarity/indel-ratio";
import { expectSpansInAnswer } from "@/lib/verifier/testing/verdict-assertions";
import { normalisedWords } from "@/lib/verifier/text/tokenize";
import { meetsThreshold } from "@/lib/verifier/verdict";
import { verify, verifyMany, verifySync } from "@/lib/verifier/verify";
import { VERIFIER_VERSION } from "@/lib/verifier/version";

/** Property tests run hundreds of cases; give them room on a shared, loaded machine. */
const PROPERTY_TIMEOUT = 60_000;

const presets = ["paper", "reference-code"] as const;
const letters = [..."abcdeilmnoprstuyz", "é", "ü", "ß", "ﬁ", "Ａ", "漢"];
const word = fc.string({ unit: fc.constantFrom(...letters), minLength: 1, maxLength: 9 });
const separator = fc.constantFrom(" ", ", ", " — ", "! ", " 😀 ", "\n");

function join(words: readonly string[], separators: readonly string[]): string {
  return words.map((w, i) => (i === 0 ? w : `${separators[i % separators.length] ?? " "}${w}`)).join("");
}

describe("multi-target questions", () => {
  const answer = "The diver performs a forward 3.5 somersault tuck and earns a score of 84.5 points.";
  const targets: Target[] = [
    { labelType: "class", label: "forward somersault tuck" },
    { labelType: "float", label: { value: 85.78, name: "score" } },
  ];

  it("passes only when every target passes, scores the minimum, and tags parts by target", () => {
    const verdict = verifySync(targets, answer);
    expect(verdict.passed).toBe(true);
    expect(verdict.targets.map((target) => target.passed)).toEqual([true, true]);
    expect(verdict.score).toBe(Math.min(...verdict.targets.map((target) => target.score)));
    expect(verdict.method).toBe("class:keyword-fuzz-ratio + float:regex-relative-error");
    expect(verdict.matches.map((match) => match.target)).toEqual([0, 0, 0, 1]);
    expectSpansInAnswer(verdict, answer);

    const failing = verifySync([...targets, { labelType: "same", label: { same: true } }], answer);
    expect(failing.passed).toBe(false);
    expect(failing.score).toBe(0);
    expect(failing.threshold).toBe(1);
  });

  it("records the verifier version and the configuration's hash", () => {
    const reference = resolveVerifierConfig("reference-code");
    const verdict = verifySync(targets, answer, reference);
    expect(verdict.verifierVersion).toBe(VERIFIER_VERSION);
    expect(verdict.configHash).toBe(configHash(reference));
    expect(verdict.configHash).not.toBe(verifySync(targets, answer).configHash);
  });

  it("rejects a question without targets", () => {
    expect(() => verifySync([], answer)).toThrow(/at least one target/);
  });
});

describe("long answers", () => {
  it("sequence, caption and same handle 50,000-character answers", () => {
    const filler = "The camera pans across the room while people talk quietly. ".repeat(900);
    const answer = `${filler}First he is opening the door. Then a man opens the fridge. They are not the same.`;
    expect(answer.length).toBeGreaterThan(50_000);
    const targets: Target[] = [
      { labelType: "sequence", label: { actions: ["opening door", "fridge"] } },
      { labelType: "caption", label: "a man opens the fridge" },
      { labelType: "same", label: { same: false } },
    ];
    const verdict = verifySync(targets, answer);
    expect(verdict.targets.map((target) => target.passed)).toEqual([true, true, true]);
    expectSpansInAnswer(verdict, answer);
  });
});

describe("class properties", () => {
  it(
    "an answer containing the label verbatim passes",
    () => {
      fc.assert(
        fc.property(
          fc.array(word, { minLength: 1, maxLength: 4 }),
          fc.array(word, { maxLength: 30 }),
          fc.nat(),
          fc.array(separator, { minLength: 1, maxLength: 4 }),
          fc.constantFrom(...presets),
          (labelWords, filler, at, separators, preset) => {
            const label = labelWords.join(" ");
            const position = at % (filler.length + 1);
            const answer = join([...filler.slice(0, position), label, ...filler.slice(position)], separators);
            const verdict = verifySync({ labelType: "class", label }, answer, resolveVerifierConfig(preset));
            expect(verdict.passed).toBe(true);
            expectSpansInAnswer(verdict, answer);
          },
        ),
        { numRuns: 300 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    "shuffling the non-label words never changes the verdict",
    () => {
      const fillerAndShuffle = fc
        .array(fc.oneof(word, fc.constantFrom("eating", "eaten", "apples", "pies", "pi")), { maxLength: 30 })
        .chain((filler) =>
          fc.tuple(fc.constant(filler), fc.shuffledSubarray(filler, { minLength: filler.length, maxLength: filler.length })),
        );
      fc.assert(
        fc.property(
          fc.array(word, { minLength: 1, maxLength: 3 }),
          fillerAndShuffle,
          fc.constantFrom("eating apple pie", "apples pies"),
          fc.constantFrom(...presets),
          (labelWords, [filler, shuffled], absentLabel, preset) => {
            const config = resolveVerifierConfig(preset);
            const verdictOf = (label: string, answer: string) => verifySync({ labelType: "class", label }, answer, config);
            // A label inserted among the words, and a label whose words may or may not be among them.
            const label = labelWords.join(" ");
            const half = Math.floor(filler.length / 2);
            const original = verdictOf(label, [...filler.slice(0, half), label, ...filler.slice(half)].join(" "));
            const reordered = verdictOf(label, [...shuffled.slice(0, half), label, ...shuffled.slice(half)].join(" "));
            expect(reordered.passed).toBe(original.passed);
            expect(reordered.score).toBe(original.score);
            const before = verdictOf(absentLabel, filler.join(" "));
            const after = verdictOf(absentLabel, shuffled.join(" "));
            expect(after.passed).toBe(before.passed);
            expect(after.score).toBe(before.score);
          },
        ),
        { numRuns: 300 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    "spans point at answer text whose similarity to the part meets the threshold",
    () => {
      fc.assert(
        fc.property(
          fc.array(fc.oneof(word, fc.constantFrom("Eating", "eatin", "APPLES", "aple", "pie", "pies", "piece")), { maxLength: 40 }),
          fc.array(separator, { minLength: 1, maxLength: 3 }),
          fc.constantFrom("eating apple pie", "apples", "pie eating"),
          fc.constantFrom(...presets),
          (words, separators, label, preset) => {
            const config = resolveVerifierConfig(preset);
            const answer = join(words, separators);
            const verdict = verifySync({ labelType: "class", label }, answer, config);
            for (const match of verdict.matches) {
              if (!match.matched) continue;
              expect(answer.slice(match.start, match.end)).toBe(match.text);
              const [matchedWord] = normalisedWords(match.text);
              const similarity = fuzzRatio(match.part, matchedWord ?? "") / 100;
              expect(similarity).toBe(match.similarity);
              expect(meetsThreshold(similarity, config.keyword.threshold, config.keyword.strict)).toBe(true);
            }
          },
        ),
        { numRuns: 300 },
      );
    },
    PROPERTY_TIMEOUT,
  );
});

/** Deterministic stand-in for a sentence model: letter counts. */
function letterCountEmbedder(): Embedder & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    model: "letters",
    calls,
    async embed(texts) {
      calls.push(texts);
      return texts.map((text) => {
        const vector = new Array<number>(26).fill(0);
        for (const c of text.toLowerCase()) {
          const i = c.charCodeAt(0) - 97;
          if (i >= 0 && i < 26) vector[i] = (vector[i] ?? 0) + 1;
        }
        return vector;
      });
    },
  };
}

describe("verify with an embedder", () => {
  const answer = "A man opens the fridge. The cat sleeps.";

  it("scores captions by embedding cosine and names the model", async () => {
    const embedder = letterCountEmbedder();
    const verdict = await verify({ labelType: "caption", label: "a man opened the fridge" }, answer, undefined, { embedder });
    expect(verdict.method).toBe("caption:embedding:letters");
    expect(verdict.passed).toBe(true);
    expect(verdict.matches[0]).toMatchObject({ matched: true, text: "A man opens the fridge." });
    expect(embedder.calls).toHaveLength(1);
  });

  it("embeds all distinct texts of a batch in one call, and skips the embedder for other types", async () => {
    const embedder = letterCountEmbedder();
    const items = [
      { targets: { labelType: "caption", label: "a man opens the fridge" } as const, answer },
      { targets: { labelType: "caption", label: "a man opens the fridge" } as const, answer },
      { targets: { labelType: "class", label: "cat" } as const, answer: "The cat sleeps." },
    ];
    const verdicts = await verifyMany(items, undefined, { embedder });
    expect(verdicts.map((verdict) => verdict.passed)).toEqual([true, true, true]);
    expect(embedder.calls).toEqual([["a man opens the fridge", "A man opens the fridge.", "The cat sleeps."]]);

    const spy = vi.fn(embedder.embed);
    await verify({ labelType: "class", label: "cat" }, answer, undefined, { embedder: { embed: spy } });
    expect(spy).not.toHaveBeenCalled();
  });

  it("falls back to lexical matching without an embedder, and says so", async () => {
    const verdict = await verify({ labelType: "caption", label: "a man opens the fridge" }, answer);
    expect(verdict.method).toBe("caption:lexical-fallback");
  });

  it("reports an embedder returning the wrong number of vectors", async () => {
    const broken: Embedder = { embed: async () => [[1, 0]] };
    await expect(verify({ labelType: "caption", label: "a man" }, answer, undefined, { embedder: broken })).rejects.toThrow(
      /returned 1 vectors for 3 texts/,
    );
  });
});
