import { z } from "zod";
import { EmbeddingError, type Embedder } from "@/lib/verifier/embeddings/embedder";
import { describeIssues } from "@/lib/verifier/zod-issues";

export interface HttpEmbedderOptions {
  /** Server root, e.g. "http://localhost:8000"; requests go to `{baseUrl}/v1/embeddings`. */
  readonly baseUrl: string;
  readonly model: string;
  /** Per request; default 30 s. */
  readonly timeoutMs?: number;
  /** Texts per request; larger inputs are split into several requests. Default 256. */
  readonly maxBatchSize?: number;
  /** Sent as `Authorization: Bearer …` when given. */
  readonly apiKey?: string;
}

const embeddingsResponseSchema = z.object({
  data: z.array(z.object({ embedding: z.array(z.number()), index: z.number().int().min(0) })),
});

/** An embedder for any OpenAI-compatible server: `POST {baseUrl}/v1/embeddings {model, input}`. */
export function createHttpEmbedder(options: HttpEmbedderOptions): Embedder {
  const url = `${options.baseUrl.replace(/\/+$/, "")}/v1/embeddings`;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxBatchSize = Math.max(1, options.maxBatchSize ?? 256);
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.apiKey !== undefined) headers.authorization = `Bearer ${options.apiKey}`;

  async function embedBatch(input: string[]): Promise<number[][]> {
    let response: Response;
    try {
      response = await fetch(url, {
        method: "POST",
        headers,
        body: JSON.stringify({ model: options.model, input }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === "TimeoutError";
      const cause = timedOut ? `timed out after ${timeoutMs} ms` : error instanceof Error ? error.message : String(error);
      throw new EmbeddingError(`embeddings request to ${url} failed: ${cause}`, { cause: error });
    }
    const body = await response.text();
    if (!response.ok) {
      throw new EmbeddingError(`embeddings request to ${url} failed: HTTP ${response.status}: ${body.slice(0, 300)}`);
    }
    return parseEmbeddings(body, input.length, url);
  }

  return {
    model: options.model,
    async embed(texts: string[]): Promise<number[][]> {
      const vectors: number[][] = [];
      for (let from = 0; from < texts.length; from += maxBatchSize) {
        vectors.push(...(await embedBatch(texts.slice(from, from + maxBatchSize))));
      }
      return vectors;
    },
  };
}

function parseEmbeddings(body: string, expected: number, url: string): number[][] {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new EmbeddingError(`embeddings response from ${url} is not JSON: ${body.slice(0, 200)}`);
  }
  const parsed = embeddingsResponseSchema.safeParse(json);
  if (!parsed.success) {
    throw new EmbeddingError(`embeddings response from ${url} has the wrong shape: ${describeIssues(parsed.error)}`);
  }
  const vectors: (number[] | undefined)[] = new Array(expected);
  for (const item of parsed.data.data) {
    if (item.index >= expected || vectors[item.index] !== undefined) {
      throw new EmbeddingError(`embeddings response from ${url} has a bad or repeated index ${item.index} (${expected} inputs)`);
    }
    vectors[item.index] = item.embedding;
  }
  const missing = vectors.indexOf(undefined);
  if (missing >= 0 || parsed.data.data.length !== expected) {
    throw new EmbeddingError(`embeddings response from ${url} has ${parsed.data.data.length} embeddings for ${expected} inputs`);
  }
  return vectors as number[][];
}
