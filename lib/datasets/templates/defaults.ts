import type { DatasetFormat, QuestionTemplate } from "../types";

/**
 * Default question wording per source format, as data: the lead stores these per dataset and
 * users edit them; importers take the (possibly edited) list as input.
 *
 * Provenance: the first Kinetics template and the two AQA templates quote the paper (Table 2 and
 * Figure 3); the STAR QA template is STAR's own question. The other wordings are ours, written for
 * the question kinds of the paper's parser-verifier table (appendix F, table 8).
 *
 * Variables per kind (times are seconds, boxes normalised [x1, y1, x2, y2]):
 *   activity            —
 *   star-qa             {question}
 *   star-between        {t1} {t2}                       → sequence (or class) of actions
 *   star-when           {action}                        → interval
 *   star-object-at      {time} {box}                    → class (object name)
 *   star-same-object    {time1} {box1} {time2} {box2}   → same
 *   subaction-after     {first}                         → class (second sub-action)
 *   subaction-before    {second}                        → class (first sub-action)
 *   subaction-sequence  —                               → sequence
 *   aqa-full            —                               → sequence + float difficulty + float score
 *   aqa-score           —                               → float score
 */
export const TEMPLATE_VARIABLES: Readonly<Record<string, readonly string[]>> = {
  activity: [],
  "star-qa": ["question"],
  "star-between": ["t1", "t2"],
  "star-when": ["action"],
  "star-object-at": ["time", "box"],
  "star-same-object": ["time1", "box1", "time2", "box2"],
  "subaction-after": ["first"],
  "subaction-before": ["second"],
  "subaction-sequence": [],
  "aqa-full": [],
  "aqa-score": [],
};

const KINETICS: QuestionTemplate[] = [
  { key: "kinetics.activity.1", kind: "activity", text: "What type of activity is being performed in this video?" },
  { key: "kinetics.activity.2", kind: "activity", text: "What activity is the person in this video doing?" },
  { key: "kinetics.activity.3", kind: "activity", text: "Which action is shown in this video?" },
  { key: "kinetics.activity.4", kind: "activity", text: "Describe the main activity taking place in this video." },
  { key: "kinetics.activity.5", kind: "activity", text: "What is happening in this video? Name the activity." },
];

const STAR: QuestionTemplate[] = [
  { key: "star.qa.1", kind: "star-qa", text: "{question}" },
  { key: "star.between.1", kind: "star-between", text: "What happens in the video between {t1}s and {t2}s?" },
  { key: "star.between.2", kind: "star-between", text: "Describe the actions the person performs from {t1}s to {t2}s, in order." },
  { key: "star.when.1", kind: "star-when", text: "When does the person {action}? Give the start and end times in seconds." },
  { key: "star.when.2", kind: "star-when", text: "In which time span of the video does the person {action}?" },
  {
    key: "star.object-at.1",
    kind: "star-object-at",
    text: "Which object is inside the box {box} at {time}s? Box corners are normalised [x1, y1, x2, y2].",
  },
  { key: "star.object-at.2", kind: "star-object-at", text: "At {time}s, what is in the region {box} (normalised x1, y1, x2, y2)?" },
  {
    key: "star.same-object.1",
    kind: "star-same-object",
    text: "Is the object in box {box1} at {time1}s the same as the object in box {box2} at {time2}s? Boxes are normalised [x1, y1, x2, y2].",
  },
];

const FINEDIVING: QuestionTemplate[] = [
  { key: "finediving.after.1", kind: "subaction-after", text: "The diver starts with {first}. Which sub-action follows it?" },
  { key: "finediving.before.1", kind: "subaction-before", text: "Which sub-action does the diver perform before {second}?" },
  {
    key: "finediving.sequence.1",
    kind: "subaction-sequence",
    text: "List the sequence of sub-actions the diver performs in this dive, in order.",
  },
  {
    key: "finediving.aqa-full.1",
    kind: "aqa-full",
    text: "Please assess the performer's skill level and the action's toughness in the video on a scale of 1-100.",
  },
  {
    key: "finediving.aqa-score.1",
    kind: "aqa-score",
    text: "On a scale from 1-100, how would you evaluate the execution of the actions in the video?",
  },
];

const DEFAULTS: Record<DatasetFormat, QuestionTemplate[]> = {
  kinetics: KINETICS,
  star: STAR,
  finediving: FINEDIVING,
  // Generic imports carry their question text in the mapping file.
  generic: [],
};

/** A fresh copy of the default templates of a format. */
export function defaultTemplates(format: DatasetFormat): QuestionTemplate[] {
  return DEFAULTS[format].map((template) => ({ ...template }));
}
