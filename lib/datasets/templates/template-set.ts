import { z } from "zod";
import { stableHash } from "../hash";
import type { QuestionTemplate } from "../types";
import { TEMPLATE_VARIABLES } from "./defaults";
import { compileTemplate, renderCompiled, TemplateError, templatePlaceholders, type CompiledTemplate, type TemplateVars } from "./render";

const questionTemplateSchema = z.object({
  key: z.string().min(1),
  kind: z.string().min(1),
  text: z.string().min(1),
});
const questionTemplatesSchema = z.array(questionTemplateSchema);

export interface RenderedQuestion {
  templateKey: string;
  text: string;
}

/**
 * The templates an import renders questions from, grouped by kind. Which template of a kind a
 * question gets depends only on its seed (video key + question key) and the set of template keys,
 * so re-importing with the same templates yields the same questions. A kind with no template is
 * skipped: deleting a kind's templates turns that kind of question off.
 */
export class TemplateSet {
  private readonly byKind = new Map<string, { key: string; compiled: CompiledTemplate }[]>();

  constructor(templates: readonly QuestionTemplate[]) {
    const result = questionTemplatesSchema.safeParse(templates);
    if (!result.success) throw new TemplateError(`invalid templates: ${z.prettifyError(result.error)}`);
    const parsed = result.data;
    const seenKeys = new Set<string>();
    for (const template of parsed) {
      if (seenKeys.has(template.key)) throw new TemplateError(`template key "${template.key}" is used twice`);
      seenKeys.add(template.key);
      checkPlaceholders(template);
      const group = this.byKind.get(template.kind) ?? [];
      group.push({ key: template.key, compiled: compileTemplate(template.text) });
      this.byKind.set(template.kind, group);
    }
    for (const group of this.byKind.values()) group.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  has(kind: string): boolean {
    return (this.byKind.get(kind)?.length ?? 0) > 0;
  }

  /** Renders a template of `kind`, or returns null when the set has none of that kind. */
  render(kind: string, seed: string, vars: TemplateVars): RenderedQuestion | null {
    const group = this.byKind.get(kind);
    if (group === undefined || group.length === 0) return null;
    const template = group[stableHash(seed) % group.length];
    if (template === undefined) return null;
    return { templateKey: template.key, text: renderCompiled(template.compiled, vars) };
  }
}

/** Rejects a template of a known kind that uses a variable its importer never provides. */
function checkPlaceholders(template: QuestionTemplate): void {
  const allowed = TEMPLATE_VARIABLES[template.kind];
  if (allowed === undefined) return;
  for (const name of templatePlaceholders(template.text)) {
    if (!allowed.includes(name)) {
      const offered = allowed.length === 0 ? "none" : allowed.map((v) => `{${v}}`).join(", ");
      throw new TemplateError(`template "${template.key}" (kind ${template.kind}) uses {${name}}; this kind offers ${offered}`);
    }
  }
}
