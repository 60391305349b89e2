import { describe, expect, test } from "vitest";
import type { CuratedExample } from "./db/export-repository";
import {
  type ExampleContext,
  jsonlItem,
  llamaFactoryInstructionItem,
  llamaFactoryItem,
  userTurnOf,
  videoLlavaInstructionItem,
  videoLlavaItem,
} from "./exports/formats";
import { ANSWER_PROMPT } from "./prompts";
import { labelText } from "./label-text";
import { bar, progressLines } from "./progress-bars";
import type { RunStatus } from "./status";

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
  simulated: true,
  score: 1,
  method: "class:keyword-fuzz-ratio",
};
const context: ExampleContext = {
  cycleId: 3,
  userTurn: "What is the person doing?",
  relativeVideoPath: "kinetics/abc.mp4",
  videoPath: "/shared/media/kinetics/abc.mp4",
  labels: [{ labelType: "class", label: "eating apple pie" }],
};

describe("export formats", () => {
  test("Video-LLaVA, as the released code writes records: <video>\\n and the bare question, then the rationale", () => {
    expect(videoLlavaItem(example, context)).toEqual({
      id: "c3-g42",
      video: "kinetics/abc.mp4",
      conversations: [
        { from: "human", value: "<video>\nWhat is the person doing?" },
        { from: "gpt", value: example.text },
      ],
    });
  });

  test("LLaMA-Factory sharegpt: role/content messages and an absolute video path; the label never in the input", () => {
    const item = llamaFactoryItem(example, context);
    expect(item).toEqual({
      messages: [
        { role: "user", content: "<video>\nWhat is the person doing?" },
        { role: "assistant", content: example.text },
      ],
      videos: ["/shared/media/kinetics/abc.mp4"],
    });
    expect(item.messages[0]!.content).not.toContain("Answer:");
  });

  test('userTurn "prompt": <video>\\n and the chain-of-thought prompt exactly as the released code asked it (data_generation.py rationale_prompt), in the released {id, video, conversations} record', () => {
    const question = "What is the person doing?";
    // videostar/data_generation.py: rationale_prompt = lambda q: f"Question: {q}\nCan you explain step-by-step how one can arrive at this conclusion?"
    const released = `Question: ${question}\nCan you explain step-by-step how one can arrive at this conclusion?`;
    const userTurn = userTurnOf("prompt", ANSWER_PROMPT, question);
    expect(userTurn).toBe(released);
    expect(videoLlavaItem(example, { ...context, userTurn })).toStrictEqual({
      id: "c3-g42",
      video: "kinetics/abc.mp4",
      conversations: [
        { from: "human", value: `<video>\n${released}` },
        { from: "gpt", value: "First ... eating apple pie." },
      ],
    });
    expect(llamaFactoryItem(example, { ...context, userTurn })).toStrictEqual({
      messages: [
        { role: "user", content: `<video>\n${released}` },
        { role: "assistant", content: "First ... eating apple pie." },
      ],
      videos: ["/shared/media/kinetics/abc.mp4"],
    });
    // The paper's prompt has "{Q}." where the released f-string has "{q}": a question that does not end a sentence keeps the period.
    expect(userTurnOf("prompt", ANSWER_PROMPT, "Name the action")).toBe(
      "Question: Name the action.\nCan you explain step-by-step how one can arrive at this conclusion?",
    );
    // The default, "question", is the bare question (trimmed), as the released records have it.
    expect(userTurnOf("question", ANSWER_PROMPT, `  ${question} `)).toBe(question);
  });

  test("JSONL keeps the provenance", () => {
    expect(jsonlItem(example, context)).toMatchObject({
      generationId: 42,
      cycleId: 3,
      mode: "rationalization",
      targets: context.labels,
      verdict: { passed: true },
      simulated: true,
    });
  });
});

describe("instruction examples in the export formats", () => {
  const llava = {
    turns: [
      { role: "user", content: "<image>\nWhat is in the picture?" },
      { role: "assistant", content: "A cat." },
    ],
    images: ["coco/1.jpg"],
    videos: [],
  } as const;

  test("Video-LLaVA keeps LLaVA's layout and paths", () => {
    expect(videoLlavaInstructionItem(llava, "c3-i0")).toEqual({
      id: "c3-i0",
      image: "coco/1.jpg",
      conversations: [
        { from: "human", value: "<image>\nWhat is in the picture?" },
        { from: "gpt", value: "A cat." },
      ],
    });
  });

  test("LLaMA-Factory gets role/content messages and mapped media paths", () => {
    expect(llamaFactoryInstructionItem(llava, (media) => `/cluster/${media}`)).toEqual({
      messages: [
        { role: "user", content: "<image>\nWhat is in the picture?" },
        { role: "assistant", content: "A cat." },
      ],
      images: ["/cluster/coco/1.jpg"],
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

  test("progress bars", () => {
    expect(bar(0.5, 10)).toBe("[#####.....]  50%");
    expect(bar(2, 4)).toBe("[####] 100%");
  });

  test("the CLI's lines say what a yield and an accuracy are over, and what was given up", () => {
    const cycle = {
      index: 1,
      isFinal: true,
      status: "DONE_WITH_ERRORS",
      error: null,
      answerYield: 6 / 14,
      answered: 14,
      givenUp: 17,
      stages: [],
      training: null,
      evaluations: [{ dataset: "STAR", total: 4, correct: 3, accuracy: 0.75, givenUp: 4 }],
    };
    // Only the fields the lines read; the rest of a run's status plays no part.
    const status = { id: 7, name: "faulty", status: "DONE", cycles: [cycle] } as unknown as RunStatus;
    expect(progressLines(status)).toEqual([
      'Run 7 "faulty": done',
      "  cycle 1 (final): done with errors, answer yield 42.9% of 14 answered, 17 given up",
      "    held-out accuracy on STAR: 75.0% (3/4 answered), 4 given up",
    ]);
  });
});
