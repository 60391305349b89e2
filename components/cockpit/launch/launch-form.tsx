"use client";

import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { changedPaths, isRecord, overridesFrom, setAt, type ConfigValues } from "@/lib/cockpit/launch/config-values";
import type { PostCockpitEstimateResponse } from "@/app/api/cockpit/estimate/route";
import type { PostCyclesResponse } from "@/app/api/cycles/route";
import { leafPaths } from "@/lib/cockpit/launch/json-schema";
import type { LaunchFormModel, LaunchOriginal } from "@/lib/cockpit/launch/launch-form-types";
import { apiFetch } from "../../api-client";
import { fieldErrorsOf, formLevelError } from "../field-errors";
import { cockpitKeys } from "../query-keys";
import { FieldError, inputClass, Section } from "../ui";
import { DatasetPicker, type DatasetChoice } from "./dataset-picker";
import { EstimatePanel } from "./estimate-panel";
import { SchemaField, SchemaGroup } from "./schema-fields";
import { useDebounced } from "./use-debounced";
import { VerifierFields, type VerifierValues } from "./verifier-fields";
import { Button } from "@/components/ui/button";

const SPECIAL = new Set(["datasets", "verifier", "backends"]);
/** Groups most launches leave at their defaults: drawn closed. */
const ADVANCED = new Set(["prompts", "sampling", "training", "execution"]);

