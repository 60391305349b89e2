import { z } from "zod";

const box = z.tuple([z.number(), z.number(), z.number(), z.number()]);

const starSituationSchema = z
  .object({
    actions: z.array(z.string()),
    bbox: z.array(box),
    bbox_labels: z.array(z.string()),
    rel_pairs: z.array(z.tuple([z.string(), z.string()])).default([]),
    rel_labels: z.array(z.string()).default([]),
  })
  .refine((s) => s.bbox.length === s.bbox_labels.length, {
    message: "bbox and bbox_labels have different lengths",
    path: ["bbox_labels"],
  });

/** One STAR question (an element of STAR_{train,val}.json); extra keys such as programs are ignored. */
export const starQuestionSchema = z
  .object({
    question_id: z.string().min(1),
    question: z.string().min(1),
    video_id: z.string().regex(/^[A-Za-z0-9_-]+$/, "not a Charades video id"),
    start: z.number().nonnegative(),
    end: z.number().nonnegative(),
    answer: z.string().min(1),
    choices: z.array(z.object({ choice_id: z.number().int(), choice: z.string() })).min(2),
    situations: z.record(z.string().regex(/^\d+$/, "situation keys must be frame numbers"), starSituationSchema),
  })
  .refine((q) => q.end > q.start, { message: "end must be greater than start", path: ["end"] });

export type StarSituation = z.infer<typeof starSituationSchema>;
export type StarQuestion = z.infer<typeof starQuestionSchema>;

/** "Interaction_T1_13" → "Interaction". */
export function starQuestionType(questionId: string): string {
  return questionId.split("_")[0] ?? questionId;
}
