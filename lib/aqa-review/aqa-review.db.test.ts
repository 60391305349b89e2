import { randomBytes } from "node:crypto";
import { text } from "node:stream/consumers";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditCount, auditTrail, withFailingCommits } from "@/lib/testing/audit-trail";
import { closePool, pool } from "@/lib/db/pool";
import { disconnectPrisma, prisma } from "@/lib/db/prisma";
import {
  cycleDashboard,
  cycleDivesPage,
  CycleDivesQuery,
  cycleReportCsv,
  diveReview,
  loadCycleFigures,
  REPORT_COLUMNS,
  runTrend,
  signOffExplanation,
  SignOffInput,
} from "./index";
import { seedSimulatedAqaRun } from "./testing/simulated-cycle";
import { HAND_CYCLE_1, HAND_CYCLE_2, HAND_DIVES } from "./testing/hand-computed-cycle";
import { seedAqaRun, seedFineDivingDataset, seedUser, type SeededDataset, type SeededRun } from "./testing/seed-finediving";

const tag = randomBytes(4).toString("hex");
let dataset: SeededDataset;
let run: SeededRun;
let cycle1: { cycleId: number; generationIds: number[] };
let cycle2: { cycleId: number; generationIds: number[] };
let otherGenerationId: number;
let piId: string;

function question(diveKey: string, kind: "aqa-full" | "aqa-score"): number {
  const dive = dataset.dives.get(diveKey);
  if (!dive) throw new Error(`no seeded dive ${diveKey}`);
  return dive.questions[kind];
}

beforeAll(async () => {
  dataset = await seedFineDivingDataset(pool(), { name: `hand-computed-${tag}`, dives: HAND_DIVES });
  run = await seedAqaRun(pool(), {
    runName: `aqa-review-${tag}`,
    cycles: [
      {
        index: 1,
        generations: [
          { questionId: question("hand-d1", "aqa-full"), text: HAND_CYCLE_1.g1 },
          { questionId: question("hand-d2", "aqa-full"), text: HAND_CYCLE_1.g2 },
          { questionId: question("hand-d3", "aqa-full"), text: HAND_CYCLE_1.g3 },
          { questionId: question("hand-d4", "aqa-full"), text: HAND_CYCLE_1.g4 },
          { questionId: question("hand-d4", "aqa-score"), text: HAND_CYCLE_1.g5 },
          // A rationalization is given the label: it is not part of the review.
          { questionId: question("hand-d1", "aqa-full"), text: "The final score is 10.0.", mode: "RATIONALIZATION" },
        ],
      },
      {
        index: 2,
        generations: [
          { questionId: question("hand-d1", "aqa-full"), text: HAND_CYCLE_2.g1 },
          { questionId: question("hand-d2", "aqa-full"), text: HAND_CYCLE_2.g2 },
        ],
      },
    ],
  });
  const [first, second] = run.cycles;
  if (!first || !second) throw new Error("the run's two cycles were not seeded");
  [cycle1, cycle2] = [first, second];

  // A generation on a non-AQA FineDiving question of the same video.
  const d1 = dataset.dives.get("hand-d1");
  const other = await prisma().question.create({
    data: {
      datasetId: dataset.datasetId,
      videoId: d1!.videoId,
      key: `finediving:sequence:${tag}`,
      kind: "subaction-sequence",
      text: "List the sub-actions.",
      targets: [],
    },
    select: { id: true },
  });
  const generation = await prisma().generation.create({
    data: { cycleId: cycle1.cycleId, questionId: other.id, mode: "ANSWER", model: "m", prompt: "p", text: "Forward, then Entry." },
    select: { id: true },
  });
  otherGenerationId = generation.id;
  piId = await seedUser(pool(), { email: `pi-${tag}@test.local`, name: `PI ${tag}`, role: "PI" });
});

afterAll(async () => {
  await disconnectPrisma();
  await closePool();
});

