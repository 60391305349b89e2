import { findTemplate, updateTemplateText } from "./dataset-repository";
import { TemplateError } from "./templates/render";
import { TemplateSet } from "./templates/template-set";

export class TemplateEditError extends Error {
  constructor(
    readonly status: 400 | 404,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Saves a template's new wording after checking it renders: its {placeholders} must be variables
 * its kind provides (TEMPLATE_VARIABLES). Existing questions keep their text until the dataset
 * is imported again, which re-renders them (and only them).
 */
export async function editTemplate(datasetId: number, templateId: number, text: string) {
  const template = await findTemplate(datasetId, templateId);
  if (template === null) throw new TemplateEditError(404, "The template was not found");
  try {
    new TemplateSet([{ key: template.key, kind: template.kind, text }]);
  } catch (error) {
    if (error instanceof TemplateError) throw new TemplateEditError(400, error.message);
    throw error;
  }
  return updateTemplateText(template.id, text);
}
