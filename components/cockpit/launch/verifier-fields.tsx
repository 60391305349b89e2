"use client";

import { labelOf } from "@/lib/cockpit/launch/field-labels";
import { fieldKind, type JsonSchemaNode } from "@/lib/cockpit/launch/json-schema";
import { FieldError, inputClass } from "../ui";
import { AdvancedSection, hasErrorUnder } from "./advanced-section";

export type VerifierValues = Record<string, Record<string, unknown>>;

/**
 * The verifier: a preset, and its settings per label type shown with the preset's values; what
 * is changed becomes an override.
 */
export function VerifierFields({
  presets,
  preset,
  values,
  overridesSchema,
  errors,
  onPreset,
  onChange,
}: {
  presets: Record<string, Record<string, unknown>>;
  preset: string;
  values: VerifierValues;
  overridesSchema: JsonSchemaNode | undefined;
  errors: Record<string, string>;
  onPreset: (preset: string) => void;
  onChange: (group: string, key: string, value: unknown) => void;
}) {
  const groupError = errors["verifier.overrides"];
  return (
    <AdvancedSection title="Verifier" hasError={hasErrorUnder(errors, "verifier")}>
      <div className="max-w-xs">
        <label htmlFor="cfg-verifier-preset" className="text-sm text-slate-700">
          Preset
        </label>
        <select id="cfg-verifier-preset" className={inputClass} value={preset} onChange={(event) => onPreset(event.target.value)}>
          {Object.keys(presets).map((name) => (
            <option key={name} value={name}>
              {name === "paper" ? "paper (appendix A, table 8)" : name === "reference-code" ? "reference code (released verifier)" : name}
            </option>
          ))}
        </select>
        <FieldError id="cfg-verifier-preset-error" message={errors["verifier.preset"]} />
      </div>
      <div key={preset} className="mt-3 grid grid-cols-1 gap-3 md:grid-cols-4">
        {Object.entries(overridesSchema?.properties ?? {}).map(([group, groupNode]) => (
          <div key={group} className="rounded border border-slate-100 p-2">
            <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{group}</p>
            {Object.entries(groupNode.properties ?? {}).map(([key, node]) => (
              <VerifierSetting
                key={key}
                group={group}
                name={key}
                node={node}
                value={values[group]?.[key]}
                error={errors[`verifier.overrides.${group}.${key}`]}
                onChange={onChange}
              />
            ))}
          </div>
        ))}
      </div>
      <FieldError id="cfg-verifier-overrides-error" message={groupError} />
    </AdvancedSection>
  );
}

function VerifierSetting({
  group,
  name,
  node,
  value,
  error,
  onChange,
}: {
  group: string;
  name: string;
  node: JsonSchemaNode;
  value: unknown;
  error: string | undefined;
  onChange: (group: string, key: string, value: unknown) => void;
}) {
  const kind = fieldKind(node);
  const id = `cfg-verifier-${group}-${name}`;
  const label = `${labelOf(name)} (${group})`;
  if (kind.kind === "boolean") {
    return (
      <label htmlFor={id} className="mt-1 flex items-center gap-2 text-sm">
        <input id={id} type="checkbox" checked={value === true} onChange={(event) => onChange(group, name, event.target.checked)} />
        <span aria-hidden>{labelOf(name)}</span>
        <span className="sr-only">{label}</span>
      </label>
    );
  }
  return (
    <div className="mt-1">
      <label htmlFor={id} className="text-xs text-slate-600">
        <span aria-hidden>{labelOf(name)}</span>
        <span className="sr-only">{label}</span>
      </label>
      {kind.kind === "enum" ? (
        <select id={id} className={inputClass} value={String(value ?? "")} onChange={(event) => onChange(group, name, event.target.value)}>
          {kind.options.map((option) => (
            <option key={option}>{option}</option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          type="number"
          step="any"
          className={inputClass}
          aria-invalid={Boolean(error)}
          defaultValue={typeof value === "number" ? value : ""}
          onChange={(event) => onChange(group, name, event.target.value.trim() === "" ? undefined : Number(event.target.value))}
        />
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
