import { readFile } from "node:fs/promises";
import path from "node:path";
import { FatalImportError } from "../errors";

/** STAR's class-name maps (from its `action_classes.txt`, `object_classes.txt`). */
export interface StarClassNames {
  actions?: Record<string, string>;
  objects?: Record<string, string>;
}

/**
 * Reads a STAR class file: one class per line, its id, a space, then its name, a base-form
 * phrase ("a051 eat a sandwich", "o010 cup/glass/bottle"; a slash separates alternatives).
 * Blank lines are skipped.
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

  /** The action's name as a label ("tidy up a closet/cabinet"). */
  action(id: string): string {
    return lowerFirst(this.classes.actions?.[id] ?? id);
  }

  /** The action's name to read in a sentence: alternatives spelt out ("tidy up a closet or cabinet"). */
  actionPhrase(id: string): string {
    return readableAlternatives(this.action(id));
  }

  object(id: string): string {
    return this.classes.objects?.[id] ?? id;
  }

  isPerson(id: string): boolean {
    return id === "o000" || this.object(id) === "person";
  }
}

/** "cup/glass/bottle" → "cup, glass or bottle". */
export function readableAlternatives(name: string): string {
  return name.replace(/[^\s/]+(?:\/[^\s/]+)+/g, (words) => {
    const options = words.split("/");
    const last = options.pop() ?? "";
    return `${options.join(", ")} or ${last}`;
  });
}

/** "Holding some clothes" → "holding some clothes", so it reads inside a sentence. */
function lowerFirst(text: string): string {
  return text.length > 0 ? text[0]?.toLowerCase() + text.slice(1) : text;
}
