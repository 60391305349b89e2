"use client";

import { useInfiniteQuery, useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { AUDIT_VERDICTS, QUEUE_SAMPLINGS } from "@/lib/review/constants";
import { ApiError } from "../api-client";
import { reviewApi } from "./review-api";
import { reviewKeys } from "./query-keys";
import { Button } from "@/components/ui/button";
import { formatStatus } from "@/lib/format/formatters";

const SAMPLING_LABELS: Record<(typeof QUEUE_SAMPLINGS)[number], string> = {
  UNIFORM: "Uniform random",
  STRATIFIED: "Stratified: dataset × mode × verdict",
  ONLY_PASSED: "Only answers the verifier passed",
  ONLY_FAILED: "Only answers the verifier failed",
};

/** Gold lines: "generationId VERDICT [yes|no]" (label present), one per line. */
function parseGoldLines(text: string): { generationId: number; answer: { verdict: string; labelPresent: boolean | null } }[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line, index) => {
      const [id, verdict, present] = line.split(/\s+/);
      const generationId = Number(id);
      const upper = (verdict ?? "").toUpperCase();
      if (!Number.isInteger(generationId) || !(AUDIT_VERDICTS as readonly string[]).includes(upper)) {
        throw new Error(`Gold line ${index + 1}: expected "generationId VERDICT [yes|no]", got "${line}"`);
      }
      return { generationId, answer: { verdict: upper, labelPresent: present === undefined ? null : present.toLowerCase() === "yes" } };
    });
}

/** Make a review queue from a cycle: sampling, size, overlap, gold items, assignees, blind mode. */
export function NewQueueForm() {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const cycles = useInfiniteQuery({
    queryKey: reviewKeys.cycles(),
    queryFn: ({ pageParam }) => reviewApi.cycles(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const people = useQuery({ queryKey: reviewKeys.people(), queryFn: () => reviewApi.people().then((body) => body.people) });
  const create = useMutation({
    mutationFn: (body: unknown) => reviewApi.createQueue(body),
    onSuccess: (created) => router.push(`/review/${created.id}`),
    onError: (error) => {
      if (error instanceof ApiError && error.issues.length)
        setErrors(Object.fromEntries(error.issues.map((issue) => [issue.field.replace(/^body\./, ""), issue.message])));
      else setFormError(error.message);
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    const form = new FormData(event.currentTarget);
    try {
      create.mutate({
        name: form.get("name"),
        cycleId: Number(form.get("cycleId")),
        sampling: form.get("sampling"),
        size: Number(form.get("size")),
        overlap: Number(form.get("overlap")),
        blind: form.get("blind") === "on",
        leaseSeconds: Number(form.get("leaseMinutes")) * 60,
        seed: Number(form.get("seed")),
        modes: form.getAll("modes"),
        assignees: form.getAll("assignees"),
        gold: parseGoldLines(String(form.get("gold") ?? "")),
      });
    } catch (error) {
      setErrors({ gold: error instanceof Error ? error.message : String(error) });
    }
  }

  const cycleRows = cycles.data?.pages.flatMap((page) => page.rows) ?? [];
  const field = (name: string) => errors[name] && <span className="text-xs text-rose-700">{errors[name]}</span>;
  return (
    <form
      onSubmit={submit}
      className="mt-6 grid max-w-3xl grid-cols-2 gap-4 rounded-lg border border-slate-200 bg-white p-5 text-sm"
      aria-label="New review queue"
    >
      <label className="col-span-2 block">
        <span className="text-slate-700">Name</span>
        <input name="name" required className="mt-1 w-full rounded border border-slate-300 px-2 py-1" />
        {field("name")}
      </label>
      <label className="col-span-2 block">
        <span className="text-slate-700">Cycle</span>
        <select name="cycleId" required className="mt-1 w-full rounded border border-slate-300 px-2 py-1">
          {cycleRows.map((cycle) => (
            <option key={cycle.id} value={cycle.id}>
              {cycle.run.name} · cycle {cycle.index} ({formatStatus(cycle.status)})
            </option>
          ))}
        </select>
        {cycles.hasNextPage && (
          <Button variant="ghost" size="xs" onClick={() => void cycles.fetchNextPage()}>
            Older cycles
          </Button>
        )}
        {field("cycleId")}
      </label>
      <label className="block">
        <span className="text-slate-700">Sampling</span>
        <select name="sampling" defaultValue="STRATIFIED" className="mt-1 w-full rounded border border-slate-300 px-2 py-1">
          {QUEUE_SAMPLINGS.map((sampling) => (
            <option key={sampling} value={sampling}>
              {SAMPLING_LABELS[sampling]}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend className="text-slate-700">Modes</legend>
        <label className="mr-4">
          <input type="checkbox" name="modes" value="ANSWER" defaultChecked /> direct answers
        </label>
        <label>
          <input type="checkbox" name="modes" value="RATIONALIZATION" defaultChecked /> rationalizations
        </label>
        {field("modes")}
      </fieldset>
      <label className="block">
        <span className="text-slate-700">Size (items)</span>
        <input name="size" type="number" min={1} defaultValue={200} className="mt-1 w-full rounded border border-slate-300 px-2 py-1" />
        {field("size")}
      </label>
      <label className="block">
        <span className="text-slate-700">Overlap (people per item)</span>
        <input
          name="overlap"
          type="number"
          min={1}
          max={10}
          defaultValue={2}
          className="mt-1 w-full rounded border border-slate-300 px-2 py-1"
        />
        {field("overlap")}
      </label>
      <label className="block">
        <span className="text-slate-700">Lease (minutes)</span>
        <input
          name="leaseMinutes"
          type="number"
          min={1}
          defaultValue={15}
          className="mt-1 w-full rounded border border-slate-300 px-2 py-1"
        />
      </label>
      <label className="block">
        <span className="text-slate-700">Seed</span>
        <input name="seed" type="number" min={0} defaultValue={1} className="mt-1 w-full rounded border border-slate-300 px-2 py-1" />
      </label>
      <label className="col-span-2">
        <input type="checkbox" name="blind" /> Blind: hide the verifier&apos;s verdict until each audit is submitted
      </label>
      <fieldset className="col-span-2">
        <legend className="text-slate-700">Assignees</legend>
        <div className="mt-1 grid max-h-40 grid-cols-2 gap-1 overflow-auto">
          {people.data?.map((person) => (
            <label key={person.id}>
              <input type="checkbox" name="assignees" value={person.id} defaultChecked={person.role === "ANNOTATOR"} /> {person.name}{" "}
              <span className="text-xs text-slate-500">{person.role.toLowerCase()}</span>
            </label>
          ))}
        </div>
        {field("assignees")}
      </fieldset>
      <label className="col-span-2 block">
        <span className="text-slate-700">Gold items (optional): one per line, “generationId VERDICT [yes|no]”</span>
        <textarea
          name="gold"
          rows={3}
          placeholder="1234 HALLUCINATED no"
          className="mt-1 w-full rounded border border-slate-300 px-2 py-1 font-mono"
        />
        {field("gold")}
      </label>
      <div className="col-span-2 flex items-center gap-3">
        <Button variant="primary" size="lg" type="submit" disabled={create.isPending}>
          {create.isPending ? "Sampling…" : "Create queue"}
        </Button>
        {formError && (
          <span role="alert" className="text-rose-700">
            {formError}
          </span>
        )}
      </div>
    </form>
  );
}
