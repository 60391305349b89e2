/**
 * The paper's two prompts (appendix A), verbatim. The PDF wraps "arrive at / this / conclusion"
 * over three lines in its code block; that is page layout, so the sentence is kept on one line.
 * `{Q}` is the question, `{L}` the label (rationalization only).
 */
export const ANSWER_PROMPT = "Question: {Q}.\nCan you explain step-by-step how one can arrive at this conclusion?";
export const RATIONALIZATION_PROMPT = "Question: {Q}\nAnswer: {L}.\nCan you explain step-by-step how one can arrive at this conclusion?";

export const QUESTION_PLACEHOLDER = "{Q}";
export const LABEL_PLACEHOLDER = "{L}";

const PLACEHOLDERS = /\{Q\}|\{L\}/g;
const ENDS_A_SENTENCE = /[.!?…]["')\]]*$/;

/**
 * Fills `{Q}` and `{L}` literally (no other syntax, so question text is never interpreted). A value
 * that already ends a sentence swallows the template's period after it, so "Question: {Q}." with
 * "What is he doing?" reads "…doing?" and "Answer: {L}." with "activity." reads "activity." — not
 * "…?." or "activity.." (the released code cleans its prompts the same way, data_gen_utils.py
 * `clean_text`).
 */
export function renderPrompt(template: string, values: { question: string; label?: string }): string {
  let out = "";
  let from = 0;
  for (const match of template.matchAll(PLACEHOLDERS)) {
    const value = match[0] === QUESTION_PLACEHOLDER ? values.question.trim() : values.label?.trim();
    if (value === undefined) continue;
    out += template.slice(from, match.index) + value;
    from = match.index + match[0].length;
    if (ENDS_A_SENTENCE.test(value) && template.startsWith(".", from) && !template.startsWith("..", from)) from += 1;
  }
  return out + template.slice(from);
}
