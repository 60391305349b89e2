/** The part of JSON Schema (as zod's toJSONSchema writes it) the launch form is drawn from. */
export interface JsonSchemaNode {
  type?: string;
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
  enum?: unknown[];
  anyOf?: JsonSchemaNode[];
  items?: JsonSchemaNode;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxLength?: number;
  default?: unknown;
}

export type FieldKind =
  | { kind: "group" }
  | { kind: "boolean" }
  | { kind: "number"; integer: boolean; nullable: boolean; min?: number; max?: number }
  | { kind: "enum"; options: string[] }
  | { kind: "text" }
  | { kind: "list" }
  | { kind: "json" };

/** How a schema node is edited: a group of fields, or one input of a kind. */
export function fieldKind(node: JsonSchemaNode): FieldKind {
  if (node.type === "object" && node.properties) return { kind: "group" };
  const variants = node.anyOf ?? [node];
  const nullable = variants.some((variant) => variant.type === "null");
  const value = variants.filter((variant) => variant.type !== "null");
  const only = value.length === 1 ? value[0] : undefined;
  if (!only) return { kind: "json" };
  if (only.type === "boolean") return { kind: "boolean" };
  if (only.type === "integer" || only.type === "number") {
    const min = only.minimum ?? only.exclusiveMinimum;
    const max = only.maximum !== undefined && only.maximum < Number.MAX_SAFE_INTEGER ? only.maximum : undefined;
    return {
      kind: "number",
      integer: only.type === "integer",
      nullable,
      ...(min !== undefined ? { min } : {}),
      ...(max !== undefined ? { max } : {}),
    };
  }
  if (only.type === "string" && only.enum) return { kind: "enum", options: only.enum.map(String) };
  if (only.type === "string") return { kind: "text" };
  if (only.type === "array" && only.items?.type === "string") return { kind: "list" };
  return { kind: "json" };
}

/** The dotted paths of every editable leaf under a node (groups are walked, not listed). */
export function leafPaths(node: JsonSchemaNode, prefix = ""): string[] {
  if (fieldKind(node).kind !== "group") return prefix ? [prefix] : [];
  return Object.entries(node.properties ?? {}).flatMap(([key, child]) => leafPaths(child, prefix ? `${prefix}.${key}` : key));
}
