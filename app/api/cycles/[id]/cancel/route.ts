import { z } from "zod";
import { cancelRun, CycleRequestError } from "@/lib/cycles";
import { HttpError } from "@/lib/http/http-error";
import { route } from "@/lib/http/route";

/** Cancels a run's current cycle (and its training job); what it produced is kept. */
export const POST = route(
  { access: "research", params: z.object({ id: z.coerce.number().int().positive() }) },
  async ({ user, params, ip }) => {
    const result = await cancelRun(params.id, { userId: user.id, ip }).catch((error: unknown) => {
      if (error instanceof CycleRequestError) throw new HttpError(error.status, error.message);
      throw error;
    });
    return { ok: true, ...result };
  },
);
