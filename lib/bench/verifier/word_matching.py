"""The released keyword rule in Python, as the speed baseline of `npm run bench:verifier`.

videostar/verifier.py `Verifier.word_matching`: spaCy-style tokens (the English tokenizer's
prefix, suffix and infix expressions, URL match and special cases, with spaCy's per-span cache),
keywords = lower-cased tokens that are not stop words and are longer than 2 characters, and
fuzzywuzzy's fuzz.ratio (python-Levenshtein's C ratio) > 85 for every label keyword. The rules
come from the TypeScript tokenizer (a JSON spec written by the benchmark), so both sides tokenise
alike. Usage: python3 word_matching.py SPEC.json INPUT.jsonl > OUTPUT (one "id<TAB>verdict" a line).
"""
import json
import re
import sys

from fuzzywuzzy import fuzz

spec = json.load(open(sys.argv[1], encoding="utf8"))
prefix_search = re.compile(spec["prefix"]).search
suffix_search = re.compile(spec["suffix"]).search
infix_finditer = re.compile(spec["infix"]).finditer
url_match = re.compile(spec["url"]).match
specials = spec["special"]
stop_words = frozenset(spec["stop"])
spaces = re.compile(r"\S+|\s+")
cache = {}


def split_affixes(string, prefixes, suffixes):
    last_size = -1
    while string and len(string) != last_size:
        if string in specials:
            break
        last_size = len(string)
        match = prefix_search(string)
        pre_len = match.end() - match.start() if match else 0
        if pre_len:
            minus_pre = string[pre_len:]
            if minus_pre and minus_pre in specials:
                prefixes.append(string[:pre_len])
                string = minus_pre
                break
        match = suffix_search(string[pre_len:])
        suf_len = match.end() - match.start() if match else 0
        if suf_len:
            minus_suf = string[:-suf_len]
            if minus_suf and minus_suf in specials:
                suffixes.append(string[-suf_len:])
                string = minus_suf
                break
        if pre_len and suf_len and pre_len + suf_len <= len(string):
            prefixes.append(string[:pre_len])
            suffixes.append(string[-suf_len:])
            string = string[pre_len:-suf_len]
        elif pre_len:
            prefixes.append(string[:pre_len])
            string = string[pre_len:]
        elif suf_len:
            suffixes.append(string[-suf_len:])
            string = string[:-suf_len]
        if string and string in specials:
            break
    return string


def tokenize_span(span):
    tokens = cache.get(span)
    if tokens is not None:
        return tokens
    if span in specials:
        tokens = list(specials[span])
    else:
        prefixes, suffixes = [], []
        string = split_affixes(span, prefixes, suffixes)
        tokens = list(prefixes)
        if string:
            if string in specials:
                tokens.extend(specials[string])
            elif url_match(string):
                tokens.append(string)
            else:
                start = 0
                for match in infix_finditer(string):
                    if match.start() == 0:
                        continue
                    if match.start() != start:
                        tokens.append(string[start : match.start()])
                    if match.start() != match.end():
                        tokens.append(match.group())
                    start = match.end()
                if start < len(string):
                    tokens.append(string[start:])
        tokens.extend(reversed(suffixes))
    cache[span] = tokens
    return tokens


def tokenize(text):
    out = []
    after_token = False
    for run in spaces.findall(text):
        if run[0].isspace():
            if after_token and run[0] == " ":
                run = run[1:]
            if run:
                out.extend(tokenize_span(run))
            after_token = False
        else:
            out.extend(tokenize_span(run))
            after_token = True
    return out


def remove_stopwords(text):
    return {token.lower() for token in tokenize(text) if token.lower() not in stop_words and len(token) > 2}


def word_matching(data, words_cls, threshold=85):
    words_cls = remove_stopwords(words_cls)
    words_pred = remove_stopwords(data)
    for word_cls in words_cls:
        if not max([fuzz.ratio(word_cls, word_pred) for word_pred in words_pred]) > threshold:
            return False
    return True


out = sys.stdout
with open(sys.argv[2], encoding="utf8") as lines:
    for line in lines:
        item = json.loads(line)
        try:
            verdict = "passed" if word_matching(item["answer"], item["label"]) else "failed"
        except ValueError:
            verdict = "dropped"
        out.write(f"{item['id']}\t{verdict}\n")
