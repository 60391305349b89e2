/** How the dataset formats are named on screen. */
export const FORMAT_LABELS: Record<string, string> = {
  KINETICS700: "Kinetics-700",
  STAR: "STAR",
  FINEDIVING: "FineDiving",
  GENERIC: "Generic",
};
