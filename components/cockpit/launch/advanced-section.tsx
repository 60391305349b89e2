"use client";

import { useEffect, useRef, type ReactNode } from "react";

/**
 * A group of settings most launches leave at their defaults: closed until opened, and opened by
 * itself when one of its settings gets a problem. Its open state is the element's own (React never
 * sets it), so a person can close it again while the problem stands.
 */
export function AdvancedSection({ title, hasError, children }: { title: string; hasError: boolean; children: ReactNode }) {
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (hasError && details.current) details.current.open = true;
  }, [hasError]);
  return (
    <details
      ref={details}
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
