import { listCycles } from "@/lib/cockpit/cycles/cycle-list-repository";
import { route } from "@/lib/http/route";

export const GET = route({ access: "research" }, async () => ({ cycles: await listCycles() }));
