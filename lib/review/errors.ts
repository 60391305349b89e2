export type ReviewErrorKind = "not-found" | "forbidden" | "conflict" | "invalid";

/** A refusal the API turns into 404 / 403 / 409 / 400 with this message. */
export class ReviewError extends Error {
  constructor(
    readonly kind: ReviewErrorKind,
    message: string,
  ) {
    super(message);
    this.name = "ReviewError";
  }
}

export const queueNotFound = (queueId: number) => new ReviewError("not-found", `Review queue ${queueId} was not found among your queues`);
export const itemNotFound = (itemId: number) => new ReviewError("not-found", `Queue item ${itemId} was not found`);
