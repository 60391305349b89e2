import { listCycles, listDatasetNames } from "@/lib/cockpit/cycles/cycle-list-repository";
import { route } from "@/lib/http/route";

/** What the explorer's filters offer: cycles and datasets. */
export const GET = route({ access: "research" }, async () => {
  const [cycles, datasets] = await Promise.all([listCycles(), listDatasetNames()]);
  return { cycles, datasets };
});