describe("a small seeded cycle, against figures computed by hand", () => {
  it("gives each dive its predicted and true figures and arithmetic flags", async () => {
    const { figures, problems } = await loadCycleFigures(cycle1.cycleId, "ANSWER");
    expect(problems).toEqual([]);
    // Only the five direct answers to aqa-* questions: not the rationalization, not the sequence question.
    expect(figures.map((f) => f.generationId)).toEqual(cycle1.generationIds.slice(0, 5));
    const [g1, g2, g3, g4, g5] = figures;
    expect([g1, g2, g3, g4, g5].map((f) => f?.trueScore)).toEqual([73.5, 71.4, 52.0, 84.8, 84.8]);
    expect([g1, g2, g3, g4, g5].map((f) => f?.predictedScore)).toEqual([73.5, 63.0, 66.0, null, 80.0]);
    expect(g2?.scoreError).toBeCloseTo(63.0 - 71.4, 10);
    expect([g1, g2, g3, g4].map((f) => f?.difficultyCorrect)).toEqual([true, false, true, true]);
    expect([g1, g2, g3, g4].map((f) => f?.sequenceCorrect)).toEqual([true, true, false, null]);
    expect(g5?.difficultyAsked).toBe(false);
    expect(g5?.sequenceAsked).toBe(false);
    expect([g1, g2, g3, g4, g5].map((f) => f?.arithmeticFlags.length)).toEqual([0, 0, 1, 0, 2]);
    // mean(2.5, 3.4, 3.4, 3.4) = 12.7 / 4 = 3.175 → 3.2 at the claim's one decimal.
    expect(g3?.arithmeticFlags[0]).toMatchObject({ kind: "average", claimed: "3.4", recomputed: "3.2" });
    // 27.0 × 3.2 = 86.4; the 7-judge rule keeps 8.5, 9.0, 9.0: 26.5 × 3.2 = 84.8.
    expect(g5?.arithmeticFlags.map((f) => [f.kind, f.recomputed])).toEqual([
      ["product", "86.4"],
      ["judge-rule", "84.8"],
    ]);
    // D3's recorded 52.0 disagrees with its judges (52.5): a data-quality warning on the record.
    expect(g3?.recordWarning).toMatch(/52\.5/);
    expect(g1?.recordWarning).toBeNull();
    expect(g4?.diveDescription).toBe("back 2½ somersaults 1½ twists pike");
    // G2 predicts DD 3.0 for 207C, which the dataset gives only 3.4.
    expect(g2?.difficultyCarried).toBe("not-carried");
    expect(g1?.difficultyCarried).toBe("consistent");
  });

  it("computes the cycle's metrics as by hand", async () => {
    const dashboard = await cycleDashboard(cycle1.cycleId, "ANSWER", { resamples: 300, seed: 1 });
    const metrics = dashboard!.metrics;
    expect(metrics.dives).toBe(5);
    // Every seeded answer is marked as written by the simulator; so is every figure built on them.
    expect(metrics.simulated).toBe(5);
    expect(dashboard!.points.every((p) => p.simulated)).toBe(true);
    // Scored answers (G4 states no score): G1 (73.5, 73.5), G2 (63.0, 71.4), G3 (66.0, 52.0), G5 (80.0, 84.8).
    expect(metrics.scored).toBe(4);
    expect(dashboard!.unscored).toBe(1);
    expect(dashboard!.points.map((p) => p.generationId)).toEqual([
      cycle1.generationIds[0],
      cycle1.generationIds[1],
      cycle1.generationIds[2],
      cycle1.generationIds[4],
    ]);
    // Ranks predicted (63.0 → 1, 66.0 → 2, 73.5 → 3, 80.0 → 4) against true (52.0 → 1, 71.4 → 2, 73.5 → 3,
    // 84.8 → 4): G1 3/3, G2 1/2, G3 2/1, G5 4/4; Σd² = 0 + 1 + 1 + 0 = 2; ρ = 1 − 6·2 / (4·(16 − 1)) = 0.8.
    expect(metrics.spearman?.estimate).toBeCloseTo(0.8, 12);
    // Relative L2: errors 0, −8.4, 14.0, −4.8 over the true range 84.8 − 52.0 = 32.8:
    // (0 + 70.56 + 196 + 23.04) / 4 / 32.8² × 100 = 289.6 / 4 / 1075.84 × 100 ≈ 6.7296.
    expect(metrics.relativeL2x100?.estimate).toBeCloseTo((289.6 / 4 / 1075.84) * 100, 9);
    expect(metrics.relativeL2x100?.estimate).toBeCloseTo(6.7296, 4);
    // Difficulty, asked in G1–G4: right in G1, G3, G4 → 3/4. Sequence, asked in G1–G4: right in G1, G2 → 2/4.
    expect(metrics.difficultyAccuracy).toBe(0.75);
    expect(metrics.difficultyAsked).toBe(4);
    expect(metrics.sequenceAccuracy).toBe(0.5);
    // Rationales with an arithmetic flag: G3 and G5 of 5.
    expect(metrics.arithmeticErrorShare).toBe(0.4);
    expect(metrics.arithmeticFlagged).toBe(2);
    expect(metrics.recordWarnings).toBe(1);
    expect(metrics.anchors).toEqual({ spearman: 0.94, relativeL2x100: 0.26 });
    // Bootstrap 95 % intervals: bounds ordered, and ρ's within [−1, 1].
    const rho = metrics.spearman!;
    expect(rho.resamples).toBe(300);
    expect(rho.low).not.toBeNull();
    expect(rho.low!).toBeLessThanOrEqual(rho.high!);
    expect(rho.low!).toBeGreaterThanOrEqual(-1 - 1e-12);
    expect(rho.high!).toBeLessThanOrEqual(1 + 1e-12);
    const l2 = metrics.relativeL2x100!;
    expect(l2.low!).toBeGreaterThanOrEqual(0);
    expect(l2.low!).toBeLessThanOrEqual(l2.high!);
  });

  it("shows how the metrics move across the run's cycles", async () => {
    const trend = await runTrend(run.runId, "ANSWER", { resamples: 100 });
    expect(trend!.cycles.map((c) => c.index)).toEqual([1, 2]);
    const [first, second] = trend!.cycles;
    expect(first?.metrics.spearman?.estimate).toBeCloseTo(0.8, 12);
    // Cycle 2 answers D1 and D2 exactly: ρ over two pairs is 1, relative L2 0, every check passes.
    expect(second?.metrics.dives).toBe(2);
    expect(second?.metrics.spearman?.estimate).toBeCloseTo(1, 12);
    expect(second?.metrics.relativeL2x100?.estimate).toBe(0);
    expect(second?.metrics.difficultyAccuracy).toBe(1);
    expect(second?.metrics.sequenceAccuracy).toBe(1);
    expect(second?.metrics.arithmeticErrorShare).toBe(0);
  });
});

