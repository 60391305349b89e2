"use client";

export function PrintButton() {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50 print:hidden"
    >
      Print
    </button>
  );
}
