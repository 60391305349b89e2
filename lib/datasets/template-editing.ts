import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/audit-repository";
import { inTransaction } from "@/lib/db/transaction";
import { invalidField, notFound } from "@/lib/errors/domain-error";
import { findTemplate, updateTemplateText } from "./dataset-repository";
import { TemplateError } from "./templates/render";
import { TemplateSet } from "./templates/template-set";

/**
 * Saves a template's new wording after checking it renders: its {placeholders} must be variables
 * its kind provides (TEMPLATE_VARIABLES). Existing questions keep their text until the dataset
 * is imported again, which re-renders them (and only them). Audited as `dataset.template.update`.
 */
export async function editTemplate(datasetId: number, templateId: number, text: string, actor: Actor) {
  const template = await findTemplate(datasetId, templateId);
  if (template === null) throw notFound("The template");
  try {
    new TemplateSet([{ key: template.key, kind: template.kind, text }]);
  } catch (error) {
    if (error instanceof TemplateError) throw invalidField("text", error.message);
    throw error;
  }
  return inTransaction(async (tx) => {
    const updated = await updateTemplateText(template.id, text, tx);
    await recordAudit(tx, actor, {
      action: "dataset.template.update",
      targetId: updated.id,
      details: { key: updated.key, text: updated.text },
    });
    return updated;
  });
}