describe("the dive list", () => {
  it("pages by generation id and filters", async () => {
    const first = await cycleDivesPage(cycle1.cycleId, CycleDivesQuery.parse({ limit: "2" }), piId);
    expect(first.items.map((d) => d.generationId)).toEqual(cycle1.generationIds.slice(0, 2));
    expect(first.total).toBe(5);
    const second = await cycleDivesPage(cycle1.cycleId, CycleDivesQuery.parse({ limit: "2", cursor: String(first.nextCursor) }), piId);
    expect(second.items.map((d) => d.generationId)).toEqual(cycle1.generationIds.slice(2, 4));
    const last = await cycleDivesPage(cycle1.cycleId, CycleDivesQuery.parse({ limit: "2", cursor: String(second.nextCursor) }), piId);
    expect(last.items.map((d) => d.generationId)).toEqual([cycle1.generationIds[4]]);
    expect(last.nextCursor).toBeNull();
    const flagged = await cycleDivesPage(cycle1.cycleId, CycleDivesQuery.parse({ filter: "flagged" }), piId);
    expect(flagged.items.map((d) => d.generationId)).toEqual([cycle1.generationIds[2], cycle1.generationIds[4]]);
    const noScore = await cycleDivesPage(cycle1.cycleId, CycleDivesQuery.parse({ filter: "no-score" }), piId);
    expect(noScore.items.map((d) => d.generationId)).toEqual([cycle1.generationIds[3]]);
  });
});

