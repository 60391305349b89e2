import type { TemplateSet } from "../templates/template-set";
import type { ImportedQuestion, Target } from "../types";
import type { DiveRecord } from "./schema";

/**
 * The paper's five FineDiving question kinds: the sub-action after the first, the one before the
 * second, the full sequence, an AQA explanation (sequence + difficulty + score) and an AQA score.
 * Sequence kinds need the fine-grained annotation (frames_labels) and are skipped without it.
 */
export function diveQuestions(videoKey: string, dive: DiveRecord, templates: TemplateSet): ImportedQuestion[] {
  const sequence = dive.sub_actions;
  const score: Target = { labelType: "float", label: { value: dive.dive_score, name: "score" } };
  const difficulty: Target = { labelType: "float", label: { value: dive.difficulty, name: "difficulty" } };
  const actions: Target = { labelType: "sequence", label: { actions: sequence } };
  const [first, second] = sequence;

  const wanted: { key: string; kind: string; vars: Record<string, string>; targets: Target[] }[] = [];
  if (first !== undefined && second !== undefined) {
    wanted.push({ key: "finediving:after:0", kind: "subaction-after", vars: { first }, targets: [{ labelType: "class", label: second }] });
    wanted.push({
      key: "finediving:before:0",
      kind: "subaction-before",
      vars: { second },
      targets: [{ labelType: "class", label: first }],
    });
  }
  if (sequence.length > 0) {
    wanted.push({ key: "finediving:sequence:0", kind: "subaction-sequence", vars: {}, targets: [actions] });
    wanted.push({ key: "finediving:aqa-full:0", kind: "aqa-full", vars: {}, targets: [actions, difficulty, score] });
  }
  wanted.push({ key: "finediving:aqa-score:0", kind: "aqa-score", vars: {}, targets: [score] });

  return wanted.flatMap(({ key, kind, vars, targets }) => {
    const rendered = templates.render(kind, `${videoKey}|${key}`, vars);
    return rendered === null ? [] : [{ key, kind, templateKey: rendered.templateKey, text: rendered.text, targets }];
  });
}
