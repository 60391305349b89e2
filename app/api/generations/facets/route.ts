import { listCycles, listDatasetNames } from "@/lib/cockpit/cycles/cycle-list-repository";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";

/** What the explorer's filters offer: cycles and datasets. */
export const GET = route({ access: "researchOrPi" }, async () => {
  const [cycles, datasets] = await Promise.all([listCycles(), listDatasetNames()]);
  return { cycles, datasets };
});
export type GetGenerationFacetsResponse = ResponseBody<typeof GET>;
