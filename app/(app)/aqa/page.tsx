import type { Metadata } from "next";
import { requireUser } from "@/app/_lib/require-user";
import { listDatasets } from "@/lib/datasets/dataset-repository";

export const metadata: Metadata = { title: "Action quality" };

export default async function AqaPage() {
  await requireUser("aqa");
  const diving = (await listDatasets()).filter((dataset) => dataset.format === "FINEDIVING");
  return (
    <main>
      <h1 className="text-2xl font-semibold">FineDiving explanations</h1>
      <p className="mt-2 max-w-2xl text-slate-600">
        Predicted against true scores, the arithmetic in each rationale, and your sign-off on every explanation.
      </p>
      <p className="mt-6 text-slate-600">
        {diving.length === 0 ? "No FineDiving dataset has been imported yet." : `${diving.length} FineDiving dataset(s): ${diving.map((d) => d.name).join(", ")}.`}
      </p>
    </main>
  );
}
