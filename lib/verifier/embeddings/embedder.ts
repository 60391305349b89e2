/** Turns texts into embedding vectors (one per text, same order), e.g. a BERT/MiniLM sentence model. */
export interface Embedder {
  /** Model name, recorded in verdict methods ("caption:embedding:<model>"). */
  readonly model?: string;
  embed(texts: string[]): Promise<number[][]>;
}

export class EmbeddingError extends Error {
  override name = "EmbeddingError";
}
