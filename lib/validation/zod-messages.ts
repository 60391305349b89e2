import { z } from "zod";

/**
 * Validation messages in words, for every zod schema of the app: "at most 2", "a whole number",
 * "one of: paper, reference-code" instead of zod's "Too big: expected number to be <=2". Installed
 * as zod's global error map when this module is first imported (lib/http/route.ts for every route,
 * lib/cycles/config.ts for the engine and the CLI); a message a schema states itself still wins.
 */
type Issue = z.core.$ZodRawIssue;

function zodMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case "too_big":
      return limit("at most", "less than", issue.origin, Number(issue.maximum), issue.inclusive !== false);
    case "too_small":
      if (issue.origin === "string" && Number(issue.minimum) === 1) return "must not be empty";
      if ((issue.origin === "array" || issue.origin === "set") && Number(issue.minimum) === 1) return "choose at least one";
      return limit("at least", "more than", issue.origin, Number(issue.minimum), issue.inclusive !== false);
    case "invalid_type":
      if (issue.input === undefined) return "required";
      return `must be ${TYPE_WORDS[issue.expected] ?? `a value of type ${issue.expected}`}`;
    case "invalid_value":
      return issue.values.length === 1 ? `must be ${words(issue.values[0])}` : `must be one of: ${issue.values.map(words).join(", ")}`;
    case "not_multiple_of":
      return `must be a multiple of ${String(issue.divisor)}`;
    case "unrecognized_keys":
      return `unknown setting${issue.keys.length === 1 ? "" : "s"}: ${issue.keys.join(", ")}`;
    case "invalid_format":
      return `not a valid ${FORMAT_WORDS[issue.format] ?? issue.format}`;
    default:
      return undefined;
  }
}

function limit(inclusiveWord: string, exclusiveWord: string, origin: string, bound: number, inclusive: boolean): string {
  const unit =
    origin === "string"
      ? ` character${bound === 1 ? "" : "s"}`
      : origin === "array" || origin === "set"
        ? ` item${bound === 1 ? "" : "s"}`
        : "";
  const value = origin === "date" ? new Date(bound).toISOString().slice(0, 10) : formatBound(bound);
  return `${inclusive ? inclusiveWord : exclusiveWord} ${value}${unit}`;
}

/** 2147483647 reads better as 2,147,483,647; small decimals stay as they are. */
const formatBound = (bound: number) =>
  Number.isInteger(bound) && Math.abs(bound) >= 10_000 ? bound.toLocaleString("en-US") : String(bound);

const words = (value: unknown) => (typeof value === "string" ? value : String(value));

const TYPE_WORDS: Record<string, string> = {
  number: "a number",
  int: "a whole number",
  string: "text",
  boolean: "true or false",
  array: "a list",
  object: "a group of settings",
  date: "a date",
  bigint: "a whole number",
  null: "empty",
};

const FORMAT_WORDS: Record<string, string> = { email: "email address", url: "URL", uuid: "UUID", regex: "value (wrong pattern)" };

z.config({ customError: zodMessage });
