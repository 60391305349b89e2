import { describe, expect, it } from "vitest";
import { extractAqaClaims } from "@/lib/aqa";
import { describeVideo, generateAnswer, type AnswerInput } from "./answer-generator";
import { cosineSimilarity, embedText } from "./embeddings";
import { countWords } from "./formatting";
import { boxIou, temporalIou, type Box } from "./geometry";
import type { Target } from "./targets";
import { actionClasses } from "./vocabulary";

const prompt = "Question: What is the person doing in this video?\nCan you explain step-by-step how one can arrive at this conclusion?";

function input(overrides: Partial<AnswerInput> = {}): AnswerInput {
  return {
    seed: 42,
    model: "Qwen2.5-VL-7B-Instruct",
    strength: 0,
    videoId: "vid-1",
    prompt,
    mode: "answer",
    targets: [{ labelType: "class", label: "eating apple pie" }],
    questionKind: "kinetics-action",
    ...overrides,
  };
}

function many(count: number, overrides: (i: number) => Partial<AnswerInput>) {
  return Array.from({ length: count }, (_, i) => generateAnswer(input({ videoId: `vid-${i}`, ...overrides(i) })));
}

function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[A-Z])/).filter((s) => s.length > 0);
}

describe("generateAnswer determinism", () => {
  it("gives the same text for the same inputs", () => {
    expect(generateAnswer(input()).text).toBe(generateAnswer(input()).text);
  });

  it("changes with the seed, the model, the video and the mode", () => {
    const texts = new Set(
      [input(), input({ seed: 43 }), input({ model: "cycle-1" }), input({ videoId: "vid-2" }), input({ mode: "rationalization" })].map(
        (i) => generateAnswer(i).text,
      ),
    );
    expect(texts.size).toBe(5);
  });
});

describe("generateAnswer shape", () => {
  it("writes 3–6 sentences of roughly 80–250 words for a single target", () => {
    for (const answer of many(200, () => ({}))) {
      const words = countWords(answer.text);
      expect(words).toBeGreaterThanOrEqual(75);
      expect(words).toBeLessThanOrEqual(250);
      const sentences = sentencesOf(answer.text).length;
      expect(sentences).toBeGreaterThanOrEqual(3);
      expect(sentences).toBeLessThanOrEqual(6);
    }
  });

  it("never mentions the label in a wrong answer", () => {
    const wrong = many(300, () => ({})).filter((a) => !a.correct);
    expect(wrong.length).toBeGreaterThan(100);
    for (const answer of wrong) expect(answer.text.toLowerCase()).not.toContain("apple pie");
  });

  it("states the label in a correct answer", () => {
    const right = many(300, () => ({})).filter((a) => a.correct);
    expect(right.length).toBeGreaterThan(50);
    for (const answer of right) expect(answer.text.toLowerCase()).toContain("eating apple pie");
  });

  it("describes a clip deterministically when there is no simulation context", () => {
    const a = describeVideo({ seed: 1, model: "m", prompt: "Describe the video.", videoRef: "v123" });
    expect(a.text).toBe(describeVideo({ seed: 1, model: "m", prompt: "Describe the video.", videoRef: "v123" }).text);
    expect(a.text).not.toBe(describeVideo({ seed: 1, model: "m", prompt: "Describe the video.", videoRef: "v999" }).text);
    expect(countWords(a.text)).toBeGreaterThan(50);
  });
});

describe("yield model", () => {
  const labels = actionClasses.slice(0, 30);
  const shareCorrect = (strength: number, mode: "answer" | "rationalization" = "answer") => {
    const answers = many(600, (i) => ({ strength, mode, targets: [{ labelType: "class", label: labels[i % labels.length] as string }] }));
    return answers.filter((a, i) => a.text.toLowerCase().includes(labels[i % labels.length] as string)).length / answers.length;
  };

  it("rises with adapter strength and saturates", () => {
    const shares = [0, 1, 2, 3, 6].map((s) => shareCorrect(s));
    expect(shares[0]).toBeGreaterThan(0.28);
    expect(shares[0]).toBeLessThan(0.42);
    for (let i = 1; i < shares.length; i++) expect(shares[i]).toBeGreaterThanOrEqual(shares[i - 1] as number);
    expect(shares[3]).toBeGreaterThan(0.68);
    expect(shares[4]).toBeLessThan(0.85);
  });

  it("is higher when rationalizing, with more hallucinated details", () => {
    expect(shareCorrect(0, "rationalization")).toBeGreaterThan(0.78);
    const rate = (mode: "answer" | "rationalization") =>
      many(400, () => ({ mode })).filter((a) => a.hallucinations.length > 0).length / 400;
    expect(rate("rationalization")).toBeGreaterThan(rate("answer") + 0.15);
  });

  it("puts every reported hallucination verbatim into the text", () => {
    for (const answer of many(200, () => ({ mode: "rationalization" }))) {
      for (const h of answer.hallucinations) expect(answer.text).toContain(h);
    }
  });
});

