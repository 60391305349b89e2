import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/app/_lib/require-user";
import { ItemScreen } from "@/components/review/item-screen";
import { isDomainError } from "@/lib/errors/domain-error";
import { toWire } from "@/lib/http/wire";
import { itemDetail } from "@/lib/review";
import { canManageQueues } from "@/lib/review/access";

export const metadata: Metadata = { title: "Review item" };

export default async function ReviewItemPage({ params }: { params: Promise<{ queueId: string; itemId: string }> }) {
  const user = await requireUser("review");
  const { queueId, itemId } = await params;
  const ids = [Number(queueId), Number(itemId)] as const;
  if (!ids.every((id) => Number.isInteger(id) && id > 0)) notFound();
  // The item (and the membership check) comes with the page, so its text is in the first paint;
  // one the person may not see is left to the screen, which says why, as GET …/items/{id} does.
  const initial = await itemDetail(user, ids[0], ids[1]).catch((error: unknown) => {
    if (isDomainError(error)) return undefined;
    throw error;
  });
  return <ItemScreen queueId={ids[0]} itemId={ids[1]} canManage={canManageQueues(user)} initial={initial && toWire(initial)} />;
}
