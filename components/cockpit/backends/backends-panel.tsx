"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { BackendView } from "@/lib/backends/registry/backend-repository";
import { apiFetch } from "../../api-client";
import { cockpitKeys } from "../query-keys";
import { Badge, buttonClass, primaryButtonClass, SimulatorBadge } from "../ui";
import { BackendForm } from "./backend-form";
import { HealthSummary } from "./health-summary";

export function BackendsPanel({ canEdit }: { canEdit: boolean }) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<BackendView | "new" | null>(null);
  const backends = useQuery({
    queryKey: cockpitKeys.backends.list(),
    queryFn: () => apiFetch<{ backends: BackendView[] }>("/api/backends").then((body) => body.backends),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: cockpitKeys.backends.all });
  const check = useMutation({
    mutationFn: (id: number) => apiFetch(`/api/backends/${id}/health`, { method: "POST" }),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: number) => apiFetch(`/api/backends/${id}`, { method: "DELETE" }),
    onSettled: refresh,
  });

  return (
    <div className="space-y-6">
      {canEdit && editing === null && (
        <button type="button" className={primaryButtonClass} onClick={() => setEditing("new")}>
          Add backend
        </button>
      )}
      {canEdit && editing !== null && (
        <BackendForm
          key={editing === "new" ? "new" : editing.id}
          existing={editing === "new" ? null : editing}
          onDone={() => {
            setEditing(null);
            void refresh();
          }}
        />
      )}
      {backends.error && (
        <p role="alert" className="text-sm text-rose-700">
          {backends.error.message}
        </p>
      )}
      {remove.error && (
        <p role="alert" className="text-sm text-rose-700">
          {remove.error.message}
        </p>
      )}
      {backends.data?.length === 0 && <p className="text-slate-600">No backends are configured yet.</p>}
      <ul className="space-y-3">
        {backends.data?.map((backend) => (
          <li key={backend.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`backend-${backend.name}`}>
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{backend.name}</span>
              <Badge tone="indigo">{backend.role.toLowerCase()}</Badge>
              <span className="text-xs text-slate-500">{backend.kindLabel}</span>
              {backend.isSimulator && <SimulatorBadge />}
              <span className="ml-auto flex gap-2">
                <button
                  type="button"
                  className={buttonClass}
                  disabled={check.isPending && check.variables === backend.id}
                  onClick={() => check.mutate(backend.id)}
                >
                  {check.isPending && check.variables === backend.id ? "Checking…" : "Check health"}
                </button>
                {canEdit && (
                  <>
                    <button type="button" className={buttonClass} onClick={() => setEditing(backend)}>
                      Edit
                    </button>
                    <button
                      type="button"
                      className={buttonClass}
                      onClick={() => {
                        if (window.confirm(`Delete backend ${backend.name}?`)) remove.mutate(backend.id);
                      }}
                    >
                      Delete
                    </button>
                  </>
                )}
              </span>
            </div>
            <dl className="mt-2 grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1 text-sm">
              <dt className="text-slate-500">URL</dt>
              <dd className="font-mono">{backend.baseUrl}</dd>
              {typeof backend.settings.model === "string" && (
                <>
                  <dt className="text-slate-500">Model</dt>
                  <dd className="font-mono">{backend.settings.model}</dd>
                </>
              )}
              <dt className="text-slate-500">Credential</dt>
              <dd>
                <CredentialLabel credential={backend.credential} />
              </dd>
              <dt className="text-slate-500">Health</dt>
              <dd>
                <HealthSummary health={backend.lastHealth} />
              </dd>
            </dl>
          </li>
        ))}
      </ul>
    </div>
  );
}

function CredentialLabel({ credential }: { credential: BackendView["credential"] }) {
  if (credential.source === "none") return <span className="text-slate-500">none</span>;
  if (credential.source === "stored") return <span>stored encrypted</span>;
  return (
    <span>
      from environment variable <code className="font-mono">{credential.envVar}</code>{" "}
      {credential.present ? <Badge tone="green">set</Badge> : <Badge tone="red">not set</Badge>}
    </span>
  );
}
