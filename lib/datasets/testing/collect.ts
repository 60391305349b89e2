import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ImportedItem } from "../types";

/** Drains an importer's stream into an array (tests and the demo only: real imports stream). */
export async function collectItems(items: AsyncIterable<ImportedItem>): Promise<ImportedItem[]> {
  const all: ImportedItem[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** A fresh temporary folder; remove it with `removeTempDir`. */
export function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), `${prefix}-`));
}

export function removeTempDir(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true });
}
