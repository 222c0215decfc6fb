#!/usr/bin/env python3
"""pdf_peers.py - the Python peers of the PDF benchmark: extract each PDF's text and count the keywords, as an
economist's script does (page by page, then `text.count(keyword)` per keyword).

  pdf_peers.py BASELINE KEYWORDS.txt FILE.pdf... > counts.csv

BASELINE: `pdfplumber` (`page.extract_text()`, the literature's usual converter) or `pymupdf`
(`page.get_text()`). KEYWORDS.txt: keyword TAB category (gen_pdf_corpus.py writes it). Output: file,keyword,count
for every non-zero count. These are peer semantics (no line joining, running headers kept, every keyword counted
on its own), so their counts differ from nqp's; the benchmark compares speed and checks nqp's counts only.
"""
import csv
import os
import sys


def texts_pdfplumber(path):
    import pdfplumber
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def texts_pymupdf(path):
    import pymupdf
    with pymupdf.open(path) as doc:
        return "\n".join(page.get_text() for page in doc)


def main():
    if len(sys.argv) < 4 or sys.argv[1] not in ("pdfplumber", "pymupdf"):
        sys.exit(__doc__)
    extract = {"pdfplumber": texts_pdfplumber, "pymupdf": texts_pymupdf}[sys.argv[1]]
    with open(sys.argv[2], encoding="utf-8") as fh:
        keywords = [line.split("\t")[0] for line in fh if line.strip()]
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["file", "keyword", "count"])
    for path in sys.argv[3:]:
        text = extract(path)
        for k in keywords:
            n = text.count(k)
            if n:
                out.writerow([os.path.basename(path), k, n])


if __name__ == "__main__":
    main()
