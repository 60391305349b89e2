/** What JSON.stringify leaves out of an object (the key goes) or turns into null inside an array. */
type Unserialisable = undefined | symbol | ((...args: never[]) => unknown);

/**
 * What a value becomes after json() serialises it and the client parses it back: a Date (anything
 * with toJSON) becomes what toJSON returns, a bigint a number or (beyond 2^53) a string; object keys
 * holding undefined, functions or symbols disappear (so a key that may hold one becomes optional);
 * inside arrays those become null; a Map or a Set becomes an empty object. Components type API
 * responses with it, never with the server's own types.
 */
export type Wire<T> = unknown extends T
  ? unknown
  : T extends string | number | boolean | null
    ? T
    : T extends bigint
      ? number | string
      : T extends { toJSON(...args: never[]): infer Serialised }
        ? Wire<Serialised>
        : T extends Unserialisable
          ? never
          : T extends ReadonlyMap<unknown, unknown> | ReadonlySet<unknown>
            ? Record<string, never>
            : T extends readonly (infer Element)[]
              ? number extends T["length"]
                ? WireElement<Element>[]
                : { -readonly [K in keyof T]: WireElement<T[K]> }
              : T extends object
                ? WireObject<T>
                : never;

type WireElement<T> = T extends Unserialisable ? null : Wire<T>;

type WireObject<T> = Flatten<
  { -readonly [K in keyof T as KeptKey<T, K, "required">]: Wire<T[K]> } & {
    -readonly [K in keyof T as KeptKey<T, K, "optional">]?: Wire<Exclude<T[K], Unserialisable>>;
  }
>;

/** K when its value always survives ("required") or only sometimes does ("optional"); never otherwise. */
type KeptKey<T, K extends keyof T, Presence extends "required" | "optional"> = K extends symbol
  ? never
  : [Exclude<T[K], Unserialisable>] extends [never]
    ? never
    : [Extract<T[K], Unserialisable>] extends [never]
      ? Presence extends "required"
        ? K
        : never
      : Presence extends "optional"
        ? K
        : never;

/** One object type instead of an intersection, so editors show the shape. */
type Flatten<T> = { [K in keyof T]: T[K] };

/** The JSON text json() sends: JSON.stringify, with bigints as numbers (or strings when too large for one). */
export function wireJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    typeof item === "bigint" ? (Number.isSafeInteger(Number(item)) ? Number(item) : item.toString()) : item,
  );
}

/**
 * The value as a client of the API sees it: for a server page handing data it loaded itself to a
 * client component that otherwise fetches the same shape from the API.
 */
export function toWire<T>(value: T): Wire<T> {
  return JSON.parse(wireJson(value)) as Wire<T>;
}
