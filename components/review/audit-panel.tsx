"use client";

import { AUDIT_VERDICTS, AUDIT_VERDICT_LABELS } from "@/lib/review/constants";
import type { AuditDraft } from "./review-api";
import type { SaveState } from "./use-audit-draft";
import { formatTime } from "@/lib/format/formatters";
import { Button } from "@/components/ui/button";
import { ScoreScale } from "@/components/ui/score-scale";

export interface AuditPanelProps {
  draft: AuditDraft;
  answer: string;
  saveState: SaveState;
  submitted: boolean;
  canUndo: boolean;
  canRedo: boolean;
  onChange: (update: (draft: AuditDraft) => AuditDraft) => void;
  onUndo: () => void;
  onRedo: () => void;
  onSubmit: () => void;
  onMarkSelection: () => void;
  onTieSpan: (index: number) => void;
  onSeek: (seconds: number) => void;
  submitting: boolean;
  /** Final (submitted in a blind queue): shown, not editable. */
  readOnly: boolean;
}

/** The audit form: overall verdict, "is the label really there?", an optional 1–5 answer-quality score, hallucinated spans, a note; autosaved. */
export function AuditPanel(props: AuditPanelProps) {
  const { draft, answer, onChange } = props;
  return (
    <section aria-label="Your audit" className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
      <div className="flex items-center justify-between">
        <h2 className="font-semibold">Your audit</h2>
        <SaveStatus state={props.saveState} submitted={props.submitted} />
      </div>
      {props.readOnly && (
        <p className="mt-2 rounded bg-slate-100 px-2 py-1 text-xs text-slate-700" data-testid="audit-final">
          Submitted and final: in a blind queue your audit cannot change once you have seen the verifier&apos;s verdict.
        </p>
      )}

      {/* A disabled fieldset disables every control in it: a final audit is shown, not edited. */}
      <fieldset disabled={props.readOnly} className="m-0 min-w-0 border-0 p-0">
        <fieldset className="mt-2">
          <legend className="text-xs text-slate-500">Overall verdict</legend>
          <div className="mt-1 grid grid-cols-4 gap-2" role="radiogroup" aria-label="Overall verdict">
            {AUDIT_VERDICTS.map((verdict, index) => (
              // biome-ignore lint/a11y/useSemanticElements: buttons in a radiogroup (the ARIA pattern) share one control with the 1–4 keys and toggle off on a second press
              <button
                key={verdict}
                type="button"
                role="radio"
                aria-checked={draft.verdict === verdict}
                onClick={() => onChange((d) => ({ ...d, verdict: d.verdict === verdict ? null : verdict }))}
                className={`rounded border px-2 py-1.5 text-left disabled:cursor-not-allowed disabled:opacity-70 ${draft.verdict === verdict ? "border-indigo-600 bg-indigo-50 font-semibold text-indigo-900" : "border-slate-300 enabled:hover:bg-slate-50"}`}
              >
                <kbd className="mr-2 rounded bg-slate-100 px-1 text-xs text-slate-600">{index + 1}</kbd>
                {AUDIT_VERDICT_LABELS[verdict]}
              </button>
            ))}
          </div>
        </fieldset>

        <fieldset className="mt-3">
          <legend className="text-xs text-slate-500">Is the label really in the answer?</legend>
          <div className="mt-1 flex gap-2" role="radiogroup" aria-label="Is the label really in the answer?">
            {(
              [
                ["Yes", true, "y"],
                ["No", false, "n"],
              ] as const
            ).map(([label, value, key]) => (
              // biome-ignore lint/a11y/useSemanticElements: buttons in a radiogroup (the ARIA pattern) share one control with the 1–4 keys and toggle off on a second press
              <button
                key={label}
                type="button"
                role="radio"
                aria-checked={draft.labelPresent === value}
                onClick={() => onChange((d) => ({ ...d, labelPresent: d.labelPresent === value ? null : value }))}
                className={`rounded border px-3 py-1 ${draft.labelPresent === value ? "border-indigo-600 bg-indigo-50 font-semibold" : "border-slate-300 hover:bg-slate-50"}`}
              >
                <kbd className="mr-1 rounded bg-slate-100 px-1 text-xs text-slate-600">{key}</kbd>
                {label}
              </button>
            ))}
          </div>
        </fieldset>

        <div className="mt-3">
          <ScoreScale
            label="Answer quality"
            name="answer-quality"
            value={draft.qualityScore}
            onChange={(qualityScore) => onChange((d) => ({ ...d, qualityScore }))}
          />
        </div>

        <div className="mt-3">
          <div className="flex items-center justify-between">
            <span className="text-xs text-slate-500">Hallucinated spans</span>
            <Button variant="ghost" size="xs" onClick={props.onMarkSelection}>
              Mark selection <kbd className="rounded bg-slate-100 px-1">h</kbd>
            </Button>
          </div>
          {draft.hallucinatedSpans.length === 0 ? (
            <p className="mt-1 text-xs text-slate-400">Select words in the answer and press h.</p>
          ) : (
            <ul className="mt-1 space-y-1" data-testid="hallucinated-spans">
              {draft.hallucinatedSpans.map((span, index) => (
                <li key={`${span.start}-${span.end}`} className="flex items-center gap-2 rounded bg-rose-50 px-2 py-1">
                  <span className="flex-1 text-rose-900">“{answer.slice(span.start, span.end)}”</span>
                  {span.videoStartSec != null ? (
                    <button
                      type="button"
                      className="text-xs text-sky-800 hover:underline"
                      onClick={() => props.onSeek(span.videoStartSec ?? 0)}
                    >
                      {span.videoStartSec.toFixed(1)}
                      {span.videoEndSec != null ? `–${span.videoEndSec.toFixed(1)}` : "–…"} s
                    </button>
                  ) : null}
                  <button
                    type="button"
                    className="text-xs text-slate-600 hover:underline"
                    onClick={() => props.onTieSpan(index)}
                    title="Tie to the video from the current time (t)"
                  >
                    {span.videoStartSec == null || span.videoEndSec != null ? "from now" : "until now"}
                  </button>
                  <button
                    type="button"
                    aria-label={`Remove span ${answer.slice(span.start, span.end)}`}
                    className="text-xs text-slate-500 hover:text-rose-700"
                    onClick={() => onChange((d) => ({ ...d, hallucinatedSpans: d.hallucinatedSpans.filter((_, i) => i !== index) }))}
                  >
                    ✕
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>

        <label className="mt-3 block">
          <span className="text-xs text-slate-500">Note</span>
          <textarea
            value={draft.note}
            onChange={(event) => {
              const note = event.target.value;
              onChange((d) => ({ ...d, note }));
            }}
            rows={2}
            className="mt-1 w-full rounded border border-slate-300 px-2 py-1"
          />
        </label>

        {!props.readOnly && (
          <div className="mt-3 flex items-center gap-2">
            <Button variant="primary" size="md" onClick={props.onSubmit} disabled={props.submitting || draft.verdict === null}>
              {props.submitted ? "Update" : "Submit"} <kbd className="ml-1 rounded bg-indigo-500 px-1 text-xs">Enter</kbd>
            </Button>
            <Button variant="secondary" size="sm" onClick={props.onUndo} disabled={!props.canUndo} title="Ctrl/⌘ + Z">
              Undo
            </Button>
            <Button variant="secondary" size="sm" onClick={props.onRedo} disabled={!props.canRedo} title="Ctrl/⌘ + Shift + Z">
              Redo
            </Button>
          </div>
        )}
      </fieldset>
    </section>
  );
}

function SaveStatus({ state, submitted }: { state: SaveState; submitted: boolean }) {
  const text =
    state.kind === "saving" || state.kind === "pending"
      ? "Saving…"
      : state.kind === "saved"
        ? `Saved ${formatTime(state.at)}`
        : state.kind === "error" || state.kind === "conflict"
          ? `Not saved: ${state.kind === "conflict" ? "changed elsewhere" : state.message}`
          : submitted
            ? "Submitted"
            : "";
  return (
    <span
      role="status"
      data-testid="save-status"
      className={`text-xs ${state.kind === "error" || state.kind === "conflict" ? "text-rose-700" : "text-slate-500"}`}
    >
      {text}
    </span>
  );
}
