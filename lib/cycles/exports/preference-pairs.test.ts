import { describe, expect, test } from "vitest";
import type { PreferenceCandidate } from "../db/export-repository";
import { judge, llamaFactoryPreferenceItem, pairForQuestion, pairsOf, preferenceDatasetInfo } from "./preference-pairs";

let nextId = 1;
function candidate(overrides: Partial<PreferenceCandidate> = {}): PreferenceCandidate {
  return {
    generationId: nextId++,
    mode: "ANSWER",
    text: `answer ${nextId}`,
    simulated: false,
    questionId: 7,
    question: "What is the person doing?",
    videoKey: "abc",
    mediaPath: "k700/abc.mp4",
    sourcePath: null,
    passed: null,
    score: null,
    adjudicated: null,
    auditsHallucinated: 0,
    auditsCorrect: 0,
    auditsJudged: 0,
    ...overrides,
  };
}
const audited = (verdict: "CORRECT" | "HALLUCINATED" | "PARTLY_CORRECT", more: Partial<PreferenceCandidate> = {}) =>
  candidate({
    auditsJudged: 1,
    auditsCorrect: verdict === "CORRECT" ? 1 : 0,
    auditsHallucinated: verdict === "HALLUCINATED" ? 1 : 0,
    ...more,
  });

describe("who decides about an answer", () => {
  test("an adjudication overrides the audits, audits override the verifier", () => {
    expect(judge(candidate({ adjudicated: "CORRECT", auditsJudged: 2, auditsHallucinated: 1, passed: false }))).toMatchObject({
      side: "correct",
      by: "adjudication",
    });
    expect(judge(candidate({ adjudicated: "HALLUCINATED", auditsJudged: 1, auditsCorrect: 1, passed: true }))).toMatchObject({
      side: "wrong",
      by: "adjudication",
    });
    expect(judge(audited("HALLUCINATED", { passed: true }))).toMatchObject({ side: "wrong", by: "audit" });
    expect(judge(audited("CORRECT", { passed: false }))).toMatchObject({ side: "correct", by: "audit" });
    expect(judge(candidate({ passed: true }))).toMatchObject({ side: "correct", by: "verifier" });
    expect(judge(candidate({ passed: false }))).toMatchObject({ side: "wrong", by: "verifier" });
  });

  test("an answer people judged neither correct nor hallucinated is not used, not even through the verifier", () => {
    expect(judge(audited("PARTLY_CORRECT", { passed: true })).side).toBeNull();
    expect(judge(candidate({ adjudicated: "UNSURE", passed: true })).side).toBeNull();
    // One rater CORRECT, one PARTLY_CORRECT: not all correct.
    expect(judge(candidate({ auditsJudged: 2, auditsCorrect: 1, passed: true })).side).toBeNull();
    expect(judge(candidate({ passed: null })).side).toBeNull();
  });
});

describe("one pair per question", () => {
  test("chosen: human-correct before a verifier pass; rejected: human-hallucinated before a verifier fail", () => {
    const verifierPass = candidate({ passed: true, score: 0.99 });
    const humanCorrect = audited("CORRECT", { passed: false, score: 0.2 });
    const verifierFail = candidate({ passed: false, score: 0.1 });
    const humanHallucinated = audited("HALLUCINATED", { passed: true, score: 0.9 });
    const pair = pairForQuestion([verifierPass, humanCorrect, verifierFail, humanHallucinated]);
    expect(pair?.chosen.candidate.generationId).toBe(humanCorrect.generationId);
    expect(pair?.rejected.candidate.generationId).toBe(humanHallucinated.generationId);
    expect(pair?.source).toBe("audit");
  });

  test("verifier alone: the highest-scoring pass against the lowest-scoring fail", () => {
    const pass = candidate({ passed: true, score: 0.7 });
    const betterPass = candidate({ passed: true, score: 0.9 });
    const fail = candidate({ passed: false, score: 0.4 });
    const worseFail = candidate({ passed: false, score: 0.1 });
    const pair = pairForQuestion([pass, betterPass, fail, worseFail]);
    expect([pair?.chosen.candidate.generationId, pair?.rejected.candidate.generationId]).toEqual([
      betterPass.generationId,
      worseFail.generationId,
    ]);
    expect(pair?.source).toBe("verifier");
  });

  test("two answers judged hallucinated are never paired, nor an answer with its own words", () => {
    expect(pairForQuestion([audited("HALLUCINATED"), candidate({ adjudicated: "HALLUCINATED" })])).toBeNull();
    expect(pairForQuestion([audited("HALLUCINATED", { passed: true }), candidate({ passed: false })])).toBeNull();
    expect(pairForQuestion([candidate({ passed: true, text: "A cat." }), audited("HALLUCINATED", { text: " A cat. " })])).toBeNull();
    expect(pairForQuestion([candidate({ passed: true })])).toBeNull();
  });

  test("the pair's source is the strongest either side was judged by; simulated when either answer is", () => {
    const pair = pairForQuestion([candidate({ passed: true, simulated: true }), candidate({ adjudicated: "HALLUCINATED" })]);
    expect(pair?.source).toBe("adjudication");
    expect(pair?.simulated).toBe(true);
  });

  test("pairsOf groups a page by question", () => {
    const pairs = pairsOf([
      candidate({ questionId: 1, passed: true }),
      candidate({ questionId: 1, passed: false }),
      candidate({ questionId: 2, passed: true }),
      candidate({ questionId: 3, passed: true }),
      candidate({ questionId: 3, passed: false }),
    ]);
    expect(pairs.map((pair) => pair.questionId)).toEqual([1, 3]);
  });
});

describe("LLaMA-Factory's sharegpt preference shape", () => {
  const pair = pairForQuestion([
    candidate({ text: "The person is eating apple pie.", adjudicated: "CORRECT" }),
    candidate({ text: "The person is juggling knives.", passed: false }),
  ]);

  test("messages end on the user's turn; chosen and rejected are single assistant messages; videos lists the clip", () => {
    if (!pair) throw new Error("no pair");
    expect(llamaFactoryPreferenceItem(pair, { userTurn: "What is the person doing?", videoPath: "videos/k700/abc.mp4" })).toEqual({
      messages: [{ role: "user", content: "<video>\nWhat is the person doing?" }],
      chosen: { role: "assistant", content: "The person is eating apple pie." },
      rejected: { role: "assistant", content: "The person is juggling knives." },
      videos: ["videos/k700/abc.mp4"],
      source: "adjudication",
      simulated: false,
    });
  });

  test("dataset_info.json registers it as a ranking sharegpt dataset with role/content tags", () => {
    expect(preferenceDatasetInfo("vstar_c3_dpo", "vstar_c3_dpo.json")).toEqual({
      vstar_c3_dpo: {
        file_name: "vstar_c3_dpo.json",
        formatting: "sharegpt",
        ranking: true,
        columns: { messages: "messages", chosen: "chosen", rejected: "rejected", videos: "videos" },
        tags: { role_tag: "role", content_tag: "content", user_tag: "user", assistant_tag: "assistant", system_tag: "system" },
      },
    });
  });
});
