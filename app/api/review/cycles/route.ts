import { z } from "zod";
import { limitSchema, listCycles } from "@/lib/review";
import { route } from "@/lib/http/route";

/** Cycles to sample a queue from, newest first, keyset-paged. */
export const GET = route(
  { access: "research", query: z.object({ cursor: z.string().optional(), limit: limitSchema }) },
  async ({ query }) => listCycles(query),
);
