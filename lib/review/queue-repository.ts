import { prisma } from "@/lib/db/prisma";

/** Queues a user may work on: annotators see only those assigned to them. */
export async function listQueuesFor(user: { id: string; role: string }) {
  return prisma().reviewQueue.findMany({
    where: user.role === "ANNOTATOR" ? { members: { some: { userId: user.id } } } : {},
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, status: true, size: true, blind: true, _count: { select: { items: true } } },
  });
}
