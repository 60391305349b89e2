// Deterministic synthetic content for the review benchmark: three datasets shaped like STAR,
// Kinetics-700 and FineDiving, their questions, and answers that do or do not state the label.

export interface BenchDataset {
  name: string;
  format: "STAR" | "KINETICS700" | "FINEDIVING";
  kind: string;
  question: (i: number) => string;
  target: (i: number) => unknown;
  /** The phrase a passing answer contains (what the verifier matches). */
  phrase: (i: number) => string;
}

const ACTIONS = [
  "picking up a box",
  "opening a door",
  "drinking from a cup",
  "putting down a book",
  "sitting on a sofa",
  "closing the closet",
];
const CLASSES = [
  "eating apple pie",
  "playing violin",
  "juggling balls",
  "washing dishes",
  "riding a bike",
  "folding clothes",
  "skipping rope",
];

export const BENCH_DATASETS: BenchDataset[] = [
  {
    name: "bench STAR",
    format: "STAR",
    kind: "star-when",
    question: (i) => `When does the person start ${ACTIONS[i % ACTIONS.length]}?`,
    target: (i) => [{ labelType: "interval", label: { start: (i % 5) + 0.5, end: (i % 5) + 2 } }],
    phrase: (i) => `from ${((i % 5) + 0.5).toFixed(1)} s to ${((i % 5) + 2).toFixed(1)} s`,
  },
  {
    name: "bench Kinetics",
    format: "KINETICS700",
    kind: "activity",
    question: () => "What activity is the person doing in the video?",
    target: (i) => [{ labelType: "class", label: CLASSES[i % CLASSES.length] }],
    phrase: (i) => CLASSES[i % CLASSES.length]!,
  },
  {
    name: "bench FineDiving",
    format: "FINEDIVING",
    kind: "aqa-score",
    question: () => "How would you score this dive?",
    target: (i) => [{ labelType: "float", label: { value: 60 + (i % 40), name: "score" } }],
    phrase: (i) => `a score of ${60 + (i % 40)}`,
  },
];

const OPENERS = [
  "Let me go through the clip step by step.",
  "First, the scene is set indoors with soft light.",
  "The camera stays still while the person moves.",
  "Looking at the frames in order,",
];
const FILLERS = [
  "The person is wearing a dark jacket and moves calmly.",
  "There is a table on the left with a lamp on it.",
  "Then the camera pans to the right and shows a mirror.",
  "Someone else can be heard in the background.",
  "The lighting changes slightly near the end.",
];

export function benchAnswer(dataset: BenchDataset, i: number, rationalization: boolean, passed: boolean, salt: number): string {
  const opener = OPENERS[(i + salt) % OPENERS.length];
  const filler = FILLERS[(i * 7 + salt) % FILLERS.length];
  const claim = passed ? `The answer is ${dataset.phrase(i)}.` : "It is hard to tell exactly from the video.";
  const given = rationalization ? "Given the label, here is how one arrives at it. " : "";
  return `${given}${opener} ${filler} ${claim} ${FILLERS[(i + 3 * salt) % FILLERS.length]}`;
}
