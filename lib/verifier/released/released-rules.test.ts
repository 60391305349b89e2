import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resolveVerifierConfig } from "@/lib/verifier/config";
import type { Embedder } from "@/lib/verifier/embeddings/embedder";
import type { SpanExtractor } from "@/lib/verifier/embeddings/span-extractor";
import type { Target } from "@/lib/verifier/label-schemas";
import { isReleasedKeyword, releasedWords } from "@/lib/verifier/released/keywords";
import { releasedNumbers } from "@/lib/verifier/released/numbers";
import { spacyTokenize } from "@/lib/verifier/spacy/tokenizer";
import { fuzzRatio } from "@/lib/verifier/similarity/indel-ratio";
import { expectSpansInAnswer } from "@/lib/verifier/testing/verdict-assertions";
import { verify, verifyMany, verifySync } from "@/lib/verifier/verify";

const reference = resolveVerifierConfig("reference-code");
const paper = resolveVerifierConfig("paper");
const check = (target: Target, answer: string, questionKind?: string) => {
  const verdict = verifySync(target, answer, reference, questionKind === undefined ? {} : { questionKind });
  expectSpansInAnswer(verdict, answer);
  return verdict;
};
const reasons = (verdict: { matches: readonly { matched: boolean; reason?: string }[] }) =>
  verdict.matches.map((match) => (match.matched ? "" : (match.reason ?? ""))).join(" | ");

describe("word_matching (verifier.py): spaCy tokens, not stop words, longer than 2, fuzz.ratio > 85", () => {
  const subAction = (label: string): Target => ({ labelType: "class", label });

  it("keeps a decimal whole: '3.5 Soms.Tuck' needs 3.5, and 2.5 does not pass for it (fuzz.ratio 67)", () => {
    expect(fuzzRatio("3.5", "2.5")).toBe(67);
    expect(check(subAction("3.5 Soms.Tuck"), "The diver does 3.5 Soms.Tuck here.").passed).toBe(true);
    const wrong = check(subAction("3.5 Soms.Tuck"), "The diver does 2.5 Soms.Tuck here.");
    expect(wrong.passed).toBe(false);
    expect(wrong.matches.find((match) => match.part === "3.5")).toMatchObject({
      matched: false,
      closest: { text: "2.5", similarity: 0.67 },
    });
    expect(wrong.method).toBe("class:released-word-matching");
  });

  it("passes any answer for a label without keywords ('TV': the loop never runs)", () => {
    const verdict = check(subAction("TV"), "A dog runs across the park.");
    expect(verdict.passed).toBe(true);
    expect(reasons(verdict)).toMatch(/loop never runs/);
  });

  it("drops the item when the answer has no keyword (max() of an empty list raises), which never counts as passed", () => {
    for (const answer of ["", "It is what it is.", "?!"]) {
      const verdict = check(subAction("eating apple pie"), answer);
      expect(verdict.passed).toBe(false);
      expect(verdict.method).toBe("class:released-word-matching:dropped");
      expect(reasons(verdict)).toMatch(/^dropped by the released code/);
    }
  });

  it("filters answer words like label words: 'part' is a spaCy stop word, so 'parts' (89 with it) finds nothing", () => {
    expect(check(subAction("parts"), "only part of it survives").passed).toBe(false);
    expect(check(subAction("cats"), "A cat sleeps.").passed).toBe(true);
  });

  it("does not treat slash names as alternatives (spaCy splits at '/', every piece is a keyword)", () => {
    expect(check(subAction("cup/glass/bottle"), "He picks up a bottle.").passed).toBe(false);
  });
});

