import type { RunStatus } from "./status";

const WIDTH = 28;

/** `[#######.............]  35%`: a text bar for a share in [0, 1]. */
export function bar(share: number, width = WIDTH): string {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(share) ? share : 0));
  const filled = Math.round(clamped * width);
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${String(Math.round(clamped * 100)).padStart(3)}%`;
}

/** One line per stage of each cycle (stages not reached yet are left out), for the CLI. */
export function progressLines(status: RunStatus): string[] {
  const lines = [`Run ${status.id} "${status.name}": ${status.status.toLowerCase()}`];
  for (const cycle of status.cycles) {
    const over = cycle.answered === null ? "" : ` of ${cycle.answered} answered${cycle.givenUp ? `, ${cycle.givenUp} given up` : ""}`;
    const yieldText = cycle.answerYield === null ? "" : `, answer yield ${(cycle.answerYield * 100).toFixed(1)}%${over}`;
    lines.push(
      `  cycle ${cycle.index}${cycle.isFinal ? " (final)" : ""}: ${cycle.status.toLowerCase().replaceAll("_", " ")}${yieldText}${cycle.error ? ` — ${cycle.error}` : ""}`,
    );
    for (const stage of cycle.stages) {
      if (stage.batches === 0) continue;
      const share = stage.items > 0 ? (stage.itemsDone + stage.itemsGivenUp) / stage.items : stage.batchesDone / stage.batches;
      const errors = stage.itemsGivenUp > 0 ? `  ${stage.itemsGivenUp} given up` : "";
      lines.push(`    ${stage.stage.toLowerCase().padEnd(11)} ${bar(share)}  ${stage.itemsDone}/${stage.items}${errors}`);
    }
    if (cycle.training) lines.push(`    training    attempt ${cycle.training.attempt}: ${cycle.training.status.toLowerCase()}`);
    for (const evaluation of cycle.evaluations) {
      lines.push(
        `    held-out accuracy on ${evaluation.dataset}: ${evaluation.accuracy === null ? "n/a" : `${(evaluation.accuracy * 100).toFixed(1)}% (${evaluation.correct}/${evaluation.total} answered)`}${evaluation.givenUp > 0 ? `, ${evaluation.givenUp} given up` : ""}`,
      );
    }
  }
  return lines;
}
