import { z } from "zod";
import { tryDecodeDiveNumber } from "./dive-number";

/**
 * The difficulties the dataset gives each dive number. A dive number can carry more than one (the same
 * dive is rated differently on the 3 m springboard and the 10 m platform), so the table keeps the set
 * seen across records.
 */
export type DifficultyTable = ReadonlyMap<string, ReadonlySet<number>>;

const DifficultyRecord = z.object({
  actionType: z.string().min(1),
  difficulty: z.number().finite().positive(),
});

/** Two difficulties are the same when within this (difficulties are tabled to one decimal). */
const DIFFICULTY_TOLERANCE = 0.05;
const FLOAT_SLACK = 1e-9;

export function sameDifficulty(a: number, b: number): boolean {
  return Math.abs(a - b) <= DIFFICULTY_TOLERANCE + FLOAT_SLACK;
}

/** Normalised key: a valid dive number in its decoded form ("207c" → "207C"), otherwise trimmed upper case. */
function diveNumberKey(diveNumber: string): string {
  const decoding = tryDecodeDiveNumber(diveNumber);
  return decoding.ok ? decoding.dive.code : diveNumber.trim().toUpperCase();
}

/** Builds the table from records; throws naming the record index and field when one is malformed. */
export function buildDifficultyTable(records: readonly unknown[]): DifficultyTable {
  const table = new Map<string, Set<number>>();
  records.forEach((raw, index) => {
    const parsed = DifficultyRecord.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`difficulty record ${index}: ${issue?.path.join(".") || "record"}: ${issue?.message ?? "invalid"}`);
    }
    const key = diveNumberKey(parsed.data.actionType);
    const seen = table.get(key) ?? new Set<number>();
    seen.add(Math.round(parsed.data.difficulty * 10) / 10);
    table.set(key, seen);
  });
  return table;
}

export type DifficultyCheckStatus = "consistent" | "not-carried" | "unknown-dive";

export interface DifficultyCheck {
  status: DifficultyCheckStatus;
  diveNumber: string;
  stated: number;
  /** Difficulties the dataset gives this dive number, ascending. */
  known: number[];
  message: string;
}

/** Is a stated (e.g. predicted) difficulty one the dive number carries in the dataset? */
export function checkDifficultyForDive(table: DifficultyTable, diveNumber: string, stated: number): DifficultyCheck {
  const key = diveNumberKey(diveNumber);
  const known = [...(table.get(key) ?? [])].sort((a, b) => a - b);
  if (known.length === 0) {
    return { status: "unknown-dive", diveNumber: key, stated, known, message: `no record gives a difficulty for ${key}` };
  }
  if (known.some((k) => sameDifficulty(k, stated))) {
    return { status: "consistent", diveNumber: key, stated, known, message: `${key} carries difficulty ${stated}` };
  }
  return {
    status: "not-carried",
    diveNumber: key,
    stated,
    known,
    message: `difficulty ${stated} is not one ${key} carries (dataset gives ${known.join(", ")})`,
  };
}
