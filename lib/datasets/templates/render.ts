/**
 * `{placeholder}` templates. A placeholder is `{name}` with name made of letters, digits and
 * underscores; `{{` and `}}` stand for literal braces. A missing variable is an error, never an
 * empty string, so an edited template cannot silently produce a broken question.
 */

export type TemplateVars = Record<string, string | number>;

export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TemplateError";
  }
}

const TOKEN = /\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}|\{|\}/g;

/** A template split once into literal text and variable names, for rendering many times. */
export interface CompiledTemplate {
  text: string;
  /** Alternating parts: even indexes are literal text, odd indexes variable names. */
  parts: string[];
}

export function compileTemplate(text: string): CompiledTemplate {
  const parts: string[] = [];
  let literal = "";
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const token = match[0];
    literal += text.slice(last, match.index);
    last = match.index + token.length;
    if (token === "{{") literal += "{";
    else if (token === "}}") literal += "}";
    else if (match[1] === undefined) {
      throw new TemplateError(`unbalanced "${token}" in template "${text}" (write {{ or }} for a literal brace)`);
    } else {
      parts.push(literal, match[1]);
      literal = "";
    }
  }
  parts.push(literal + text.slice(last));
  return { text, parts };
}

export function renderCompiled(template: CompiledTemplate, vars: TemplateVars): string {
  const { parts } = template;
  let out = parts[0] ?? "";
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] ?? "";
    const value = vars[name];
    if (value === undefined) {
      throw new TemplateError(`template "${template.text}" needs the variable {${name}}, which was not given`);
    }
    out += String(value) + (parts[i + 1] ?? "");
  }
  return out;
}

export function renderTemplate(text: string, vars: TemplateVars): string {
  return renderCompiled(compileTemplate(text), vars);
}

/** The placeholder names a template uses, in order of first use. */
export function templatePlaceholders(text: string): string[] {
  const { parts } = compileTemplate(text);
  const names: string[] = [];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] ?? "";
    if (!names.includes(name)) names.push(name);
  }
  return names;
}
