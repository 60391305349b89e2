import type { Metadata } from "next";
import { requireUser } from "@/app/_lib/require-user";
import { listQueuesFor } from "@/lib/review/queue-repository";

export const metadata: Metadata = { title: "Review" };

export default async function ReviewPage() {
  const user = await requireUser("review");
  const queues = await listQueuesFor(user);
  return (
    <main>
      <h1 className="text-2xl font-semibold">Review queues</h1>
      {queues.length === 0 ? (
        <p className="mt-6 text-slate-600">No review queue is assigned to you yet.</p>
      ) : (
        <ul className="mt-6 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {queues.map((queue) => (
            <li key={queue.id} className="flex justify-between px-4 py-3">
              <span className="font-medium">{queue.name}</span>
              <span className="text-sm text-slate-600">
                {queue._count.items} items{queue.blind ? " · blind" : ""} · {queue.status.toLowerCase()}
              </span>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
