/**
 * Sentences that state a target in a form the verifier can parse (see the label contract):
 * either its true value or, when the simulated model is wrong, a plausible wrong one.
 */
import { formatBox, formatClock, formatNumber, formatSeconds, isWholeSecond } from "./formatting";
import type { Box } from "./geometry";
import { paraphrase } from "./paraphrase";
import type { Rng } from "@/lib/random/seeded-random";
import type { Target, TargetOf } from "./targets";
import { wrongBox, wrongCaption, wrongClass, wrongFloat, wrongInterval, wrongSequence, wrongTimestamp } from "./wrong-values";

export interface TargetStatement {
  labelType: Target["labelType"];
  /** Whether the stated value is the target's true value. */
  correct: boolean;
  /** The value as written in the answer. */
  stated: string;
  sentences: string[];
}

export function stateTarget(target: Target, correct: boolean, rng: Rng): TargetStatement {
  switch (target.labelType) {
    case "class":
      return stateClass(target, correct, rng);
    case "float":
      return stateFloat(target, correct, rng);
    case "bbox":
      return stateBox(target, correct, rng);
    case "interval":
      return stateInterval(target, correct, rng);
    case "timestamp":
      return stateTimestamp(target, correct, rng);
    case "sequence":
      return stateSequence(target, correct, rng);
    case "caption":
      return stateCaption(target, correct, rng);
    case "same":
      return stateSame(target, correct, rng);
  }
}