describe("the dive screen", () => {
  it("marks the rationale, lays out the timeline and checks the difficulty against the dataset", async () => {
    const result = await diveReview(cycle1.generationIds[2]!);
    expect(result.kind).toBe("found");
    if (result.kind !== "found") return;
    const { review } = result;
    expect(review.rationale.pieces.map((p) => p.text).join("")).toBe(HAND_CYCLE_1.g3);
    expect(review.rationale.flags).toHaveLength(1);
    expect(review.rationale.flags[0]?.message).toContain("gives 3.2");
    const flagged = review.rationale.pieces.find((p) => p.flagsAfter.length > 0);
    expect(flagged?.text).toBe("3.4");
    expect(review.timeline.truth.map((s) => s.name)).toEqual(["Inward", "2.5 Soms.Pike", "Entry"]);
    // 24 frames at 12 fps: the dive spans 0–2 s; three predicted sub-actions get 2/3 s each.
    expect(review.timeline.durationSec).toBe(2);
    expect(review.timeline.predicted.map((s) => [s.name, s.matches])).toEqual([
      ["Inward", true],
      ["3.5 Soms.Pike", false],
      ["Entry", true],
    ]);
    expect(review.timeline.predicted[1]?.startSec).toBeCloseTo(2 / 3, 10);
    expect(review.difficultyCheck?.status).toBe("consistent");
    expect(review.panel).toMatchObject({ kept: [5.5, 6, 6], computedScore: 52.5 });
    expect(review.neighbours).toEqual({ previous: cycle1.generationIds[1], next: cycle1.generationIds[3] });
  });

  it("is not found for a generation that is not an AQA answer", async () => {
    expect((await diveReview(otherGenerationId)).kind).toBe("not-found");
    expect((await diveReview(cycle1.generationIds[5]!)).kind).toBe("not-found");
  });
});

describe("sign-off", () => {
  it("keeps one sign-off per generation and user, and records each in the audit log", async () => {
    const generationId = cycle1.generationIds[2]!;
    const rejected = await signOffExplanation({
      generationId,
      actor: { userId: piId, ip: "10.0.0.9" },
      input: SignOffInput.parse({ decision: "REJECTED", reason: "wrong average", comment: "the mean is 3.175" }),
    });
    expect(rejected).toMatchObject({ decision: "REJECTED", reason: "wrong average", user: { id: piId } });
    const accepted = await signOffExplanation({
      generationId,
      actor: { userId: piId },
      input: SignOffInput.parse({ decision: "ACCEPTED", reason: "the mean checks out after all" }),
    });
    // A reason is kept whatever the decision: people say why they accept too.
    expect(accepted).toMatchObject({ decision: "ACCEPTED", reason: "the mean checks out after all" });
    expect(await prisma().explanationSignOff.count({ where: { generationId } })).toBe(1);

    const audit = await prisma().auditLogEntry.findMany({
      where: { action: "aqa.explanation.sign-off", targetId: String(generationId), actorId: piId },
      orderBy: { id: "asc" },
      select: { targetType: true, details: true, ipAddress: true },
    });
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({
      targetType: "Generation",
      ipAddress: "10.0.0.9",
      details: { decision: "REJECTED", reason: "wrong average", previousDecision: null },
    });
    expect(audit[1]?.details).toMatchObject({
      decision: "ACCEPTED",
      reason: "the mean checks out after all",
      previousDecision: "REJECTED",
      cycleId: cycle1.cycleId,
    });

    const page = await cycleDivesPage(cycle1.cycleId, CycleDivesQuery.parse({}), piId);
    expect(page.items.find((d) => d.generationId === generationId)?.signOffs).toEqual({ accepted: 1, rejected: 0, mine: "ACCEPTED" });
    const unsigned = await cycleDivesPage(cycle1.cycleId, CycleDivesQuery.parse({ filter: "unsigned" }), piId);
    expect(unsigned.items.map((d) => d.generationId)).not.toContain(generationId);
    expect(unsigned.total).toBe(4);
  });

  it("refuses a rejection without a reason, and a generation that is not an AQA answer", async () => {
    const parsed = SignOffInput.safeParse({ decision: "REJECTED", reason: "  " });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["reason"]);
    const result = await signOffExplanation({
      generationId: otherGenerationId,
      actor: { userId: piId },
      input: SignOffInput.parse({ decision: "ACCEPTED" }),
    });
    expect(result).toBeNull();
    expect(await prisma().explanationSignOff.count({ where: { generationId: otherGenerationId } })).toBe(0);
    expect(await auditTrail("aqa.explanation.sign-off", otherGenerationId)).toEqual([]);
  });

  it("a sign-off that fails at commit leaves neither the decision nor its audit entry", async () => {
    const generationId = cycle1.generationIds[3]!;
    const entries = await auditCount("aqa.explanation.sign-off");
    const signing = () =>
      signOffExplanation({ generationId, actor: { userId: piId }, input: SignOffInput.parse({ decision: "ACCEPTED" }) });
    await expect(withFailingCommits("ExplanationSignOff", signing)).rejects.toThrow(/forced failure/);
    expect(await prisma().explanationSignOff.count({ where: { generationId } })).toBe(0);
    expect(await auditCount("aqa.explanation.sign-off")).toBe(entries);
  });
});

