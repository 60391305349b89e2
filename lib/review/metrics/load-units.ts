import { pool } from "@/lib/db/pool";
import type { AuditVerdict, GenerationMode } from "../constants";
import { LATEST_VERDICT_LATERAL } from "../db/sql-fragments";
import { parseStratumKey } from "../sampling/stratum";
import { goldAnswerSchema } from "../schemas/queue-schemas";
import type { ReviewUnit } from "./units";

interface JudgementRow {
  unitId: number;
  isGold: boolean;
  goldAnswer: unknown;
  cycleId: number;
  cycleIndex: number;
  datasetId: number;
  datasetName: string;
  mode: GenerationMode;
  passed: boolean | null;
  raterId: string;
  verdict: AuditVerdict | null;
  labelPresent: boolean | null;
  qualityScore: number | null;
  adjudicatedVerdict: AuditVerdict | null;
}

const UNIT_COLUMNS = `g."cycleId", c.index AS "cycleIndex", q."datasetId", d.name AS "datasetName", g.mode, lv.passed,
  au."userId" AS "raterId", au.verdict, au."labelPresent", au."qualityScore", adj.verdict AS "adjudicatedVerdict"`;

const GENERATION_JOINS = `JOIN "Generation" g ON g.id = au."generationId"
  JOIN "Cycle" c ON c.id = g."cycleId"
  JOIN "Question" q ON q.id = g."questionId"
  JOIN "Dataset" d ON d.id = q."datasetId"
  ${LATEST_VERDICT_LATERAL}
  LEFT JOIN "Adjudication" adj ON adj."generationId" = g.id`;

interface QueueJudgementRow {
  unitId: number;
  isGold: boolean;
  goldAnswer: unknown;
  stratum: string | null;
  cycleId: number | null;
  raterId: string;
  verdict: AuditVerdict | null;
  labelPresent: boolean | null;
  qualityScore: number | null;
  adjudicatedVerdict: AuditVerdict | null;
}

/** What an item's stratum says about it: its dataset (by id), mode and verifier outcome. */
interface StratumFacts {
  datasetKey: number | null;
  datasetId: number;
  mode: GenerationMode;
  passed: boolean | null;
}

/**
 * The queue's items that have submitted audits, one unit per item, judgements from the people who
 * submitted it here. Dataset, mode and verdict come from the item's stratum (fixed when it was
 * sampled), so the query touches only items, assignments and audits — no per-row lookups of
 * generations, questions and verdicts. Rows carry ids only; the few cycles and datasets they name
 * are read once, and each distinct stratum is parsed once.
 */
