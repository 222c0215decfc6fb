import Foundation
@testable import NQPTable

/// Scripts that read our files with the real readers and compare against what we wrote. Kept as Swift strings so
/// the test target needs no resources.
enum ReaderScripts {
    /// Writes `expected.json` (names, labels, kinds, storage types, strings, value labels) and `expected.bin`
    /// (the numeric columns in order, float64 little-endian, NaN = missing) into `folder`.
    static func writeExpectation(_ table: Table, types: [DTAStorageType], into folder: URL) throws {
        var columns: [[String: Any]] = []
        var binary = Data()
        for (column, type) in zip(table.columns, types) {
            var entry: [String: Any] = ["name": column.name, "label": StataName.truncatedLabel(column.label)]
            switch column.values {
            case .text(let values):
                entry["kind"] = "string"
                entry["values"] = values.map { $0 ?? "" }
            case .number(let values):
                entry["kind"] = "number"
                var raw = [UInt64]()
                raw.reserveCapacity(values.count)
                for v in values { raw.append((v.flatMap { $0.isFinite ? $0 : nil } ?? .nan).bitPattern.littleEndian) }
                raw.withUnsafeBytes { binary.append(contentsOf: $0) }
            }
            let readstatType: String
            switch type {
            case .byte: readstatType = "int8"
            case .int: readstatType = "int16"
            case .long: readstatType = "int32"
            case .float: readstatType = "float"
            case .double: readstatType = "double"
            case .str, .strL: readstatType = "string"
            }
            entry["type"] = readstatType
            entry["value_labels"] = Dictionary(uniqueKeysWithValues: column.valueLabels.map { (String($0.key), $0.value) })
            columns.append(entry)
        }
        let object: [String: Any] = ["label": StataName.truncatedLabel(table.label), "rows": table.rowCount,
                                     "columns": columns]
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            .write(to: folder.appendingPathComponent("expected.json"))
        try binary.write(to: folder.appendingPathComponent("expected.bin"))
    }

