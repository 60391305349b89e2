/** Which generations are reviewed: direct answers (training questions) or held-out evaluation answers. */
export const AQA_MODES = ["ANSWER", "EVALUATION"] as const;
export type AqaMode = (typeof AQA_MODES)[number];

export const AQA_MODE_LABELS: Record<AqaMode, string> = {
  ANSWER: "Answers",
  EVALUATION: "Held-out evaluation",
};
