/**
 * FineDiving sub-action names.
 *
 * The dataset's Sub_action_Types_Table.pkl maps 42 ids to names. The ids and names below marked
 * `datasetId` are the 29 that occur in the fine-grained annotations, as documented publicly (ids 1–7,
 * 12–17, 19, 21–25, 27, 29–37). The 13 remaining entries of the table (ids 0, 8–11, 18, 20, 26, 28,
 * 38–41) are not known here with certainty, so the vocabulary is built from the dive-number rules
 * instead: the 7 take-offs, somersaults 0.5–4.5 in pike/tuck/straight/free, twists 0.5–4.5, and Entry.
 * The dataset spells counts up to 1 in the singular ("0.5 Som.Pike", "1 Twist") and larger counts in
 * the plural ("1.5 Soms.Pike", "1.5 Twists"); the generated names follow the same convention, so all 29
 * known dataset names are generated exactly. When the real table is at hand, pass its names to the
 * extractor (`extractSubActions(text, { extraNames })`).
 */

export type SubActionKind = "takeoff" | "somersault" | "twist" | "entry";
export type SomersaultPosition = "Pike" | "Tuck" | "Straight" | "Free";

export interface SubActionType {
  name: string;
  kind: SubActionKind;
  /** Somersaults or twists for those kinds. */
  count?: number;
  position?: SomersaultPosition;
  /** The id in Sub_action_Types_Table.pkl when known. */
  datasetId?: number;
}

/** The 29 (id, name) pairs known from the dataset. */
export const KNOWN_DATASET_SUB_ACTIONS: ReadonlyArray<readonly [number, string]> = [
  [1, "Forward"],
  [2, "Back"],
  [3, "Reverse"],
  [4, "Inward"],
  [5, "Arm.Forward"],
  [6, "Arm.Back"],
  [7, "Arm.Reverse"],
  [12, "1 Som.Pike"],
  [13, "1.5 Soms.Pike"],
  [14, "2 Soms.Pike"],
  [15, "2.5 Soms.Pike"],
  [16, "3 Soms.Pike"],
  [17, "3.5 Soms.Pike"],
  [19, "4.5 Soms.Pike"],
  [21, "1.5 Soms.Tuck"],
  [22, "2 Soms.Tuck"],
  [23, "2.5 Soms.Tuck"],
  [24, "3 Soms.Tuck"],
  [25, "3.5 Soms.Tuck"],
  [27, "4.5 Soms.Tuck"],
  [29, "0.5 Twist"],
  [30, "1 Twist"],
  [31, "1.5 Twists"],
  [32, "2 Twists"],
  [33, "2.5 Twists"],
  [34, "3 Twists"],
  [35, "3.5 Twists"],
  [36, "Entry"],
  [37, "0.5 Som.Pike"],
];

/** Number of entries in the dataset's table (ids 0–41). */
export const DATASET_SUB_ACTION_TABLE_SIZE = 42;

const TAKEOFF_NAMES = ["Forward", "Back", "Reverse", "Inward", "Arm.Forward", "Arm.Back", "Arm.Reverse"] as const;
const SOMERSAULT_POSITIONS: readonly SomersaultPosition[] = ["Pike", "Tuck", "Straight", "Free"];
const HALF_STEPS_TO_4_5 = [0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5];

function formatCount(count: number): string {
  return Number.isInteger(count) ? String(count) : count.toFixed(1);
}

export function somersaultName(count: number, position: SomersaultPosition): string {
  return `${formatCount(count)} ${count <= 1 ? "Som" : "Soms"}.${position}`;
}

export function twistName(count: number): string {
  return `${formatCount(count)} ${count <= 1 ? "Twist" : "Twists"}`;
}

function buildVocabulary(): SubActionType[] {
  const ids = new Map(KNOWN_DATASET_SUB_ACTIONS.map(([id, name]) => [name, id]));
  const withId = (entry: SubActionType): SubActionType => {
    const datasetId = ids.get(entry.name);
    return datasetId === undefined ? entry : { ...entry, datasetId };
  };
  const entries: SubActionType[] = TAKEOFF_NAMES.map((name) => withId({ name, kind: "takeoff" }));
  for (const position of SOMERSAULT_POSITIONS) {
    for (const count of HALF_STEPS_TO_4_5) {
      entries.push(withId({ name: somersaultName(count, position), kind: "somersault", count, position }));
    }
  }
  for (const count of HALF_STEPS_TO_4_5) entries.push(withId({ name: twistName(count), kind: "twist", count }));
  entries.push(withId({ name: "Entry", kind: "entry" }));
  return entries;
}

/** The rule-derived vocabulary (53 names), with dataset ids where known. */
export const SUB_ACTION_VOCABULARY: readonly SubActionType[] = buildVocabulary();

const BY_LOWER_NAME = new Map(SUB_ACTION_VOCABULARY.map((t) => [t.name.toLowerCase(), t]));

export function findSubActionType(name: string): SubActionType | undefined {
  const canonical = canonicalSubActionName(name);
  return canonical === null ? undefined : BY_LOWER_NAME.get(canonical.toLowerCase());
}

/**
 * The dataset spelling of a sub-action name written loosely: "1 Soms.Pike" → "1 Som.Pike",
 * "1.5 twist" → "1.5 Twists", "arm.back" → "Arm.Back", "3.5 Soms. Tuck" → "3.5 Soms.Tuck". Names it
 * cannot place are returned trimmed, unchanged otherwise (they may be real table names unknown here);
 * an empty name gives null.
 */
export function canonicalSubActionName(raw: string): string | null {
  const text = raw.trim().replace(/\s+/g, " ");
  if (text === "") return null;
  const somersault = /^(\d(?:\.\d+)?) ?soms?\. ?(pike|tuck|straight|free)$/i.exec(text);
  if (somersault?.[1] !== undefined && somersault[2] !== undefined) {
    return somersaultName(Number(somersault[1]), capitalize(somersault[2]) as SomersaultPosition);
  }
  const twist = /^(\d(?:\.\d+)?) ?twists?$/i.exec(text);
  if (twist?.[1] !== undefined) return twistName(Number(twist[1]));
  const known = SUB_ACTION_VOCABULARY.find((t) => t.name.toLowerCase() === text.toLowerCase());
  return known ? known.name : text;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}
