import { describe, expect, it } from "vitest";
import { optionsFromCli } from "./cli-options";

describe("optionsFromCli", () => {
  it("reads flags, with SIM_* environment variables as fallbacks", () => {
    const result = optionsFromCli(["--port", "9001", "--error-rate", "0.2", "--model", "Qwen2-VL-2B"], {
      SIM_SEED: "7",
      SIM_LATENCY_MS: "30",
      SIM_ERROR_RATE: "0.9",
    });
    expect(result.help).toBe(false);
    if (result.help) return;
    expect(result.options.port).toBe(9001);
    expect(result.options.seed).toBe(7);
    expect(result.options.baseModel).toBe("Qwen2-VL-2B");
    expect(result.options.faults.errorRate).toBe(0.2);
    expect(result.options.faults.latencyMs).toBe(30);
  });

  it("defaults to port 8000 and seed 42", () => {
    const result = optionsFromCli([], {});
    expect(result.help ? undefined : [result.options.port, result.options.seed]).toEqual([8000, 42]);
  });

  it("names the bad flag", () => {
    expect(() => optionsFromCli(["--error-rate", "lots"], {})).toThrow(/--error-rate/);
    expect(() => optionsFromCli(["--error-rate", "1.5"], {})).toThrow(/faults.errorRate/);
    expect(() => optionsFromCli(["--nope"], {})).toThrow();
  });

  it("answers --help", () => {
    expect(optionsFromCli(["--help"], {}).help).toBe(true);
  });
});
