"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { GetAqaDiveSignOffsResponse, PostAqaDiveSignOffsResponse } from "@/app/api/aqa/dives/[generationId]/sign-offs/route";
import type { SignOffDecision } from "@/lib/aqa-review/sign-off-decisions";
import { apiFetch, ApiError } from "../api-client";
import { aqaKeys } from "./query-keys";
import { Button } from "@/components/ui/button";
import { ScoreScale } from "@/components/ui/score-scale";

/**
 * Everyone's sign-offs on the explanation, and the viewer's own: accept, or reject with a reason.
 * Nothing is decided for the viewer: no decision is chosen until they choose one (their earlier one
 * when they have signed before), and the reason box is there from the start, for either decision.
 */
export function SignOffPanel({
  generationId,
  viewerId,
  initial,
}: {
  generationId: number;
  viewerId: string;
  initial: GetAqaDiveSignOffsResponse["signOffs"];
}) {
  const queryClient = useQueryClient();
  const signOffs = useQuery({
    queryKey: aqaKeys.signOffs(generationId),
    queryFn: () => apiFetch<GetAqaDiveSignOffsResponse>(`/api/aqa/dives/${generationId}/sign-offs`).then((body) => body.signOffs),
    initialData: initial,
  });
  const mine = signOffs.data.find((s) => s.user.id === viewerId);
  const [decision, setDecision] = useState<SignOffDecision | null>(mine?.decision ?? null);
  const [qualityScore, setQualityScore] = useState<number | null>(mine?.qualityScore ?? null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const submit = useMutation({
    mutationFn: (body: { decision: SignOffDecision; qualityScore: number | null; reason: string; comment: string }) =>
      apiFetch<PostAqaDiveSignOffsResponse>(`/api/aqa/dives/${generationId}/sign-offs`, { method: "POST", body: JSON.stringify(body) }),
    onSuccess: (body) => {
      queryClient.setQueryData(aqaKeys.signOffs(generationId), body.signOffs);
      void queryClient.invalidateQueries({ queryKey: aqaKeys.all });
    },
    onError: (error) => {
      if (error instanceof ApiError)
        setFieldErrors(Object.fromEntries(error.issues.map((issue) => [issue.field.replace(/^body\./, ""), issue.message])));
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const reason = String(form.get("reason") ?? "");
    if (decision === null) {
      setFieldErrors({ decision: "Choose whether the explanation is accepted or rejected" });
      return;
    }
    if (decision === "REJECTED" && reason.trim() === "") {
      setFieldErrors({ reason: "Say why the explanation is rejected" });
      return;
    }
    setFieldErrors({});
    submit.mutate({ decision, qualityScore, reason, comment: String(form.get("comment") ?? "") });
  }

  return (
    <section aria-labelledby="sign-off-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="sign-off-heading" className="text-lg font-semibold">
        Sign-off
      </h2>
      <ul className="space-y-2" aria-label="Sign-offs" data-testid="sign-offs">
        {signOffs.data.length === 0 && <li className="text-sm text-slate-500">Nobody has signed this explanation off yet.</li>}
        {signOffs.data.map((s) => (
          <li key={s.user.id} className="text-sm" data-testid="sign-off">
            <span className={`font-medium ${s.decision === "ACCEPTED" ? "text-emerald-700" : "text-rose-700"}`}>
              {s.decision === "ACCEPTED" ? "Accepted" : "Rejected"}
            </span>{" "}
            by {s.user.name}
            {s.qualityScore !== null && <span className="text-slate-700"> · quality {s.qualityScore}/5</span>}{" "}
            <span className="text-slate-500">
              ({s.user.role}, {s.signedAt.slice(0, 16).replace("T", " ")} UTC)
            </span>
            {s.reason && <span className="block">Reason: {s.reason}</span>}
            {s.comment && <span className="block text-slate-700">Comment: {s.comment}</span>}
          </li>
        ))}
      </ul>
      <form onSubmit={onSubmit} className="space-y-3" aria-label="Your sign-off">
        <fieldset aria-describedby={fieldErrors.decision ? "sign-off-decision-error" : undefined}>
          <legend className="mb-1 text-sm text-slate-700">{mine ? "Change your decision" : "Your decision"}</legend>
          <div className="flex gap-4">
            {(["ACCEPTED", "REJECTED"] as const).map((value) => (
              <label key={value} className="flex items-center gap-1 text-sm">
                <input
                  type="radio"
                  name="decision"
                  value={value}
                  checked={decision === value}
                  onChange={() => {
                    setDecision(value);
                    setFieldErrors(({ decision: _done, ...rest }) => rest);
                  }}
                />
                {value === "ACCEPTED" ? "Explanation accepted" : "Explanation rejected"}
              </label>
            ))}
          </div>
          {fieldErrors.decision && (
            <span id="sign-off-decision-error" role="alert" className="text-xs text-rose-700">
              {fieldErrors.decision}
            </span>
          )}
        </fieldset>
        <div>
          <ScoreScale label="Explanation quality" name="qualityScore" value={qualityScore} onChange={setQualityScore} />
          {fieldErrors.qualityScore && (
            <span role="alert" className="text-xs text-rose-700">
              {fieldErrors.qualityScore}
            </span>
          )}
        </div>
        <div>
          <label htmlFor="sign-off-reason" className="text-sm text-slate-700">
            Reason
          </label>
          <span id="sign-off-reason-hint" className="ml-2 text-xs text-slate-500">
            {decision === "REJECTED" ? "required to reject" : "required to reject, welcome to accept"}
          </span>
          <input
            id="sign-off-reason"
            name="reason"
            defaultValue={mine?.reason ?? ""}
            maxLength={500}
            className="mt-1 w-full rounded border border-slate-300 px-2 py-1"
            aria-invalid={!!fieldErrors.reason}
            aria-describedby={fieldErrors.reason ? "sign-off-reason-hint sign-off-reason-error" : "sign-off-reason-hint"}
          />
          {fieldErrors.reason && (
            <span id="sign-off-reason-error" role="alert" className="text-xs text-rose-700">
              {fieldErrors.reason}
            </span>
          )}
        </div>
        <label className="block">
          <span className="text-sm text-slate-700">Comment</span>
          <textarea
            name="comment"
            defaultValue={mine?.comment ?? ""}
            maxLength={5000}
            rows={3}
            className="mt-1 w-full rounded border border-slate-300 px-2 py-1"
          />
        </label>
        <Button variant="primary" size="md" type="submit" disabled={submit.isPending}>
          {submit.isPending ? "Saving…" : "Sign off"}
        </Button>
        {submit.isSuccess && <span className="ml-2 text-sm text-emerald-700">Saved.</span>}
        {submit.error && !(submit.error instanceof ApiError && submit.error.issues.length) && (
          <p role="alert" className="text-sm text-rose-700">
            {submit.error.message}
          </p>
        )}
      </form>
    </section>
  );
}
