import { writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseVerifyCliArgs, runVerifyCli } from "@/lib/verifier/cli/run-verify-cli";
import { verifyJsonLines } from "@/lib/verifier/cli/verify-lines";
import { resolveVerifierConfig } from "@/lib/verifier/config";
import { startEmbeddingServer, type EmbeddingServer } from "@/lib/verifier/testing/embedding-server";

/** Runs the CLI in process; `lines()` parses stdout as JSON lines. */
async function run(argv: string[], stdinText = "") {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
  stdin.end(stdinText);
  const code = await runVerifyCli(argv, { stdin, stdout, stderr });
  const lines = () =>
    out
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { code, out, err, lines };
}

let server: EmbeddingServer;
beforeAll(async () => {
  server = await startEmbeddingServer();
});
afterAll(async () => {
  await server.close();
});

describe("runVerifyCli", () => {
  it("reads stdin with -, applies the preset and reports a summary on stderr", async () => {
    const input = `${JSON.stringify({ id: 1, labelType: "class", label: "apple", answer: "We apply glue." })}\n`;
    const paper = await run(["--input", "-"], input);
    const reference = await run(["-i", "-", "--preset", "reference-code"], input);
    expect(paper.code).toBe(0);
    expect(paper.lines()[0]).toMatchObject({ id: 1, passed: true });
    expect(reference.lines()[0]).toMatchObject({ id: 1, passed: false, threshold: 0.85 });
    expect(reference.err).toMatch(/1 lines, 0 errors \(verifier 2\.1\.0, preset reference-code, config [0-9a-f]{12}\)/);
  });

  it("applies --overrides", async () => {
    const input = JSON.stringify({ id: 1, labelType: "class", label: "apples", answer: "an apple" });
    const { lines } = await run(["-i", "-", "--overrides", '{"keyword":{"threshold":0.95}}'], input);
    expect(lines()[0]).toMatchObject({ passed: false, threshold: 0.95 });
  });

  it("uses an embeddings server when given one", async () => {
    const input = JSON.stringify({ id: "c", labelType: "caption", label: "a man opens the fridge", answer: "A man opens the fridge." });
    const { code, lines } = await run(["-i", "-", "--embeddings-url", server.baseUrl, "--embeddings-model", "letters"], input);
    expect(code).toBe(0);
    expect(lines()[0]).toMatchObject({ id: "c", passed: true, method: "caption:embedding:letters" });
  });

  it.each([
    [[], /--input FILE \(or - for stdin\) is required/],
    [["-i", "-", "--preset", "vibes"], /--preset must be one of paper, reference-code/],
    [["-i", "-", "--bogus"], /Unknown option '--bogus'/],
    [["-i", "-", "--embeddings-url", "http://x"], /--embeddings-url and --embeddings-model go together/],
    [["-i", "-", "--overrides", "{"], /--overrides is not JSON/],
    [["-i", "-", "--overrides", '{"keyword":{"threshold":2}}'], /keyword\.threshold/],
  ])("exits 2 with a usage message for %j", async (argv, message) => {
    const { code, err } = await run(argv);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err).toMatch(/Usage:/);
  });

  it("exits 2 when the input file cannot be read, 0 for --help", async () => {
    const missing = await run(["-i", join(tmpdir(), "no-such-verifier-input.jsonl")]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/cannot read .*ENOENT/);
    const help = await run(["--help"]);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Usage: npm run --silent verify/);
  });

  it("reads a file and exits 1 when a line is bad", async () => {
    const dir = await mkdtemp(join(tmpdir(), "verify-cli-"));
    const file = join(dir, "in.jsonl");
    writeFileSync(file, `${JSON.stringify({ id: "x", labelType: "same", label: { same: true }, answer: "the same" })}\n[]\n`);
    const { code, lines } = await run(["--input", file]);
    expect(code).toBe(1);
    expect(lines()).toEqual([expect.objectContaining({ id: "x", passed: true }), { line: 2, error: expect.stringMatching(/line 2/) }]);
  });

  it("gives the same output on worker threads, in input order, errors and line numbers included", async () => {
    const dir = await mkdtemp(join(tmpdir(), "verify-cli-"));
    const file = join(dir, "many.jsonl");
    const line = (id: number) =>
      id % 97 === 5
        ? "{not json"
        : JSON.stringify({
            id,
            labelType: id % 3 === 0 ? "same" : "class",
            label: id % 3 === 0 ? { same: true } : "apple pie",
            answer: `answer ${id} apple pie, the same`,
          });
    const text = `\uFEFF${Array.from({ length: 1300 }, (_, id) => (id % 50 === 7 ? "" : line(id))).join("\n")}\n`;
    writeFileSync(file, text);
    const single = await run(["-i", file, "--threads", "1", "-p", "reference-code"]);
    const parallel = await run(["-i", file, "--threads", "2", "-p", "reference-code"]);
    expect(parallel.out).toBe(single.out);
    expect(parallel.code).toBe(1);
    expect(parallel.err).toBe(single.err);
    expect(single.lines()).toHaveLength(1300 - 26);
    expect(single.lines().find((output) => output.line === 6)).toMatchObject({ error: expect.stringMatching(/^line 6: invalid JSON/) });
  }, 60_000);

  it("writes what the line-by-line path writes (reference-code class lines read from bytes, CRLF, blank and bad lines)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "verify-cli-"));
    const file = join(dir, "mixed.jsonl");
    const input = [
      JSON.stringify({ id: 1, labelType: "class", label: "eating apple pie", answer: "He is eating an apple pie." }),
      "",
      JSON.stringify({ id: "two", labelType: "class", label: "tai chi", answer: 'Line one.\nThen "tai chi" and taichi.' }),
      "   ",
      JSON.stringify({ id: 3, labelType: "class", label: "café", answer: "un café noir" }),
      '{"id":4,"labelType":"class","label":"apple","answer":"an\tapple"}',
      JSON.stringify({ id: 5, labelType: "class", label: "TV", answer: "a television" }),
      JSON.stringify({ id: 6, labelType: "class", label: "apple", answer: "the a an" }),
      JSON.stringify({ id: 7, labelType: "class", label: "apple pie", answer: "apple", kind: "star-qa" }),
      '  { "answer" : "apples and pears" , "label" : "pears" , "labelType" : "class" , "id" : 8.50 }  ',
      "{not json",
      JSON.stringify({ id: 9, labelType: "same", label: { same: true }, answer: "the same" }),
      JSON.stringify({ id: 10, labelType: "class", label: "apple", answer: "an apple" }),
    ];
    writeFileSync(file, `\uFEFF${input.join("\r\n")}`);
    const { out, code } = await run(["-i", file, "-p", "reference-code", "--threads", "1"]);
    async function* source() {
      yield* input;
    }
    let expected = "";
    for await (const line of verifyJsonLines(source(), { config: resolveVerifierConfig("reference-code") })) expected += `${line.json}\n`;
    expect(out).toBe(expected);
    expect(code).toBe(1);
  });

  it("parses arguments into a resolved configuration", () => {
    const options = parseVerifyCliArgs(["-i", "f.jsonl", "-p", "reference-code"]);
    expect(options).not.toBe("help");
    if (options === "help") return;
    expect(options.config.preset).toBe("reference-code");
    expect(options.threads).toBe(1);
    expect(() => parseVerifyCliArgs(["-i", "f.jsonl", "--threads", "0"])).toThrow(/--threads must be an integer/);
    expect(options.embedder).toBeUndefined();
  });
});
