import { prisma } from "@/lib/db/prisma";

export async function listDatasets() {
  return prisma().dataset.findMany({
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, format: true, description: true, isDemo: true, _count: { select: { videos: true, questions: true } } },
  });
}
