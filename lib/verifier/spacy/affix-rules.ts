/**
 * The English tokenizer's prefix, suffix and infix expressions and its URL match, as spaCy v3
 * compiles them (`spacy/lang/punctuation.py`, `spacy/lang/en/punctuation.py`,
 * `spacy/lang/tokenizer_exceptions.py`; `spacy.util.compile_*_regex`), in JavaScript syntax.
 */
import {
  ALPHA,
  ALPHA_LOWER,
  ALPHA_UPPER,
  CURRENCY_TEXT,
  HYPHENS_TEXT,
  ICONS,
  PUNCT_TEXT,
  QUOTES_TEXT,
  UNITS_TEXT,
} from "@/lib/verifier/spacy/char-classes";

const split = (text: string) => text.split(" ").filter((piece) => piece !== "");
const merge = (text: string) => split(text).join("|");
const group = (text: string) => split(text).join("");
const escapeLiteral = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");

const LIST_PUNCT = split(PUNCT_TEXT);
const LIST_QUOTES = split(QUOTES_TEXT).map(escapeLiteral);
const LIST_CURRENCY = split(CURRENCY_TEXT);
const LIST_ELLIPSES = [String.raw`\.\.+`, "…"];
const LIST_ICONS = [`[${ICONS}]`];
const PUNCT = merge(PUNCT_TEXT);
const CURRENCY = merge(CURRENCY_TEXT);
const UNITS = split(UNITS_TEXT).map(escapeLiteral).join("|");
const HYPHENS = split(HYPHENS_TEXT).map(escapeLiteral).join("|");
/** Quotes as one character-class body (spaCy's CONCAT_QUOTES). */
const CONCAT_QUOTES = group(QUOTES_TEXT).replace(/[\\\][^-]/g, "\\$&");

const PREFIXES = [
  "§",
  "%",
  "=",
  "—",
  "–",
  String.raw`\+(?![0-9])`,
  ...LIST_PUNCT,
  ...LIST_ELLIPSES,
  ...LIST_QUOTES,
  ...LIST_CURRENCY,
  ...LIST_ICONS,
];

const SUFFIXES = [
  ...LIST_PUNCT,
  ...LIST_ELLIPSES,
  ...LIST_QUOTES,
  ...LIST_ICONS,
  "'s",
  "'S",
  "’s",
  "’S",
  "—",
  "–",
  String.raw`(?<=[0-9])\+`,
  String.raw`(?<=°[FfCcKk])\.`,
  String.raw`(?<=[0-9])(?:${CURRENCY})`,
  String.raw`(?<=[0-9])(?:${UNITS})`,
  // spaCy formats PUNCT (an alternation) and "(?:" into this character class: the class holds those characters literally.
  String.raw`(?<=[0-9${ALPHA_LOWER}%²\-\+${PUNCT}(?:${CONCAT_QUOTES})])\.`,
  String.raw`(?<=[${ALPHA_UPPER}][${ALPHA_UPPER}])\.`,
];

const INFIXES = [
  ...LIST_ELLIPSES,
  ...LIST_ICONS,
  String.raw`(?<=[0-9])[+\-\*^](?=[0-9\-])`,
  String.raw`(?<=[${ALPHA_LOWER}${CONCAT_QUOTES}])\.(?=[${ALPHA_UPPER}${CONCAT_QUOTES}])`,
  String.raw`(?<=[${ALPHA}]),(?=[${ALPHA}])`,
  String.raw`(?<=[${ALPHA}0-9])(?:${HYPHENS})(?=[${ALPHA}])`,
  String.raw`(?<=[${ALPHA}0-9])[:<>=\/](?=[${ALPHA}])`,
];

export const PREFIX_SEARCH = new RegExp(PREFIXES.map((piece) => `^(?:${piece})`).join("|"), "u");
export const SUFFIX_SEARCH = new RegExp(SUFFIXES.map((piece) => `(?:${piece})$`).join("|"), "u");
export const INFIX_FINDER = new RegExp(INFIXES.join("|"), "gu");

/** Python's `\w` (letters, digits, underscore in any script) and `\S`. */
const WORD = String.raw`\p{L}\p{N}\p{M}_`;
const NOT_SPACE = String.raw`[^\s]`;

/** spaCy's URL_MATCH (Diego Perini's URL expression with spaCy's changes). */
export const URL_MATCH = new RegExp(
  "^" +
    String.raw`(?:(?:[${WORD}+\-.]{2,}):\/\/)?` +
    String.raw`(?:${NOT_SPACE}+(?::${NOT_SPACE}*)?@)?` +
    "(?:" +
    String.raw`(?!(?:10|127)(?:\.\d{1,3}){3})` +
    String.raw`(?!(?:169\.254|192\.168)(?:\.\d{1,3}){2})` +
    String.raw`(?!172\.(?:1[6-9]|2\d|3[0-1])(?:\.\d{1,3}){2})` +
    String.raw`(?:[1-9]\d?|1\d\d|2[01]\d|22[0-3])` +
    String.raw`(?:\.(?:1?\d{1,2}|2[0-4]\d|25[0-5])){2}` +
    String.raw`(?:\.(?:[1-9]\d?|1\d\d|2[0-4]\d|25[0-4]))` +
    "|" +
    String.raw`(?:(?:[A-Za-z0-9\u00a1-\uffff][A-Za-z0-9\u00a1-\uffff_\-]{0,62})?[A-Za-z0-9\u00a1-\uffff]\.)+` +
    `(?:[${ALPHA_LOWER}]{2,63})` +
    ")" +
    String.raw`(?::\d{2,5})?` +
    String.raw`(?:[\/?#]${NOT_SPACE}*)?` +
    "$",
  "u",
);
