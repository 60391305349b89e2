import type { Metadata } from "next";
import { Suspense } from "react";
import { requireUser } from "@/app/_lib/require-user";
import { ACCESS } from "@/lib/auth/roles";
import { GenerationsExplorer } from "@/components/cockpit/generations/generations-explorer";
import { EXPLORER_FILTER_KEYS, explorerQuerySchema } from "@/lib/cockpit/generations/explorer-filters";
import { exploreGenerations } from "@/lib/cockpit/generations/explorer-repository";
import { toWire } from "@/lib/http/wire";

export const metadata: Metadata = { title: "Generations" };

export default async function GenerationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("researchOrPi");
  return (
    <main>
      <h1 className="mb-6 text-2xl font-semibold">Generations</h1>
      <Suspense>
        <GenerationsExplorer
          canAddToQueues={(ACCESS.research as readonly string[]).includes(user.role)}
          firstPage={await firstPage(await searchParams)}
        />
      </Suspense>
    </main>
  );
}

/**
 * The first page of rows comes with the page (they are what a person looks at first), keyed by
 * the filters it was listed under. Not for a saved view (its filters are fetched first) nor for a
 * text search (slower: the screen shows the rest meanwhile).
 */
async function firstPage(params: Record<string, string | string[] | undefined>) {
  if (params.view !== undefined || params.q !== undefined) return undefined;
  const filters = Object.fromEntries(
    EXPLORER_FILTER_KEYS.flatMap((key) => (typeof params[key] === "string" && params[key] ? [[key, params[key]]] : [])),
  );
  const query = explorerQuerySchema.safeParse({ ...filters, limit: "50" });
  if (!query.success) return undefined;
  return { filterKey: JSON.stringify(filters), page: toWire(await exploreGenerations(query.data)) };
}
