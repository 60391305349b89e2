"use client";

import { FIELD_HELP, GROUP_TITLES, labelOf } from "@/lib/cockpit/launch/field-labels";
import { fieldKind, type JsonSchemaNode } from "@/lib/cockpit/launch/json-schema";
import { getAt, type ConfigValues } from "@/lib/cockpit/launch/config-values";
import { FieldError, inputClass } from "../ui";
import { AdvancedSection, hasErrorUnder } from "./advanced-section";

export interface FieldProps {
  values: ConfigValues;
  errors: Record<string, string>;
  onChange: (path: string, value: unknown) => void;
}

const fieldId = (path: string) => `cfg-${path.replace(/\./g, "-")}`;

/**
 * A group of settings drawn from its schema: nested groups become nested fieldsets. An advanced
 * group is drawn closed (see AdvancedSection).
 */
export function SchemaGroup({
  node,
  path,
  advanced = false,
  ...props
}: FieldProps & { node: JsonSchemaNode; path: string; advanced?: boolean }) {
  const title = GROUP_TITLES[path] ?? labelOf(path);
  const fields = (
    <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
      {Object.entries(node.properties ?? {}).map(([key, child]) => {
        const childPath = `${path}.${key}`;
        return fieldKind(child).kind === "group" ? (
          <div key={childPath} className="md:col-span-3">
            <SchemaGroup node={child} path={childPath} {...props} />
          </div>
        ) : (
          <SchemaField key={childPath} node={child} path={childPath} required={node.required?.includes(key) ?? false} {...props} />
        );
      })}
    </div>
  );
  if (advanced)
    return (
      <AdvancedSection title={title} hasError={hasErrorUnder(props.errors, path)}>
        {fields}
      </AdvancedSection>
    );
  return (
    <fieldset className="rounded-lg border border-slate-200 bg-white p-4">
      <legend className="px-1 text-sm font-medium text-slate-700">{title}</legend>
      {fields}
    </fieldset>
  );
}

/** One setting: its input by kind, its label, help and the API's message beside it. */
export function SchemaField({
  node,
  path,
  values,
  errors,
  onChange,
  required,
}: FieldProps & { node: JsonSchemaNode; path: string; required: boolean }) {
  const kind = fieldKind(node);
  const id = fieldId(path);
  const error = errors[path];
  const value = getAt(values, path);
  const help = FIELD_HELP[path]?.help;
  const describedBy = `${id}-error ${id}-help`;
  const wide = kind.kind === "text" && path.startsWith("prompts.");
  const common = { id, "aria-invalid": Boolean(error), "aria-describedby": describedBy };

  let input;
  switch (kind.kind) {
    case "boolean":
      return (
        <div className="flex flex-col justify-end">
          <label htmlFor={id} className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" {...common} checked={value === true} onChange={(event) => onChange(path, event.target.checked)} />
            {labelOf(path)}
          </label>
          {help && (
            <span id={`${id}-help`} className="text-xs text-slate-500">
              {help}
            </span>
          )}
          <FieldError id={`${id}-error`} message={error} />
        </div>
      );
    case "number":
      input = (
        <input
          type="number"
          step={kind.integer ? 1 : "any"}
          className={inputClass}
          {...common}
          defaultValue={typeof value === "number" ? value : ""}
          placeholder={kind.nullable ? "all" : required ? "" : "default"}
          onChange={(event) => {
            const raw = event.target.value.trim();
            onChange(path, raw === "" ? (kind.nullable ? null : undefined) : Number(raw));
          }}
        />
      );
      break;
    case "enum":
      input = (
        <select
          className={inputClass}
          {...common}
          value={typeof value === "string" ? value : ""}
          onChange={(event) => onChange(path, event.target.value)}
        >
          {kind.options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      );
      break;
    case "list":
      input = (
        <input
          className={inputClass}
          {...common}
          defaultValue={Array.isArray(value) ? value.join(", ") : ""}
          onChange={(event) => onChange(path, splitList(event.target.value))}
        />
      );
      break;
    case "text":
      input = wide ? (
        <textarea
          className={`${inputClass} font-mono`}
          rows={3}
          {...common}
          defaultValue={typeof value === "string" ? value : ""}
          onChange={(event) => onChange(path, event.target.value)}
        />
      ) : (
        <input
          className={inputClass}
          {...common}
          defaultValue={typeof value === "string" ? value : ""}
          onChange={(event) =>
            onChange(path, event.target.value.trim() === "" && !required && node.default === undefined ? undefined : event.target.value)
          }
        />
      );
      break;
    default:
      input = (
        <textarea
          className={`${inputClass} font-mono`}
          rows={2}
          {...common}
          defaultValue={value === undefined ? "" : JSON.stringify(value)}
          onChange={(event) => {
            try {
              onChange(path, event.target.value.trim() === "" ? undefined : JSON.parse(event.target.value));
            } catch {
              onChange(path, event.target.value);
            }
          }}
        />
      );
  }
  return (
    <div className={wide ? "md:col-span-3" : ""}>
      <label htmlFor={id} className="text-sm text-slate-700">
        {labelOf(path)}
      </label>
      {input}
      {help && (
        <span id={`${id}-help`} className="block text-xs text-slate-500">
          {help}
        </span>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

export function splitList(text: string): string[] {
  return text
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}
