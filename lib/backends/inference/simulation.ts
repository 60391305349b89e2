import { z } from "zod";
import { targetSchema } from "@/lib/backends/target";

/**
 * The simulator's extension of the chat-completions request (contract shared with the simulator):
 * a top-level `x_simulation` field telling it which video and labels the question is about. It is
 * sent only to backends of kind "simulator", never to real servers.
 */
export const simulationExtensionSchema = z.object({
  videoId: z.string().min(1),
  targets: z.array(targetSchema),
  mode: z.enum(["answer", "rationalization"]),
  /** The question template's kind (e.g. "kinetics-class"); may be empty. */
  questionKind: z.string(),
});

export type SimulationExtension = z.infer<typeof simulationExtensionSchema>;