// Minimal parsers, mirroring the forms the verifier is told to expect.
const parseBox = (text: string): Box | undefined => {
  const m = text.match(/\[(\d\.\d+), (\d\.\d+), (\d\.\d+), (\d\.\d+)\]/);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] : undefined;
};
const clock = (mmss: string) => {
  const [m, s] = mmss.split(":").map(Number);
  return (m ?? 0) * 60 + (s ?? 0);
};
const parseInterval = (text: string) => {
  const seconds = text.match(/from (\d+(?:\.\d+)?)s to (\d+(?:\.\d+)?)s/);
  if (seconds) return { start: Number(seconds[1]), end: Number(seconds[2]) };
  const mmss = text.match(/between (\d\d:\d\d) and (\d\d:\d\d)/);
  return mmss ? { start: clock(mmss[1] as string), end: clock(mmss[2] as string) } : undefined;
};

describe("target forms the verifier can parse", () => {
  const check = (target: Target, assert: (text: string, correct: boolean) => void) => {
    const answers = many(120, () => ({ targets: [target], questionKind: "grounding" }));
    expect(answers.some((a) => a.correct)).toBe(true);
    expect(answers.some((a) => !a.correct)).toBe(true);
    for (const a of answers) assert(a.text, a.correct);
  };

  it("float: 'a score of 85.78' when right, a far value when wrong", () => {
    check({ labelType: "float", label: { value: 85.78, name: "score" } }, (text, correct) => {
      const m = text.match(/a score of (\d+(?:\.\d+)?)/);
      expect(m).not.toBeNull();
      const value = Number(m?.[1]);
      if (correct) expect(value).toBe(85.78);
      else expect(Math.abs(value - 85.78)).toBeGreaterThan(85.78 * 0.19);
    });
  });

  it("bbox: a normalised box, IoU ≥ 0.9 when right and < 0.2 when wrong", () => {
    const truth: [number, number, number, number] = [0.12, 0.3, 0.55, 0.9];
    check({ labelType: "bbox", label: { box: truth } }, (text, correct) => {
      const box = parseBox(text);
      expect(box).toBeDefined();
      const iou = boxIou(box as Box, truth);
      if (correct) expect(iou).toBeGreaterThan(0.9);
      else expect(iou).toBeLessThan(0.2);
    });
  });

  it("interval: seconds or clock times, tIoU 1 when right and < 0.3 when wrong", () => {
    const truth = { start: 2, end: 5 };
    check({ labelType: "interval", label: truth }, (text, correct) => {
      const span = parseInterval(text);
      expect(span).toBeDefined();
      const tiou = temporalIou(span as { start: number; end: number }, truth);
      if (correct) expect(tiou).toBe(1);
      else expect(tiou).toBeLessThan(0.3);
    });
  });

  it("timestamp: 'at 3.2 seconds', at least 2.5 s off when wrong", () => {
    check({ labelType: "timestamp", label: { time: 3.2 } }, (text, correct) => {
      const m = text.match(/at (\d+(?:\.\d+)?) seconds/);
      expect(m).not.toBeNull();
      const time = Number(m?.[1]);
      if (correct) expect(time).toBe(3.2);
      else expect(Math.abs(time - 3.2)).toBeGreaterThanOrEqual(2.45);
    });
  });

  it("sequence: all actions in order when right, out of order when wrong", () => {
    const actions = ["opening a door", "drinking from a cup", "sitting on the sofa"];
    check({ labelType: "sequence", label: { actions } }, (text, correct) => {
      const positions = actions.map((a) => text.indexOf(a));
      const inOrder = positions.every((p, i) => p >= 0 && (i === 0 || p > (positions[i - 1] as number)));
      expect(inOrder).toBe(correct);
    });
  });

  it("caption: a close paraphrase when right, an unrelated caption when wrong", () => {
    const caption = "a man opens the fridge";
    const answers = many(120, () => ({ targets: [{ labelType: "caption", label: caption }] }));
    for (const a of answers) {
      const stated = a.statements[0]?.stated ?? "";
      expect(a.text).toContain(stated);
      const similarity = cosineSimilarity(embedText(stated), embedText(caption));
      if (a.correct) expect(similarity).toBeGreaterThan(0.7);
      else expect(similarity).toBeLessThan(0.4);
    }
  });

  it("same: 'the same object' or 'not the same', flipped when wrong", () => {
    check({ labelType: "same", label: { same: false } }, (text, correct) => {
      expect(/not the same/.test(text)).toBe(correct);
    });
  });

  it("several targets: a wrong answer misses at least one", () => {
    const targets: Target[] = [
      { labelType: "interval", label: { start: 1, end: 4 } },
      { labelType: "timestamp", label: { time: 2 } },
    ];
    for (const a of many(200, () => ({ targets }))) {
      expect(a.statements).toHaveLength(2);
      expect(a.correct).toBe(a.statements.every((s) => s.correct));
    }
  });
});

