import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/app/_lib/require-user";
import { listAqaRuns } from "@/lib/aqa-review";
import { listDatasets } from "@/lib/datasets/dataset-repository";
import { formatDate, formatStatus } from "@/lib/format/formatters";
import { SimulatedBadge } from "@/components/ui/badge";

export const metadata: Metadata = { title: "Action quality" };

export default async function AqaPage() {
  await requireUser("aqa");
  const [runs, datasets] = await Promise.all([listAqaRuns(), listDatasets()]);
  const diving = datasets.filter((dataset) => dataset.format === "FINEDIVING");
  return (
    <main className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">FineDiving explanations</h1>
        <p className="mt-2 max-w-3xl text-slate-600">
          Predicted against true scores, difficulty, sub-actions and the arithmetic in each rationale, cycle by cycle — and your sign-off on
          every explanation.
        </p>
        <p className="mt-1 text-sm text-slate-500">
          {diving.length === 0
            ? "No FineDiving dataset has been imported yet."
            : `FineDiving datasets: ${diving.map((d) => d.name).join(", ")}.`}
        </p>
      </div>
      {runs.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-slate-600">
          No cycle has answered FineDiving action-quality questions yet.
        </p>
      ) : (
        runs.map((run) => (
          <section key={run.id} aria-label={run.name} className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 className="text-lg font-semibold">
              {run.name}{" "}
              <span className="text-sm font-normal text-slate-500">
                · {formatStatus(run.status)} · started {formatDate(run.createdAt)}
              </span>
            </h2>
            <table className="mt-3 w-full text-left text-sm">
              <thead className="border-b border-slate-200 text-xs text-slate-500">
                <tr>
                  <th className="py-1">Cycle</th>
                  <th>Status</th>
                  <th>FineDiving answers</th>
                  <th />
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {run.cycles.map((cycle) => (
                  <tr key={cycle.id}>
                    <td className="py-1.5">
                      Cycle {cycle.index}
                      {cycle.isFinal && <span className="ml-1 text-xs text-slate-500">(final)</span>}
                      {cycle.inputCheckpoint.simulated && <SimulatedBadge className="ml-1" />}
                    </td>
                    <td>{formatStatus(cycle.status)}</td>
                    <td className="tabular-nums">{cycle._count.generations}</td>
                    <td>
                      {cycle._count.generations > 0 && (
                        <Link href={`/aqa/cycles/${cycle.id}`} className="text-indigo-700 hover:underline">
                          Review cycle {cycle.index}
                        </Link>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))
      )}
    </main>
  );
}