/** Every setting of the cycle engine with its default, checked and estimated as it is edited. */
export function LaunchForm({ model, original }: { model: LaunchFormModel; original?: LaunchOriginal }) {
  const router = useRouter();
  const [start] = useState(() => startingPoint(model, original));
  const [values, setValues] = useState<ConfigValues>(start.values);
  const [choices, setChoices] = useState<DatasetChoice[]>(start.choices);
  const [preset, setPreset] = useState(start.preset);
  const [verifierValues, setVerifierValues] = useState<VerifierValues>(start.verifierValues);

  const config = useMemo(
    () => buildConfig(values, choices, preset, verifierValues, model),
    [values, choices, preset, verifierValues, model],
  );
  const debouncedConfig = useDebounced(config, 400);
  const debouncedHasDatasets = Array.isArray(debouncedConfig.datasets) && debouncedConfig.datasets.length > 0;
  const estimate = useQuery({
    queryKey: cockpitKeys.cycles.estimate(debouncedConfig),
    queryFn: () =>
      apiFetch<PostCockpitEstimateResponse>("/api/cockpit/estimate", { method: "POST", body: JSON.stringify(debouncedConfig) }).then(
        (body) => body.estimate,
      ),
    enabled: debouncedHasDatasets,
    retry: false,
    placeholderData: keepPreviousData,
  });
  const launch = useMutation({
    mutationFn: async () => {
      // The same check as while editing, so every problem lands beside its field before the engine is asked.
      await apiFetch<PostCockpitEstimateResponse>("/api/cockpit/estimate", { method: "POST", body: JSON.stringify(config) });
      return apiFetch<PostCyclesResponse>("/api/cycles", { method: "POST", body: JSON.stringify({ config }) });
    },
    onSuccess: (body) => router.push(`/cycles/${body.cycleId}`),
  });

  // The last settled check's problems, kept while the next one runs: a field's message (and the
  // section it opened) does not blink away at every keystroke.
  const [checked, setChecked] = useState<Record<string, string>>({});
  useEffect(() => {
    if (!estimate.isFetching) setChecked(estimate.isError ? fieldErrorsOf(estimate.error) : {});
  }, [estimate.isFetching, estimate.isError, estimate.error]);
  // A refused launch checked the settings as they are now: its answer replaces the (maybe older) check's.
  const launchErrors = fieldErrorsOf(launch.error);
  const errors = Object.keys(launchErrors).length > 0 ? launchErrors : choices.length > 0 ? checked : {};
  const form = useRef<HTMLFormElement>(null);
  // A refused launch: bring the first problem into view (opening a closed section) and focus its field.
  useEffect(() => {
    if (!launch.error) return;
    const first = form.current?.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"]');
    if (!first) return;
    for (let section = first.closest("details"); section; section = section.parentElement?.closest("details") ?? null) section.open = true;
    first.scrollIntoView({ block: "center" });
    if (first.matches("input, select, textarea")) first.focus({ preventScroll: true });
  }, [launch.error]);
  const change = (path: string, value: unknown) => {
    launch.reset();
    setValues((previous) => setAt(previous, path, value));
  };
  const fieldProps = { values, errors, onChange: change };
  const properties = model.schema.properties ?? {};
  const shown = new Set([...leafPaths(model.schema), "datasets", "verifier.overrides"]);
  const unplaced = Object.entries(errors).filter(
    ([field]) => !shown.has(field) && !/^datasets\.\d+\./.test(field) && !field.startsWith("verifier.overrides."),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    launch.mutate();
  }

  return (
    <form ref={form} onSubmit={submit} noValidate className="space-y-4" aria-label="Launch a cycle">
      <div className="grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-3">
        {(["name", "seed", "baseCheckpoint"] as const).map((key) =>
          properties[key] ? <SchemaField key={key} node={properties[key]} path={key} required={false} {...fieldProps} /> : null,
        )}
      </div>
      <DatasetPicker
        datasets={model.datasets}
        choices={choices}
        errors={errors}
        onChange={(next) => {
          launch.reset();
          setChoices(next);
        }}
      />
      <BackendPickers model={model} values={values} errors={errors} onChange={change} />
      {Object.entries(properties)
        .filter(([key, node]) => !SPECIAL.has(key) && node.type === "object" && node.properties)
        .map(([key, node]) => (
          <SchemaGroup key={key} node={node} path={key} advanced={ADVANCED.has(key)} {...fieldProps} />
        ))}
      <VerifierFields
        presets={model.presets}
        preset={preset}
        values={verifierValues}
        overridesSchema={properties.verifier?.properties?.overrides}
        errors={errors}
        onPreset={(next) => {
          launch.reset();
          setPreset(next);
          setVerifierValues(presetValues(model, next));
        }}
        onChange={(group, key, value) => {
          launch.reset();
          setVerifierValues((previous) => ({ ...previous, [group]: { ...previous[group], [key]: value } }));
        }}
      />
      <Section title="Estimate">
        <EstimatePanel
          estimate={estimate.isError || choices.length === 0 ? undefined : estimate.data}
          state={
            choices.length === 0 ? "no-dataset" : estimate.isError ? "invalid" : estimate.isFetching || !estimate.data ? "pending" : "ready"
          }
        />
      </Section>
      {unplaced.length > 0 && (
        <ul role="alert" className="list-disc pl-5 text-sm text-rose-700">
          {unplaced.map(([field, message]) => (
            <li key={field}>
              {field}: {message}
            </li>
          ))}
        </ul>
      )}
      {original && <RelaunchChanges original={original} changed={changedPaths(start.config, config)} />}
      <div className="flex items-center gap-3">
        <Button variant="primary" size="md" type="submit" disabled={launch.isPending}>
          {launch.isPending ? "Launching…" : "Launch"}
        </Button>
        {formLevelError(launch.error) && (
          <p role="alert" className="text-sm text-rose-700">
            {formLevelError(launch.error)}
          </p>
        )}
      </div>
    </form>
  );
}

