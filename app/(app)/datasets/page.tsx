import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/app/_lib/require-user";
import { ImportForm } from "@/components/datasets/import-form";
import { ImportHistory } from "@/components/datasets/import-history";
import { CountList } from "@/components/datasets/count-list";
import { FORMAT_LABELS } from "@/components/datasets/format-labels";
import { importRoots } from "@/lib/config/media-root";
import { toWire } from "@/lib/http/wire";
import { datasetCounts, listDatasets } from "@/lib/datasets/dataset-repository";
import { listImports } from "@/lib/datasets/import-repository";
import { formatNumber } from "@/lib/format/formatters";

export const metadata: Metadata = { title: "Datasets" };

export default async function DatasetsPage() {
  await requireUser("research");
  const [datasets, counts, imports] = await Promise.all([listDatasets(), datasetCounts(), listImports({ limit: 20 })]);
  return (
    <main className="space-y-10">
      <section>
        <h1 className="text-2xl font-semibold">Datasets</h1>
        {datasets.length === 0 ? (
          <p className="mt-6 text-slate-600">No datasets yet: import one below.</p>
        ) : (
          <table
            className="mt-6 w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-left text-sm"
            aria-label="Datasets"
          >
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-4 py-2">Dataset</th>
                <th className="px-4 py-2">Videos by split</th>
                <th className="px-4 py-2">Labels by type</th>
                <th className="px-4 py-2">Media</th>
                <th className="px-4 py-2 text-right">Questions</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {datasets.map((dataset) => {
                const count = counts.get(dataset.id);
                return (
                  <tr key={dataset.id} data-testid="dataset-row" className="align-top">
                    <td className="px-4 py-3">
                      <Link href={`/datasets/${dataset.id}`} className="font-medium text-indigo-700 hover:underline">
                        {dataset.name}
                      </Link>
                      <div className="text-xs text-slate-500">
                        {FORMAT_LABELS[dataset.format] ?? dataset.format}
                        {dataset.isDemo && " · demo"}
                      </div>
                    </td>
                    <td className="px-4 py-3">
                      <CountList counts={count?.videosBySplit ?? {}} emptyName="no split" />
                    </td>
                    <td className="px-4 py-3">
                      <CountList counts={count?.labelsByKind ?? {}} lowercase />
                    </td>
                    <td className="px-4 py-3">
                      <CountList counts={count?.videosByStatus ?? {}} lowercase />
                    </td>
                    <td className="px-4 py-3 text-right tabular-nums">{formatNumber(dataset._count.questions)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="import-heading">
        <h2 id="import-heading" className="mb-3 text-lg font-semibold">
          Import a dataset
        </h2>
        <ImportForm importRoots={importRoots()} />
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading" className="mb-3 text-lg font-semibold">
          Recent imports
        </h2>
        <ImportHistory datasetId={null} initial={toWire(imports)} />
      </section>
    </main>
  );
}
