import { Badge } from "@/components/ui/badge";

const TONES: Record<string, "neutral" | "success" | "danger" | "warning" | "info"> = {
  DONE: "success",
  SUCCEEDED: "success",
  FAILED: "danger",
  CANCELLED: "warning",
  DRAFT: "neutral",
  PENDING: "neutral",
  QUEUED: "neutral",
  ACTIVE: "info",
};

export function StatusBadge({ status }: { status: string }) {
  return <Badge tone={TONES[status] ?? "info"}>{status.toLowerCase()}</Badge>;
}
