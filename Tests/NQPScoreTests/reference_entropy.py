#!/usr/bin/env python3
"""Independent reference for NQPScore's tests (run by the Swift tests when python3 + numpy exist).

  reference_entropy.py score < request.json   -> JSON weights and scores
  reference_entropy.py xlsx FILE.xlsx         -> first sheet as CSV (stdlib zipfile + xml.etree only)

request.json: {"rows": [[x_ij ...] ...], "years": [...], "negative": [bool ...], "shift": 0.0001,
               "weighting": "pooled" | "by_year"}
Method: min-max per indicator over the weighting group (positive (x-min)/(max-min), negative (max-x)/(max-min)),
+ shift, p = x'/sum x', e = -sum p ln p / ln N (0 ln 0 = 0), d = 1 - e, w = d / sum d, score = sum_j w_j x'_ij.
"""
import csv
import json
import sys
import xml.etree.ElementTree as ET
import zipfile


def entropy_group(x, negative, shift):
    import numpy as np
    lo = x.min(axis=0)
    hi = x.max(axis=0)
    z = np.where(negative, (hi - x) / (hi - lo), (x - lo) / (hi - lo)) + shift
    p = z / z.sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        plogp = np.where(p > 0, p * np.log(p), 0.0)
    e = -plogp.sum(axis=0) / np.log(x.shape[0])
    d = 1.0 - e
    w = d / d.sum()
    return e, w, z @ w


def score(request):
    import numpy as np
    x = np.array(request["rows"], dtype=float)
    years = np.array(request["years"])
    negative = np.array(request["negative"], dtype=bool)
    shift = float(request["shift"])
    scores = np.full(x.shape[0], np.nan)
    groups = []
    if request["weighting"] == "pooled":
        selections = [(None, np.arange(x.shape[0]))]
    else:
        selections = [(int(y), np.nonzero(years == y)[0]) for y in sorted(set(years.tolist()))]
    for year, rows in selections:
        e, w, s = entropy_group(x[rows], negative, shift)
        scores[rows] = s
        groups.append({"year": year, "n": int(len(rows)), "e": e.tolist(), "w": w.tolist()})
    return {"groups": groups, "scores": scores.tolist()}


def xlsx_to_csv(path, out):
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    with zipfile.ZipFile(path) as z:
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            root = ET.fromstring(z.read("xl/sharedStrings.xml"))
            for si in root.findall("m:si", ns):
                shared.append("".join(t.text or "" for t in si.iter("{%s}t" % ns["m"])))
        sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    writer = csv.writer(out, lineterminator="\n")
    for row in sheet.find("m:sheetData", ns).findall("m:row", ns):
        cells = {}
        for c in row.findall("m:c", ns):
            ref = c.get("r")
            col = 0
            for ch in ref:
                if ch.isalpha():
                    col = col * 26 + (ord(ch.upper()) - 64)
            v = c.find("m:v", ns)
            text = v.text if v is not None and v.text is not None else ""
            if c.get("t") == "s" and text:
                text = shared[int(text)]
            elif c.get("t") == "inlineStr":
                text = "".join(t.text or "" for t in c.iter("{%s}t" % ns["m"]))
            cells[col] = text
        width = max(cells) if cells else 0
        writer.writerow([cells.get(i, "") for i in range(1, width + 1)])


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "score":
        json.dump(score(json.load(sys.stdin)), sys.stdout)
    elif len(sys.argv) == 3 and sys.argv[1] == "xlsx":
        xlsx_to_csv(sys.argv[2], sys.stdout)
    else:
        sys.exit(__doc__)
