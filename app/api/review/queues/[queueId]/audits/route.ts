import { AuditExportQuery, exportQueueAudits } from "@/lib/review/export/audit-export";
import { route } from "@/lib/http/route";
import { queueParams } from "../../../_lib/review-params";

/** The queue's human audits as a CSV or JSONL download (?format=csv|jsonl), raters named; audited. */
export const GET = route({ access: "research", params: queueParams, query: AuditExportQuery }, async ({ user, params, query, actor }) => {
  const download = await exportQueueAudits(user, actor, params.queueId, query.format);
  return new Response(download.body, {
    headers: {
      "content-type": download.contentType,
      "content-disposition": `attachment; filename="${download.fileName}"`,
      "cache-control": "no-store",
    },
  });
});