function finish(sentence: string): string {
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** The label verbatim, or now and then with a plural last word (a close inflection). */
function inflectClass(label: string, rng: Rng): string {
  const words = label.split(" ");
  const last = words[words.length - 1] ?? "";
  const canPluralize = words.length >= 2 && /^[a-z]{4,}$/.test(last) && !/(s|ing|ed|y)$/.test(last);
  if (canPluralize && rng.chance(0.15)) return [...words.slice(0, -1), `${last}s`].join(" ");
  return label;
}

const activityTemplates = [
  "Taking the posture, the objects involved and the repeated movement together, the person in the video is {v}",
  "These cues are characteristic of {v}, so that is the activity being performed here",
  "Putting the setting, the objects and the movement together, the action shown in this video is {v}",
  "Everything in the clip, from the first frames to the last, points to {v} as the main activity",
];
const choiceTemplates = [
  "Based on what the person does with the objects around them, and on where things end up by the last frames, the answer is {v}",
  "Comparing the options with what actually happens on screen, the most fitting choice is {v}",
  "Following the person's actions through the clip and ruling out the choices that do not match, the answer is {v}",
];

function stateClass(target: TargetOf<"class">, correct: boolean, rng: Rng): TargetStatement {
  const stated = correct ? inflectClass(target.label, rng) : wrongClass(target.label, rng);
  const isChoice = /[.!?]$/.test(target.label.trim()) || /^[A-Z]/.test(target.label);
  const template = rng.pick(isChoice ? choiceTemplates : activityTemplates);
  return { labelType: "class", correct, stated, sentences: [finish(template.replace("{v}", stated))] };
}

/**
 * "a score of 85.78": the value with its name attached (underscores read as spaces); with
 * `fixedDecimals`, always that many decimals ("a difficulty of 3.0").
 */
export function namedValue(name: string, value: number, fixedDecimals?: number): string {
  const number = fixedDecimals === undefined ? formatNumber(value) : value.toFixed(fixedDecimals);
  return `a ${name.replace(/_/g, " ")} of ${number}`;
}

function stateFloat(target: TargetOf<"float">, correct: boolean, rng: Rng): TargetStatement {
  const value = correct ? target.label.value : wrongFloat(target.label.value, rng);
  const phrase = namedValue(target.label.name, value);
  const template = rng.pick([
    "Weighing these observations, I would put it at {v}",
    "Taken together, this points to {v}",
    "On balance, the clip is best described by {v}",
  ]);
  return { labelType: "float", correct, stated: phrase, sentences: [finish(template.replace("{v}", phrase))] };
}

function jitterBox(box: Box, rng: Rng): Box {
  if (!rng.chance(0.3)) return box;
  const j = () => rng.between(-0.01, 0.01);
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  const [x1, y1, x2, y2] = [clamp(box[0] + j()), clamp(box[1] + j()), clamp(box[2] + j()), clamp(box[3] + j())];
  return x2 > x1 && y2 > y1 ? [x1, y1, x2, y2] : box;
}

function stateBox(target: TargetOf<"bbox">, correct: boolean, rng: Rng): TargetStatement {
  const box = correct ? jitterBox(target.label.box, rng) : wrongBox(target.label.box, rng);
  const stated = formatBox(box);
  const template = rng.pick([
    "At the moment in question, the object sits at {v} in normalised (x1, y1, x2, y2) coordinates",
    "Its bounding box at that time is roughly {v}",
    "Locating it in the frame gives the box {v}",
  ]);
  return { labelType: "bbox", correct, stated, sentences: [finish(template.replace("{v}", stated))] };
}

function stateInterval(target: TargetOf<"interval">, correct: boolean, rng: Rng): TargetStatement {
  const span = correct ? target.label : wrongInterval(target.label, rng);
  const useClock = isWholeSecond(span.start) && isWholeSecond(span.end) && rng.chance(0.4);
  const stated = useClock
    ? `between ${formatClock(span.start)} and ${formatClock(span.end)}`
    : `from ${formatSeconds(span.start)}s to ${formatSeconds(span.end)}s`;
  const template = rng.pick([
    "The relevant action takes place {v} in the clip",
    "Watching the timeline closely, it happens {v}",
    "This segment runs {v}",
  ]);
  return { labelType: "interval", correct, stated, sentences: [finish(template.replace("{v}", stated))] };
}

function stateTimestamp(target: TargetOf<"timestamp">, correct: boolean, rng: Rng): TargetStatement {
  const time = correct ? target.label.time : wrongTimestamp(target.label.time, rng);
  const stated = `at ${formatSeconds(time)} seconds`;
  const template = rng.pick([
    "The moment described happens {v}",
    "Scrubbing through the video, this occurs {v}",
    "It can be seen most clearly {v}",
  ]);
  return { labelType: "timestamp", correct, stated, sentences: [finish(template.replace("{v}", stated))] };
}

/** Actions in order, one sentence each ("First, ...", "After that, ...", "Finally, ..."). */
function sequenceSentences(actions: readonly string[]): string[] {
  if (actions.length === 1) return [finish(`The one clear action in the clip is ${actions[0]}`)];
  return actions.map((action, i) => {
    if (i === 0) return finish(`First, the person is seen ${action}`);
    if (i === actions.length - 1) return finish(`Finally, the clip ends with ${action}`);
    return finish(i === 1 ? `After that, they move on to ${action}` : `Next comes ${action}`);
  });
}

function stateSequence(target: TargetOf<"sequence">, correct: boolean, rng: Rng): TargetStatement {
  const actions = correct ? target.label.actions : wrongSequence(target.label.actions, rng);
  return { labelType: "sequence", correct, stated: actions.join(" -> "), sentences: sequenceSentences(actions) };
}

function stateCaption(target: TargetOf<"caption">, correct: boolean, rng: Rng): TargetStatement {
  const stated = correct ? paraphrase(target.label, rng) : wrongCaption(target.label, rng);
  const template = rng.pick(["In one sentence, {v}", "Summing up what happens, {v}", "Put simply, {v}"]);
  return { labelType: "caption", correct, stated, sentences: [finish(template.replace("{v}", stated))] };
}

function stateSame(target: TargetOf<"same">, correct: boolean, rng: Rng): TargetStatement {
  const same = correct ? target.label.same : !target.label.same;
  const sentence = same
    ? rng.pick([
        "Comparing the two moments, it is the same object in both, with matching shape and colour.",
        "Looking at both locations, this is the same object seen twice.",
      ])
    : rng.pick([
        "Comparing the two moments, they are not the same object: their shape and colour differ.",
        "Looking at both locations, the two objects are not the same.",
      ]);
  return { labelType: "same", correct, stated: same ? "the same object" : "not the same", sentences: [sentence] };
}
