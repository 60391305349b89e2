"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import type { GetAccountWebhookResponse, PutAccountWebhookResponse } from "@/app/api/account/webhook/route";
import { Button } from "@/components/ui/button";
import { apiFetch } from "../api-client";
import { queryKeys } from "../query-keys";

/** The person's own webhook: where the end of every run they launch is posted, unless the run names its own. */
export function WebhookForm() {
  const client = useQueryClient();
  const current = useQuery({
    queryKey: queryKeys.account.webhook(),
    queryFn: () => apiFetch<GetAccountWebhookResponse>("/api/account/webhook"),
  });
  const [url, setUrl] = useState("");
  useEffect(() => {
    if (current.data) setUrl(current.data.url ?? "");
  }, [current.data]);
  const save = useMutation({
    mutationFn: (next: string) =>
      apiFetch<PutAccountWebhookResponse>("/api/account/webhook", { method: "PUT", body: JSON.stringify({ url: next }) }),
    onSuccess: (body) => client.setQueryData(queryKeys.account.webhook(), body),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(url);
  }

  return (
    <form onSubmit={submit} className="max-w-xl space-y-3" aria-label="Run webhook">
      <h2 className="text-lg font-semibold">When a run ends</h2>
      <p className="text-sm text-slate-600">
        The bell in the menu tells you when a run you launched is done, needs attention or failed. To be told elsewhere too, give a webhook
        URL: the app posts JSON to it whose <code>text</code> a Slack incoming webhook shows as a message. A run may name its own webhook in
        its launch settings (Notifications).
      </p>
      <label className="block">
        <span className="text-sm text-slate-700">Webhook URL (http or https; empty: none)</span>
        <input
          name="webhookUrl"
          type="url"
          value={url}
          onChange={(event) => {
            save.reset();
            setUrl(event.target.value);
          }}
          placeholder="https://hooks.slack.com/services/…"
          aria-invalid={save.isError}
          aria-describedby={save.isError ? "webhook-error" : undefined}
          className="mt-1 w-full rounded border border-slate-300 px-2 py-1"
        />
      </label>
      <Button variant="primary" size="md" type="submit" disabled={save.isPending || current.isPending}>
        Save webhook
      </Button>
      {save.isError && (
        <p id="webhook-error" role="alert" className="text-sm text-rose-700">
          {save.error.message}
        </p>
      )}
      {save.isSuccess && (
        <p role="status" className="text-sm text-emerald-700">
          {save.data.url ? "Saved: the end of your runs is posted there." : "Removed: run ends are shown in the app only."}
        </p>
      )}
    </form>
  );
}
