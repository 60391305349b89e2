import { Badge } from "../ui";

const TONES: Record<string, "slate" | "green" | "red" | "amber" | "indigo"> = {
  DONE: "green",
  SUCCEEDED: "green",
  FAILED: "red",
  CANCELLED: "amber",
  DRAFT: "slate",
  PENDING: "slate",
  QUEUED: "slate",
  ACTIVE: "indigo",
};

export function StatusBadge({ status }: { status: string }) {
  return <Badge tone={TONES[status] ?? "indigo"}>{status.toLowerCase()}</Badge>;
}
