import { pool } from "@/lib/db/pool";
import { canManageQueues, type ReviewUser } from "../access";
import { LATEST_VERDICT_LATERAL, submittedInBlindQueue } from "../db/sql-fragments";
import { itemNotFound, queueNotFound } from "../errors";
import { storedSpansSchema } from "../schemas/audit-schemas";
import { goldAnswerSchema } from "../schemas/queue-schemas";
import { parseVerdictMatches } from "../schemas/verdict-matches";
import type { ItemDetail, RelatedGeneration, VerdictView, VideoLabel } from "./item-detail-types";

const MAX_LABELS = 200;
const MAX_RELATED = 12;

/** The media route serves a video by database id, with range support. */
const videoSrc = (videoId: number) => `/api/media/videos/${videoId}`;

/**
 * One queue item with everything the item screen shows, in ONE SQL round trip: the item, its
 * generation, question, video, labels, latest verdict, this user's audit and assignment, the same
 * question's other generations (other cycles, the direct answer beside its rationalization) and
 * the user's previous/next items. Membership is checked in the same query, and an annotator sees
 * only the items handed to them. In a blind queue the verdict (and the related verdicts) are left
 * out until this user has submitted.
 */
export async function itemDetail(user: ReviewUser, queueId: number, itemId: number): Promise<ItemDetail> {
  const manager = canManageQueues(user);
  const { rows } = await pool().query<Row>(ITEM_SQL, [itemId, queueId, user.id, MAX_LABELS, MAX_RELATED, manager]);
  const row = rows[0];
  if (!row) throw itemNotFound(itemId);
  if (!row.isMember && !manager) throw queueNotFound(queueId);
  // An item nobody handed them does not exist for an annotator (another person's item, or one not given out yet).
  if (row.assignment === null && !manager) throw itemNotFound(itemId);

  const submitted = row.audit?.submittedAt != null;
  const hidden = row.queue.blind && !submitted;
  const showGold = manager || submitted;
  return {
    queue: row.queue,
    item: {
      id: row.item.id,
      position: row.item.position,
      number: manager ? row.item.number : null,
      stratum: row.item.stratum,
      isGold: showGold ? row.item.isGold : null,
      goldAnswer: showGold ? parseGold(row.item.goldAnswer) : null,
    },
    generation: row.generation,
    question: row.question,
    dataset: row.dataset,
    video: { ...row.video, src: videoSrc(row.video.id) },
    labels: row.labels ?? [],
    verdict: hidden || row.verdict === null ? null : { ...row.verdict, matches: parseVerdictMatches(row.verdict.matches) },
    verdictHidden: hidden && row.verdict !== null,
    audit: row.audit === null ? null : { ...row.audit, hallucinatedSpans: storedSpansSchema.parse(row.audit.hallucinatedSpans) },
    auditFinal: submitted && (row.queue.blind || row.submittedBlind),
    assignment: row.assignment,
    related: (row.related ?? []).map((related) => (hidden ? { ...related, passed: null, score: null } : related)),
    navigation: { previousItemId: row.previousItemId, nextItemId: row.nextItemId, ordinal: row.ordinal },
  };
}

