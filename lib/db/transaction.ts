import type { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "./prisma";

/** What a repository function reads and writes through: the process's Prisma client, or an open transaction's. */
export type Db = Prisma.TransactionClient;

declare const open: unique symbol;

/** The client of an open transaction. Writes that must commit or roll back together take this rather than `Db`. */
export type Transaction = Db & { readonly [open]: true };

/** A person's action may touch many rows (a resume reopens every batch of a stage): more than Prisma's 5 s default. */
const TIMEOUT_MS = 30_000;

/** Runs `work` in one transaction: committed when it returns, rolled back when it throws. */
export async function inTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
  return prisma().$transaction((tx) => work(tx as Transaction), { timeout: TIMEOUT_MS });
}
