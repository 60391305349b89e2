import type { Prng } from "@/lib/verifier/synthetic/prng";
import { ACTION_OBJECTS, ACTION_VERBS, STANDALONE_CLASSES } from "@/lib/verifier/synthetic/vocabulary";

/** About 700 Kinetics-like class names ("juggling soccer ball", "tai chi"), deterministic for a seed. */
export function kineticsLikeClasses(prng: Prng, count = 700): string[] {
  const classes = new Set<string>(STANDALONE_CLASSES);
  for (let attempts = 0; classes.size < count && attempts < count * 20; attempts++) {
    classes.add(`${prng.pick(ACTION_VERBS)} ${prng.pick(ACTION_OBJECTS)}`);
  }
  return [...classes];
}

/** A near miss of a word: a typo, an inflection or a truncation. */
export function perturbWord(word: string, prng: Prng): string {
  if (word.length < 4) return `${word}s`;
  switch (prng.int(0, 3)) {
    case 0:
      return `${word}s`;
    case 1:
      return word.slice(0, -1);
    case 2: {
      const i = prng.int(1, word.length - 2);
      return `${word.slice(0, i)}${word[i + 1]}${word[i]}${word.slice(i + 2)}`;
    }
    default:
      return word.endsWith("ing") ? word.slice(0, -3) : `${word}ed`;
  }
}
