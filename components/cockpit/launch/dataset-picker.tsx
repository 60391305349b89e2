"use client";

import type { LaunchDataset } from "@/lib/cockpit/launch/launch-form-types";
import { FieldError, inputClass } from "../ui";
import { splitList } from "./schema-fields";

export interface DatasetChoice {
  datasetId: number;
  sampleSize: number | null;
  splits: string[];
}

/** Which datasets the run trains on, with a sample size and the splits to draw from. */
export function DatasetPicker({
  datasets,
  choices,
  errors,
  onChange,
}: {
  datasets: LaunchDataset[];
  choices: DatasetChoice[];
  errors: Record<string, string>;
  onChange: (choices: DatasetChoice[]) => void;
}) {
  const toggle = (dataset: LaunchDataset, on: boolean) =>
    onChange(
      on
        ? [...choices, { datasetId: dataset.id, sampleSize: null, splits: defaultSplits(dataset) }]
        : choices.filter((choice) => choice.datasetId !== dataset.id),
    );
  const update = (datasetId: number, patch: Partial<DatasetChoice>) =>
    onChange(choices.map((choice) => (choice.datasetId === datasetId ? { ...choice, ...patch } : choice)));

  return (
    <fieldset className="rounded-lg border border-slate-200 bg-white p-4" aria-describedby="cfg-datasets-error">
      <legend className="px-1 text-sm font-medium text-slate-700">Datasets</legend>
      {datasets.length === 0 && <p className="text-sm text-slate-600">No dataset has been imported yet.</p>}
      <ul className="space-y-3">
        {datasets.map((dataset) => {
          const index = choices.findIndex((choice) => choice.datasetId === dataset.id);
          const choice = choices[index];
          const prefix = `datasets.${index}`;
          return (
            <li key={dataset.id} className="rounded border border-slate-100 p-2">
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={choice !== undefined}
                  onChange={(event) => toggle(dataset, event.target.checked)}
                  aria-label={`Use dataset ${dataset.name}`}
                />
                <span className="font-medium">{dataset.name}</span>
                <span className="text-xs text-slate-500">
                  {dataset.format.toLowerCase()} ·{" "}
                  {Object.entries(dataset.splits)
                    .map(([split, count]) => `${split} ${count}`)
                    .join(" · ") || "no questions"}
                </span>
              </label>
              {choice && (
                <div className="mt-2 grid grid-cols-2 gap-3 pl-6">
                  <div>
                    <label htmlFor={`cfg-datasets-${dataset.id}-sampleSize`} className="text-sm text-slate-700">
                      Questions to use ({dataset.name})
                    </label>
                    <input
                      id={`cfg-datasets-${dataset.id}-sampleSize`}
                      type="number"
                      min={1}
                      className={inputClass}
                      placeholder="all"
                      defaultValue={choice.sampleSize ?? ""}
                      aria-invalid={Boolean(errors[`${prefix}.sampleSize`])}
                      onChange={(event) =>
                        update(dataset.id, { sampleSize: event.target.value.trim() === "" ? null : Number(event.target.value) })
                      }
                    />
                    <FieldError id={`cfg-datasets-${dataset.id}-sampleSize-error`} message={errors[`${prefix}.sampleSize`]} />
                  </div>
                  <div>
                    <label htmlFor={`cfg-datasets-${dataset.id}-splits`} className="text-sm text-slate-700">
                      Splits ({dataset.name})
                    </label>
                    <input
                      id={`cfg-datasets-${dataset.id}-splits`}
                      className={inputClass}
                      defaultValue={choice.splits.join(", ")}
                      aria-invalid={Boolean(errors[`${prefix}.splits`])}
                      onChange={(event) => update(dataset.id, { splits: splitList(event.target.value) })}
                    />
                    <FieldError
                      id={`cfg-datasets-${dataset.id}-splits-error`}
                      message={errors[`${prefix}.splits`] ?? errors[`${prefix}.dataset`]}
                    />
                  </div>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <FieldError id="cfg-datasets-error" message={errors.datasets} />
    </fieldset>
  );
}

function defaultSplits(dataset: LaunchDataset): string[] {
  return "train" in dataset.splits || Object.keys(dataset.splits).length === 0 ? ["train"] : Object.keys(dataset.splits).slice(0, 1);
}
