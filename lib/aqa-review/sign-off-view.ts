import type { SignOffDecision } from "./sign-off-decisions";
import type { SignOffRow } from "./sign-off-repository";

/** A sign-off as pages and the API show it. */
export interface SignOffView {
  generationId: number;
  decision: SignOffDecision;
  /** Explanation quality 1–5, null when not scored. */
  qualityScore: number | null;
  reason: string;
  comment: string;
  signedAt: string;
  user: { id: string; name: string; role: string };
}

export function signOffView(row: SignOffRow): SignOffView {
  return {
    generationId: row.generationId,
    decision: row.decision,
    qualityScore: row.qualityScore,
    reason: row.reason,
    comment: row.comment,
    signedAt: row.updatedAt.toISOString(),
    user: row.user,
  };
}

/** Per dive: how many accepted and rejected it, and the viewer's own decision. */
export interface SignOffSummary {
  accepted: number;
  rejected: number;
  mine: SignOffDecision | null;
}

export function summariseSignOffs(views: readonly SignOffView[], viewerId: string | null): Map<number, SignOffSummary> {
  const byGeneration = new Map<number, SignOffSummary>();
  for (const view of views) {
    const summary = byGeneration.get(view.generationId) ?? { accepted: 0, rejected: 0, mine: null };
    if (view.decision === "ACCEPTED") summary.accepted++;
    else summary.rejected++;
    if (view.user.id === viewerId) summary.mine = view.decision;
    byGeneration.set(view.generationId, summary);
  }
  return byGeneration;
}

export const NO_SIGN_OFFS: SignOffSummary = { accepted: 0, rejected: 0, mine: null };
