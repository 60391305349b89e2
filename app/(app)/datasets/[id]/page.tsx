import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/app/_lib/require-user";
import { CountList } from "@/components/datasets/count-list";
import { ImportForm } from "@/components/datasets/import-form";
import { ImportHistory } from "@/components/datasets/import-history";
import { TemplateEditor } from "@/components/datasets/template-editor";
import { FORMAT_LABELS } from "@/components/datasets/format-labels";
import { VideoGrid } from "@/components/datasets/video-grid";
import { importRoots } from "@/lib/config/media-root";
import { toWire } from "@/lib/http/wire";
import { datasetCounts, findDataset, listTemplates } from "@/lib/datasets/dataset-repository";
import { listImports } from "@/lib/datasets/import-repository";
import { formatNumber } from "@/lib/format/formatters";

export const metadata: Metadata = { title: "Dataset" };

export default async function DatasetPage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser("research");
  const id = Number((await params).id);
  const dataset = Number.isSafeInteger(id) && id > 0 ? await findDataset(id) : null;
  if (dataset === null) notFound();
  const [counts, imports, templates] = await Promise.all([
    datasetCounts([dataset.id]),
    listImports({ datasetId: dataset.id, limit: 20 }),
    listTemplates(dataset.id),
  ]);
  const count = counts.get(dataset.id) ?? { videosBySplit: {}, labelsByKind: {}, questionsByKind: {}, videosByStatus: {} };
  const heading = "mb-3 text-lg font-semibold";

  return (
    <main className="space-y-10">
      <section>
        <Link href="/datasets" className="text-sm text-slate-500 hover:text-slate-800">
          ← Datasets
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">{dataset.name}</h1>
        <p className="text-sm text-slate-600">
          {FORMAT_LABELS[dataset.format] ?? dataset.format}
          {dataset.isDemo && " · demo data"} · {formatNumber(dataset._count.videos)} videos · {formatNumber(dataset._count.questions)}{" "}
          questions
          {dataset.description && ` — ${dataset.description}`}
        </p>
        <dl className="mt-4 grid gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-4">
          {[
            ["Videos by split", count.videosBySplit],
            ["Labels by type", count.labelsByKind],
            ["Questions by kind", count.questionsByKind],
            ["Media", count.videosByStatus],
          ].map(([title, values]) => (
            <div key={title as string}>
              <dt className="text-xs uppercase tracking-wide text-slate-500">{title as string}</dt>
              <dd className="mt-1">
                <CountList
                  counts={values as Record<string, number>}
                  emptyName="no split"
                  lowercase={title !== "Videos by split" && title !== "Questions by kind"}
                />
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="clips-heading">
        <h2 id="clips-heading" className={heading}>
          Clips
        </h2>
        <VideoGrid datasetId={dataset.id} splits={Object.keys(count.videosBySplit).sort()} />
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading" className={heading}>
          Import history
        </h2>
        <ImportHistory datasetId={dataset.id} initial={toWire(imports)} />
      </section>

      <section aria-labelledby="import-heading">
        <h2 id="import-heading" className={heading}>
          Import more
        </h2>
        <ImportForm dataset={{ id: dataset.id, name: dataset.name, format: dataset.format }} importRoots={importRoots()} />
      </section>

      <section aria-labelledby="templates-heading">
        <h2 id="templates-heading" className={heading}>
          Question templates
        </h2>
        <TemplateEditor datasetId={dataset.id} initial={toWire(templates)} />
      </section>
    </main>
  );
}
