import type { HTMLAttributes } from "react";

type BadgeTone = "neutral" | "success" | "warning" | "danger" | "info";

const BASE_CLASSES = "inline-block rounded px-1.5 py-0.5 text-xs font-medium";

const TONE_CLASSES: Record<BadgeTone, string> = {
  neutral: "bg-slate-100 text-slate-700",
  success: "bg-emerald-100 text-emerald-800",
  warning: "bg-amber-100 text-amber-800",
  danger: "bg-rose-100 text-rose-800",
  info: "bg-indigo-100 text-indigo-800",
};

type BadgeProps = { tone?: BadgeTone } & HTMLAttributes<HTMLSpanElement>;

/** A short label beside a name or figure (a status, a role, a verdict). */
export function Badge({ tone = "neutral", className, ...props }: BadgeProps) {
  return <span className={[BASE_CLASSES, TONE_CLASSES[tone], className].filter(Boolean).join(" ")} {...props} />;
}

/** Marks what the GPU-backend simulator produced, wherever it is shown, in one colour of its own. */
export function SimulatedBadge({
  title = "A simulated GPU backend: answers are generated, not inferred",
  className,
}: {
  title?: string;
  className?: string;
}) {
  return (
    <span title={title} className={[BASE_CLASSES, "bg-violet-100 text-violet-800", className].filter(Boolean).join(" ")}>
      Simulated
    </span>
  );
}
