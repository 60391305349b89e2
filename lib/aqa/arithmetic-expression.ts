import { Dec } from "./precision";

/**
 * A small evaluator for the arithmetic people write in rationales: numbers, + − × x * · / ÷ and
 * parentheses, × and / binding tighter than + and −. Exact (decimal) arithmetic.
 */
export type ExpressionToken =
  | { type: "number"; literal: string; start: number }
  | { type: "operator"; op: "+" | "-" | "*" | "/"; start: number }
  | { type: "paren"; open: boolean; start: number };

const OPERATORS: Readonly<Record<string, "+" | "-" | "*" | "/">> = {
  "+": "+",
  "-": "-",
  "−": "-",
  "×": "*",
  x: "*",
  X: "*",
  "*": "*",
  "·": "*",
  "/": "/",
  "÷": "/",
};

/** Tokens of an expression (no "="); null when it holds anything else. Offsets are relative to `text`. */
export function tokenizeExpression(text: string): ExpressionToken[] | null {
  const tokens: ExpressionToken[] = [];
  const pattern = /\s*(?:(\d+(?:\.\d+)?)|([+\-−×xX*·/÷])|([()]))/gy;
  let position = 0;
  while (position < text.length) {
    pattern.lastIndex = position;
    const match = pattern.exec(text);
    if (!match) return /^\s*$/.test(text.slice(position)) ? tokens : null;
    const start = match.index + match[0].length - (match[1] ?? match[2] ?? match[3] ?? "").length;
    if (match[1] !== undefined) tokens.push({ type: "number", literal: match[1], start });
    else if (match[2] !== undefined) tokens.push({ type: "operator", op: OPERATORS[match[2]] ?? "*", start });
    else tokens.push({ type: "paren", open: match[3] === "(", start });
    position = pattern.lastIndex;
  }
  return tokens;
}

/** The exact value of a token list, or null when it is not a well-formed expression. */
export function evaluateTokens(tokens: readonly ExpressionToken[]): Dec | null {
  let index = 0;
  const peek = () => tokens[index];

  const primary = (): Dec | null => {
    const token = peek();
    if (token?.type === "number") {
      index++;
      return new Dec(token.literal);
    }
    if (token?.type === "paren" && token.open) {
      index++;
      const inner = sum();
      const close = peek();
      if (inner === null || close?.type !== "paren" || close.open) return null;
      index++;
      return inner;
    }
    return null;
  };

  const product = (): Dec | null => {
    let left = primary();
    for (let t = peek(); left !== null && t?.type === "operator" && (t.op === "*" || t.op === "/"); t = peek()) {
      index++;
      const right = primary();
      if (right === null || (t.op === "/" && right.isZero())) return null;
      left = t.op === "*" ? left.times(right) : left.dividedBy(right);
    }
    return left;
  };

  const sum = (): Dec | null => {
    let left = product();
    for (let t = peek(); left !== null && t?.type === "operator" && (t.op === "+" || t.op === "-"); t = peek()) {
      index++;
      const right = product();
      if (right === null) return null;
      left = t.op === "+" ? left.plus(right) : left.minus(right);
    }
    return left;
  };

  const value = sum();
  return value !== null && index === tokens.length ? value : null;
}

export type ExpressionKind = "sum" | "product" | "quotient" | "expression";

export function classifyExpression(tokens: readonly ExpressionToken[]): ExpressionKind {
  const ops = new Set(tokens.flatMap((t) => (t.type === "operator" ? [t.op] : [])));
  if (ops.size === 1 && ops.has("+")) return "sum";
  if (ops.size === 1 && ops.has("*")) return "product";
  if (ops.size === 1 && ops.has("/")) return "quotient";
  return "expression";
}
