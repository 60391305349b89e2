import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/app/_lib/require-user";
import { QueueList } from "@/components/review/queue-list";
import { canManageQueues } from "@/lib/review/access";
import { buttonClasses } from "@/components/ui/button";

export const metadata: Metadata = { title: "Review" };

export default async function ReviewPage() {
  const user = await requireUser("review");
  const canManage = canManageQueues(user);
  return (
    <main>
      <div className="flex items-center gap-4">
        <h1 className="text-2xl font-semibold">Review queues</h1>
        {canManage && (
          <Link href="/review/new" className={buttonClasses({ variant: "primary", size: "md", className: "ml-auto" })}>
            New queue
          </Link>
        )}
      </div>
      <QueueList canManage={canManage} />
    </main>
  );
}
