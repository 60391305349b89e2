"use client";

import { useId } from "react";

const SCORES = [1, 2, 3, 4, 5] as const;

/**
 * An optional 1–5 score as native radio buttons: Tab reaches the group, the arrow keys move the
 * score, and "none" clears it. Global one-key shortcuts stay off while it has focus.
 */
export function ScoreScale({
  label,
  name,
  value,
  onChange,
  hint = "1 poor · 5 excellent",
}: {
  label: string;
  name: string;
  value: number | null;
  onChange: (score: number | null) => void;
  hint?: string;
}) {
  const hintId = useId();
  return (
    <fieldset aria-describedby={hintId}>
      <legend className="text-xs text-slate-500">
        {label} <span className="text-slate-400">(optional)</span>
      </legend>
      <div className="mt-1 flex flex-wrap items-center gap-1" role="radiogroup" aria-label={label}>
        {[null, ...SCORES].map((score) => {
          const checked = value === score;
          return (
            <label
              key={score ?? "none"}
              className={`cursor-pointer rounded border px-2 py-0.5 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-indigo-400 ${checked ? "border-indigo-600 bg-indigo-50 font-semibold text-indigo-900" : "border-slate-300 hover:bg-slate-50"}`}
            >
              <input
                type="radio"
                name={name}
                value={score ?? ""}
                checked={checked}
                onChange={() => onChange(score)}
                className="sr-only"
                aria-label={score === null ? `${label}: none` : `${label}: ${score}`}
              />
              {score ?? "none"}
            </label>
          );
        })}
        <span id={hintId} className="ml-2 text-xs text-slate-400">
          {hint}
        </span>
      </div>
    </fieldset>
  );
}
