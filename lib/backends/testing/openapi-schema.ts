/**
 * Checks JSON values against a schema of an OpenAPI 3.0 description, for tests: the subset
 * slurmrestd's descriptions use ($ref, type, properties, required, items, enum).
 */

interface SchemaObject {
  $ref?: string;
  type?: string;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  items?: SchemaObject;
  enum?: unknown[];
}

interface OpenApiDocument {
  components?: { schemas?: Record<string, SchemaObject> };
}

export interface SchemaCheckOptions {
  /** Keys the schema does not declare are mismatches too (what a request may send). */
  closed?: boolean;
  /** Top-level keys left unchecked. */
  skip?: string[];
}

/** Every way `value` departs from the named schema, as "path: problem" lines (none when it fits). */
export function openApiMismatches(document: unknown, schemaName: string, value: unknown, options: SchemaCheckOptions = {}): string[] {
  const schemas = (document as OpenApiDocument).components?.schemas ?? {};
  const problems: string[] = [];

  const resolve = (schema: SchemaObject, at: string): SchemaObject | undefined => {
    if (!schema.$ref) return schema;
    const name = schema.$ref.replace(/^#\/components\/schemas\//, "");
    const target = schemas[name];
    if (!target) problems.push(`${at}: unresolved ${schema.$ref}`);
    return target && resolve(target, at);
  };

  const check = (schema: SchemaObject, node: unknown, at: string): void => {
    const resolved = resolve(schema, at);
    if (!resolved) return;
    if (resolved.enum && !resolved.enum.includes(node))
      problems.push(`${at}: ${JSON.stringify(node)} is not one of ${JSON.stringify(resolved.enum)}`);
    const type = resolved.type ?? (resolved.properties ? "object" : resolved.items ? "array" : undefined);
    if (type === undefined) return;
    if (!hasType(node, type)) {
      problems.push(`${at}: expected ${type}, got ${node === null ? "null" : Array.isArray(node) ? "array" : typeof node}`);
      return;
    }
    if (type === "array" && resolved.items) {
      const items = resolved.items;
      for (const [i, item] of (node as unknown[]).entries()) check(items, item, `${at}[${i}]`);
    }
    if (type === "object") {
      const record = node as Record<string, unknown>;
      const properties = resolved.properties ?? {};
      for (const key of resolved.required ?? []) if (!(key in record)) problems.push(`${at}.${key}: required`);
      for (const [key, child] of Object.entries(record)) {
        if (at === "$" && options.skip?.includes(key)) continue;
        const declared = properties[key];
        if (declared) check(declared, child, `${at}.${key}`);
        else if (options.closed && resolved.properties) problems.push(`${at}.${key}: not declared by the schema`);
      }
    }
  };

  const root = schemas[schemaName];
  if (!root) return [`no schema ${schemaName} in the description`];
  check(root, value, "$");
  return problems;
}

function hasType(node: unknown, type: string): boolean {
  switch (type) {
    case "object":
      return typeof node === "object" && node !== null && !Array.isArray(node);
    case "array":
      return Array.isArray(node);
    case "integer":
      return Number.isInteger(node);
    case "number":
      return typeof node === "number";
    case "string":
      return typeof node === "string";
    case "boolean":
      return typeof node === "boolean";
    default:
      return true;
  }
}
