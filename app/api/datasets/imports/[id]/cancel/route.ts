import { z } from "zod";
import { recordAuditEvent } from "@/lib/auth/audit-log";
import { cancelImport } from "@/lib/datasets/cancel-import";
import { HttpError } from "@/lib/http/http-error";
import { route } from "@/lib/http/route";

/** Cancels a queued or running import (nothing is written); 409 when it has already finished. */
export const POST = route(
  { access: "research", params: z.object({ id: z.coerce.number().int().positive() }) },
  async ({ params, user, ip }) => {
    if (!(await cancelImport(params.id, user.name))) throw new HttpError(409, "The import has already finished (or does not exist)");
    await recordAuditEvent({
      actorId: user.id,
      action: "dataset.import.cancel",
      targetType: "DatasetImport",
      targetId: params.id,
      ipAddress: ip,
    });
    return { cancelled: true };
  },
);
