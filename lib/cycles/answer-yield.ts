/** A cycle's answer yield and what it is over (kept in the cycle's metrics). */
export interface AnswerYield {
  /** Questions with a passing direct answer, over the questions answered: a question the backend never answered is not a wrong one. */
  answerYield: number | null;
  /** Training questions drawn. */
  questions: number;
  /** Of those, questions with at least one direct answer. */
  answered: number;
  /** Of those, questions with no answer at all: every sample was given up (backend failures). */
  givenUp: number;
  passed: number;
  simulated: boolean;
}

export function answerYieldOver(
  questions: number,
  yields: readonly { answered: number; answerPassed: number; simulated: boolean }[],
): AnswerYield {
  const answered = yields.reduce((sum, row) => sum + row.answered, 0);
  const passed = yields.reduce((sum, row) => sum + row.answerPassed, 0);
  return {
    answerYield: answered > 0 ? passed / answered : null,
    questions,
    answered,
    givenUp: Math.max(0, questions - answered),
    passed,
    simulated: yields.some((row) => row.simulated),
  };
}
