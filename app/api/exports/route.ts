import { z } from "zod";
import { exportRequestSchema, requestExport } from "@/lib/cycles";
import { listExportViews } from "@/lib/cockpit/exports/export-list-repository";
import { notFound } from "@/lib/errors/domain-error";
import { json } from "@/lib/http/json";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";
import { MAX_ROW_ID, optionalRowId } from "@/lib/http/schemas";
import { prisma } from "@/lib/db/prisma";

const query = z.object({ cycleId: optionalRowId });

export const GET = route({ access: "research", query }, async ({ query }) => ({ exports: await listExportViews(query) }));
export type GetExportsResponse = ResponseBody<typeof GET>;

const createSchema = exportRequestSchema.extend({
  cycleId: z.int({ error: "Choose a cycle" }).positive("Choose a cycle").max(MAX_ROW_ID, "Choose a cycle"),
});

/** Queues an export of a cycle's verified answers with the chosen filters; a worker writes the file. */
export const POST = route({ access: "research", body: createSchema }, async ({ user, body, ip }) => {
  const { cycleId, ...request } = body;
  const cycle = await prisma().cycle.findUnique({ where: { id: cycleId }, select: { id: true } });
  if (!cycle) throw notFound(`Cycle ${cycleId}`);
  const created = await requestExport(cycleId, request, { userId: user.id, ip });
  return json({ id: created.id, status: created.status }, { status: 201 });
});
export type PostExportsResponse = ResponseBody<typeof POST>;
