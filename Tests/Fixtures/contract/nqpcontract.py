#!/usr/bin/env python3
"""nqpcontract.py - nqp's text contract, for the Python generators of test and benchmark data (standard library).

How nqp turns a report's layout text into match text and counts keywords in it (README "Reading reports", match
text, and "Counting"), written once for samples/generate_samples.py, Benchmarks/gen_corpus.py and
Benchmarks/gen_pdf_corpus.py, so that what they plant is what nqp counts:

- match text: NFKC, then each whitespace run is removed next to a CJK character or at either end of the text, and
  otherwise becomes one space (`match_text`, `is_cjk`, `is_whitespace`);
- word characters: ASCII letters and digits (`is_word_char`). A keyword that starts (ends) with one matches only
  where the character before (after) it is not one; a line break between two of them becomes a space, so a
  generator that wraps lines must not cut there (`splits_word`, `word_safe_cut`);
- counting: leftmost-longest (`mode: longest`) or each keyword on its own (`mode: independent`), ASCII letters
  case-insensitive unless the dictionary is case-sensitive (`longest_hits`, `longest_counts`,
  `independent_counts`);
- dictionaries: the `categories:` of an nqp dictionary file, e.g. dictionaries/digital_transformation.zh.yml
  (`load_dictionary`).

Tests/NQPPipelineTests/TextContractTests.swift runs `python3 nqpcontract.py cases` and checks that nqp's match text
and hits equal this module's on the generated strings, so the generators cannot drift from nqp.

    python3 nqpcontract.py check            # the worked examples of README, exit 0 when all hold
    python3 nqpcontract.py cases [N] [SEED] # N random cases as JSON: layout, keywords, match text, hits
"""
import json
import os
import random
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
WU_DICTIONARY = os.path.join(ROOT, "dictionaries", "digital_transformation.zh.yml")

# Unicode White_Space, as nqp's match-text rule uses it (Python's str.isspace also takes U+001C-U+001F).
WHITESPACE = ("\t\n\x0b\x0c\r \x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B)))
              + "\u2028\u2029\u202f\u205f\u3000")
_WHITESPACE_RUN = re.compile("[%s]+" % re.escape(WHITESPACE))
_ASCII_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}


def is_cjk(ch):
    """CJK for the whitespace rule: Han ideographs (extensions and compatibility ideographs included), CJK symbols
    and punctuation U+3000-U+303F, half- and full-width forms U+FF00-U+FFEF."""
    o = ord(ch)
    return (0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x3FFFF
            or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF)


def is_whitespace(ch):
    return ch in WHITESPACE


def is_word_char(ch):
    """An ASCII letter or digit: the characters of the boundary rule."""
    return "0" <= ch <= "9" or "A" <= ch <= "Z" or "a" <= ch <= "z"


def nfkc(text):
    return unicodedata.normalize("NFKC", text)


def match_text(layout):
    """The match text of `layout` (README "Match text")."""
    t = nfkc(layout)

    def space(m):
        a, b = m.start(), m.end()
        return "" if a == 0 or b == len(t) or is_cjk(t[a - 1]) or is_cjk(t[b]) else " "
    return _WHITESPACE_RUN.sub(space, t)


