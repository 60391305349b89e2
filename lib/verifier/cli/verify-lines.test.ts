import { describe, expect, it } from "vitest";
import { verifyJsonLines, type OutputLine } from "@/lib/verifier/cli/verify-lines";
import { resolveVerifierConfig } from "@/lib/verifier/config";
import type { Embedder } from "@/lib/verifier/embeddings/embedder";
import { letterCounts } from "@/lib/verifier/testing/embedding-server";

const config = resolveVerifierConfig("paper");

async function collect(lines: string[], options: { embedder?: Embedder; batchSize?: number } = {}): Promise<OutputLine[]> {
  async function* source() {
    yield* lines;
  }
  const out: OutputLine[] = [];
  for await (const line of verifyJsonLines(source(), { config, ...options })) out.push(line);
  return out;
}

const good = (id: string, label: string, answer: string) => JSON.stringify({ id, labelType: "class", label, answer });
const caption = (id: string) =>
  JSON.stringify({ id, labelType: "caption", label: "a man opens the fridge", answer: "A man opens the fridge." });

describe("verifyJsonLines", () => {
  it("answers every non-blank line in order, errors in place", async () => {
    const out = await collect([good("a", "apple pie", "an apple pie"), "", "oops", good("b", "kite", "a dog")]);
    expect(out.map((line) => line.isError)).toEqual([false, true, false]);
    expect(out.map((line) => JSON.parse(line.json))).toEqual([
      {
        id: "a",
        passed: true,
        score: 1,
        threshold: 0.8,
        method: "class:keyword-fuzz-ratio",
        matches: [
          { part: "apple", start: 3, end: 8, text: "apple", similarity: 1 },
          { part: "pie", start: 9, end: 12, text: "pie", similarity: 1 },
        ],
      },
      { line: 3, error: expect.stringMatching(/^line 3: invalid JSON/) },
      {
        id: "b",
        passed: false,
        score: 0,
        threshold: 0.8,
        method: "class:keyword-fuzz-ratio",
        matches: [{ part: "kite", start: null, end: null, text: null, similarity: null, reason: "no answer word reaches 0.8" }],
      },
    ]);
  });

  it("ignores a byte-order mark before the first line", async () => {
    const [line] = await collect([`\uFEFF${good("a", "apple", "an apple")}`]);
    expect(line?.isError).toBe(false);
  });

  it("streams: answers a line before reading the next (or at most a batch ahead with an embedder)", async () => {
    let pulled = 0;
    async function* source() {
      for (let i = 0; i < 1_000; i++) {
        pulled++;
        yield good(String(i), "apple", "an apple");
      }
    }
    const plain = verifyJsonLines(source(), { config })[Symbol.asyncIterator]();
    await plain.next();
    expect(pulled).toBe(1);
    await plain.return(undefined);

    pulled = 0;
    const embedder: Embedder = { embed: async (texts) => texts.map(letterCounts) };
    const batched = verifyJsonLines(source(), { config, embedder, batchSize: 8 })[Symbol.asyncIterator]();
    await batched.next();
    expect(pulled).toBe(8);
    await batched.return(undefined);
  });

  it("batches lines for the embedder and keeps their order", async () => {
    const calls: string[][] = [];
    const embedder: Embedder = {
      model: "letters",
      embed: async (texts) => {
        calls.push(texts);
        return texts.map(letterCounts);
      },
    };
    const out = await collect([caption("1"), "{bad", good("2", "fridge", "the fridge"), caption("3"), caption("4")], {
      embedder,
      batchSize: 2,
    });
    expect(out.map((line) => JSON.parse(line.json).id ?? `line ${JSON.parse(line.json).line}`)).toEqual(["1", "line 2", "2", "3", "4"]);
    expect(out.filter((line) => !line.isError).map((line) => JSON.parse(line.json).method)).toEqual([
      "caption:embedding:letters",
      "class:keyword-fuzz-ratio",
      "caption:embedding:letters",
      "caption:embedding:letters",
    ]);
    // Batches: [1, bad], [2, 3], [4]; each holds a caption.
    expect(calls).toHaveLength(3);
  });

  it("turns an embedding failure into error lines for that batch only", async () => {
    let call = 0;
    const embedder: Embedder = {
      embed: async (texts) => {
        if (++call === 1) throw new Error("connection refused");
        return texts.map(letterCounts);
      },
    };
    const out = await collect([caption("1"), caption("2"), caption("3")], { embedder, batchSize: 2 });
    expect(out.map((line) => JSON.parse(line.json))).toEqual([
      { id: "1", line: 1, error: "line 1: connection refused" },
      { id: "2", line: 2, error: "line 2: connection refused" },
      expect.objectContaining({ id: "3", passed: true }),
    ]);
  });
});
