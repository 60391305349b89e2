"use client";

import { useState, type ReactNode } from "react";

/**
 * A group of settings most launches leave at their defaults: closed until opened, and opened by
 * itself while one of its settings has a problem.
 */
export function AdvancedSection({ title, hasError, children }: { title: string; hasError: boolean; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details
      open={open || hasError}
      onToggle={(event) => setOpen(event.currentTarget.open)}
      className="group rounded-lg border border-slate-200 bg-white"
      data-testid={`advanced-${title.toLowerCase().replace(/\W+/g, "-")}`}
    >
      <summary className="cursor-pointer select-none px-4 py-3 text-sm font-medium text-slate-700">
        <span>{title}</span>
        <span className="ml-2 text-xs font-normal text-slate-500 group-open:hidden">defaults unless you change them</span>
        {hasError && <span className="ml-2 text-xs font-normal text-rose-700">has a problem</span>}
      </summary>
      <div className="px-4 pb-4">{children}</div>
    </details>
  );
}

/** Whether any field error lies at or under `path` ("sampling" covers "sampling.temperature"). */
export const hasErrorUnder = (errors: Record<string, string>, path: string) =>
  Object.keys(errors).some((field) => field === path || field.startsWith(`${path}.`));
