import { inputClass } from "../ui";
import { Button } from "@/components/ui/button";

/** Picks two cycles and opens their comparison (a plain GET form). */
export function CompareForm({ cycles, a, b }: { cycles: { id: number; label: string }[]; a?: number; b?: number }) {
  if (cycles.length < 2) return <p className="text-sm text-slate-600">Two cycles are needed for a comparison.</p>;
  const select = (name: "a" | "b", label: string, value: number | undefined) => (
    <label className="block text-sm">
      <span className="text-slate-700">{label}</span>
      <select name={name} aria-label={label} defaultValue={value ?? cycles[name === "a" ? 1 : 0]?.id} className={inputClass}>
        {cycles.map((cycle) => (
          <option key={cycle.id} value={cycle.id}>
            {cycle.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form method="get" action="/cycles/compare" className="grid grid-cols-1 items-end gap-3 md:grid-cols-3">
      {select("a", "Cycle A", a)}
      {select("b", "Cycle B", b)}
      <Button variant="primary" size="md" type="submit">
        Compare
      </Button>
    </form>
  );
}
