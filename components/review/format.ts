import { AUDIT_VERDICT_LABELS, type AuditVerdict } from "@/lib/review/constants";

/** A question target in words: "interval 1.0–2.0 s", "class “eating apple pie”". */
function describeTarget(target: unknown): string {
  if (typeof target !== "object" || target === null) return String(target);
  const { labelType, label } = target as { labelType?: string; label?: unknown };
  const value = label as Record<string, unknown> | string | undefined;
  if (typeof value === "string") return `${labelType} “${value}”`;
  if (!value) return String(labelType);
  switch (labelType) {
    case "interval":
      return `interval ${Number(value.start).toFixed(1)}–${Number(value.end).toFixed(1)} s`;
    case "timestamp":
      return `time ${Number(value.time).toFixed(2)} s`;
    case "float":
      return `${String(value.name || "value")} = ${String(value.value)}`;
    case "bbox":
      return `box [${(value.box as number[] | undefined)?.map((n) => Number(n).toFixed(2)).join(", ")}]`;
    case "sequence":
      return `sequence: ${(value.actions as string[] | undefined)?.join(" → ")}`;
    case "same":
      return value.same ? "the same object" : "different objects";
    default:
      return `${labelType} ${JSON.stringify(value)}`;
  }
}

export const describeTargets = (targets: unknown): string[] => (Array.isArray(targets) ? targets.map(describeTarget) : []);

export const verdictLabel = (verdict: AuditVerdict | null) => (verdict ? AUDIT_VERDICT_LABELS[verdict] : "—");

export const modeLabel = (mode: string) =>
  mode === "ANSWER" ? "Direct answer" : mode === "RATIONALIZATION" ? "Rationalization" : "Evaluation";
