import { describe, expect, test } from "vitest";
import { ANSWER_PROMPT, RATIONALIZATION_PROMPT, renderPrompt } from "./prompts";

describe("renderPrompt", () => {
  test("a question ending in '?' does not leave '?.' (paper's 'Question: {Q}.')", () => {
    expect(renderPrompt(ANSWER_PROMPT, { question: "What is the person doing?" })).toBe(
      "Question: What is the person doing?\nCan you explain step-by-step how one can arrive at this conclusion?",
    );
  });

  test("a label ending in '.' does not leave '..' (paper's 'Answer: {L}.')", () => {
    expect(renderPrompt(RATIONALIZATION_PROMPT, { question: "Which activity?", label: "The activity." })).toBe(
      "Question: Which activity?\nAnswer: The activity.\nCan you explain step-by-step how one can arrive at this conclusion?",
    );
  });

  test("keeps the template's period after a value that does not end a sentence, and leaves other text alone", () => {
    expect(renderPrompt(ANSWER_PROMPT, { question: "Name the activity" })).toBe(
      "Question: Name the activity.\nCan you explain step-by-step how one can arrive at this conclusion?",
    );
    expect(renderPrompt("Q={Q} {L}", { question: "a {L} b", label: "x" })).toBe("Q=a {L} b x");
    expect(renderPrompt("Q: {Q}...", { question: "Why?" })).toBe("Q: Why?...");
  });
});
