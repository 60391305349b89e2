/** A quoted phrase of a search: its words, and whether it is excluded (`-"…"`). */
export interface SearchPhrase {
  words: string[];
  excluded: boolean;
}

export interface ParsedSearch {
  /** The search for websearch_to_tsquery, typographic quotes made plain. */
  text: string;
  phrases: SearchPhrase[];
}

/** Typographic double quotes (and the low-9 and guillemet forms) as the plain quote they stand for. */
const QUOTES = /[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033]/g;

/**
 * The quoted phrases of a search. websearch_to_tsquery alone reads `"eating the pie"` as stems a
 * word apart (it would match "eating apple pie") and ignores typographic quotes; the explorer
 * additionally requires each quoted phrase word for word (see phrasePattern).
 */
export function parseSearch(query: string): ParsedSearch {
  const text = query.replace(QUOTES, '"');
  const phrases: SearchPhrase[] = [];
  for (const match of text.matchAll(/(^|\s)(-?)"([^"]*)"/g)) {
    const words = (match[3] ?? "").split(/\s+/).filter((word) => word.length > 0);
    if (words.length > 0) phrases.push({ words, excluded: match[2] === "-" });
  }
  return { text, phrases };
}

/**
 * A PostgreSQL regular expression (for `~*`, case-insensitive) matching the phrase's words in
 * order, separated by white space only, as whole words: "apple pie" matches "Apple  pie." but not
 * "apple pies" or "pineapple pie".
 */
export function phrasePattern(phrase: SearchPhrase): string {
  const body = phrase.words.map(escapeRegex).join("\\s+");
  const first = phrase.words[0] ?? "";
  const last = phrase.words.at(-1) ?? "";
  return `${/^\w/.test(first) ? "\\m" : ""}${body}${/\w$/.test(last) ? "\\M" : ""}`;
}

const escapeRegex = (word: string) => word.replace(/[\\^$.|?*+()[\]{}]/g, "\\$&");
