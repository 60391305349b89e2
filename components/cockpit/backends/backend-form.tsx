"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent, type ReactNode } from "react";
import { BACKEND_KINDS, BACKEND_ROLES, KIND_TRAITS, type BackendKind, type BackendRoleName } from "@/lib/backends/registry/backend-kinds";
import type { PutBackendResponse } from "@/app/api/backends/[id]/route";
import type { GetBackendsResponse, PostBackendsResponse } from "@/app/api/backends/route";
import { apiFetch } from "../../api-client";
import { fieldErrorsOf, formLevelError } from "../field-errors";
import { FieldError, inputClass } from "../ui";
import { Button } from "@/components/ui/button";

type BackendView = GetBackendsResponse["backends"][number];
type CredentialSource = "none" | "env" | "stored";

interface FormState {
  name: string;
  role: BackendRoleName;
  kind: BackendKind;
  baseUrl: string;
  model: string;
  otherSettings: string;
  credentialSource: CredentialSource;
  envVar: string;
  credentialValue: string;
}

function initialState(existing: BackendView | null): FormState {
  const { model, ...other } = existing?.settings ?? {};
  return {
    name: existing?.name ?? "",
    role: (existing?.role as BackendRoleName | undefined) ?? "INFERENCE",
    kind: (existing?.kind as BackendKind | undefined) ?? "openai",
    baseUrl: existing?.baseUrl ?? "",
    model: typeof model === "string" ? model : "",
    otherSettings: Object.keys(other).length ? JSON.stringify(other, null, 2) : "",
    credentialSource: existing?.credential.source ?? "none",
    envVar: existing?.credential.source === "env" ? existing.credential.envVar : "",
    credentialValue: "",
  };
}