describe("abs_float on extract_float (verifier.py): every number of [-+]?\\d*\\.\\d+|[-+]?\\d+", () => {
  const score = (value: number): Target => ({ labelType: "float", label: { value, name: "score" } });

  it("finds '2-3' as 2 and -3, and '1,234' as 1 and 234", () => {
    expect(releasedNumbers("2-3 and 1,234").map((number) => number.value)).toEqual([2, -3, 1, 234]);
    expect(check(score(1234), "It scored 1,234 points.").passed).toBe(false);
    expect(check(score(-3), "between 2-3").passed).toBe(true);
  });

  it("passes when the smallest relative error of any number is at most 0.1, wherever it stands", () => {
    const verdict = check(score(85.78), "Judges gave 8.5, 9 and 7.5; difficulty 3.2; it totals 79.2.");
    expect(verdict.passed).toBe(true);
    expect(verdict.matches[0]).toMatchObject({ matched: true, text: "79.2" });
    expect(check(score(85.78), "Judges gave 8.5, 9 and 7.5, so 60.").passed).toBe(false);
  });

  it("drops the item when the answer has no number (abs(None - gt) raises)", () => {
    const verdict = check(score(85.78), "A beautiful dive.");
    expect(verdict.passed).toBe(false);
    expect(reasons(verdict)).toMatch(/^dropped by the released code: no number/);
  });
});

describe("two_dim_range on extract_bbox (verifier.py)", () => {
  const box = (x1: number, y1: number, x2: number, y2: number): Target => ({ labelType: "bbox", label: { box: [x1, y1, x2, y2] } });

  it("reads both boxes as (centre x, centre y, width, height): IoU 0.6 where corners would give 0.5", () => {
    const answer = "It is at [0.10, 0.20, 0.30, 0.60].";
    expect(verifySync(box(0.1, 0.2, 0.5, 0.6), answer, paper).score).toBeCloseTo(0.5, 9);
    const verdict = check(box(0.1, 0.2, 0.5, 0.6), answer);
    expect(verdict.score).toBeCloseTo(0.6, 9);
    expect(verdict.passed).toBe(true);
    expect(verdict.method).toBe("bbox:released-two-dim-range");
  });

  it("uses only the last box, and only boxes whose four numbers have a decimal point", () => {
    expect(check(box(0.1, 0.2, 0.5, 0.6), "First [0.1, 0.2, 0.5, 0.6], then [0.9, 0.9, 0.1, 0.1].").passed).toBe(false);
    expect(check(box(0.1, 0.2, 0.5, 0.6), "[0.9, 0.9, 0.1, 0.1], no: [0.1, 0.2, 0.5, 0.6]").passed).toBe(true);
    expect(check(box(0, 0, 1, 1), "It fills [0, 0, 1, 1].").passed).toBe(false);
  });
});

describe("normalized_float on extract_last_float (verifier.py)", () => {
  const time = (seconds: number, duration?: number): Target => ({
    labelType: "timestamp",
    label: duration === undefined ? { time: seconds } : { time: seconds, duration },
  });

  it("takes the last number as a fraction of the clip: |p - t / duration| <= 0.1", () => {
    expect(check(time(3, 10), "Between 0.1 and 0.32 of the clip.").passed).toBe(true);
    expect(check(time(3, 10), "At 0.3, then again at 0.9.").passed).toBe(false);
    expect(check(time(3, 10), "At 3 seconds.").passed).toBe(false);
  });

  it("says the released rule could not be applied without the clip's length", () => {
    const verdict = check(time(3), "At 0.3.");
    expect(verdict.passed).toBe(false);
    expect(verdict.method).toBe("timestamp:released-normalized-float:not-applied");
    expect(reasons(verdict)).toMatch(/^the released rule could not be applied/);
  });
});

describe("same_or_not (verifier.py): Matcher [be, the, same] / [be, not, the, same], the last match decides", () => {
  const same = (value: boolean): Target => ({ labelType: "same", label: { same: value } });

  it.each([
    [true, "They are the same object.", true],
    [true, "They're the same.", true],
    [false, "No, they are not the same object.", true],
    [true, "At first they are the same, but later they are not the same.", false],
    [false, "At first they are the same, but later they are not the same.", true],
    [false, "The two cups are different.", false],
    [true, "Yes.", false],
    [true, "They look the same.", false],
    [false, "It isn't the same.", false],
    [true, "", false],
  ])("label same=%s, %j → %s", (label, answer, expected) => {
    const verdict = check(same(label), answer);
    expect(verdict.passed).toBe(expected);
    expect(verdict.method).toBe("same:released-same-or-not");
  });
});

