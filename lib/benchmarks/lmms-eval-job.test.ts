import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { filesFromLog, judgeEnvironment, lmmsEvalCommand, lmmsEvalJobCommand, printedFile } from "./lmms-eval-job";

const config = {
  tasks: ["tempcompass", "msvd_qa"],
  limit: 40,
  model: "qwen2_vl",
  modelArgs: "max_num_frames=32",
  batchSize: 1,
  logSamples: true,
};

describe("the lmms-eval job", () => {
  it("evaluates the base model by name and a cycle's merged checkpoint by path, with --limit and --log_samples", () => {
    expect(lmmsEvalCommand({ config, baseModel: "Qwen/Qwen2-VL-7B-Instruct", outputDir: "/shared/b/base" })).toBe(
      "python3 -m lmms_eval --model qwen2_vl --model_args 'pretrained=Qwen/Qwen2-VL-7B-Instruct,max_num_frames=32' --tasks 'tempcompass,msvd_qa' --batch_size 1 --limit 40 --log_samples --output_path /shared/b/base/lmms-eval",
    );
    const cycle = lmmsEvalJobCommand({
      config: { ...config, limit: null, logSamples: false },
      baseModel: "Qwen/Qwen2-VL-7B-Instruct",
      adapter: { path: "/shared/adapters/c1", template: "qwen2_vl" },
      outputDir: "/shared/b/c1",
    });
    expect(cycle).toContain("llamafactory-cli export /shared/b/c1/merge.yaml");
    expect(cycle).toContain('adapter_name_or_path: "/shared/adapters/c1"');
    expect(cycle).toContain("pretrained=/shared/b/c1/merged");
    expect(cycle).not.toContain("--limit");
    expect(cycle).not.toContain("--log_samples");
  });

  it("prints the files lmms-eval wrote so they can be read back from the log", () => {
    const out = mkdtempSync(path.join(tmpdir(), "lmms-eval-job-"));
    const folder = path.join(out, "lmms-eval", "Qwen__Qwen2-VL-7B-Instruct");
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, "20261207_214011_results.json"), '{\n  "results": {}\n}');
    writeFileSync(path.join(folder, "20261207_214011_samples_msvd_qa.jsonl"), '{"doc_id": 0}\n{"doc_id": 1}\n');
    const bin = path.join(out, "bin");
    mkdirSync(bin);
    // A stand-in python3 that accepts lmms-eval's arguments and does nothing.
    writeFileSync(path.join(bin, "python3"), "#!/bin/sh\nexit 0\n", { mode: 0o755 });
    const command = lmmsEvalJobCommand({ config, baseModel: "Qwen/Qwen2-VL-7B-Instruct", outputDir: out });
    const log = execFileSync("sh", ["-c", command], { env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } }).toString();
    const files = filesFromLog(`INFO starting\n${log}`);
    expect([...files.keys()]).toEqual(["20261207_214011_results.json", "20261207_214011_samples_msvd_qa.jsonl"]);
    expect(JSON.parse(files.get("20261207_214011_results.json") ?? "")).toEqual({ results: {} });
    expect(files.get("20261207_214011_samples_msvd_qa.jsonl")).toBe('{"doc_id": 0}\n{"doc_id": 1}');
  });

  it("ignores a file cut off before its end marker", () => {
    const log = `${printedFile("a_results.json", "{}")}\n<<<VSTAR_LMMS_EVAL_FILE b.jsonl>>>\n{"doc_id": 0}`;
    expect([...filesFromLog(log).keys()]).toEqual(["a_results.json"]);
  });

  it("hands the judge's URL and key over as environment variables", () => {
    expect(judgeEnvironment({ baseUrl: "https://judge.example/", apiKey: "sk-1" })).toMatchObject({
      API_TYPE: "openai",
      OPENAI_API_URL: "https://judge.example/v1/chat/completions",
      OPENAI_API_KEY: "sk-1",
    });
  });
});