export function BackendForm({ existing, onDone }: { existing: BackendView | null; onDone: () => void }) {
  const [state, setState] = useState(() => initialState(existing));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (body: unknown) =>
      apiFetch<PutBackendResponse | PostBackendsResponse>(existing ? `/api/backends/${existing.id}` : "/api/backends", {
        method: existing ? "PUT" : "POST",
        body: JSON.stringify(body),
      }),
    onSuccess: onDone,
  });
  const errors = { ...fieldErrorsOf(save.error), ...localErrors };
  const isInference = KIND_TRAITS[state.kind].roles.includes("INFERENCE");
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setState((previous) => ({ ...previous, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    setLocalErrors({});
    let other: Record<string, unknown> = {};
    if (state.otherSettings.trim()) {
      try {
        const parsed: unknown = JSON.parse(state.otherSettings);
        if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("not an object");
        other = parsed as Record<string, unknown>;
      } catch {
        setLocalErrors({ settings: 'Other settings must be a JSON object, e.g. { "maxConcurrency": 16 }' });
        return;
      }
    }
    const settings = isInference && state.model ? { ...other, model: state.model } : other;
    const credential =
      state.credentialSource === "env"
        ? { source: "env", envVar: state.envVar }
        : state.credentialSource === "stored"
          ? { source: "stored", ...(state.credentialValue ? { value: state.credentialValue } : {}) }
          : { source: "none" };
    save.mutate({ name: state.name, role: state.role, kind: state.kind, baseUrl: state.baseUrl, settings, credential });
  }

  const settingsErrors = Object.entries(errors)
    .filter(([field]) => field.startsWith("settings") && field !== "settings.model")
    .map(([field, message]) => (field === "settings" ? message : `${field.replace(/^settings\./, "")}: ${message}`));

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={existing ? `Edit backend ${existing.name}` : "New backend"}
      className="grid grid-cols-2 gap-4 rounded-lg border border-slate-200 bg-white p-4"
    >
      <Field label="Name" name="name" error={errors.name}>
        <input
          id="backend-name"
          className={inputClass}
          value={state.name}
          aria-invalid={!!errors.name}
          onChange={(event) => set("name", event.target.value)}
        />
      </Field>
      <Field label="Role" name="role" error={errors.role}>
        <select
          id="backend-role"
          className={inputClass}
          value={state.role}
          onChange={(event) => set("role", event.target.value as BackendRoleName)}
        >
          {BACKEND_ROLES.map((role) => (
            <option key={role} value={role}>
              {role.toLowerCase()}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Protocol" name="kind" error={errors.kind}>
        <select
          id="backend-kind"
          className={inputClass}
          value={state.kind}
          aria-invalid={!!errors.kind}
          onChange={(event) => set("kind", event.target.value as BackendKind)}
        >
          {BACKEND_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {KIND_TRAITS[kind].label}
            </option>
          ))}
        </select>
      </Field>
      <Field label="URL" name="baseUrl" error={errors.baseUrl}>
        <input
          id="backend-baseUrl"
          className={inputClass}
          value={state.baseUrl}
          placeholder="http://gpu-host:8000"
          aria-invalid={!!errors.baseUrl}
          onChange={(event) => set("baseUrl", event.target.value)}
        />
      </Field>
      {isInference && (
        <Field label="Model (as served)" name="model" error={errors["settings.model"]}>
          <input
            id="backend-model"
            className={inputClass}
            value={state.model}
            aria-invalid={!!errors["settings.model"]}
            onChange={(event) => set("model", event.target.value)}
          />
        </Field>
      )}
      <fieldset className="col-span-2">
        <legend className="text-sm text-slate-700">Credential</legend>
        <div className="mt-1 flex flex-wrap items-center gap-4 text-sm">
          {(["none", "env", "stored"] as const).map((source) => (
            <label key={source} className="flex items-center gap-1">
              <input
                type="radio"
                name="credential-source"
                checked={state.credentialSource === source}
                onChange={() => set("credentialSource", source)}
              />
              {source === "none" ? "None" : source === "env" ? "From an environment variable" : "Stored encrypted"}
            </label>
          ))}
        </div>
        {state.credentialSource === "env" && (
          <Field label="Environment variable" name="credential.envVar" error={errors["credential.envVar"]}>
            <input
              id="backend-credential.envVar"
              className={inputClass}
              value={state.envVar}
              placeholder="VLLM_API_KEY"
              onChange={(event) => set("envVar", event.target.value)}
            />
          </Field>
        )}
        {state.credentialSource === "stored" && (
          <Field
            label={existing?.credential.source === "stored" ? "New credential (leave empty to keep the stored one)" : "Credential"}
            name="credential.value"
            error={errors["credential.value"]}
          >
            <input
              id="backend-credential.value"
              type="password"
              autoComplete="off"
              className={inputClass}
              value={state.credentialValue}
              onChange={(event) => set("credentialValue", event.target.value)}
            />
          </Field>
        )}
        <FieldError id="backend-credential.source-error" message={errors["credential.source"]} />
      </fieldset>
      <label className="col-span-2 block">
        <span className="text-sm text-slate-700">
          Other settings (JSON: timeoutMs, maxConcurrency, videoInput, frames, retries, userName, workingDirectory…)
        </span>
        <textarea
          className={`${inputClass} font-mono`}
          rows={4}
          value={state.otherSettings}
          aria-invalid={settingsErrors.length > 0}
          aria-describedby="backend-settings-error"
          onChange={(event) => set("otherSettings", event.target.value)}
        />
        {settingsErrors.map((message) => (
          <FieldError key={message} id="backend-settings-error" message={message} />
        ))}
      </label>
      <div className="col-span-2 flex items-center gap-3">
        <Button variant="primary" size="md" type="submit" disabled={save.isPending}>
          {existing ? "Save backend" : "Create backend"}
        </Button>
        <Button variant="secondary" size="sm" onClick={onDone}>
          Cancel
        </Button>
        {formLevelError(save.error) && (
          <p role="alert" className="text-sm text-rose-700">
            {formLevelError(save.error)}
          </p>
        )}
      </div>
    </form>
  );
}

function Field({ label, name, error, children }: { label: string; name: string; error: string | undefined; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={`backend-${name}`} className="text-sm text-slate-700">
        {label}
      </label>
      {children}
      <FieldError id={`backend-${name}-error`} message={error} />
    </div>
  );
}