function parseGold(value: unknown) {
  const parsed = goldAnswerSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

type Row = Omit<
  ItemDetail,
  "verdict" | "audit" | "auditFinal" | "video" | "labels" | "related" | "navigation" | "item" | "verdictHidden"
> & {
  isMember: boolean;
  submittedBlind: boolean;
  item: { id: number; position: number; number: number | null; stratum: string | null; isGold: boolean; goldAnswer: unknown };
  video: Omit<ItemDetail["video"], "src">;
  labels: VideoLabel[] | null;
  verdict: (Omit<VerdictView, "matches"> & { matches: unknown }) | null;
  audit: (Omit<NonNullable<ItemDetail["audit"]>, "hallucinatedSpans"> & { hallucinatedSpans: unknown }) | null;
  related: RelatedGeneration[] | null;
  previousItemId: number | null;
  nextItemId: number | null;
  ordinal: number | null;
};

const ITEM_SQL = `
SELECT
  EXISTS (SELECT 1 FROM "ReviewQueueMember" m WHERE m."queueId" = rq.id AND m."userId" = $3) AS "isMember",
  json_build_object('id', rq.id, 'name', rq.name, 'blind', rq.blind, 'overlap', rq.overlap, 'status', rq.status, 'size', rq.size) AS queue,
  json_build_object(
    'id', i.id, 'position', i.position, 'stratum', i.stratum, 'isGold', i."isGold", 'goldAnswer', i."goldAnswer",
    -- Gold items share positions with sampled ones: each kind is numbered on its own (for managers only).
    'number', CASE WHEN $6 THEN (
      SELECT count(*) FROM "ReviewQueueItem" n
      WHERE n."queueId" = i."queueId" AND n."isGold" = i."isGold" AND (n.position, n.id) <= (i.position, i.id)
    ) END
  ) AS item,
  json_build_object(
    'id', g.id, 'mode', g.mode, 'sampleIndex', g."sampleIndex", 'text', g.text, 'prompt', g.prompt, 'model', g.model,
    'simulated', g.simulated, 'latencyMs', g."latencyMs", 'createdAt', g."createdAt",
    'cycle', json_build_object('id', c.id, 'index', c.index, 'runId', r.id, 'runName', r.name)
  ) AS generation,
  json_build_object('id', q.id, 'key', q.key, 'kind', q.kind, 'text', q.text, 'targets', q.targets) AS question,
  json_build_object('id', d.id, 'name', d.name, 'format', d.format) AS dataset,
  json_build_object(
    'id', vid.id, 'key', vid.key, 'mediaStatus', vid."mediaStatus", 'durationSec', vid."durationSec", 'fps', vid.fps,
    'width', vid.width, 'height', vid.height, 'clipStartSec', vid."clipStartSec", 'clipEndSec', vid."clipEndSec"
  ) AS video,
  labels.list AS labels,
  CASE WHEN lv.id IS NULL THEN NULL ELSE json_build_object(
    'passed', lv.passed, 'score', lv.score, 'threshold', lv.threshold, 'method', lv.method,
    'verifierVersion', lv."verifierVersion", 'matches', lv.matches
  ) END AS verdict,
  CASE WHEN au.id IS NULL THEN NULL ELSE json_build_object(
    'verdict', au.verdict, 'hallucinatedSpans', au."hallucinatedSpans", 'labelPresent', au."labelPresent", 'qualityScore', au."qualityScore",
    'note', au.note, 'submittedAt', au."submittedAt", 'updatedAt', au."updatedAt", 'version', au.version
  ) END AS audit,
  CASE WHEN a.id IS NULL THEN NULL ELSE json_build_object(
    'status', a.status, 'leaseExpiresAt', a."leaseExpiresAt", 'claimedAt', a."claimedAt"
  ) END AS assignment,
  related.list AS related,
  nav.previous AS "previousItemId",
  nav.next AS "nextItemId",
  nav.ordinal,
  ${submittedInBlindQueue("g.id", "$3")} AS "submittedBlind"
FROM "ReviewQueueItem" i
JOIN "ReviewQueue" rq ON rq.id = i."queueId"
JOIN "Generation" g ON g.id = i."generationId"
JOIN "Cycle" c ON c.id = g."cycleId"
JOIN "Run" r ON r.id = c."runId"
JOIN "Question" q ON q.id = g."questionId"
JOIN "Dataset" d ON d.id = q."datasetId"
JOIN "Video" vid ON vid.id = q."videoId"
${LATEST_VERDICT_LATERAL}
LEFT JOIN "ReviewAssignment" a ON a."itemId" = i.id AND a."userId" = $3
LEFT JOIN "Audit" au ON au."generationId" = g.id AND au."userId" = $3
LEFT JOIN LATERAL (
  SELECT json_agg(json_build_object('key', l.key, 'kind', l.kind, 'value', l.value) ORDER BY l.key) AS list
  FROM (SELECT key, kind, value FROM "Label" WHERE "videoId" = vid.id ORDER BY key LIMIT $4) l
) labels ON true
LEFT JOIN LATERAL (
  SELECT json_agg(x ORDER BY x."cycleIndex", x."runName", x.mode, x."sampleIndex") AS list FROM (
    SELECT g2.id, g2.mode, g2."sampleIndex", g2.text, c2.id AS "cycleId", c2.index AS "cycleIndex", r2.name AS "runName",
           v2.passed, v2.score
    FROM "Generation" g2
    JOIN "Cycle" c2 ON c2.id = g2."cycleId"
    JOIN "Run" r2 ON r2.id = c2."runId"
    LEFT JOIN LATERAL (SELECT v.passed, v.score FROM "Verdict" v WHERE v."generationId" = g2.id ORDER BY v.id DESC LIMIT 1) v2 ON true
    WHERE g2."questionId" = q.id AND g2.id <> g.id AND g2.mode <> 'EVALUATION'
    ORDER BY g2."cycleId" DESC, g2.id
    LIMIT $5
  ) x
) related ON true
LEFT JOIN LATERAL (
  SELECT
    (SELECT p."itemId" FROM "ReviewAssignment" p JOIN "ReviewQueueItem" pi ON pi.id = p."itemId"
     WHERE p."userId" = $3 AND pi."queueId" = rq.id AND p.status <> 'RELEASED' AND p.id < a.id
     ORDER BY p.id DESC LIMIT 1) AS previous,
    (SELECT n."itemId" FROM "ReviewAssignment" n JOIN "ReviewQueueItem" ni ON ni.id = n."itemId"
     WHERE n."userId" = $3 AND ni."queueId" = rq.id AND n.status <> 'RELEASED' AND n.id > a.id
     ORDER BY n.id LIMIT 1) AS next,
    CASE WHEN a.status <> 'RELEASED' THEN
      (SELECT count(*)::int FROM "ReviewAssignment" o JOIN "ReviewQueueItem" oi ON oi.id = o."itemId"
       WHERE o."userId" = $3 AND oi."queueId" = rq.id AND o.status <> 'RELEASED' AND o.id <= a.id)
    END AS ordinal
) nav ON true
WHERE i.id = $1 AND i."queueId" = $2`;
