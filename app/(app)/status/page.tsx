import type { Metadata } from "next";
import { requireUser } from "@/app/_lib/require-user";
import { listWorkers } from "@/lib/ops/worker-status";

export const metadata: Metadata = { title: "Status" };

export default async function StatusPage() {
  await requireUser("anyone");
  const workers = await listWorkers();
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
    </main>
  );
}
