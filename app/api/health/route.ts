import { pool } from "@/lib/db/pool";
import { publicRoute } from "@/lib/http/route";
import { json } from "@/lib/http/json";

export const dynamic = "force-dynamic";

/** Liveness for the launcher and load balancers: no data, only whether the database answers. */
export const GET = publicRoute(async () => {
  try {
    await pool().query("SELECT 1");
    return json({ ok: true });
  } catch {
    return json({ ok: false, error: "database unreachable" }, { status: 503 });
  }
});
