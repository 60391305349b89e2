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

/**
 * The queue's items that have submitted audits, one unit per item, judgements from the people who
 * submitted it here. Dataset, mode and verdict come from the item's stratum (fixed when it was
 * sampled), so the query touches only items, assignments and audits — no per-row lookups of
 * generations, questions and verdicts.
 */
export async function loadQueueUnits(queueId: number): Promise<ReviewUnit[]> {
  const { rows } = await pool().query<JudgementRow & { stratum: string | null }>(
    `SELECT i.id AS "unitId", i."isGold", i."goldAnswer", i.stratum, cy.id AS "cycleId", cy.index AS "cycleIndex",
            d.id AS "datasetId", d.name AS "datasetName", au."userId" AS "raterId", au.verdict, au."labelPresent", au."qualityScore",
            adj.verdict AS "adjudicatedVerdict"
     FROM "ReviewQueueItem" i
     JOIN "ReviewQueue" rq ON rq.id = i."queueId"
     JOIN "ReviewAssignment" a ON a."itemId" = i.id AND a.status = 'SUBMITTED'
     JOIN "Audit" au ON au."generationId" = i."generationId" AND au."userId" = a."userId"
     JOIN "Cycle" cy ON cy.id = CASE WHEN i."isGold" OR rq."cycleId" IS NULL
                                     THEN (SELECT g."cycleId" FROM "Generation" g WHERE g.id = i."generationId") ELSE rq."cycleId" END
     LEFT JOIN "Dataset" d ON d.id = nullif(split_part(i.stratum, '|', 1), '')::int
     LEFT JOIN "Adjudication" adj ON adj."generationId" = i."generationId"
     WHERE i."queueId" = $1
     ORDER BY i.id, au."userId"`,
    [queueId],
  );
  return unitsFromRows(
    rows.map((row) => {
      const stratum = row.stratum ? parseStratumKey(row.stratum) : null;
      return {
        ...row,
        datasetId: row.datasetId ?? stratum?.datasetId ?? 0,
        datasetName: row.datasetName ?? "unknown dataset",
        mode: stratum?.mode ?? "ANSWER",
        passed: stratum === null || stratum.outcome === "unverified" ? null : stratum.outcome === "passed",
      };
    }),
  );
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
