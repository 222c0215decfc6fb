#!/usr/bin/env bash
# Benchmarks/run_pdf.sh - one command for the PDF benchmark: build nqp in release mode, install the peers'
# packages, generate the PDF corpus if missing, then time, in the same run and interleaved (run i of every
# program before run i+1 of any):
#   nqp count --jobs 1 and --jobs 2 (extract + count, whole process)
#   PyMuPDF (page.get_text() + str.count per keyword), `mutool draw -F txt` (text only, no counting),
#   and pdfplumber (page.extract_text() + str.count) on the first files in name order that hold PLUMBER_PAGES
#   pages (it reads tens of pages per second);
# then one nqp --jobs 1 run over the first SMALL_FILES files (memory flat in the number of PDFs), the count check
# (nqp's hits vs the planted counts) and the table (Benchmarks/report_pdf.py). Settings from the environment:
#   RUNS=3            runs of nqp, PyMuPDF and mutool;  SLOW_RUNS=1  runs of pdfplumber
#   PLUMBER_PAGES=400 pages pdfplumber reads (whole files);  SMALL_FILES=25  files of the memory comparison run
#   N=100             PDFs in the corpus (gen_pdf_corpus.py --n);  CORPUS=Benchmarks/corpus/pdf
#   BUILD=1           0 skips `swift build -c release` (common.sh);  INSTALL=1  0 skips `pip install`
#   DICT              dictionary nqp counts with (default: dictionaries/digital_transformation.zh.yml)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
source "$HERE/common.sh"
CORPUS="$(realpath -m "${CORPUS:-$HERE/corpus/pdf}")"
DOCS="$CORPUS/docs"
DICT="$(realpath -m "${DICT:-$ROOT/dictionaries/digital_transformation.zh.yml}")"
RUNS="${RUNS:-3}"
SLOW_RUNS="${SLOW_RUNS:-1}"
PLUMBER_PAGES="${PLUMBER_PAGES:-400}"
SMALL_FILES="${SMALL_FILES:-25}"
N="${N:-100}"
INSTALL="${INSTALL:-1}"
MUTOOL="${MUTOOL:-mutool}"

enter_output_folder "$HERE/out/pdf"
build_nqp
command -v "$MUTOOL" >/dev/null || { echo "error: mutool not found (apt-get install mupdf-tools)" >&2; exit 1; }
if [ "$INSTALL" = 1 ] && ! "$PYTHON" -c 'import fpdf, pdfplumber, pymupdf' 2>/dev/null; then
  echo "== installing the generator's and the peers' packages (pip install -q fpdf2 pdfplumber PyMuPDF)" >&2
  "$PYTHON" -m pip install -q fpdf2 pdfplumber PyMuPDF >&2
fi

if [ ! -f "$CORPUS/manifest.json" ] || [ "$("$PYTHON" -c 'import json,sys; print(json.load(open(sys.argv[1]))["n"])' "$CORPUS/manifest.json")" != "$N" ]; then
  echo "== generating $N PDFs into $CORPUS (about 1.5 s per report)" >&2
  rm -rf "$CORPUS"
  "$PYTHON" "$HERE/gen_pdf_corpus.py" "$CORPUS" --n "$N" 2>"$OUT/gen.log"
  tail -n 1 "$OUT/gen.log" >&2
fi

# Files in name order, and the pages/bytes of the first K of them (from the generator's manifest).
mapfile -t FILES < <(cd "$DOCS" && ls | LC_ALL=C sort)
FILES=("${FILES[@]/#/$DOCS/}")
sizes() { # K -> "pages bytes files" of the first K files in name order
  "$PYTHON" - "$CORPUS/manifest.json" "$1" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
files = sorted(m["files"], key=lambda f: f["file"].encode())[:int(sys.argv[2])]
print(sum(f["pages"] for f in files), sum(f["bytes"] for f in files), len(files))
PY
}
read -r PAGES BYTES COUNT < <(sizes "${#FILES[@]}")
PLUMBER_FILES="$("$PYTHON" - "$CORPUS/manifest.json" "$PLUMBER_PAGES" <<'PY'
import json, sys
files = sorted(json.load(open(sys.argv[1]))["files"], key=lambda f: f["file"].encode())
total = 0
for n, f in enumerate(files, 1):
    total += f["pages"]
    if total >= int(sys.argv[2]):
        break
