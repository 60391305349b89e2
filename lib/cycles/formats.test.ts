import { describe, expect, test } from "vitest";
import type { CuratedExample } from "./db/export-repository";
import { jsonlItem, llamaFactoryItem, videoLlavaItem, type ExampleContext } from "./exports/formats";
import { cutRanges } from "./engine/plan-batches";
import { labelText } from "./label-text";
import { bar } from "./progress-bars";

const example: CuratedExample = {
  generationId: 42,
  mode: "RATIONALIZATION",
  sampleIndex: 0,
  prompt: "Question: What?\nAnswer: eating apple pie.\nCan you explain step-by-step how one can arrive at this conclusion?",
  text: "First ... eating apple pie.",
  questionId: 7,
  question: "What is the person doing?",
  kind: "kinetics-class",
  targets: [{ labelType: "class", label: "eating apple pie" }],
  datasetId: 1,
  dataset: "Kinetics",
  videoId: 9,
  videoKey: "abc",
  mediaPath: "kinetics/abc.mp4",
  sourcePath: null,
  score: 1,
  method: "class:keyword-fuzz-ratio",
};
const context: ExampleContext = {
  cycleId: 3,
  userPrompt: "Question: What is the person doing?.\nCan you explain step-by-step how one can arrive at this conclusion?",
  relativeVideoPath: "kinetics/abc.mp4",
  videoPath: "/shared/media/kinetics/abc.mp4",
  labels: [{ labelType: "class", label: "eating apple pie" }],
};

describe("export formats", () => {
  test("Video-LLaVA: id, video, human/gpt conversation with the <video> token", () => {
    expect(videoLlavaItem(example, context)).toEqual({
      id: "c3-g42",
      video: "kinetics/abc.mp4",
      conversations: [
        { from: "human", value: `<video>\n${context.userPrompt}` },
        { from: "gpt", value: example.text },
      ],
    });
  });

  test("LLaMA-Factory sharegpt: role/content messages and an absolute video path; the label never in the input", () => {
    const item = llamaFactoryItem(example, context);
    expect(item).toEqual({
      messages: [
        { role: "user", content: `<video>${context.userPrompt}` },
        { role: "assistant", content: example.text },
      ],
      videos: ["/shared/media/kinetics/abc.mp4"],
    });
    expect(item.messages[0]!.content).not.toContain("Answer:");
  });

  test("JSONL keeps the provenance", () => {
    expect(jsonlItem(example, context)).toMatchObject({
      generationId: 42,
      cycleId: 3,
      mode: "rationalization",
      targets: context.labels,
      verdict: { passed: true },
    });
  });
});

describe("helpers", () => {
  test("the rationalization label reads like an answer", () => {
    expect(labelText([{ labelType: "class", label: "playing cello" }])).toBe("playing cello");
    expect(labelText([{ labelType: "float", label: { value: 85.78, name: "dive_score" } }])).toBe("a dive score of 85.78");
    expect(
      labelText([
        { labelType: "interval", label: { start: 2, end: 5.25 } },
        { labelType: "same", label: { same: false } },
      ]),
    ).toBe("from 2s to 5.3s; not the same object");
    expect(labelText([{ labelType: "sequence", label: { actions: ["opening door", "drinking water"] } }])).toBe(
      "opening door, then drinking water",
    );
  });

  test("batches are consecutive id ranges of at most the batch size", () => {
    expect(cutRanges([3, 4, 9, 10, 11], 2)).toEqual([
      { range: [3, 4], count: 2 },
      { range: [9, 10], count: 2 },
      { range: [11, 11], count: 1 },
    ]);
    expect(cutRanges([], 5)).toEqual([]);
  });

  test("progress bars", () => {
    expect(bar(0.5, 10)).toBe("[#####.....]  50%");
    expect(bar(2, 4)).toBe("[####] 100%");
  });
});
