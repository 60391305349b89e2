import type { Metadata } from "next";
import { requireUser } from "@/app/_lib/require-user";
import { AdjudicationQueues } from "@/components/review/adjudication-queues";
import { listQueuesToAdjudicate } from "@/lib/review/adjudication/adjudicate";

export const metadata: Metadata = { title: "Disagreements" };

export default async function DisagreementsPage() {
  // Admins, researchers and PIs record final verdicts; PIs reach the queues' Disagreements pages from here.
  const user = await requireUser("researchOrPi");
  const queues = await listQueuesToAdjudicate(user);
  return (
    <main className="space-y-4">
      <h1 className="text-2xl font-semibold">Disagreements</h1>
      <p className="text-sm text-slate-600">
        Queues whose items go to more than one person. Open one to see where its raters disagree and record the final verdict.
      </p>
      <AdjudicationQueues queues={queues} />
    </main>
  );
}
