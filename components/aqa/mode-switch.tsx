import Link from "next/link";
import { AQA_MODE_LABELS, AQA_MODES, type AqaMode } from "@/lib/aqa-review/aqa-modes";

/** Answers or held-out evaluation answers; only modes the cycle has any of are offered. */
export function ModeSwitch({ basePath, mode, counts }: { basePath: string; mode: AqaMode; counts: Record<AqaMode, number> }) {
  const offered = AQA_MODES.filter((m) => counts[m] > 0 || m === mode);
  if (offered.length < 2) return null;
  return (
    <nav aria-label="Which answers" className="flex gap-1 text-sm print:hidden">
      {offered.map((m) => (
        <Link
          key={m}
          href={`${basePath}?mode=${m}`}
          aria-current={m === mode ? "page" : undefined}
          className={`rounded px-2 py-1 ${m === mode ? "bg-indigo-600 text-white" : "border border-slate-300 text-slate-700 hover:bg-slate-50"}`}
        >
          {AQA_MODE_LABELS[m]} ({counts[m]})
        </Link>
      ))}
    </nav>
  );
}
