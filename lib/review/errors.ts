import { DomainError } from "@/lib/errors/domain-error";

export const queueNotFound = (queueId: number) => new DomainError("not-found", `Review queue ${queueId} was not found among your queues`);
export const itemNotFound = (itemId: number) => new DomainError("not-found", `Queue item ${itemId} was not found`);

export type ReviewErrorKind = "not-found" | "forbidden" | "conflict" | "invalid";

/** @deprecated The review services throw DomainError; only the review routes' old wrapper still names this. */
export class ReviewError extends Error {
  constructor(
    readonly kind: ReviewErrorKind,
    message: string,
  ) {
    super(message);
    this.name = "ReviewError";
  }
}
