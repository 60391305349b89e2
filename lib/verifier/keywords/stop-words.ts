import { eng } from "stopword";
import { SPACY_ENGLISH_STOP_WORDS } from "@/lib/verifier/keywords/spacy-english-stop-words";

/** Which English stop list removes words from labels: the `stopword` package's, or spaCy's. */
export const STOP_WORD_LISTS = ["stopword-en", "spacy-en"] as const;
export type StopWordList = (typeof STOP_WORD_LISTS)[number];

const lists: Record<StopWordList, ReadonlySet<string>> = {
  "stopword-en": new Set(eng.map((word) => word.toLowerCase())),
  "spacy-en": new Set(SPACY_ENGLISH_STOP_WORDS),
};

export function stopWordSet(list: StopWordList): ReadonlySet<string> {
  return lists[list];
}
