import type { LabelType, Target } from "@/lib/verifier/label-schemas";
import { kineticsLikeClasses, perturbWord } from "@/lib/verifier/synthetic/labels";
import { Prng } from "@/lib/verifier/synthetic/prng";
import { FILLER_WORDS } from "@/lib/verifier/synthetic/vocabulary";

/** A generated question target and a free-form answer that may or may not contain it. */
export interface SyntheticItem {
  readonly target: Target;
  readonly answer: string;
}

/** What the answer says about the target: one or more sentences. */
type Payload = { target: Target; sentences: string[] };
type PayloadMaker = (prng: Prng, classes: readonly string[]) => Payload;

/**
 * Deterministic generator of answers of 150–300 words (filler sentences around the sentences that
 * carry, misstate or omit the label), one label type per generator.
 */
export function syntheticItems(labelType: LabelType, seed: number): () => SyntheticItem {
  const prng = new Prng(seed);
  const classes = kineticsLikeClasses(new Prng(seed ^ 0x5eed));
  const makePayload = payloadMakers[labelType];
  return () => {
    const { target, sentences } = makePayload(prng, classes);
    return { target, answer: surround(sentences, prng) };
  };
}

function surround(payload: readonly string[], prng: Prng): string {
  const wanted = prng.int(150, 300);
  let words = payload.reduce((total, sentence) => total + sentence.split(" ").length, 0);
  const sentences: string[] = [];
  while (words < wanted) {
    const length = Math.min(prng.int(8, 18), Math.max(1, wanted - words));
    sentences.push(fillerSentence(prng, length));
    words += length;
  }
  const at = prng.int(0, sentences.length);
  sentences.splice(at, 0, ...payload);
  return sentences.join(prng.chance(0.1) ? "\n" : " ");
}

function fillerSentence(prng: Prng, length: number): string {
  const words: string[] = [];
  for (let i = 0; i < length; i++) words.push(prng.pick(FILLER_WORDS));
  const first = words[0] ?? "the";
  words[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return `${words.join(prng.chance(0.05) ? ", " : " ")}.`;
}

const fixed = (value: number) => Number(value.toFixed(2));
const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

function mentionClass(label: string, prng: Prng): string {
  const words = label.split(" ");
  const i = prng.int(0, words.length - 1);
  words[i] = perturbWord(words[i] ?? "", prng);
  return words.join(" ");
}

const payloadMakers: Record<LabelType, PayloadMaker> = {
  class(prng, classes) {
    const label = prng.pick(classes);
    const said = prng.chance(0.45) ? label : prng.chance(0.3) ? mentionClass(label, prng) : prng.pick(classes);
    return { target: { labelType: "class", label }, sentences: [`Step by step, the person is clearly ${said} here.`] };
  },
  float(prng) {
    const value = fixed(20 + prng.next() * 80);
    const said = fixed(value * (0.75 + prng.next() * 0.5));
    const judges = [prng.int(5, 10), prng.int(5, 10), prng.int(5, 10)].map((score) => `${score}.${prng.int(0, 9)}`);
    return {
      target: { labelType: "float", label: { value, name: "score" } },
      sentences: [
        `The dive has a difficulty of ${fixed(1.5 + prng.next() * 2.5)}.`,
        `The judges award ${judges.join(", ")}.`,
        prng.chance(0.5) ? `The final score is ${said}.` : `That gives ${said} points.`,
      ],
    };
  },
  bbox(prng) {
    const x1 = fixed(prng.next() * 0.6);
    const y1 = fixed(prng.next() * 0.6);
    const box: [number, number, number, number] = [x1, y1, fixed(x1 + 0.1 + prng.next() * 0.3), fixed(y1 + 0.1 + prng.next() * 0.3)];
    const jitter = () => (prng.next() - 0.5) * 0.16;
    const said = box.map((value) => fixed(clamp01(value + jitter())));
    const sentence = prng.chance(0.8) ? `The object is located at [${said.join(", ")}] in the frame.` : "The object is on the left.";
    return { target: { labelType: "bbox", label: { box } }, sentences: [sentence] };
  },
  interval(prng) {
    const start = fixed(prng.next() * 20);
    const end = fixed(start + 1 + prng.next() * 9);
    const s = fixed(Math.max(0, start + (prng.next() - 0.5) * 3));
    const e = fixed(Math.max(s + 0.5, end + (prng.next() - 0.5) * 3));
    const clock = (t: number) => `${Math.floor(t / 60)}:${(t % 60).toFixed(1).padStart(4, "0")}`;
    const forms = [`from ${s}s to ${e}s`, `between ${s} and ${e} seconds`, `${clock(s)}–${clock(e)}`, "early in the clip"];
    return { target: { labelType: "interval", label: { start, end } }, sentences: [`The action happens ${prng.pick(forms)}.`] };
  },
  timestamp(prng) {
    const time = fixed(prng.next() * 30);
    const said = fixed(Math.max(0, time + (prng.next() - 0.5) * 4));
    const forms = [`at ${said} seconds`, `at 00:${String(Math.round(said)).padStart(2, "0")}`, `around ${said}s`, "near the start"];
    return { target: { labelType: "timestamp", label: { time } }, sentences: [`It happens ${prng.pick(forms)}.`] };
  },
  sequence(prng, classes) {
    const actions = [prng.pick(classes), prng.pick(classes), prng.pick(classes)];
    const roll = prng.next();
    const said = roll < 0.5 ? actions : roll < 0.75 ? prng.shuffle(actions) : actions.slice(0, 2);
    const sentences = said.map((action, i) => `${["First", "Then", "Finally"][i] ?? "Next"}, the person is ${action}.`);
    return { target: { labelType: "sequence", label: { actions } }, sentences };
  },
  caption(prng, classes) {
    const subject = prng.pick(["man", "woman", "child", "girl", "boy"]);
    const label = `a ${subject} is ${prng.pick(classes)}`;
    const said = prng.chance(0.5) ? label : `a ${prng.pick(["man", "woman", "child"])} is ${prng.pick(classes)}`;
    return { target: { labelType: "caption", label }, sentences: [`In this clip ${said} in the room.`] };
  },
  same(prng) {
    const same = prng.chance(0.5);
    const said = prng.pick([
      "they are the same object",
      "they are not the same object",
      "the two objects are different",
      "it is hard to tell",
    ]);
    return { target: { labelType: "same", label: { same } }, sentences: [`Comparing both moments, ${said}.`] };
  },
};
