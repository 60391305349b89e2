import { SPACY_ENGLISH_STOP_WORDS } from "@/lib/verifier/keywords/spacy-english-stop-words";
import { INFIX_FINDER, PREFIX_SEARCH, SUFFIX_SEARCH, URL_MATCH } from "@/lib/verifier/spacy/affix-rules";
import { ENGLISH_SPECIAL_CASES } from "@/lib/verifier/spacy/english-exceptions";

/** A JavaScript `u`-mode expression in Python `re` syntax (only the constructs the tokenizer uses). */
function toPython(source: string): string {
  return source
    .replace(/\\u\{([0-9A-Fa-f]+)\}/g, (_, hex: string) => `\\U${hex.padStart(8, "0")}`)
    .replaceAll(String.raw`\p{L}\p{N}\p{M}_`, String.raw`\w`);
}

/** The tokenizer's rules and the stop words, for the Python baseline (word_matching.py). */
export function pythonTokenizerSpec(): string {
  return JSON.stringify({
    prefix: toPython(PREFIX_SEARCH.source),
    suffix: toPython(SUFFIX_SEARCH.source),
    infix: toPython(INFIX_FINDER.source),
    url: toPython(URL_MATCH.source),
    special: Object.fromEntries(ENGLISH_SPECIAL_CASES),
    stop: SPACY_ENGLISH_STOP_WORDS,
  });
}
