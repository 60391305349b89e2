"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { PostBackendHealthResponse } from "@/app/api/backends/[id]/health/route";
import type { DeleteBackendResponse } from "@/app/api/backends/[id]/route";
import type { GetBackendsResponse } from "@/app/api/backends/route";
import { apiFetch } from "../../api-client";
import { cockpitKeys } from "../query-keys";
import { BackendForm } from "./backend-form";
import { HealthSummary } from "./health-summary";
import { Button } from "@/components/ui/button";
import { Badge, SimulatedBadge } from "@/components/ui/badge";

type BackendView = GetBackendsResponse["backends"][number];

export function BackendsPanel({ canEdit }: { canEdit: boolean }) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<BackendView | "new" | null>(null);
  const backends = useQuery({
    queryKey: cockpitKeys.backends.list(),
    queryFn: () => apiFetch<GetBackendsResponse>("/api/backends").then((body) => body.backends),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: cockpitKeys.backends.all });
  const check = useMutation({
    mutationFn: (id: number) => apiFetch<PostBackendHealthResponse>(`/api/backends/${id}/health`, { method: "POST" }),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: number) => apiFetch<DeleteBackendResponse>(`/api/backends/${id}`, { method: "DELETE" }),
    onSettled: refresh,
  });

  return (
    <div className="space-y-6">
      {canEdit && editing === null && (
        <Button variant="primary" size="md" onClick={() => setEditing("new")}>
          Add backend
        </Button>
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
              <Badge tone="info">{backend.role.toLowerCase()}</Badge>
              <span className="text-xs text-slate-500">{backend.kindLabel}</span>
              {backend.isSimulator && <SimulatedBadge />}
              <span className="ml-auto flex gap-2">
                <Button
                  variant="secondary"
                  size="sm"
                  disabled={check.isPending && check.variables === backend.id}
                  onClick={() => check.mutate(backend.id)}
                >
                  {check.isPending && check.variables === backend.id ? "Checking…" : "Check health"}
                </Button>
                {canEdit && (
                  <>
                    <Button variant="secondary" size="sm" onClick={() => setEditing(backend)}>
                      Edit
                    </Button>
                    <Button
                      variant="secondary"
                      size="sm"
                      onClick={() => {
                        if (window.confirm(`Delete backend ${backend.name}?`)) remove.mutate(backend.id);
                      }}
                    >
                      Delete
                    </Button>
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
      {credential.present ? <Badge tone="success">set</Badge> : <Badge tone="danger">not set</Badge>}
    </span>
  );
}
