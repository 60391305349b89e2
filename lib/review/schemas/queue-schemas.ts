import { z } from "zod";
import { bodyRowId } from "@/lib/http/schemas";
import { AUDIT_VERDICTS, QUEUE_SAMPLINGS, REVIEWABLE_MODES } from "../constants";

const id = bodyRowId;

export const goldAnswerSchema = z.object({
  verdict: z.enum(AUDIT_VERDICTS),
  labelPresent: z.boolean().nullable().default(null),
  note: z.string().max(2000).default(""),
});
export type GoldAnswer = z.infer<typeof goldAnswerSchema>;

const goldItemSchema = z.object({ generationId: id, answer: goldAnswerSchema });

export const createQueueSchema = z
  .object({
    name: z.string().trim().min(1, "a queue needs a name").max(200),
    cycleId: id,
    sampling: z.enum(QUEUE_SAMPLINGS).default("UNIFORM"),
    size: z.number().int().min(1).max(100_000),
    /** Each item goes to this many annotators (2+ gives agreement figures). */
    overlap: z.number().int().min(1).max(10).default(1),
    blind: z.boolean().default(false),
    leaseSeconds: z.number().int().min(30).max(86_400).default(900),
    seed: z.number().int().min(0).max(2_147_483_647).default(1),
    modes: z
      .array(z.enum(REVIEWABLE_MODES))
      .min(1)
      .default([...REVIEWABLE_MODES]),
    /** User ids of the annotators (queue members). */
    assignees: z.array(z.string().min(1)).max(500).default([]),
    gold: z.array(goldItemSchema).max(1000).default([]),
  })
  .refine((queue) => queue.assignees.length === 0 || queue.overlap <= queue.assignees.length, {
    message: "overlap cannot exceed the number of assignees: items would never be complete",
    path: ["overlap"],
  })
  .refine((queue) => new Set(queue.gold.map((item) => item.generationId)).size === queue.gold.length, {
    message: "a generation appears twice among the gold items",
    path: ["gold"],
  });
export type CreateQueueInput = z.input<typeof createQueueSchema>;
export type CreateQueue = z.output<typeof createQueueSchema>;

export const updateQueueSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    status: z.enum(["OPEN", "CLOSED"]).optional(),
    blind: z.boolean().optional(),
    leaseSeconds: z.number().int().min(30).max(86_400).optional(),
    addAssignees: z.array(z.string().min(1)).max(500).optional(),
    removeAssignees: z.array(z.string().min(1)).max(500).optional(),
  })
  .strict();
export type UpdateQueue = z.infer<typeof updateQueueSchema>;
