import type { Metadata } from "next";
import { requireUser } from "@/app/_lib/require-user";
import { ImportHistory } from "@/components/datasets/import-history";
import { JobsPanel } from "@/components/ops/jobs-panel";
import { ACCESS } from "@/lib/auth/roles";
import { listImports } from "@/lib/datasets/import-repository";
import { toWire } from "@/lib/http/wire";
import { LONG_ACTIVE_SECONDS, listProblemJobs, listQueueCounts } from "@/lib/ops/job-repository";
import { listWorkers } from "@/lib/ops/worker-status";

export const metadata: Metadata = { title: "Status" };

export default async function StatusPage() {
  const user = await requireUser("anyone");
  const seesImports = (ACCESS.research as readonly string[]).includes(user.role);
  const [workers, imports, jobs] = await Promise.all([
    listWorkers(),
    seesImports ? listImports({ limit: 10 }) : null,
    seesImports ? Promise.all([listQueueCounts(), listProblemJobs()]) : null,
  ]);
  const alive = workers.filter((worker) => worker.alive);
  return (
    <main>
      <h1 className="text-2xl font-semibold">Status</h1>
      <section aria-labelledby="workers" className="mt-6 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="workers" className="text-sm font-medium uppercase tracking-wide text-slate-500">
          Workers
        </h2>
        <p className="mt-2 text-lg" data-testid="workers-alive">
          {alive.length} alive
        </p>
        <ul className="mt-3 divide-y divide-slate-100 text-sm">
          {workers.map((worker) => (
            <li key={worker.id} className="flex justify-between py-2">
              <span className="font-mono">
                {worker.hostname}:{worker.pid}
              </span>
              <span className={worker.alive ? "text-emerald-700" : "text-slate-400"}>
                {worker.alive ? (worker.currentJob ?? "idle") : "gone"} · {worker.jobsDone} jobs
              </span>
            </li>
          ))}
        </ul>
      </section>
      {jobs !== null && (
        <section aria-labelledby="jobs" className="mt-6 rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="jobs" className="mb-3 text-sm font-medium uppercase tracking-wide text-slate-500">
            Jobs
          </h2>
          <JobsPanel
            initial={toWire({ queues: jobs[0], problems: jobs[1], longActiveSeconds: LONG_ACTIVE_SECONDS, checkedAt: new Date() })}
          />
        </section>
      )}
      {imports !== null && (
        <section aria-labelledby="imports" className="mt-6 rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="imports" className="mb-3 text-sm font-medium uppercase tracking-wide text-slate-500">
            Imports
          </h2>
          <ImportHistory datasetId={null} initial={toWire(imports)} />
        </section>
      )}
    </main>
  );
}