/** Embeds texts as counts of a few words, so that similarities are easy to reason about. */
const VOCABULARY = ["forward", "back", "pike", "tuck", "twist", "entry", "objects", "same", "not", "cup"];
const wordEmbedder: Embedder = {
  model: "word-counts",
  embed: async (texts) =>
    texts.map((text) => {
      const words = text.toLowerCase().split(/[^a-z]+/);
      return [0.01, ...VOCABULARY.map((word) => words.filter((w) => w === word).length)];
    }),
};

/** A question-answering model that always picks the last occurrence of `phrase`, with `score`. */
function spanAt(phrase: string, score = 0.9): SpanExtractor & { asked: [string, string][] } {
  const asked: [string, string][] = [];
  return {
    spanModel: "fake-squad",
    asked,
    extractSpan: async (question, context) => {
      asked.push([question, context]);
      const start = context.lastIndexOf(phrase);
      if (start < 0) throw new Error(`"${phrase}" is not in the answer`);
      return { answer: phrase, start, end: start + phrase.length, score };
    },
  };
}

describe("sequence_with_embeddings (verifier.py) where data_gen_utils.py assigns sentence or sentence_sequence", () => {
  const actions: Target = { labelType: "sequence", label: { actions: ["Forward", "Pike", "Entry"] } };

  it("orders a FineDiving sequence by each action's most similar sentence, >= 0.25 per action", async () => {
    const inOrder = "He starts forward. Then a pike. Finally the entry.";
    const verdict = await verify(actions, inOrder, reference, { embedder: wordEmbedder, questionKind: "subaction-sequence" });
    expect(verdict.passed).toBe(true);
    expect(verdict.method).toBe("sequence:released-sentence-sequence:word-counts");
    const swapped = await verify(actions, "A pike first. He starts forward. Finally the entry.", reference, { embedder: wordEmbedder });
    expect(swapped.passed).toBe(false);
    expect(reasons(swapped)).toMatch(/before sentence/);
  });

  it("verifies STAR answers by sentences >= 0.6 of the span extract_from_question cuts out (parse: answer_question), whatever its score", async () => {
    const target: Target = { labelType: "class", label: "The cup." };
    const answer = "The cup is on the table. Then he picks up the book.";
    const question = "Which object did the person pick up?";
    const extractor = spanAt("the book", 0.12);
    const verdict = await verify(target, answer, reference, {
      embedder: wordEmbedder,
      spanExtractor: extractor,
      questionKind: "star-qa",
      question,
    });
    // The whole answer has "The cup is on the table." (cosine ~1), but the released parser only compares the span.
    expect(verdict.passed).toBe(false);
    expect(verdict.method).toBe("class:released-sentence:word-counts:qa-span");
    expect(extractor.asked).toEqual([[question, answer]]);
    expectSpansInAnswer(verdict, answer);
    expect(verdict.matches[0]).toMatchObject({ matched: false, closest: { text: "the book" } });
    const right = await verify(target, "He looks around the room. He holds the cup.", reference, {
      embedder: wordEmbedder,
      spanExtractor: spanAt("the cup", 0.05),
      questionKind: "star-qa",
      question,
    });
    expect(right.passed).toBe(true);
    expect(right.matches[0]).toMatchObject({ matched: true, text: "the cup", start: 35, end: 42 });
  });

  it("verifies before/after actions on the span too (parse: action_after_action, action_before_action)", async () => {
    const after: Target = { labelType: "class", label: "Entry" };
    const answer = "First a pike. After the pike comes the entry.";
    for (const questionKind of ["subaction-after", "subaction-before"]) {
      const extractor = spanAt("the entry");
      const verdict = await verify(after, answer, reference, {
        embedder: wordEmbedder,
        spanExtractor: extractor,
        questionKind,
        question: "Which?",
      });
      expect(verdict.passed).toBe(true);
      expect(verdict.method).toBe("class:released-sentence:word-counts:qa-span");
      expect(extractor.asked).toHaveLength(1);
    }
  });

  it("says the released rule could not be applied without a question-answering model, rather than comparing the whole answer", async () => {
    const target: Target = { labelType: "class", label: "The cup." };
    const verdict = await verify(target, "He holds the cup.", reference, {
      embedder: wordEmbedder,
      questionKind: "star-qa",
      question: "What?",
    });
    expect(verdict.passed).toBe(false);
    expect(verdict.method).toBe("class:released-sentence:not-applied");
    expect(reasons(verdict)).toMatch(/^the released rule could not be applied: no question-answering model/);
    const noQuestion = await verify(target, "He holds the cup.", reference, {
      embedder: wordEmbedder,
      spanExtractor: spanAt("the cup"),
      questionKind: "star-qa",
    });
    expect(reasons(noQuestion)).toMatch(/the question's text was not given/);
  });

  it("verifies relationships (something-something reverse_template_qa, MOMA relationship_interation) by sentences of the whole answer", async () => {
    const target: Target = { labelType: "class", label: "Putting the cup on the table." };
    const verdict = await verify(target, "Someone is putting a cup on a table.", reference, {
      embedder: wordEmbedder,
      questionKind: "relationship",
    });
    expect(verdict.method).toBe("class:released-sentence:word-counts");
    expect(verdict.passed).toBe(true);
  });

  it("verifies same-object questions by the sentence 'The objects are the same', not by same_or_not", async () => {
    const target: Target = { labelType: "same", label: { same: true } };
    const verdict = await verify(target, "The objects are the same.", reference, {
      embedder: wordEmbedder,
      questionKind: "star-same-object",
    });
    expect(verdict.method).toBe("same:released-sentence:word-counts");
    expect(verdict.passed).toBe(true);
  });

  it("says the released rule could not be applied without an embeddings backend, instead of using another rule", () => {
    const verdict = check(actions, "He starts forward. Then a pike. Finally the entry.", "subaction-sequence");
    expect(verdict.passed).toBe(false);
    expect(verdict.method).toBe("sequence:released-sentence-sequence:not-applied");
    expect(reasons(verdict)).toBe("the released rule could not be applied: no embeddings backend is configured");
  });
});

describe("word_matching on extract_from_question for obj_identify (star-object-at, generate_spatial_qa 'identify')", () => {
  const object: Target = { labelType: "class", label: "laptop" };
  const answer = "A cup stands near the screen. The object in the box is a laptop.";

  it("matches the label's keywords against the span's words only, with offsets into the whole answer", async () => {
    const verdict = await verify(object, answer, reference, {
      spanExtractor: spanAt("a laptop"),
      questionKind: "star-object-at",
      question: "What is it?",
    });
    expect(verdict.passed).toBe(true);
    expect(verdict.method).toBe("class:released-word-matching:qa-span");
    expect(verdict.matches[0]).toMatchObject({ matched: true, text: "laptop", start: answer.lastIndexOf("laptop") });
    expectSpansInAnswer(verdict, answer);
    const cup = await verify({ labelType: "class", label: "cup" }, answer, reference, {
      spanExtractor: spanAt("a laptop"),
      questionKind: "star-object-at",
      question: "What is it?",
    });
    // "cup" is in the answer, but not in the span the parser keeps.
    expect(cup.passed).toBe(false);
  });

  it("drops the item when the span has no keyword (max() of an empty list raises)", async () => {
    const verdict = await verify(object, "It is the one on the left.", reference, {
      spanExtractor: spanAt("the one"),
      questionKind: "star-object-at",
      question: "What is it?",
    });
    expect(verdict.method).toBe("class:released-word-matching:qa-span:dropped");
    expect(verdict.passed).toBe(false);
  });

  it("is not applied without a question-answering model", () => {
    const verdict = check(object, answer, "star-object-at");
    expect(verdict.method).toBe("class:released-word-matching:not-applied");
    expect(verdict.passed).toBe(false);
  });
});

describe("one_dim_range on extract_temporal_range (verifier.py): normalised times, the last valid pair, IoU > 0.5", () => {
  // 2 s to 5 s of a 10 s clip: 0.2 to 0.5 of it, as the released labels are.
  const interval: Target = { labelType: "interval", label: { start: 2, end: 5, duration: 10 } };
  const ask = (answer: string, extractor: SpanExtractor) =>
    verify(interval, answer, reference, { spanExtractor: extractor, questionKind: "star-when", question: "When does it happen?" });

  it("reads the question-answering span when its score is above 0.6, else the whole answer", async () => {
    const answer = "It starts calmly. The person acts from 0.2 to 0.5 of the clip.";
    const spanned = await ask(answer, spanAt("from 0.2 to 0.5", 0.9));
    expect(spanned.passed).toBe(true);
    expect(spanned.method).toBe("interval:released-temporal-range");
    expect(spanned.matches[0]).toMatchObject({ matched: true, text: "0.2 to 0.5" });
    expectSpansInAnswer(spanned, answer);
    // A confident span with a single time gives (None, None): the item fails.
    expect((await ask(answer, spanAt("0.5", 0.9))).passed).toBe(false);
    // The same span at score 0.6 is ignored, and the whole answer has the pair.
    expect((await ask(answer, spanAt("0.5", 0.6))).passed).toBe(true);
  });

  it("takes the last pair of consecutive times with 0 < start < end < 1, scanning backwards", async () => {
    const whole = spanAt("x", 0.1);
    expect((await ask("From 0.2 to 0.5, or maybe 0.6 to 0.9. x", whole)).passed).toBe(false);
    expect((await ask("It ends near 0.9; it runs from 0.2 to 0.5. x", whole)).passed).toBe(true);
    // Consecutive across mentions: "0.5 ... at 0.9" is the last valid pair, not 0.2 to 0.5.
    const across = await ask("From 0.2 to 0.5, then at 0.9 and 0.7. x", whole);
    expect(across.passed).toBe(false);
    expect(across.matches[0]).toMatchObject({ matched: false, closest: { text: "0.5, then at 0.9" } });
    // Seconds are never read as a range (end < 1 fails), which is what the released code does with them.
    const seconds = await ask("It happens from 2 to 5 seconds. x", whole);
    expect(seconds.passed).toBe(false);
    expect(reasons(seconds)).toMatch(/extract_temporal_range gives None, None/);
  });

  it("needs an IoU above 0.5 (0.5 itself fails) and fails without overlap", async () => {
    const whole = spanAt("x", 0.1);
    const half: Target = { labelType: "interval", label: { start: 2, end: 6, duration: 10 } };
    const verdict = await verify(half, "from 0.2 to 0.4 x", reference, {
      spanExtractor: whole,
      questionKind: "star-when",
      question: "When?",
    });
    expect(verdict.score).toBeCloseTo(0.5, 9);
    expect(verdict.passed).toBe(false);
    expect((await ask("from 0.55 to 0.9 x", whole)).passed).toBe(false);
  });

  it("is not applied without the clip's length or without a question-answering model", async () => {
    const noDuration = await verify({ labelType: "interval", label: { start: 2, end: 5 } }, "from 0.2 to 0.5", reference, {
      spanExtractor: spanAt("0.2"),
      question: "When?",
    });
    expect(noDuration.method).toBe("interval:released-temporal-range:not-applied");
    expect(reasons(noDuration)).toMatch(/no clip duration/);
    const noModel = check(interval, "from 0.2 to 0.5");
    expect(noModel.method).toBe("interval:released-temporal-range:not-applied");
    expect(reasons(noModel)).toMatch(/no question-answering model/);
  });
});

describe("verifyMany with an embeddings backend and a question-answering model", () => {
  it("asks the model only for the answers whose rules read a span, and embeds every text in one request", async () => {
    const extractor = spanAt("the cup");
    let requests = 0;
    const counting: Embedder = {
      model: "word-counts",
      embed: async (texts) => {
        requests++;
        return wordEmbedder.embed(texts);
      },
    };
    const verdicts = await verifyMany(
      [
        { targets: { labelType: "class", label: "The cup." }, answer: "He holds the cup.", questionKind: "star-qa", question: "What?" },
        {
          targets: { labelType: "sequence", label: { actions: ["Forward", "Entry"] } },
          answer: "Forward. Entry.",
          questionKind: "subaction-sequence",
        },
        { targets: { labelType: "class", label: "tuck" }, answer: "A tuck.", questionKind: "kinetics-class", question: "What?" },
      ],
      reference,
      { embedder: counting, spanExtractor: extractor },
    );
    expect(verdicts.map((verdict) => verdict.passed)).toEqual([true, true, true]);
    expect(extractor.asked).toHaveLength(1);
    expect(requests).toBe(1);
  });

  it("rejects when the question-answering model fails, instead of verifying without it", async () => {
    const failing: SpanExtractor = { extractSpan: async () => Promise.reject(new Error("HTTP 503")) };
    await expect(
      verifyMany(
        [{ targets: { labelType: "class", label: "cup" }, answer: "a cup", questionKind: "star-qa", question: "What?" }],
        reference,
        {
          embedder: wordEmbedder,
          spanExtractor: failing,
        },
      ),
    ).rejects.toThrow(/HTTP 503/);
  });
});

describe("the verifier each FineDiving AQA target gets (data_gen_utils.py FineDiving_dataset.aqa_qa)", () => {
  const targets: Target[] = [
    { labelType: "float", label: { value: 3, name: "difficulty" } },
    { labelType: "float", label: { value: 85.78, name: "score" } },
  ];

  it("difficulty by keyword match on str(difficulty) ('3.0'), the score by float", () => {
    const verdict = check(targets[0] as Target, "The difficulty is 3.0 and the score 84.", "aqa-full");
    expect(verdict.method).toBe("float:released-word-matching");
    expect(verdict.passed).toBe(true);
    expect(check(targets[0] as Target, "The difficulty is 3 and the score 84.", "aqa-full").passed).toBe(false);
    const both = verifySync(targets, "The difficulty is 3.0 and the score 84.", reference, { questionKind: "aqa-full" });
    expect(both.method).toBe("float:released-word-matching + float:released-abs-float");
    expect(both.passed).toBe(true);
  });
});

describe("the released keyword pass equals filtering spaCy's tokens", () => {
  it("finds the same distinct words at the same first offsets as spacyTokenize + remove_stopwords", () => {
    const unit = fc.constantFrom(..."aBc3.,-'/ (\n)\t😀", "the ", "Soms.Tuck ", "don't ", "3.5 ", "  ", "\u00a0");
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), (text) => {
        const expected = new Map<string, [number, number]>();
        for (const token of spacyTokenize(text)) {
          if (!isReleasedKeyword(token.text)) continue;
          const word = token.text.toLowerCase();
          if (!expected.has(word)) expected.set(word, [token.start, token.end]);
        }
        const found = releasedWords(text);
        expect(found.words.map((word, i) => [word.word, found.starts[i], found.ends[i]])).toEqual(
          [...expected].map(([word, [start, end]]) => [word, start, end]),
        );
      }),
      { numRuns: 500 },
    );
  });
});
