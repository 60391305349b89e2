import type { Prisma } from "@/lib/generated/prisma/client";

/** A value as Prisma's JSON input (plain data: what JSON.stringify keeps). */
export function asJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value ?? null)) as Prisma.InputJsonValue;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
