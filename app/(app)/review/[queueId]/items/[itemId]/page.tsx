import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/app/_lib/require-user";
import { ItemScreen } from "@/components/review/item-screen";
import { canManageQueues } from "@/lib/review/access";

export const metadata: Metadata = { title: "Review item" };

export default async function ReviewItemPage({ params }: { params: Promise<{ queueId: string; itemId: string }> }) {
  const user = await requireUser("review");
  const { queueId, itemId } = await params;
  const ids = [Number(queueId), Number(itemId)] as const;
  if (!ids.every((id) => Number.isInteger(id) && id > 0)) notFound();
  // The item (and the membership check) is loaded by the client in one request: GET …/items/{id}.
  return <ItemScreen queueId={ids[0]} itemId={ids[1]} canManage={canManageQueues(user)} />;
}
