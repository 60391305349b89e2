import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { DomainError } from "@/lib/errors/domain-error";

/** One general instruction example, whatever file format it came in. */
export interface InstructionExample {
  readonly turns: readonly { readonly role: "user" | "assistant"; readonly content: string }[];
  readonly images: readonly string[];
  readonly videos: readonly string[];
}

const llavaTurn = z.object({ from: z.string(), value: z.string() });
const llavaItem = z.object({
  image: z.union([z.string(), z.array(z.string())]).optional(),
  video: z.union([z.string(), z.array(z.string())]).optional(),
  conversations: z.array(llavaTurn).min(2),
});
const sharegptItem = z.object({
  messages: z.array(z.object({ role: z.string(), content: z.string() })).min(2),
  images: z.array(z.string()).optional(),
  videos: z.array(z.string()).optional(),
});

/** An instruction file that cannot be read or is not a LLaVA or sharegpt list: the data it points to cannot be worked on. */
const badInstructionFile = (message: string) => new DomainError("unprocessable", message);

const USER_ROLES = new Set(["human", "user"]);
const ASSISTANT_ROLES = new Set(["gpt", "assistant"]);

/**
 * Reads a LLaVA JSON file (`[{id, image | video, conversations: [{from, value}]}]`, as LLaVA-1.5's
 * and Video-LLaVA's VideoInstruct-100K lists are) or a sharegpt one (`[{messages: [{role, content}],
 * images?, videos?}]`, LLaMA-Factory's). Media paths stay as written (see `instructionMediaPath`).
 * Throws an unprocessable DomainError naming the file and the first bad item.
 */
export async function readInstructionFile(file: string): Promise<InstructionExample[]> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw badInstructionFile(`instruction file ${file} cannot be read as JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!Array.isArray(json)) throw badInstructionFile(`instruction file ${file} must hold a JSON array`);
  return json.map((item, index) => {
    const example = toExample(item);
    if (example === undefined) {
      throw badInstructionFile(
        `instruction file ${file}, item ${index}: neither LLaVA ({conversations: [{from, value}]}) nor sharegpt ({messages: [{role, content}]}) with user and assistant turns`,
      );
    }
    return example;
  });
}

/** A media path of the instruction file as a path on this machine: relative ones are taken from the file's folder. */
export function instructionMediaPath(file: string, media: string): string {
  return path.isAbsolute(media) ? media : path.join(path.dirname(file), media);
}

function toExample(item: unknown): InstructionExample | undefined {
  const llava = llavaItem.safeParse(item);
  if (llava.success) {
    const turns = llava.data.conversations.map((turn) => ({ role: roleOf(turn.from), content: turn.value }));
    return valid({ turns, images: listOf(llava.data.image), videos: listOf(llava.data.video) });
  }
  const sharegpt = sharegptItem.safeParse(item);
  if (sharegpt.success) {
    const turns = sharegpt.data.messages
      .filter((message) => message.role !== "system")
      .map((message) => ({ role: roleOf(message.role), content: message.content }));
    return valid({ turns, images: sharegpt.data.images ?? [], videos: sharegpt.data.videos ?? [] });
  }
  return undefined;
}

function roleOf(name: string): "user" | "assistant" | undefined {
  if (USER_ROLES.has(name)) return "user";
  if (ASSISTANT_ROLES.has(name)) return "assistant";
  return undefined;
}

function valid(example: {
  turns: { role: "user" | "assistant" | undefined; content: string }[];
  images: readonly string[];
  videos: readonly string[];
}): InstructionExample | undefined {
  const alternates = example.turns.every((turn, i) => turn.role === (i % 2 === 0 ? "user" : "assistant"));
  if (!alternates || example.turns.length < 2) return undefined;
  return { ...example, turns: example.turns as InstructionExample["turns"] };
}

function listOf(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/**
 * How many instruction examples make them `share` of a training set with `curated` examples of
 * our own, and which ones: a deterministic sample (seeded) without repetition while the file has
 * enough, cycling through it otherwise.
 */
export function sampleInstructionExamples<T>(examples: readonly T[], curated: number, share: number, seed: number): T[] {
  if (examples.length === 0 || curated === 0) return [];
  const wanted = Math.round((curated * share) / (1 - share));
  const order = shuffled(examples.length, seed);
  return Array.from({ length: wanted }, (_, i) => examples[order[i % order.length] as number] as T);
}

function shuffled(length: number, seed: number): number[] {
  const order = Array.from({ length }, (_, i) => i);
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  for (let i = length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}
