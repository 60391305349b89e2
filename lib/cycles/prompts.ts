/**
 * The paper's two prompts (appendix A), verbatim. The PDF wraps "arrive at / this / conclusion"
 * over three lines in its code block; that is page layout, so the sentence is kept on one line.
 * `{Q}` is the question, `{L}` the label (rationalization only).
 */
export const ANSWER_PROMPT = "Question: {Q}.\nCan you explain step-by-step how one can arrive at this conclusion?";
export const RATIONALIZATION_PROMPT = "Question: {Q}\nAnswer: {L}.\nCan you explain step-by-step how one can arrive at this conclusion?";

export const QUESTION_PLACEHOLDER = "{Q}";
export const LABEL_PLACEHOLDER = "{L}";

/** Fills `{Q}` and `{L}` literally (no other syntax, so question text is never interpreted). */
export function renderPrompt(template: string, values: { question: string; label?: string }): string {
  const withQuestion = template.split(QUESTION_PLACEHOLDER).join(values.question);
  return values.label === undefined ? withQuestion : withQuestion.split(LABEL_PLACEHOLDER).join(values.label);
}