describe("FineDiving action-quality answers", () => {
  const aqa = (i: number, overrides: Partial<AnswerInput> = {}) =>
    generateAnswer(
      input({
        videoId: `dive-${i}`,
        questionKind: "aqa-full",
        targets: [
          { labelType: "float", label: { value: 81.6, name: "score" } },
          { labelType: "float", label: { value: 3.2, name: "difficulty" } },
        ],
        ...overrides,
      }),
    );

  it("shows judges, difficulty and arithmetic that reach the true score when right", () => {
    const answers = Array.from({ length: 200 }, (_, i) => aqa(i, { strength: 3 }));
    const right = answers.filter((a) => a.correct);
    expect(right.length).toBeGreaterThan(100);
    for (const a of right) {
      expect(a.text).toContain("a score of 81.6");
      expect(a.text).toContain("a difficulty of 3.2");
      const marks = a.text
        .match(/judges' marks are ([\d., and]+)\./)?.[1]
        ?.split(/, | and /)
        .map(Number);
      expect(marks).toHaveLength(7);
      const kept = (marks as number[]).sort((x, y) => x - y).slice(2, 5);
      expect((kept[0] as number) + (kept[1] as number) + (kept[2] as number)).toBeCloseTo(25.5, 5);
      const statedSum = Number(a.text.match(/which sum to (\d+\.\d)/)?.[1]);
      expect(statedSum === 25.5).toBe(!a.arithmeticSlip);
    }
    const slips = right.filter((a) => a.arithmeticSlip).length / right.length;
    expect(slips).toBeGreaterThan(0.03);
    expect(slips).toBeLessThan(0.35);
  });

  it("misses the score when wrong, sometimes giving none at all", () => {
    const wrong = Array.from({ length: 300 }, (_, i) => aqa(i)).filter((a) => !a.correct);
    expect(wrong.length).toBeGreaterThan(120);
    for (const a of wrong) expect(a.text).not.toContain("a score of 81.6");
    const withoutScore = wrong.filter((a) => !/a score of \d/.test(a.text)).length;
    expect(withoutScore).toBeGreaterThan(0);
    expect(withoutScore).toBeLessThan(wrong.length / 2);
  });

  it("lists the sub-actions in order when they are a target", () => {
    const actions = ["Reverse", "3.5 Soms.Tuck", "Entry"];
    const a = aqa(1, {
      strength: 3,
      targets: [
        { labelType: "sequence", label: { actions } },
        { labelType: "float", label: { value: 85.75, name: "score" } },
      ],
    });
    const right = a.correct
      ? a
      : aqa(2, {
          strength: 3,
          targets: [
            { labelType: "sequence", label: { actions } },
            { labelType: "float", label: { value: 85.75, name: "score" } },
          ],
        });
    const positions = actions.map((x) => right.text.indexOf(x));
    expect(positions.every((p, i) => p >= 0 && (i === 0 || p > (positions[i - 1] as number)))).toBe(right.correct);
  });

  it("states a sequence the AQA extractor reads back exactly when right", () => {
    const actions = ["Inward", "3.5 Soms.Tuck", "Entry"];
    const targets: Target[] = [
      { labelType: "sequence", label: { actions } },
      { labelType: "float", label: { value: 85.75, name: "score" } },
    ];
    const answers = Array.from({ length: 40 }, (_, i) => aqa(i, { strength: 3, targets }));
    const right = answers.filter((a) => a.correct);
    expect(right.length).toBeGreaterThan(10);
    for (const a of right) expect(extractAqaClaims(a.text).sequence).toEqual(actions);
  });
});
