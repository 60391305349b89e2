import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { createRandom, randomInt } from "../prng";

const VERBS = [
  "playing",
  "riding",
  "eating",
  "washing",
  "throwing",
  "catching",
  "opening",
  "folding",
  "cutting",
  "juggling",
  "climbing",
  "painting",
  "cleaning",
  "carrying",
  "kicking",
  "tying",
  "brushing",
  "peeling",
  "stretching",
  "shooting",
];
const OBJECTS = [
  "guitar",
  "bicycle",
  "apple pie",
  "dishes",
  "frisbee",
  "ball",
  "door",
  "towel",
  "watermelon",
  "clubs",
  "rope",
  "fence",
  "windows",
  "box",
  "soccer ball",
  "shoelaces",
  "hair",
  "potatoes",
  "arm",
  "basketball",
  "drums",
  "horse",
  "ice cream",
  "car",
  "paper",
  "tree",
  "carpet",
  "bottle",
  "scarf",
  "kite",
  "violin",
  "boat",
  "cake",
  "pumpkin",
  "wall",
];

/** 700 distinct, plausible class names ("playing guitar", ...), like Kinetics-700's. */
function syntheticKineticsClasses(count = 700): string[] {
  const classes: string[] = [];
  for (const object of OBJECTS) for (const verb of VERBS) classes.push(`${verb} ${object}`);
  return classes.slice(0, count);
}

const ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

function youtubeId(random: () => number): string {
  let id = "";
  for (let i = 0; i < 11; i += 1) id += ID_ALPHABET[randomInt(random, ID_ALPHABET.length)];
  return id;
}

function csvField(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * Writes a Kinetics-700-shaped CSV of `rows` clips, deterministic from `seed`, streamed to disk
 * (the 545k-row benchmark file is never built in memory). Clips are 10 s; ~90 % train, ~10 % val.
 */
export async function generateKineticsCsv(filePath: string, rows: number, seed: number): Promise<void> {
  const random = createRandom(seed);
  const classes = syntheticKineticsClasses();
  const out = createWriteStream(filePath, { encoding: "utf8" });
  const closed = once(out, "close");
  try {
    let buffer = "label,youtube_id,time_start,time_end,split\n";
    for (let i = 0; i < rows; i += 1) {
      const label = classes[randomInt(random, classes.length)] ?? "playing guitar";
      const start = randomInt(random, 290);
      const split = random() < 0.9 ? "train" : "val";
      buffer += `${csvField(label)},${youtubeId(random)},${start},${start + 10},${split}\n`;
      if (buffer.length >= 1 << 16) {
        if (!out.write(buffer)) await once(out, "drain");
        buffer = "";
      }
    }
    out.end(buffer);
  } catch (error) {
    out.destroy();
    throw error;
  }
  await closed;
}