def fullwidth(text):
    """`text` with its ASCII characters `!`-`~` written as their full-width forms U+FF01-U+FF5E (`Ｂ２Ｂ`), which
    NFKC maps back: a planted full-width keyword is a mention of the keyword."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def _word_form(ch):
    n = nfkc(ch)
    return n.isascii() and n.isalnum()


def splits_word(before, after):
    """Whether a line break between the characters `before` and `after` would split an ASCII word: both are
    letters or digits after NFKC (full-width `Ｂ２Ｂ` included), so the break would become a space."""
    return _word_form(before) and _word_form(after)


def word_safe_cut(text, cut, lowest):
    """`cut` moved left (not below `lowest`) until a line break there splits no ASCII word."""
    while lowest < cut < len(text) and splits_word(text[cut - 1], text[cut]):
        cut -= 1
    return cut


def _fold(text, case_sensitive):
    return text if case_sensitive else text.translate(_ASCII_LOWER)


def _boundary_holds(folded, start, end, keyword):
    if is_word_char(keyword[0]) and start > 0 and is_word_char(folded[start - 1]):
        return False
    return not (is_word_char(keyword[-1]) and end < len(folded) and is_word_char(folded[end]))


def longest_hits(text, keywords, case_sensitive=False):
    """`mode: longest`: at each position the longest keyword that starts there and satisfies the boundary rule,
    then on after it; else one character on. Returns [(start, keyword)] in text order."""
    folded = _fold(text, case_sensitive)
    by_first = {}
    for k in keywords:
        by_first.setdefault(_fold(k, case_sensitive)[0], []).append((_fold(k, case_sensitive), k))
    for v in by_first.values():
        v.sort(key=lambda pair: len(pair[0]), reverse=True)
    hits, i, n = [], 0, len(folded)
    while i < n:
        for pattern, k in by_first.get(folded[i], ()):
            if folded.startswith(pattern, i) and _boundary_holds(folded, i, i + len(pattern), k):
                hits.append((i, k))
                i += len(pattern)
                break
        else:
            i += 1
    return hits


def longest_counts(text, keywords, case_sensitive=False):
    """Hits per keyword under `mode: longest`, every keyword present (0 when absent)."""
    counts = dict.fromkeys(keywords, 0)
    for _, k in longest_hits(text, keywords, case_sensitive):
        counts[k] += 1
    return counts


def independent_counts(text, keywords, case_sensitive=False):
    """`mode: independent`: each keyword on its own, non-overlapping occurrences leftmost first, boundary rule."""
    folded = _fold(text, case_sensitive)
    counts = {}
    for k in keywords:
        pattern, n, i = _fold(k, case_sensitive), 0, 0
        while True:
            i = folded.find(pattern, i)
            if i < 0:
                break
            if _boundary_holds(folded, i, i + len(pattern), k):
                n += 1
                i += len(pattern)
            else:
                i += 1
        counts[k] = n
    return counts


def load_dictionary(path=WU_DICTIONARY):
    """(keyword, category) pairs of an nqp dictionary file, in file order (the `keywords: [...]` lists under
    `categories:`)."""
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    pairs = []
    for category, body in re.findall(r"\n  (\S+):\n(.*?)(?=\n  \S+:\n|\Z)", text.split("\ncategories:", 1)[1], re.S):
        found = re.search(r"keywords:\s*\[(.*?)\]", body, re.S)
        if found:
            pairs += [(k.strip(), category) for k in found.group(1).split(",") if k.strip()]
    return pairs


# ------------------------------------------------------------------------------------------------ self-check

def check():
    """README's worked examples; raises AssertionError on the first that fails."""
    assert match_text("年度报\n告") == "年度报告"
    assert match_text("EB 级存储") == "EB级存储"
    assert match_text("  big\u00a0\n data  ") == "big data"
    assert match_text("Ｂ２Ｂ平台") == "B2B平台"
    assert longest_counts("移动互联网", ["移动互联", "移动互联网"]) == {"移动互联": 0, "移动互联网": 1}
    assert independent_counts("移动互联网", ["移动互联", "移动互联网"]) == {"移动互联": 1, "移动互联网": 1}
    assert longest_hits("SAID", ["AI"]) == [] and longest_hits("B2B2C", ["B2B"]) == []
    assert longest_hits("use ai.", ["AI"]) == [(4, "AI")] and longest_hits("use ai.", ["AI"], True) == []
    assert longest_hits("做B2B业务", ["B2B"]) == [(1, "B2B")]
    assert fullwidth("B2B") == "Ｂ２Ｂ" and match_text(fullwidth("NFC支付")) == "NFC支付"
    assert splits_word("Ｂ", "2") and not splits_word("B", "业")
    assert word_safe_cut("abc Fintech", 7, 1) == 4
    assert dict(load_dictionary())["Fintech"] == "数字技术运用" and len(load_dictionary()) == 76


# Alphabet of the random cases: keyword pieces, CJK and ASCII neighbours, full-width forms, and whitespace of every
# kind nqp treats as White_Space (and U+001C, which Python's isspace takes and nqp does not).
CASE_KEYWORDS = ["人工智能", "智能", "移动互联", "移动互联网", "B2B", "AI", "Fintech", "EB级存储", "NFC支付", "e-commerce",
                 "big data", "5G"]
CASE_PIECES = CASE_KEYWORDS + ["人工", "互联", "网", "级", "存储", "B", "2", "C", "b2b", "ai", "FINTECH", "Ｂ２Ｂ", "ＡＩ",
                               "ｅ", "-", "x", "E", "B2", "公司", "，", "。", "、", "（", "）", "１", "Ｇ", "ﬁ", "①", "㎏",
                               "é", "e\u0301", "data", "big", "ＮＦＣ", "支付", "的"]
CASE_SPACES = [" ", "  ", "\n", "\r\n", "\t", "\u00a0", "\u3000", "\u2009", "\u202f", "\u0085", "\u001c", "\u000b"]


def cases(n, seed):
    """`n` random layouts with their match text and leftmost-longest hits (case-insensitive) on CASE_KEYWORDS."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(1, 14)):
            parts.append(rng.choice(CASE_SPACES) if rng.random() < 0.3 else rng.choice(CASE_PIECES))
        layout = "".join(parts)
        text = match_text(layout)
        out.append({"layout": layout, "match_text": text, "keywords": CASE_KEYWORDS,
                    "hits": [{"start": start, "keyword": k} for start, k in longest_hits(text, CASE_KEYWORDS)],
                    "independent": independent_counts(text, CASE_KEYWORDS)})
    return out


def main(argv):
    if argv[:1] == ["check"]:
        check()
        print("nqpcontract: README examples hold")
        return 0
    if argv[:1] == ["cases"]:
        n = int(argv[1]) if len(argv) > 1 else 500
        seed = int(argv[2]) if len(argv) > 2 else 20261205
        json.dump(cases(n, seed), sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
