import { notFound } from "next/navigation";
import { cycleDashboard, CycleParams, ModeQuery, runTrend } from "@/lib/aqa-review";

type PageProps = { params: Promise<{ cycleId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The cycle page's and the printable report's data: the dashboard and the run's trend. */
export async function loadCyclePage({ params, searchParams }: PageProps) {
  const parsedParams = CycleParams.safeParse(await params);
  const parsedQuery = ModeQuery.safeParse(await searchParams);
  if (!parsedParams.success) notFound();
  const mode = parsedQuery.success ? parsedQuery.data.mode : "ANSWER";
  const dashboard = await cycleDashboard(parsedParams.data.cycleId, mode);
  if (dashboard === null) notFound();
  const trend = await runTrend(dashboard.cycle.run.id, mode);
  return { dashboard, trend: trend?.cycles ?? [], mode };
}
