/**
 * Line colours told apart by most people, colour-blind ones included (Okabe–Ito, without its yellow,
 * which vanishes on white); past them, lines repeat the colours with a dash pattern of their own.
 */
const PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#1f2937", "#882255"];
const DASHES = ["", "6 3", "2 3", "8 3 2 3"];

export function seriesStyle(index: number): { stroke: string; strokeDasharray: string | undefined } {
  const dash = DASHES[Math.floor(index / PALETTE.length) % DASHES.length];
  return { stroke: PALETTE[index % PALETTE.length] ?? "#1f2937", strokeDasharray: dash === "" ? undefined : dash };
}

/** A point computed over this many items or fewer is drawn hollow and dashed: an anecdote, not a rate. */
export const UNCERTAIN_N = 1;
