#!/usr/bin/env python3
"""check_counts.py - are nqp's counts on the benchmark corpus the planted ones? (Python 3 standard library only)

  check_counts.py EXPECTED.csv HITS.csv COUNTS.csv

EXPECTED.csv: gen_corpus.py's expected.csv (file,bytes,<keyword>...): planted mentions under nqp's text rules,
  leftmost-longest, NEGATED MENTIONS INCLUDED (they are mentions; whether they count is a counting option).
HITS.csv: `nqp count --kwic 0 --format csv` (one row per hit: ...,keyword,category,status,...); status counted,
  negated or excluded.
COUNTS.csv: `nqp count --format csv` (file,firm,year,dictionary,category,count,chars) - the timed output.

Checks (exit 1 when one fails):
  1. per file and keyword, counted + negated + excluded hits == expected (every one of the 64 x 90 cells);
  2. per file and category, the timed run's `count` == the counted hits of the --kwic run (same counting path).
Prints totals and, for the first differences, file, keyword, expected and found.
"""
import collections
import csv
import sys


def base(path):
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    expected_path, hits_path, counts_path = sys.argv[1:]
    with open(expected_path, encoding="utf-8", newline="") as fh:
        rows = csv.reader(fh)
        header = next(rows)
        keywords = header[2:]
        expected = {row[0]: dict(zip(keywords, map(int, row[2:]))) for row in rows}

    found = collections.defaultdict(collections.Counter)
    status = collections.Counter()
    counted_by_category = collections.defaultdict(collections.Counter)
    with open(hits_path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            f = base(row["file"])
            found[f][row["keyword"]] += 1
            status[row["status"]] += 1
            if row["status"] == "counted":
                counted_by_category[f][row["category"]] += 1

    ok = True
    cells = [(f, k, expected[f][k], found[f][k]) for f in sorted(expected) for k in keywords]
    diffs = [c for c in cells if c[2] != c[3]]
    unknown = sorted(set(found) - set(expected))
    print("planted mentions %d, nqp hits %d (%s); cells %d, differing %d%s" % (
        sum(c[2] for c in cells), sum(sum(v.values()) for v in found.values()),
        ", ".join("%s %d" % kv for kv in sorted(status.items())), len(cells), len(diffs),
        "; files not in expected.csv: %s" % unknown[:5] if unknown else ""))
    for f, k, e, g in diffs[:20]:
        print("  %s  %s: expected %d, nqp %d" % (f, k, e, g))
    ok = ok and not diffs and not unknown

    mismatched = 0
    total = 0
    with open(counts_path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            n = int(row["count"])
            total += n
            if n != counted_by_category[base(row["file"])][row["category"]]:
                mismatched += 1
                if mismatched <= 10:
                    print("  %s  category %s: count %d, counted hits %d" % (
                        base(row["file"]), row["category"], n, counted_by_category[base(row["file"])][row["category"]]))
    print("timed output: %d counted (negated mentions not counted), %d file-category rows differ from the hits" % (
        total, mismatched))
    ok = ok and mismatched == 0
    print("counts check: %s" % ("OK" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
