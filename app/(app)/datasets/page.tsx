import type { Metadata } from "next";
import { requireUser } from "@/app/_lib/require-user";
import { listDatasets } from "@/lib/datasets/dataset-repository";

export const metadata: Metadata = { title: "Datasets" };

export default async function DatasetsPage() {
  await requireUser("research");
  const datasets = await listDatasets();
  return (
    <main>
      <h1 className="text-2xl font-semibold">Datasets</h1>
      {datasets.length === 0 ? (
        <p className="mt-6 text-slate-600">No datasets yet.</p>
      ) : (
        <ul className="mt-6 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {datasets.map((dataset) => (
            <li key={dataset.id} className="flex justify-between px-4 py-3">
              <span>
                <span className="font-medium">{dataset.name}</span>{" "}
                <span className="text-xs text-slate-500">{dataset.format}</span>
              </span>
              <span className="text-sm text-slate-600">
                {dataset._count.videos} videos · {dataset._count.questions} questions
              </span>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