    /// argv: mode (pandas | pyreadstat | haven-dump) file expected.json [dump]
    /// Exits non-zero with a message naming reader, column and row on the first difference.
    static let checkDTA = #"""
import sys, json, math, os
import numpy as np
mode, path, folder = sys.argv[1], sys.argv[2], sys.argv[3]
exp = json.load(open(os.path.join(folder, "expected.json"), encoding="utf-8"))
expbin = np.fromfile(os.path.join(folder, "expected.bin"), dtype="<f8")
n = exp["rows"]
numeric = {}
k = 0
for col in exp["columns"]:
    if col["kind"] == "number":
        numeric[col["name"]] = expbin[k * n:(k + 1) * n]; k += 1
problems = []
def compare_column(reader, col, got):
    name = col["name"]
    if col["kind"] == "string":
        got = ["" if g is None or (isinstance(g, float) and math.isnan(g)) else g for g in got]
        if got != col["values"]:
            bad = next((i for i, (g, e) in enumerate(zip(got, col["values"])) if g != e), None)
            problems.append(f"{reader}: {name}: {len(got)} values; first difference at row {bad}")
    else:
        g = np.asarray(got, dtype="float64")
        e = numeric[name]
        if g.shape != e.shape:
            problems.append(f"{reader}: {name}: {g.shape[0]} rows, expected {e.shape[0]}"); return
        ok = (g.view("<u8") == e.view("<u8")) | (np.isnan(g) & np.isnan(e))
        if not ok.all():
            i = int(np.argmin(ok))
            problems.append(f"{reader}: {name} row {i}: {g[i]!r} != {e[i]!r} (bitwise)")
def labels_of(col):
    return {int(k): v for k, v in col["value_labels"].items()}
names = [c["name"] for c in exp["columns"]]

if mode == "pandas":
    import pandas as pd
    with pd.io.stata.StataReader(path) as r:
        df = r.read(convert_categoricals=False)
        vlabels = r.variable_labels(); vsets = r.value_labels(); data_label = r.data_label
    if list(df.columns) != names: problems.append(f"pandas names {list(df.columns)}")
    if data_label != exp["label"]: problems.append(f"pandas data label {data_label!r}")
    if len(df) != n: problems.append(f"pandas rows {len(df)}")
    for col in exp["columns"]:
        if col["name"] not in df.columns: continue
        s = df[col["name"]]
        compare_column("pandas", col, s.astype(object).tolist() if col["kind"] == "string" else s.to_numpy(dtype="float64", na_value=np.nan))
        if vlabels.get(col["name"], "") != col["label"]: problems.append(f"pandas label {col['name']}: {vlabels.get(col['name'])!r}")
        got = {int(k): v for k, v in vsets.get(col["name"], {}).items()}
        if got != labels_of(col): problems.append(f"pandas value labels {col['name']}: {got}")
elif mode == "pyreadstat":
    import pyreadstat
    df, meta = pyreadstat.read_dta(path)
    if list(df.columns) != names: problems.append(f"pyreadstat names {list(df.columns)}")
    if (meta.file_label or "") != exp["label"]: problems.append(f"pyreadstat file label {meta.file_label!r}")
    if len(df) != n: problems.append(f"pyreadstat rows {len(df)}")
    for i, col in enumerate(exp["columns"]):
        if col["name"] not in df.columns: continue
        s = df[col["name"]]
        compare_column("pyreadstat", col, s.astype(object).tolist() if col["kind"] == "string" else s.to_numpy(dtype="float64", na_value=np.nan))
        if (meta.column_labels[i] or "") != col["label"]: problems.append(f"pyreadstat label {col['name']}: {meta.column_labels[i]!r}")
        t = meta.readstat_variable_types[col["name"]]
        if t != col["type"]: problems.append(f"pyreadstat type {col['name']}: {t} != {col['type']}")
        got = {int(k): v for k, v in meta.variable_value_labels.get(col["name"], {}).items()}
        if got != labels_of(col): problems.append(f"pyreadstat value labels {col['name']}: {got}")
elif mode == "haven-dump":
    # The R side dumped what haven read: tab-separated lines with every text hex-encoded, numbers in dump.bin.
    lines = open(path + ".dump.txt", encoding="utf-8").read().split("\n")
    rbin = np.fromfile(path + ".dump.bin", dtype="<f8")
    rstr = open(path + ".dump.str", "rb").read().split(b"\0")
    soffset = 0
    h = lambda s: bytes.fromhex(s).decode("utf-8") if s not in ("-", "NA") else ""
    cols = {}; order = []; cur = None; data_label = ""; offset = 0
    for line in lines:
        if not line: continue
        parts = line.split("\t")
        if parts[0] == "DATALABEL": data_label = h(parts[1])
        elif parts[0] == "COL":
            cur = {"name": h(parts[1]), "label": h(parts[2]), "kind": parts[3], "labels": {}}
            cols[cur["name"]] = cur; order.append(cur["name"])
            if cur["kind"] == "dbl":
                cur["values"] = rbin[offset:offset + n]; offset += n
            else:
                cur["values"] = [None if v == b"\x01NA" else v.decode("utf-8") for v in rstr[soffset:soffset + n]]; soffset += n
        elif parts[0] == "LAB": cur["labels"][int(float.fromhex(parts[1]))] = h(parts[2])
    if order != names: problems.append(f"haven names {order}")
    if data_label != exp["label"]: problems.append(f"haven data label {data_label!r}")
    for col in exp["columns"]:
        got = cols.get(col["name"])
        if got is None: continue
        if (got["kind"] == "chr") != (col["kind"] == "string"): problems.append(f"haven kind {col['name']}: {got['kind']}"); continue
        compare_column("haven", col, got["values"])
        if got["label"] != col["label"]: problems.append(f"haven label {col['name']}: {got['label']!r}")
        if got["labels"] != labels_of(col): problems.append(f"haven value labels {col['name']}: {got['labels']}")
elif mode == "readstat-csv":
    # `readstat file.dta -` prints doubles with %f (6 decimals), so numbers are compared to that precision
    # (pyreadstat, built on the same ReadStat library, checks them bitwise); strings and integers exactly.
    import pandas as pd
    kinds = {c["name"]: (str if c["kind"] == "string" else "float64") for c in exp["columns"]}
    df = pd.read_csv(path + ".readstat.csv", dtype=kinds, keep_default_na=False, na_values={k: [""] for k, v in kinds.items() if v != str}, encoding="utf-8")
    if list(df.columns) != names: problems.append(f"readstat names {list(df.columns)}")
    if len(df) != n: problems.append(f"readstat rows {len(df)}")
    for col in exp["columns"]:
        if col["name"] not in df.columns: continue
        if col["kind"] == "string":
            compare_column("readstat", col, df[col["name"]].tolist())
        else:
            g = df[col["name"]].to_numpy(dtype="float64"); e = numeric[col["name"]]
            ok = (np.isnan(g) & np.isnan(e)) | (np.abs(g - e) <= 5e-7 + np.abs(e) * 1e-15)
            if not ok.all():
                i = int(np.argmin(ok)); problems.append(f"readstat {col['name']} row {i}: {g[i]!r} != {e[i]!r}")
if problems:
    print("\n".join(problems[:20])); sys.exit(1)
print("ok")
"""#

    /// argv: file.dta — writes file.dta.dump.txt (names and labels hex-encoded, one line each),
    /// file.dta.dump.bin (numeric columns as float64, NA = NaN) and file.dta.dump.str (text columns as
    /// NUL-terminated UTF-8, NA as \u0001NA) with what haven read. Vectorised: 100,000 rows take a second.
    static let havenDump = #"""
args <- commandArgs(trailingOnly = TRUE)
d <- haven::read_dta(args[1])
hex <- function(s) vapply(s, function(x) if (is.na(x)) "NA" else if (nchar(x, type = "bytes") == 0) "-" else paste(as.character(charToRaw(enc2utf8(x))), collapse = ""), "", USE.NAMES = FALSE)
out <- file(paste0(args[1], ".dump.txt"), open = "w", encoding = "UTF-8")
bin <- file(paste0(args[1], ".dump.bin"), open = "wb")
str <- file(paste0(args[1], ".dump.str"), open = "wb")
dl <- attr(d, "label"); if (is.null(dl)) dl <- ""
writeLines(paste0("DATALABEL\t", hex(dl)), out)
for (name in names(d)) {
  x <- d[[name]]
  lab <- attr(x, "label"); if (is.null(lab)) lab <- ""
  kind <- if (is.character(x)) "chr" else "dbl"
  writeLines(paste("COL", hex(name), hex(lab), kind, sep = "\t"), out)
  vl <- attr(x, "labels")
  if (!is.null(vl)) for (k in seq_along(vl)) writeLines(paste("LAB", sprintf("%a", as.numeric(vl[[k]])), hex(names(vl)[k]), sep = "\t"), out)
  if (kind == "chr") { if (length(x) > 0) writeBin(enc2utf8(ifelse(is.na(x), "\001NA", x)), str, useBytes = TRUE) } else writeBin(as.numeric(unclass(x)), bin, size = 8, endian = "little")
}
close(out); close(bin); close(str)
"""#
}