function BackendPickers({
  model,
  values,
  errors,
  onChange,
}: {
  model: LaunchFormModel;
  values: ConfigValues;
  errors: Record<string, string>;
  onChange: (path: string, value: unknown) => void;
}) {
  const current = isRecord(values.backends) ? values.backends : {};
  const picker = (role: "INFERENCE" | "TRAINING" | "EMBEDDINGS", key: "inference" | "training" | "embeddings", label: string) => {
    const options = model.backends.filter((backend) => backend.role === role);
    const optional = role === "EMBEDDINGS";
    const selected = typeof current[key] === "string" ? current[key] : "";
    const missing = selected !== "" && !options.some((backend) => backend.name === selected);
    const id = `cfg-backends-${key}`;
    return (
      <div>
        <label htmlFor={id} className="text-sm text-slate-700">
          {label}
        </label>
        <select
          id={id}
          className={inputClass}
          value={selected}
          aria-invalid={Boolean(errors[`backends.${key}`])}
          onChange={(event) => onChange(`backends.${key}`, optional && event.target.value === "" ? undefined : event.target.value)}
        >
          {optional && <option value="">None (sentence rules not applied under reference-code)</option>}
          {missing && <option value={selected}>{selected} (not configured)</option>}
          {options.map((backend) => (
            <option key={backend.name} value={backend.name}>
              {backend.name}
              {backend.model ? ` — ${backend.model}` : ""}
              {backend.isSimulator ? " (simulated)" : ""}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-error`} message={errors[`backends.${key}`]} />
      </div>
    );
  };
  return (
    <fieldset className="grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-3">
      <legend className="px-1 text-sm font-medium text-slate-700">Backends</legend>
      {picker("INFERENCE", "inference", "Inference backend")}
      {picker("TRAINING", "training", "Training backend")}
      {picker("EMBEDDINGS", "embeddings", "Embeddings backend (verifier)")}
    </fieldset>
  );
}

/** What the form starts from: the engine's defaults, or the settings of the run launched again. */
function startingPoint(model: LaunchFormModel, original: LaunchOriginal | undefined) {
  const defaultPreset =
    isRecord(model.defaults.verifier) && typeof model.defaults.verifier.preset === "string" ? model.defaults.verifier.preset : "paper";
  const preset = original?.verifier.preset ?? defaultPreset;
  let verifierValues = presetValues(model, preset);
  for (const [group, settings] of Object.entries(original?.verifier.overrides ?? {})) {
    verifierValues = { ...verifierValues, [group]: { ...verifierValues[group], ...settings } };
  }
  const values: ConfigValues = { ...structuredClone(model.defaults), ...structuredClone(original?.values ?? {}) };
  const choices: DatasetChoice[] = structuredClone(original?.datasets ?? []);
  return { values, choices, preset, verifierValues, config: buildConfig(values, choices, preset, verifierValues, model) };
}

/** Launching again: which settings now differ from the run's, as the person edits. */
function RelaunchChanges({ original, changed }: { original: LaunchOriginal; changed: string[] }) {
  return (
    <div className="rounded-lg border border-indigo-200 bg-indigo-50 p-3 text-sm" data-testid="relaunch-changes" aria-live="polite">
      <p>
        Starting from the settings of run {original.runId} ({original.name}).
      </p>
      {changed.length === 0 ? (
        <p className="text-slate-600">No setting differs from that run yet.</p>
      ) : (
        <p>
          Changed from that run:{" "}
          {changed.map((path, index) => (
            <span key={path}>
              {index > 0 && ", "}
              <code className="font-mono">{path}</code>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}

function presetValues(model: LaunchFormModel, preset: string): VerifierValues {
  const { preset: _name, ...groups } = model.presets[preset] ?? {};
  return structuredClone(groups) as VerifierValues;
}

function buildConfig(
  values: ConfigValues,
  choices: DatasetChoice[],
  preset: string,
  verifierValues: VerifierValues,
  model: LaunchFormModel,
): ConfigValues {
  const { preset: _name, ...presetGroups } = model.presets[preset] ?? {};
  return {
    ...values,
    datasets: choices.map((choice) => ({ dataset: choice.datasetId, sampleSize: choice.sampleSize, splits: choice.splits })),
    verifier: { preset, overrides: overridesFrom(presetGroups as VerifierValues, verifierValues) },
  };
}
