import { DomainError } from "@/lib/errors/domain-error";

export const queueNotFound = (queueId: number) => new DomainError("not-found", `Review queue ${queueId} was not found among your queues`);
export const itemNotFound = (itemId: number) => new DomainError("not-found", `Queue item ${itemId} was not found`);
