import { readFile } from "node:fs/promises";
import path from "node:path";
import { FatalImportError } from "../errors";

/** STAR's class-name maps (from its `action_classes.txt`, `object_classes.txt`). */
export interface StarClassNames {
  actions?: Record<string, string>;
  objects?: Record<string, string>;
}

/**
 * Reads a STAR class file: one class per line, its id, a space, then its name
 * ("a000 Holding some clothes", "o016 closet/cabinet"). Blank lines are skipped.
 */
export async function readStarClassFile(filePath: string): Promise<Record<string, string>> {
  const file = path.basename(filePath);
  const text = await readFile(filePath, "utf8").catch(() => {
    throw new FatalImportError({ file, reason: "cannot read the class file" });
  });
  const names: Record<string, string> = {};
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === "") return;
    const match = /^([a-z]\d+)\s+(.+)$/.exec(line);
    if (match === null) {
      throw new FatalImportError({ file, line: index + 1, reason: `expected "<id> <name>", found "${line}"` });
    }
    names[match[1] ?? ""] = (match[2] ?? "").trim();
  });
  return names;
}

/** Names for ids, falling back to the id itself when no map (or no entry) is given. */
export class StarNames {
  constructor(private readonly classes: StarClassNames = {}) {}

  get hasNames(): boolean {
    return this.classes.actions !== undefined || this.classes.objects !== undefined;
  }

  action(id: string): string {
    return lowerFirst(this.classes.actions?.[id] ?? id);
  }

  object(id: string): string {
    return this.classes.objects?.[id] ?? id;
  }

  isPerson(id: string): boolean {
    return id === "o000" || this.object(id) === "person";
  }
}

/** "Holding some clothes" → "holding some clothes", so it reads inside a sentence. */
function lowerFirst(text: string): string {
  return text.length > 0 ? text[0]?.toLowerCase() + text.slice(1) : text;
}
