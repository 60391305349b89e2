import type { SeedDive } from "./seed-finediving";

/**
 * A small FineDiving cycle whose figures are computed by hand in aqa-review.db.test.ts.
 *
 * True scores from the 7-judge rule (drop 2 highest and 2 lowest, sum 3, × difficulty):
 *   D1 107B  DD 3.0  kept 8.0 + 8.0 + 8.5 = 24.5 → 73.5
 *   D2 207C  DD 3.4  kept 7.0 + 7.0 + 7.0 = 21.0 → 71.4
 *   D3 405B  DD 3.0  kept 5.5 + 6.0 + 6.0 = 17.5 → 52.5, but recorded as 52.0 (a data-quality warning;
 *            the recorded 52.0 stays the truth)
 *   D4 5253B DD 3.2  kept 8.5 + 9.0 + 9.0 = 26.5 → 84.8
 */
export const HAND_DIVES: readonly SeedDive[] = [
  {
    key: "hand-d1",
    actionType: "107B",
    difficulty: 3.0,
    judgeScores: [7.0, 7.5, 8.0, 8.0, 8.5, 9.0, 9.0],
    steps: [
      { name: "Forward", frames: 6 },
      { name: "3.5 Soms.Pike", frames: 18 },
      { name: "Entry", frames: 6 },
    ],
  },
  {
    key: "hand-d2",
    actionType: "207C",
    difficulty: 3.4,
    judgeScores: [6.0, 6.5, 7.0, 7.0, 7.0, 7.5, 8.0],
    steps: [
      { name: "Back", frames: 6 },
      { name: "3.5 Soms.Tuck", frames: 18 },
      { name: "Entry", frames: 6 },
    ],
  },
  {
    key: "hand-d3",
    actionType: "405B",
    difficulty: 3.0,
    judgeScores: [5.0, 5.5, 5.5, 6.0, 6.0, 6.5, 7.0],
    diveScore: 52.0,
    steps: [
      { name: "Inward", frames: 6 },
      { name: "2.5 Soms.Pike", frames: 12 },
      { name: "Entry", frames: 6 },
    ],
  },
  {
    key: "hand-d4",
    actionType: "5253B",
    difficulty: 3.2,
    judgeScores: [8.0, 8.5, 8.5, 9.0, 9.0, 9.0, 9.5],
    steps: [
      { name: "Back", frames: 6 },
      { name: "2.5 Soms.Pike", frames: 12 },
      { name: "1.5 Twists", frames: 6 },
      { name: "Entry", frames: 6 },
    ],
  },
];

/**
 * Cycle 1's answers. G1–G4 answer the aqa-full question of D1–D4, G5 the aqa-score question of D4.
 *   G1: sequence right, DD 3.0 right, 73.5 (all arithmetic holds)
 *   G2: sequence right, DD 3.0 wrong (3.4), 63.0 (21.0 × 3.0 holds)
 *   G3: sequence wrong (3.5 for 2.5 Soms.Pike), DD right, 66.0; the paper's slip: the average of
 *       2.5, 3.4, 3.4, 3.4 is 3.175, stated as 3.4 → 1 flag
 *   G4: DD right, no sub-actions, no final score
 *   G5: 80.0; "27.0 × 3.2 = 80.0" is 86.4, and the judges' rule gives 84.8 → 2 flags
 */
export const HAND_CYCLE_1 = {
  g1:
    "The dive is Forward → 3.5 Soms.Pike → Entry. The degree of difficulty is 3.0. The judges' scores are 7.0, 7.5, 8.0, 8.0, 8.5, 9.0 and 9.0. " +
    "Dropping the two highest and the two lowest leaves 8.0, 8.0 and 8.5, which sum to 24.5. 24.5 × 3.0 = 73.5, so the final score is 73.5.",
  g2:
    "The dive is Back → 3.5 Soms.Tuck → Entry. The degree of difficulty is 3.0. The judges' scores are 6.0, 6.5, 7.0, 7.0, 7.0, 7.5 and 8.0. " +
    "The middle three marks sum to 21.0. 21.0 × 3.0 = 63.0, so the final score is 63.0.",
  g3:
    "The dive is Inward → 3.5 Soms.Pike → Entry. The sub-actions rate 2.5, 3.4, 3.4 and 3.4, and the average of 2.5, 3.4, 3.4, 3.4 is 3.4. " +
    "The degree of difficulty is 3.0. The final score is 66.0.",
  g4:
    "The diver twists while rotating backwards. The degree of difficulty is 3.2. To score it, one would drop the two highest and two " +
    "lowest marks and multiply by the difficulty.",
  g5: "The degree of difficulty is 3.2. The judges' scores are 9.0, 9.0, 8.5, 8.5, 9.0, 9.5 and 8.0. 27.0 × 3.2 = 80.0. The final score is 80.0.",
} as const;

/** Cycle 2: D1 and D2 answered exactly right. */
export const HAND_CYCLE_2 = {
  g1: HAND_CYCLE_1.g1,
  g2:
    "The dive is Back → 3.5 Soms.Tuck → Entry. The degree of difficulty is 3.4. The judges' scores are 6.0, 6.5, 7.0, 7.0, 7.0, 7.5 and 8.0. " +
    "The middle three marks sum to 21.0. 21.0 × 3.4 = 71.4, so the final score is 71.4.",
} as const;