export async function loadQueueUnits(queueId: number): Promise<ReviewUnit[]> {
  const { rows } = await pool().query<QueueJudgementRow>(
    `SELECT i.id AS "unitId", i."isGold", CASE WHEN i."isGold" THEN i."goldAnswer" END AS "goldAnswer", i.stratum,
            CASE WHEN i."isGold" OR rq."cycleId" IS NULL
                 THEN (SELECT g."cycleId" FROM "Generation" g WHERE g.id = i."generationId") ELSE rq."cycleId" END AS "cycleId",
            au."userId" AS "raterId", au.verdict, au."labelPresent", au."qualityScore", adj.verdict AS "adjudicatedVerdict"
     FROM "ReviewQueueItem" i
     JOIN "ReviewQueue" rq ON rq.id = i."queueId"
     JOIN "ReviewAssignment" a ON a."itemId" = i.id AND a.status = 'SUBMITTED'
     JOIN "Audit" au ON au."generationId" = i."generationId" AND au."userId" = a."userId"
     LEFT JOIN "Adjudication" adj ON adj."generationId" = i."generationId"
     WHERE i."queueId" = $1
     ORDER BY i.id, au."userId"`,
    [queueId],
  );
  const strata = new Map<string | null, StratumFacts>();
  const factsOf = (key: string | null): StratumFacts => {
    let facts = strata.get(key);
    if (!facts) {
      const parsed = key ? parseStratumKey(key) : null;
      const prefix = key?.split("|")[0] ?? "";
      facts = {
        datasetKey: prefix === "" ? null : Number(prefix),
        datasetId: parsed?.datasetId ?? 0,
        mode: parsed?.mode ?? "ANSWER",
        passed: parsed === null || parsed.outcome === "unverified" ? null : parsed.outcome === "passed",
      };
      strata.set(key, facts);
    }
    return facts;
  };
  const cycleIds = new Set<number>();
  const datasetIds = new Set<number>();
  for (const row of rows) {
    if (row.cycleId !== null) cycleIds.add(row.cycleId);
    const { datasetKey } = factsOf(row.stratum);
    if (datasetKey !== null && Number.isInteger(datasetKey)) datasetIds.add(datasetKey);
  }
  const { cycles, datasets } = await cyclesAndDatasets([...cycleIds], [...datasetIds]);

  const units: ReviewUnit[] = [];
  let unit: ReviewUnit | undefined;
  for (const row of rows) {
    const cycleIndex = row.cycleId === null ? undefined : cycles.get(row.cycleId);
    if (cycleIndex === undefined) continue;
    if (unit?.unitId !== row.unitId) {
      const facts = factsOf(row.stratum);
      const datasetName = facts.datasetKey === null ? undefined : datasets.get(facts.datasetKey);
      const gold = row.isGold ? goldAnswerSchema.safeParse(row.goldAnswer) : undefined;
      unit = {
        unitId: row.unitId,
        isGold: row.isGold,
        goldAnswer: gold?.success ? gold.data : null,
        cycleId: row.cycleId!,
        cycleIndex,
        datasetId: datasetName === undefined ? facts.datasetId : facts.datasetKey!,
        datasetName: datasetName ?? "unknown dataset",
        mode: facts.mode,
        passed: facts.passed,
        judgements: [],
        adjudicatedVerdict: row.adjudicatedVerdict,
      };
      units.push(unit);
    }
    unit.judgements.push({ raterId: row.raterId, verdict: row.verdict, labelPresent: row.labelPresent, qualityScore: row.qualityScore });
  }
  return units;
}

async function cyclesAndDatasets(
  cycleIds: number[],
  datasetIds: number[],
): Promise<{ cycles: Map<number, number>; datasets: Map<number, string> }> {
  const { rows } = await pool().query<{ kind: "cycle" | "dataset"; id: number; value: string }>(
    `SELECT 'cycle' AS kind, id, index::text AS value FROM "Cycle" WHERE id = ANY($1::int[])
     UNION ALL SELECT 'dataset', id, name FROM "Dataset" WHERE id = ANY($2::int[])`,
    [cycleIds, datasetIds],
  );
  const cycles = new Map<number, number>();
  const datasets = new Map<number, string>();
  for (const row of rows) {
    if (row.kind === "cycle") cycles.set(row.id, Number(row.value));
    else datasets.set(row.id, row.value);
  }
  return { cycles, datasets };
}

/** Every submitted audit of a run's generations, whatever queue it came through: one unit per generation. */
export async function loadRunUnits(runId: number): Promise<ReviewUnit[]> {
  const { rows } = await pool().query<JudgementRow>(
    `SELECT g.id AS "unitId", false AS "isGold", NULL::jsonb AS "goldAnswer", ${UNIT_COLUMNS}
     FROM "Audit" au
     ${GENERATION_JOINS}
     WHERE au."submittedAt" IS NOT NULL AND c."runId" = $1
     ORDER BY g.id, au."userId"`,
    [runId],
  );
  return unitsFromRows(rows);
}

function unitsFromRows(rows: readonly JudgementRow[]): ReviewUnit[] {
  const units = new Map<number, ReviewUnit>();
  for (const row of rows) {
    let unit = units.get(row.unitId);
    if (!unit) {
      const gold = goldAnswerSchema.safeParse(row.goldAnswer);
      unit = {
        unitId: row.unitId,
        isGold: row.isGold,
        goldAnswer: row.isGold && gold.success ? gold.data : null,
        cycleId: row.cycleId,
        cycleIndex: row.cycleIndex,
        datasetId: row.datasetId,
        datasetName: row.datasetName,
        mode: row.mode,
        passed: row.passed,
        judgements: [],
        adjudicatedVerdict: row.adjudicatedVerdict,
      };
      units.set(row.unitId, unit);
    }
    unit.judgements.push({ raterId: row.raterId, verdict: row.verdict, labelPresent: row.labelPresent, qualityScore: row.qualityScore });
  }
  return [...units.values()];
}