print(n)
PY
)"
read -r PL_PAGES PL_BYTES PL_COUNT < <(sizes "$PLUMBER_FILES")
read -r SM_PAGES SM_BYTES SM_COUNT < <(sizes "$SMALL_FILES")
echo "== corpus: $COUNT PDFs, $PAGES pages, $BYTES bytes; dictionary $DICT" >&2
echo "== load: $(uptime)" >&2
"$NQP" --version >&2 || true
echo "== versions: $("$PYTHON" -c 'import pymupdf, pdfplumber; print("PyMuPDF", pymupdf.VersionBind, "(MuPDF", pymupdf.VersionFitz + "), pdfplumber", pdfplumber.__version__)') ; $("$MUTOOL" -v 2>&1 | head -n 1)" >&2

measure() { # LABEL RUN PAGES BYTES FILES STDOUT -- COMMAND...
  "$PYTHON" "$HERE/report_pdf.py" measure "$RESULTS" "$@" || true
}
nqp_run() { # LABEL RUN JOBS FILES...
  local label="$1" run="$2" jobs="$3"; shift 3
  measure "$label" "$run" "$PAGES" "$BYTES" "$COUNT" "$OUT/nqp_jobs$jobs.csv" -- \
    "$NQP" count --jobs "$jobs" --format csv --dictionary "$DICT" "$@"
}
MUTOOL_LOOP='m="$1"; shift; for f; do "$m" draw -q -F txt -o /dev/stdout "$f"; done'

for i in $(seq 1 "$RUNS"); do
  nqp_run "nqp --jobs 1" "$i" 1 "${FILES[@]}"
  measure "PyMuPDF" "$i" "$PAGES" "$BYTES" "$COUNT" "$OUT/peer_pymupdf.csv" -- \
    "$PYTHON" "$HERE/pdf_peers.py" pymupdf "$CORPUS/keywords.txt" "${FILES[@]}"
  measure "mutool draw -F txt" "$i" "$PAGES" "$BYTES" "$COUNT" "$OUT/peer_mutool.txt" -- \
    sh -c "$MUTOOL_LOOP" sh "$MUTOOL" "${FILES[@]}"
  nqp_run "nqp --jobs 2" "$i" 2 "${FILES[@]}"
done
for i in $(seq 1 "$SLOW_RUNS"); do
  measure "pdfplumber" "$i" "$PL_PAGES" "$PL_BYTES" "$PL_COUNT" "$OUT/peer_pdfplumber.csv" -- \
    "$PYTHON" "$HERE/pdf_peers.py" pdfplumber "$CORPUS/keywords.txt" "${FILES[@]:0:$PLUMBER_FILES}"
done
measure "nqp --jobs 1 ($SM_COUNT PDFs)" 1 "$SM_PAGES" "$SM_BYTES" "$SM_COUNT" "$OUT/nqp_small.csv" -- \
  "$NQP" count --jobs 1 --format csv --dictionary "$DICT" "${FILES[@]:0:$SMALL_FILES}"

counts_ok=1
check_counts "$CORPUS/expected.csv" "$OUT/nqp_jobs1.csv" "$DICT" "${FILES[@]}" || counts_ok=0
cmp -s "$OUT/nqp_jobs1.csv" "$OUT/nqp_jobs2.csv" && echo "--jobs 1 and --jobs 2 output: identical" | tee -a "$OUT/counts_check.txt" >&2 \
  || { echo "--jobs 1 and --jobs 2 output: DIFFERENT" | tee -a "$OUT/counts_check.txt" >&2; counts_ok=0; }

echo >&2
"$PYTHON" "$HERE/report_pdf.py" table "$RESULTS" | tee "$OUT/table.md"
echo "== load at the end: $(uptime)" >&2
echo "raw results: $RESULTS; counts check: $OUT/counts_check.txt" >&2
[ "$counts_ok" = 1 ]
