import { z } from "zod";

/** What a FineDiving question asks the answer to contain, read from its targets. */
export interface AskedTargets {
  score: boolean;
  difficulty: boolean;
  sequence: boolean;
}

const TargetShape = z.object({ labelType: z.string(), label: z.unknown() });
const FloatLabel = z.object({ name: z.string() });
const DIFFICULTY_NAME = /difficulty|^dd$/i;

/**
 * Reads the question's targets (the shared contract: `{ labelType, label }[]`). A float named
 * "difficulty" asks for the difficulty, any other float for the score, a sequence for the sub-actions.
 * Unreadable targets fall back to the question kind: aqa-full asks for all three, aqa-score for the score.
 */
export function askedTargets(targets: unknown, questionKind: string): AskedTargets {
  const parsed = z.array(TargetShape).safeParse(targets);
  if (!parsed.success || parsed.data.length === 0) {
    const full = questionKind === "aqa-full";
    return { score: true, difficulty: full, sequence: full };
  }
  const floatNames = parsed.data.flatMap((t) => {
    if (t.labelType !== "float") return [];
    const label = FloatLabel.safeParse(t.label);
    return [label.success ? label.data.name : "score"];
  });
  return {
    score: floatNames.some((name) => !DIFFICULTY_NAME.test(name)),
    difficulty: floatNames.some((name) => DIFFICULTY_NAME.test(name)),
    sequence: parsed.data.some((t) => t.labelType === "sequence"),
  };
}