describe("the CSV report", () => {
  it("parses back with csv-parse: one row per dive, with its figures, flags and sign-offs", async () => {
    const stream = await cycleReportCsv(cycle1.cycleId, "ANSWER", { userId: piId, ip: "10.0.0.9" });
    expect(await auditTrail("aqa.report.export", cycle1.cycleId)).toEqual([
      { actorId: piId, targetType: "Cycle", ipAddress: "10.0.0.9", details: { mode: "ANSWER", format: "csv" } },
    ]);
    const csv = await text(stream!);
    const rows = parse(csv, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    expect(rows).toHaveLength(5);
    expect(Object.keys(rows[0]!)).toEqual([...REPORT_COLUMNS]);
    expect(rows.map((r) => Number(r.generation_id))).toEqual(cycle1.generationIds.slice(0, 5));
    expect(rows.map((r) => r.predicted_score)).toEqual(["73.5", "63", "66", "", "80"]);
    expect(rows.map((r) => r.true_score)).toEqual(["73.5", "71.4", "52", "84.8", "84.8"]);
    expect(rows.map((r) => r.arithmetic_flags)).toEqual(["0", "0", "1", "0", "2"]);
    expect(rows[1]).toMatchObject({ difficulty_correct: "no", score_error: "-8.4", dive_number: "207C", sequence_correct: "yes" });
    expect(rows[2]?.arithmetic_flag_details).toContain("stated 3.4, but");
    expect(rows[2]?.record_warning).toMatch(/52\.5/);
    expect(rows[2]).toMatchObject({ signoffs_accepted: "1", signoffs_rejected: "0" });
    expect(rows[4]?.arithmetic_flag_details?.split(" | ")).toHaveLength(2);
    expect(rows.map((r) => r.simulated)).toEqual(["yes", "yes", "yes", "yes", "yes"]);
    // G5 answers the score-only question: its (right) difficulty is not graded, and neither are sub-actions.
    expect(rows[4]).toMatchObject({ difficulty_asked: "no", difficulty_correct: "", sequence_asked: "no", sequence_correct: "" });
    expect(rows[0]?.true_sequence).toBe("Forward > 3.5 Soms.Pike > Entry");
  });

  it("is null for a cycle that does not exist, and records nothing", async () => {
    expect(await cycleReportCsv(2_000_000_000, "ANSWER", { userId: piId })).toBeNull();
    expect(await auditTrail("aqa.report.export", 2_000_000_000)).toEqual([]);
  });
});

describe("the simulated demo run", () => {
  it("answers every FineDiving AQA question with the simulator, once per cycle, idempotently", async () => {
    const seeded = await seedSimulatedAqaRun(pool());
    expect(seeded.cycles).toHaveLength(2);
    expect(seeded.questions).toBeGreaterThanOrEqual(8);
    for (const cycle of seeded.cycles) expect(cycle.generationIds).toHaveLength(seeded.questions);
    const again = await seedSimulatedAqaRun(pool());
    expect(again.runId).toBe(seeded.runId);
    expect(again.cycles.map((c) => c.generationIds)).toEqual(seeded.cycles.map((c) => c.generationIds));
    const { figures, problems } = await loadCycleFigures(seeded.cycles[1]!.cycleId, "ANSWER");
    expect(problems).toEqual([]);
    expect(figures).toHaveLength(seeded.questions);
    expect(figures.every((f) => f.predictedScore === null || f.predictedScore > 0)).toBe(true);
  });
});

describe("a cycle that does not exist, or has no AQA answers", () => {
  it("gives no dashboard, and empty metrics for the answerless mode", async () => {
    expect(await cycleDashboard(2_000_000_000, "ANSWER")).toBeNull();
    const evaluation = await cycleDashboard(cycle2.cycleId, "EVALUATION");
    expect(evaluation?.metrics).toMatchObject({ dives: 0, scored: 0, spearman: null, relativeL2x100: null, difficultyAccuracy: null });
    expect(evaluation?.cycle.aqaGenerations).toEqual({ ANSWER: 2, EVALUATION: 0 });
  });
});

describe("explanation-quality scores", () => {
  it("are kept with the sign-off and its audit entry, and the cycle dashboard gives their ICC beside κ and α", async () => {
    const [g1, g2] = cycle2.generationIds as [number, number];
    const before = await cycleDashboard(cycle2.cycleId, "ANSWER");
    expect(before?.signOffAgreement.qualityScore).toMatchObject({ icc21: null, icc3k: null });

    const other = await seedUser(pool(), { email: `pi2-${tag}@test.local`, name: `Second PI ${tag}`, role: "PI" });
    const sign = (userId: string, generationId: number, qualityScore: number | null) =>
      signOffExplanation({ generationId, actor: { userId }, input: SignOffInput.parse({ decision: "ACCEPTED", qualityScore }) });
    const first = await sign(piId, g1, 4);
    expect(first).toMatchObject({ qualityScore: 4, decision: "ACCEPTED" });
    expect((await auditTrail("aqa.explanation.sign-off", g1)).at(-1)).toMatchObject({ details: { qualityScore: 4 } });

    await sign(other, g1, 3);
    const onePaired = await cycleDashboard(cycle2.cycleId, "ANSWER");
    expect(onePaired?.signOffAgreement.qualityScore).toMatchObject({ icc21: null, ratingsGiven: 2 });

    await sign(piId, g2, 2);
    await sign(other, g2, 2);
    const both = await cycleDashboard(cycle2.cycleId, "ANSWER");
    expect(both?.signOffAgreement.signers).toBe(2);
    expect(both?.signOffAgreement.qualityScore).toMatchObject({ targets: 2, raters: 2, ratingsUsed: 4 });
    // [[4,3],[2,2]]: MSR = 2.25, MSC = 0.25, MSE = 0.25 → ICC(3,2) = 1 − 0.25/2.25 = 0.889, ICC(2,1) = (2.25 − 0.25)/(2.25 + 0.25) = 0.8.
    expect(both?.signOffAgreement.qualityScore.icc3k?.value).toBeCloseTo(0.889, 3);
    expect(both?.signOffAgreement.qualityScore.icc21?.value).toBeCloseTo(0.8, 3);

    // Signing again without a score clears it.
    expect((await sign(other, g2, null))?.qualityScore).toBeNull();
    expect(SignOffInput.safeParse({ decision: "ACCEPTED", qualityScore: 7 }).error?.issues[0]?.message).toBe(
      "the quality score must be a whole number from 1 to 5",
    );
  });
});
