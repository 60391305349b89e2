/**
 * The connective tissue of a simulated answer: scene openings, observations, conclusions, and
 * hallucinated details (objects, people, camera moves that are not in the clip).
 */
import type { Rng } from "@/lib/random/seeded-random";
import { colours, directions, hallucinationObjects, peopleCounts, settings, subjects, surfaces } from "./vocabulary";

export type Family = "general" | "household" | "diving";

const householdKinds = /star|interaction|sequence|prediction|feasibility|charades/i;

/** Which kind of footage a question kind implies (Kinetics-like, STAR-like, FineDiving). */
export function familyOf(questionKind: string): Family {
  if (/^aqa|diving/i.test(questionKind)) return "diving";
  if (householdKinds.test(questionKind)) return "household";
  return "general";
}

/** Fill {colour}, {object}, ... slots with draws from the vocabulary. */
function fillSlots(template: string, rng: Rng, extra: Record<string, string> = {}): string {
  const filled = template.replace(/\{(\w+)\}/g, (whole, slot: string) => {
    if (slot in extra) return extra[slot] as string;
    switch (slot) {
      case "colour":
        return rng.pick(colours);
      case "object":
        return rng.pick(hallucinationObjects);
      case "count":
        return rng.pick(peopleCounts);
      case "direction":
        return rng.pick(directions);
      case "surface":
        return rng.pick(surfaces);
      default:
        return whole;
    }
  });
  return fixArticles(filled);
}

/** "a orange jacket" → "an orange jacket". */
function fixArticles(text: string): string {
  return text.replace(/\b([Aa]) (?=[aeiouAEIOU])/g, "$1n ");
}

function sceneSubject(family: Family, rng: Rng): string {
  return fillSlots(rng.pick(subjects[family]), rng);
}

function sceneSetting(family: Family, rng: Rng): string {
  return rng.pick(settings[family]);
}

const intros: Record<Family, readonly string[]> = {
  general: [
    "First, look at the overall scene: the clip shows {subject} in {setting}, and the camera keeps them near the centre of the frame for most of its length.",
    "At the start of the video we see {subject} in {setting}; the framing stays fairly steady, which makes it easy to follow what they are doing.",
    "The video opens on {setting}, where {subject} is clearly the focus of attention from the first few frames onwards.",
  ],
  household: [
    "The clip is filmed indoors, in {setting}, where {subject} moves around the room and interacts with several everyday objects along the way.",
    "First, consider the setting: {subject} is in {setting}, and the camera stays fixed while they go about a short routine.",
    "The video shows {subject} in {setting}, and most of the relevant information comes from what they touch, what they carry and where they go next.",
  ],
  diving: [
    "The clip shows {subject} in {setting}, filmed from the side so that the whole flight from takeoff to entry is visible.",
    "First, look at the dive as a whole: {subject} competes in {setting}, and the camera follows the body all the way down to the water.",
  ],
};

const observations: Record<Family, readonly string[]> = {
  general: [
    "Their hands and upper body move in a repeated, deliberate pattern, which suggests a practised activity rather than a random gesture.",
    "The motion continues across many frames, so this is a sustained activity rather than a single brief moment captured by chance.",
    "The objects they handle and the way they hold them relative to the body are the strongest visual cues for what is going on.",
    "Paying attention to what changes between the early and the late frames helps narrow down what the person is actually doing.",
  ],
  household: [
    "They move between the pieces of furniture and handle a few everyday objects, which is typical of an ordinary household routine.",
    "What they pick up, what they do with it, and where they put it down again are the key details for answering this question correctly.",
    "The order in which things happen matters here, so it helps to follow the person from the first frame to the last.",
  ],
  diving: [
    "The takeoff, the number of rotations in the air and the cleanliness of the entry are what the judges look at.",
    "The body position stays compact through the rotations, and the splash at the entry is relatively small.",
  ],
};

const answerConclusions = [
  "That is how one can arrive at this conclusion step by step: identify the scene, follow the movement over time, and match it to what it is typical of.",
  "In short, the visual evidence stays consistent from the first frame to the last, which makes this interpretation the most likely one.",
  "Each of these steps relies on what is visible in the frames, and together they support the conclusion above.",
];

const rationalizationConclusions = [
  "This is why the given answer is consistent with the video: each of the steps above points towards it.",
  "These details together explain how one arrives at the answer, starting from the scene and ending with the key action.",
  "Seen this way, the answer follows naturally from what happens in the clip and from the order in which it happens.",
];

const hallucinations: Record<Family, readonly string[]> = {
  general: [
    "In the background, {count} other people stand near a {colour} {object}, watching.",
    "The camera slowly pans to the {direction} and then zooms in on a {colour} {object}.",
    "A {colour} {object} is visible on the {surface} next to them throughout the clip.",
    "A sign with {colour} lettering hangs on the wall behind them, and someone off-screen can be heard laughing.",
    "Their reflection is briefly visible in a mirror on the {direction} side of the frame.",
    "Afterwards, they place a {object} on the {surface} and wave at the camera.",
  ],
  household: [
    "After that, they wash the dish and put it on a drying rack by the sink.",
    "The camera pans to the {direction}, where the person's reflection can be seen in a mirror.",
    "They then take a pair of shoes out of the closet and put them on the {surface}.",
    "A {colour} {object} is lying on the {surface}, and {count} other people pass through the room.",
    "Before leaving, they switch off a {colour} lamp and close the curtains.",
  ],
  diving: [
    "The crowd in the {colour} stands rises to its feet as the diver surfaces.",
    "A coach in a {colour} jacket can be seen clapping at the side of the pool.",
    "The camera cuts to a slow-motion replay from above before the scores appear.",
    "The diver waves to {count} team-mates before climbing the ladder.",
  ],
};

export function intro(family: Family, rng: Rng): string {
  return fillSlots(rng.pick(intros[family]), rng, {
    subject: sceneSubject(family, rng),
    setting: sceneSetting(family, rng),
  });
}

export function observation(family: Family, rng: Rng): string {
  return rng.pick(observations[family]);
}

export function conclusion(rationalizing: boolean, rng: Rng): string {
  return rng.pick(rationalizing ? rationalizationConclusions : answerConclusions);
}

export function hallucination(family: Family, rng: Rng): string {
  return fillSlots(rng.pick(hallucinations[family]), rng);
}
