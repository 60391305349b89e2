import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/audit/actor";
import type { AuditDetails } from "@/lib/audit/audit-actions";
import { recordAudit } from "@/lib/audit/audit-repository";
import { prisma } from "@/lib/db/prisma";
import { inTransaction } from "@/lib/db/transaction";
import { conflict } from "@/lib/errors/domain-error";
import { isBackendKind, KIND_TRAITS } from "./backend-kinds";
import { type BackendInput, withoutUserInfo } from "./backend-input";
import { backendRecord } from "./backend-record";
import { credentialView, resolveBackendConfig, storedSettings, type CredentialView, type StoredBackend } from "./backend-runtime";
import { checkBackendHealth, healthReportSchema, type HealthCheckOptions, type HealthReport } from "./health-check";

/** What the browser sees of a backend: everything but the credential. */
export interface BackendView {
  id: number;
  name: string;
  role: string;
  kind: string;
  kindLabel: string;
  baseUrl: string;
  settings: Record<string, unknown>;
  isSimulator: boolean;
  credential: CredentialView;
  lastHealthAt: string | null;
  lastHealth: HealthReport | null;
  trainingRuns: number;
  updatedAt: string;
}

const viewSelect = {
  id: true,
  name: true,
  role: true,
  protocol: true,
  baseUrl: true,
  config: true,
  secretCiphertext: true,
  isSimulator: true,
  lastHealthAt: true,
  lastHealth: true,
  updatedAt: true,
  _count: { select: { trainingRuns: true } },
} satisfies Prisma.BackendSelect;

type ViewRow = Prisma.BackendGetPayload<{ select: typeof viewSelect }>;

function toView(row: ViewRow): BackendView {
  const health = healthReportSchema.safeParse(row.lastHealth);
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    kind: row.protocol,
    kindLabel: isBackendKind(row.protocol) ? KIND_TRAITS[row.protocol].label : row.protocol,
    baseUrl: withoutUserInfo(row.baseUrl),
    settings: storedSettings(row),
    isSimulator: row.isSimulator,
    credential: credentialView(row),
    lastHealthAt: row.lastHealthAt?.toISOString() ?? null,
    lastHealth: health.success ? health.data : null,
    trainingRuns: row._count.trainingRuns,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listBackends(): Promise<BackendView[]> {
  const rows = await prisma().backend.findMany({ orderBy: [{ role: "asc" }, { name: "asc" }], select: viewSelect });
  return rows.map(toView);
}

export async function getBackend(id: number): Promise<BackendView | null> {
  const row = await prisma().backend.findUnique({ where: { id }, select: viewSelect });
  return row ? toView(row) : null;
}

/** What the audit log keeps of a backend written from this input: never the credential itself. */
function auditedInput(input: BackendInput): AuditDetails["backend.create"] {
  return { name: input.name, role: input.role, kind: input.kind, baseUrl: input.baseUrl, credential: input.credential.source };
}

export async function createBackend(input: BackendInput, actor: Actor): Promise<{ id: number }> {
  const record = backendRecord(input);
  return inTransaction(async (tx) => {
    const created = await tx.backend.create({ data: { ...record, config: record.config as Prisma.InputJsonObject }, select: { id: true } });
    await recordAudit(tx, actor, { action: "backend.create", targetId: created.id, details: auditedInput(input) });
    return created;
  }).catch((error: unknown) => {
    throw isUniqueViolation(error) ? nameTaken(input.name) : error;
  });
}

/** Returns null when there is no such backend. */
export async function updateBackend(id: number, input: BackendInput, actor: Actor): Promise<{ id: number } | null> {
  return inTransaction(async (tx) => {
    const existing = await tx.backend.findUnique({ where: { id }, select: { secretCiphertext: true } });
    if (!existing) return null;
    const record = backendRecord(input, existing.secretCiphertext);
    const updated = await tx.backend.update({
      where: { id },
      // A changed address or protocol makes the last health check meaningless.
      data: { ...record, config: record.config as Prisma.InputJsonObject, lastHealth: Prisma.DbNull, lastHealthAt: null },
      select: { id: true },
    });
    const credentialChanged = input.credential.source === "stored" && input.credential.value !== undefined;
    await recordAudit(tx, actor, { action: "backend.update", targetId: id, details: { ...auditedInput(input), credentialChanged } });
    return updated;
  }).catch((error: unknown) => {
    throw isUniqueViolation(error) ? nameTaken(input.name) : error;
  });
}

const nameTaken = (name: string) => conflict(`A backend named "${name}" already exists`, { field: "name" });

/** Returns the deleted backend's name, or null when there is none; a backend with training runs is kept (a conflict). */
export async function deleteBackend(id: number, actor: Actor): Promise<string | null> {
  return inTransaction(async (tx) => {
    const row = await tx.backend.findUnique({ where: { id }, select: { name: true, _count: { select: { trainingRuns: true } } } });
    if (!row) return null;
    if (row._count.trainingRuns > 0) {
      throw conflict(`Backend "${row.name}" ran ${row._count.trainingRuns} training run(s); it is kept for their history`);
    }
    await tx.backend.delete({ where: { id }, select: { id: true } });
    await recordAudit(tx, actor, { action: "backend.delete", targetId: id, details: { name: row.name } });
    return row.name;
  });
}

/** The row with its encrypted credential, for making clients server-side. */
export async function getStoredBackend(id: number): Promise<(StoredBackend & { id: number; isSimulator: boolean }) | null> {
  return prisma().backend.findUnique({
    where: { id },
    select: { id: true, name: true, role: true, protocol: true, baseUrl: true, config: true, secretCiphertext: true, isSimulator: true },
  });
}

/** Checks the backend now and records the outcome; null when there is no such backend. */
export async function runHealthCheck(id: number, options: HealthCheckOptions = {}): Promise<HealthReport | null> {
  const row = await getStoredBackend(id);
  if (!row) return null;
  let report: HealthReport;
  try {
    report = await checkBackendHealth(resolveBackendConfig(row), options);
  } catch (error) {
    // The stored configuration itself is unusable (bad settings, missing or unreadable credential).
    report = {
      ok: false,
      checkedAt: new Date().toISOString(),
      latencyMs: 0,
      simulated: row.isSimulator,
      models: [],
      error: error instanceof Error ? error.message : String(error),
    };
  }
  await prisma().backend.update({
    where: { id },
    data: { lastHealth: report, lastHealthAt: new Date(report.checkedAt) },
    select: { id: true },
  });
  return report;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
