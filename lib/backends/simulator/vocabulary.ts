/** Word lists the simulated model draws on. Small on purpose: plausible, not exhaustive. */

/** Kinetics-like action classes, used for wrong answers and generic descriptions. */
export const actionClasses = [
  "abseiling",
  "air drumming",
  "arm wrestling",
  "baking cookies",
  "balloon blowing",
  "bartending",
  "beatboxing",
  "bee keeping",
  "belly dancing",
  "bench pressing",
  "blowing glass",
  "blowing out candles",
  "bowling",
  "braiding hair",
  "brushing teeth",
  "building cabinet",
  "bungee jumping",
  "canoeing or kayaking",
  "carving pumpkin",
  "catching fish",
  "cheerleading",
  "chopping wood",
  "cleaning windows",
  "climbing a rope",
  "cooking egg",
  "dancing ballet",
  "deadlifting",
  "dribbling basketball",
  "driving tractor",
  "dunking basketball",
  "eating burger",
  "eating spaghetti",
  "feeding goats",
  "folding paper",
  "grooming horse",
  "hula hooping",
  "ice skating",
  "juggling balls",
  "knitting",
  "mowing lawn",
  "playing accordion",
  "playing cello",
  "playing chess",
  "pole vault",
  "pumping fist",
  "riding camel",
  "sanding floor",
  "shoveling snow",
  "skateboarding",
  "surfing water",
  "sweeping floor",
  "tai chi",
  "throwing discus",
  "trimming trees",
  "unboxing",
  "washing dishes",
  "waxing legs",
  "yoga",
] as const;

/** STAR-like answer choices (household situations), for wrong answers on STAR questions. */
export const householdAnswers = [
  "The blanket.",
  "The book.",
  "The broom.",
  "The clothes.",
  "The closet/cabinet.",
  "The cup/glass/bottle.",
  "The dish.",
  "The door.",
  "The food.",
  "The laptop.",
  "The paper/notebook.",
  "The phone/camera.",
  "The pillow.",
  "The sandwich.",
  "The shoe.",
  "The towel.",
  "The window.",
  "Took the bag.",
  "Put down the dish.",
  "Opened the box.",
  "Closed the refrigerator.",
  "Threw the towel.",
  "Sat on the sofa/couch.",
  "Ate the medicine.",
] as const;

/** STAR/Charades-like actions, for sequences. */
export const householdActions = [
  "opening a door",
  "closing a door",
  "taking a cup from the table",
  "drinking from a cup",
  "putting a book on the shelf",
  "sitting on the sofa",
  "holding a pillow",
  "tidying the table",
  "washing a dish",
  "turning on the light",
  "putting on shoes",
  "taking off a jacket",
  "opening the refrigerator",
  "eating a sandwich",
  "throwing a towel",
  "lying on the bed",
] as const;

/** FineDiving-like sub-action names (Sub_action_Types_Table style). */
export const divingSubActions = {
  takeoff: ["Forward", "Back", "Reverse", "Inward", "Arm.Forward", "Arm.Back"],
  rotation: [
    "1 Som.Pike",
    "1.5 Soms.Pike",
    "2 Soms.Pike",
    "2.5 Soms.Pike",
    "3.5 Soms.Pike",
    "1.5 Soms.Tuck",
    "2.5 Soms.Tuck",
    "3.5 Soms.Tuck",
    "4.5 Soms.Tuck",
    "2.5 Soms.Straight",
  ],
  twist: ["0.5 Twist", "1 Twist", "1.5 Twists", "2 Twists", "2.5 Twists"],
  entry: ["Entry"],
} as const;

/** Captions unrelated to most clips, used as wrong captions. */
export const unrelatedCaptions = [
  "a dog runs across a snowy field",
  "two children build a sandcastle on the beach",
  "a chef slices vegetables on a wooden board",
  "a cyclist rides down a mountain trail",
  "a woman paints a fence in the garden",
  "a crowd cheers at an outdoor concert",
  "a boat sails past a lighthouse",
  "an old man feeds pigeons in a square",
] as const;

export const colours = ["red", "blue", "green", "yellow", "white", "black", "orange", "grey"] as const;

export const hallucinationObjects = [
  "backpack",
  "umbrella",
  "water bottle",
  "poster",
  "bicycle",
  "lamp",
  "laptop",
  "guitar",
  "flower pot",
  "clock",
  "traffic cone",
  "towel",
  "dish rack",
  "mirror",
  "cardboard sign",
] as const;

export const peopleCounts = ["two", "three", "four", "several", "a couple of"] as const;
export const directions = ["left", "right"] as const;
export const surfaces = ["table", "floor", "bench", "shelf", "counter"] as const;

export const subjects = {
  general: ["a man in a {colour} shirt", "a young woman", "a person", "a teenager", "an older man", "a woman in {colour} clothes"],
  household: ["a person", "a man", "a woman", "someone in a {colour} sweater"],
  diving: ["the diver", "the athlete"],
} as const;

export const settings = {
  general: ["an outdoor park", "a gym", "a living room", "a backyard", "a busy street", "a school hall", "a small studio", "a garage"],
  household: ["a bedroom", "a kitchen", "a living room", "a hallway", "a small dining room"],
  diving: ["an indoor competition pool", "a diving venue with a 10-metre platform", "a 3-metre springboard event"],
} as const;
