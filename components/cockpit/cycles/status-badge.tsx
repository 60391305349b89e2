import { Badge } from "@/components/ui/badge";
import { formatStatus } from "@/lib/format/formatters";

const TONES: Record<string, "neutral" | "success" | "danger" | "warning" | "info"> = {
  DONE: "success",
  DONE_WITH_ERRORS: "warning",
  SUCCEEDED: "success",
  FAILED: "danger",
  CANCELLED: "warning",
  DRAFT: "neutral",
  PENDING: "neutral",
  QUEUED: "neutral",
  ACTIVE: "info",
};

export function StatusBadge({ status }: { status: string }) {
  return <Badge tone={TONES[status] ?? "info"}>{formatStatus(status)}</Badge>;
}
