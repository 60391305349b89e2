import jStat from "jstat";

/** A coefficient with its confidence interval; null where it is undefined (no variance to compare). */
export interface IccEstimate {
  value: number | null;
  lower: number | null;
  upper: number | null;
}

export interface IccResult {
  /** Targets (rated things) and raters in the complete block the coefficients come from. */
  targets: number;
  raters: number;
  /** Ratings used (targets × raters) and ratings given in all, so a reader sees what was left out. */
  ratingsUsed: number;
  ratingsGiven: number;
  /** Two-way random effects, absolute agreement, one rater: Shrout & Fleiss ICC(2,1), McGraw & Wong ICC(A,1). */
  icc21: IccEstimate | null;
  /** Two-way mixed effects, consistency, the mean of the k raters: Shrout & Fleiss ICC(3,k), McGraw & Wong ICC(C,k). */
  icc3k: IccEstimate | null;
}

export interface Rating {
  targetId: string | number;
  raterId: string;
  score: number;
}

interface MeanSquares {
  n: number;
  k: number;
  /** Between targets (rows), between raters (columns), residual. */
  msr: number;
  msc: number;
  mse: number;
}

/**
 * ICC(2,1) and ICC(3,k) with confidence intervals from the F distribution (Shrout & Fleiss 1979;
 * McGraw & Wong 1996, table 7), from a complete matrix: one row per target, one column per rater.
 * Null coefficients for fewer than 2 targets or 2 raters.
 */
export function intraclassCorrelation(matrix: readonly (readonly number[])[], confidence = 0.95): Pick<IccResult, "icc21" | "icc3k"> {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`intraclassCorrelation: confidence must be in (0, 1), got ${confidence}`);
  const k = matrix[0]?.length ?? 0;
  if (matrix.some((row) => row.length !== k)) throw new RangeError("intraclassCorrelation: every target needs a score from every rater");
  if (matrix.length < 2 || k < 2) return { icc21: null, icc3k: null };
  const squares = meanSquares(matrix);
  const upperTail = 1 - (1 - confidence) / 2;
  return { icc21: icc21(squares, upperTail), icc3k: icc3k(squares, upperTail) };
}

/**
 * Scores given by people to targets, some people scoring only some targets: the coefficients come
 * from the largest complete block (the set of raters, of 2 or more, whose common targets give the
 * most ratings), since the two-way ANOVA needs every rater's score on every target.
 */
export function intraclassCorrelationOf(ratings: readonly Rating[], confidence = 0.95): IccResult {
  const byTarget = new Map<string, Map<string, number>>();
  for (const { targetId, raterId, score } of ratings) {
    const key = String(targetId);
    const scores = byTarget.get(key) ?? new Map<string, number>();
    scores.set(raterId, score);
    byTarget.set(key, scores);
  }
  const block = largestCompleteBlock(byTarget);
  const given = [...byTarget.values()].reduce((sum, scores) => sum + scores.size, 0);
  if (!block) return { targets: 0, raters: 0, ratingsUsed: 0, ratingsGiven: given, icc21: null, icc3k: null };
  const matrix = block.targets.map((target) => block.raters.map((rater) => byTarget.get(target)?.get(rater) ?? Number.NaN));
  return {
    targets: block.targets.length,
    raters: block.raters.length,
    ratingsUsed: block.targets.length * block.raters.length,
    ratingsGiven: given,
    ...intraclassCorrelation(matrix, confidence),
  };
}

/** Past this many candidate rater sets the search stops widening (it keeps the best found so far). */
const MAX_CANDIDATES = 5_000;

/**
 * The best block's rater set is the intersection of some targets' rater sets (take any block: the
 * raters all its targets share contain it). So the candidates are the distinct rater sets and
 * their intersections, each counted against the distinct sets, not per target. Which distinct
 * sets hold given raters is looked up per rater, so a set is only compared with the sets it
 * shares two or more raters with (the only ones whose intersection with it can be a candidate).
 */
