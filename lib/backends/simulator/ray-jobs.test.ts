import { describe, expect, it } from "vitest";
import { DuplicateSubmissionError, RayJobStore, type TrainedAdapter } from "./ray-jobs";

function store(options: { failureRate?: number } = {}) {
  let now = 1_000_000;
  const trained: TrainedAdapter[] = [];
  const jobs = new RayJobStore({
    seed: 1,
    durationMs: 1000,
    failureRate: options.failureRate ?? 0,
    now: () => now,
    onSucceeded: (a) => trained.push(a),
  });
  return { jobs, trained, advance: (ms: number) => (now += ms) };
}

const submission = (id: string, cycle = "2") => ({
  entrypoint: "llamafactory-cli train cycle.yaml",
  submission_id: id,
  metadata: { vstar_cycle_index: cycle, vstar_output_dir: `/data/adapters/${id}` },
  entrypoint_num_gpus: 1,
});

describe("RayJobStore", () => {
  it("goes PENDING → RUNNING → SUCCEEDED and registers the adapter once", () => {
    const { jobs, trained, advance } = store();
    expect(jobs.submit(submission("job-a"))).toEqual({ job_id: "job-a", submission_id: "job-a" });
    expect(jobs.details("job-a")?.status).toBe("PENDING");
    expect(jobs.logs("job-a")).toBe("");
    advance(300);
    expect(jobs.details("job-a")?.status).toBe("RUNNING");
    const early = jobs.logs("job-a") ?? "";
    advance(800);
    const done = jobs.details("job-a");
    expect(done?.status).toBe("SUCCEEDED");
    expect(done?.end_time).toBe(1_001_000);
    expect(done?.entrypoint_num_gpus).toBe(1);
    jobs.settle();
    expect(trained).toEqual([{ submissionId: "job-a", outputDir: "/data/adapters/job-a", strength: 2 }]);
    const logs = jobs.logs("job-a") ?? "";
    expect(logs.length).toBeGreaterThan(early.length);
    expect(logs).toContain("Adapter saved to /data/adapters/job-a");
    const losses = [...logs.matchAll(/'loss': (\d+\.\d+)/g)].map((m) => Number(m[1]));
    expect(losses.length).toBeGreaterThan(3);
    expect(losses[losses.length - 1]).toBeLessThan(losses[0] as number);
  });

  it("rejects a duplicate submission id", () => {
    const { jobs } = store();
    jobs.submit(submission("dup"));
    expect(() => jobs.submit(submission("dup"))).toThrow(DuplicateSubmissionError);
  });

  it("stops a running job, which then never succeeds", () => {
    const { jobs, trained, advance } = store();
    jobs.submit(submission("stop-me"));
    advance(500);
    expect(jobs.stop("stop-me")).toBe(true);
    advance(2000);
    expect(jobs.details("stop-me")?.status).toBe("STOPPED");
    expect(jobs.stop("stop-me")).toBe(false);
    expect(trained).toEqual([]);
    expect(jobs.stop("unknown")).toBeUndefined();
  });

  it("fails at the configured rate with an out-of-memory trace", () => {
    const { jobs, trained, advance } = store({ failureRate: 1 });
    jobs.submit(submission("oom"));
    advance(2000);
    const details = jobs.details("oom");
    expect(details?.status).toBe("FAILED");
    expect(details?.driver_exit_code).toBe(1);
    expect(details?.message).toContain("CUDA out of memory");
    expect(trained).toEqual([]);
  });

  it("falls back to strength 1 with a warning when the cycle index is not a positive integer", () => {
    const { jobs, trained, advance } = store();
    jobs.submit(submission("bad-cycle", "two"));
    advance(2000);
    jobs.settle();
    expect(trained[0]?.strength).toBe(1);
    expect(jobs.logs("bad-cycle")).toContain('vstar_cycle_index must be a positive integer, got "two"');
  });

  it("reports the number of training examples the submitter exported, and never makes one up", () => {
    const { jobs, advance } = store();
    const sent = submission("counted");
    jobs.submit({ ...sent, metadata: { ...sent.metadata, vstar_num_examples: "37" } });
    jobs.submit(submission("uncounted"));
    advance(2000);
    const counted = jobs.logs("counted") ?? "";
    expect(counted).toContain("Num examples = 37");
    expect(counted).toContain("| 37/37");
    const uncounted = jobs.logs("uncounted") ?? "";
    expect(uncounted).toContain("Num examples = unknown");
    expect(uncounted).toContain("vstar_num_examples is missing");
  });

  it("deletes only finished jobs", () => {
    const { jobs, advance } = store();
    jobs.submit(submission("del"));
    expect(jobs.delete("del")).toEqual({ error: expect.stringContaining("non-terminal state PENDING") });
    advance(2000);
    expect(jobs.delete("del")).toEqual({ deleted: true });
    expect(jobs.details("del")).toBeUndefined();
  });
});
