import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { instructionMediaPath, readInstructionFile, sampleInstructionExamples } from "./instruction-data";

async function fileWith(content: unknown): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "instruction-"));
  const file = path.join(dir, "data.json");
  await writeFile(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

describe("instruction data (the paper mixes VideoInstruct-100K and LLaVA-1.5 into every cycle)", () => {
  test("reads LLaVA lists (image or video) and sharegpt lists (messages)", async () => {
    const file = await fileWith([
      {
        id: "1",
        image: "coco/1.jpg",
        conversations: [
          { from: "human", value: "<image>\nWhat?" },
          { from: "gpt", value: "A cat." },
        ],
      },
      {
        id: "2",
        video: "v/2.mp4",
        conversations: [
          { from: "human", value: "<video>\nWhy?" },
          { from: "gpt", value: "Because." },
        ],
      },
      {
        messages: [
          { role: "system", content: "Be brief." },
          { role: "user", content: "Hi" },
          { role: "assistant", content: "Hello" },
        ],
      },
    ]);
    const examples = await readInstructionFile(file);
    expect(examples).toEqual([
      {
        turns: [
          { role: "user", content: "<image>\nWhat?" },
          { role: "assistant", content: "A cat." },
        ],
        images: ["coco/1.jpg"],
        videos: [],
      },
      {
        turns: [
          { role: "user", content: "<video>\nWhy?" },
          { role: "assistant", content: "Because." },
        ],
        images: [],
        videos: ["v/2.mp4"],
      },
      {
        turns: [
          { role: "user", content: "Hi" },
          { role: "assistant", content: "Hello" },
        ],
        images: [],
        videos: [],
      },
    ]);
    expect(instructionMediaPath(file, "coco/1.jpg")).toBe(path.join(path.dirname(file), "coco/1.jpg"));
    expect(instructionMediaPath(file, "/abs/1.jpg")).toBe("/abs/1.jpg");
  });

  test("names the file and the item that is neither format", async () => {
    const file = await fileWith([
      {
        conversations: [
          { from: "gpt", value: "no question first" },
          { from: "human", value: "?" },
        ],
      },
    ]);
    await expect(readInstructionFile(file)).rejects.toThrow(/item 0: neither LLaVA/);
    await expect(readInstructionFile(await fileWith("{"))).rejects.toThrow(/cannot be read as JSON/);
    await expect(readInstructionFile(await fileWith({ a: 1 }))).rejects.toThrow(/must hold a JSON array/);
  });

  test("samples so that instruction examples are `share` of the written set, deterministically", () => {
    const pool = Array.from({ length: 100 }, (_, i) => i);
    const sample = sampleInstructionExamples(pool, 300, 0.25, 7);
    expect(sample).toHaveLength(100);
    expect(new Set(sample).size).toBe(100);
    expect(sampleInstructionExamples(pool, 300, 0.25, 7)).toEqual(sample);
    expect(sampleInstructionExamples(pool, 300, 0.25, 8)).not.toEqual(sample);
    expect(sampleInstructionExamples(pool, 30, 0.5, 1)).toHaveLength(30);
    expect(sampleInstructionExamples(pool.slice(0, 3), 30, 0.5, 1)).toHaveLength(30);
    expect(sampleInstructionExamples(pool, 0, 0.5, 1)).toEqual([]);
  });
});