function largestCompleteBlock(byTarget: Map<string, Map<string, number>>): { targets: string[]; raters: string[] } | null {
  const signatures = new Map<string, { raters: string[]; targets: string[] }>();
  for (const [target, scores] of byTarget) {
    const raters = [...scores.keys()].sort();
    if (raters.length < 2) continue;
    const key = raters.join("\u0000");
    const entry = signatures.get(key) ?? { raters, targets: [] };
    entry.targets.push(target);
    signatures.set(key, entry);
  }
  const distinct = [...signatures.values()];
  const members = distinct.map((entry) => new Set(entry.raters));
  /** Per rater, the indexes (ascending) of the distinct sets that hold them. */
  const holding = new Map<string, number[]>();
  distinct.forEach((entry, index) => {
    for (const rater of entry.raters) {
      const list = holding.get(rater);
      if (list) list.push(index);
      else holding.set(rater, [index]);
    }
  });
  const shared = new Int32Array(distinct.length);
  /** Indexes (ascending) of the distinct sets holding two or more of `raters`. */
  const sharingTwo = (raters: readonly string[]): number[] => {
    const found: number[] = [];
    const touched: number[] = [];
    for (const rater of raters) {
      for (const index of holding.get(rater) ?? []) {
        const count = (shared[index] ?? 0) + 1;
        if (count === 1) touched.push(index);
        else if (count === 2) found.push(index);
        shared[index] = count;
      }
    }
    for (const index of touched) shared[index] = 0;
    return found.sort((a, b) => a - b);
  };

  const candidates = new Map(distinct.map((entry) => [entry.raters.join("\u0000"), entry.raters]));
  let frontier = [...candidates.values()];
  while (frontier.length > 0 && candidates.size < MAX_CANDIDATES) {
    const next: string[][] = [];
    for (const set of frontier) {
      for (const index of sharingTwo(set)) {
        const common = set.filter((rater) => members[index]!.has(rater));
        const key = common.join("\u0000");
        if (!candidates.has(key) && candidates.size < MAX_CANDIDATES) {
          candidates.set(key, common);
          next.push(common);
        }
      }
    }
    frontier = next;
  }
  let best: { targets: string[]; raters: string[] } | null = null;
  for (const raters of candidates.values()) {
    let shortest = holding.get(raters[0]!) ?? [];
    for (const rater of raters) {
      const list = holding.get(rater) ?? [];
      if (list.length < shortest.length) shortest = list;
    }
    const holders = shortest.filter((index) => raters.every((rater) => members[index]!.has(rater)));
    const targetCount = holders.reduce((sum, index) => sum + distinct[index]!.targets.length, 0);
    if (targetCount < 2) continue;
    const size = targetCount * raters.length;
    const bestSize = best ? best.targets.length * best.raters.length : 0;
    if (size > bestSize || (size === bestSize && best !== null && targetCount > best.targets.length))
      best = { targets: holders.flatMap((index) => distinct[index]!.targets).sort(), raters };
  }
  return best;
}

function meanSquares(matrix: readonly (readonly number[])[]): MeanSquares {
  const n = matrix.length;
  const k = matrix[0]?.length ?? 0;
  const grand = matrix.flat().reduce((sum, x) => sum + x, 0) / (n * k);
  const rowMeans = matrix.map((row) => row.reduce((sum, x) => sum + x, 0) / k);
  const colMeans = Array.from({ length: k }, (_, j) => matrix.reduce((sum, row) => sum + (row[j] ?? 0), 0) / n);
  let ssTotal = 0;
  for (const row of matrix) for (const x of row) ssTotal += (x - grand) ** 2;
  const ssRows = k * rowMeans.reduce((sum, mean) => sum + (mean - grand) ** 2, 0);
  const ssCols = n * colMeans.reduce((sum, mean) => sum + (mean - grand) ** 2, 0);
  // Clamped: rounding can leave a tiny negative residual when the fit is exact.
  const ssError = Math.max(0, ssTotal - ssRows - ssCols);
  return { n, k, msr: ssRows / (n - 1), msc: ssCols / (k - 1), mse: ssError / ((n - 1) * (k - 1)) };
}

const fQuantile = (p: number, df1: number, df2: number) => jStat.centralF.inv(p, df1, df2);
const finite = (x: number) => (Number.isFinite(x) ? x : null);

/** ICC(2,1) = (MSR − MSE) / (MSR + (k−1)MSE + k(MSC − MSE)/n); interval: McGraw & Wong case 2A, Satterthwaite df. */
function icc21({ n, k, msr, msc, mse }: MeanSquares, upperTail: number): IccEstimate {
  const denominator = msr + (k - 1) * mse + (k * (msc - mse)) / n;
  if (!(denominator > 0)) return { value: null, lower: null, upper: null };
  const value = (msr - mse) / denominator;
  if (mse === 0) return { value, lower: value, upper: value };
  const a = (k * value) / (n * (1 - value));
  const b = 1 + (k * value * (n - 1)) / (n * (1 - value));
  const v = (a * msc + b * mse) ** 2 / ((a * msc) ** 2 / (k - 1) + (b * mse) ** 2 / ((n - 1) * (k - 1)));
  const fLower = fQuantile(upperTail, n - 1, v);
  const fUpper = fQuantile(upperTail, v, n - 1);
  const spread = k * msc + (k * n - k - n) * mse;
  return {
    value,
    lower: finite((n * (msr - fLower * mse)) / (fLower * spread + n * msr)),
    upper: finite((n * (fUpper * msr - mse)) / (spread + n * fUpper * msr)),
  };
}

/** ICC(3,k) = (MSR − MSE) / MSR; interval from F = MSR/MSE on (n−1, (n−1)(k−1)) df. */
function icc3k({ n, k, msr, mse }: MeanSquares, upperTail: number): IccEstimate {
  if (!(msr > 0)) return { value: null, lower: null, upper: null };
  const value = (msr - mse) / msr;
  if (mse === 0) return { value, lower: value, upper: value };
  const f = msr / mse;
  const dfError = (n - 1) * (k - 1);
  return {
    value,
    lower: finite(1 - fQuantile(upperTail, n - 1, dfError) / f),
    upper: finite(1 - 1 / (f * fQuantile(upperTail, dfError, n - 1))),
  };
}
