#!/usr/bin/env bash
# recount.sh - the research loop with the text cache (README "Text cache"): a cold `nqp run` (extract + count,
# text cache written) against a re-run after a dictionary change (a keyword added), which re-counts every report
# from the cache without reading it. Both are whole-process wall times of `nqp run --jobs 1`, measured in the
# same loop (cold, re-count, cold, re-count, ...), so their ratio is fair on a loaded machine.
#
#   Benchmarks/recount.sh                 # HTML: the gen_corpus.py corpus; PDF: ../shared/realdata/cninfo_pdf
#   RUNS=3 BUILD=0 Benchmarks/recount.sh
#
# Also times the cold run with `run.text_cache: false` (what writing the cache costs). Results: one JSON line
# per timed run in Benchmarks/out/recount.jsonl, and a Markdown table on standard output.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
source "$HERE/common.sh"
RUNS="${RUNS:-3}"
CORPUS="${CORPUS:-$HERE/corpus}"
PDFS="${PDFS:-$ROOT/../shared/realdata/cninfo_pdf}"
# Each real PDF is linked this many times under different names (each name is its own report and cache entry):
# five PDFs alone measure mostly the per-process cost, not the per-report work.
PDF_COPIES="${PDF_COPIES:-10}"
HTML="${HTML:-1}"
OUT="$HERE/out"
RESULTS="$OUT/recount.jsonl"
mkdir -p "$OUT"
: > "$RESULTS"

build_nqp
[ -f "$CORPUS/keywords.yaml" ] || "$PYTHON" "$HERE/gen_corpus.py" "$CORPUS" >&2

# project NAME FILES...: a folder with reports named <firm>_<year>.<ext> (symbolic links), the benchmark
# dictionary and a pipeline.yml without financial inputs.
project() {
  local name="$1" dir="$OUT/recount_$1" i=100000 f; shift
  rm -rf "$dir"; mkdir -p "$dir/reports"
  for f in "$@"; do
    i=$((i + 1))
    ln -s "$f" "$dir/reports/${i}_2020.${f##*.}"
  done
  cat > "$dir/pipeline.yml" <<YML
reports:
  paths: [reports]
counting:
  dictionaries: [dictionary.yaml]
run:
  jobs: 1
  text_cache: true
YML
  echo "$dir"
}

# timed LABEL DIR: one `nqp run` in DIR, wall seconds and peak RSS appended to the results.
timed() {
  local label="$1" dir="$2" t
  (cd "$dir" && /usr/bin/time -o "$OUT/recount.time" -f '%e %M' "$NQP" run --quiet >/dev/null 2>&1) || true
  t="$(tail -1 "$OUT/recount.time")"
  echo "{\"label\": \"$label\", \"wall\": ${t% *}, \"peak_kib\": ${t#* }}" >> "$RESULTS"
}

loop() { # NAME DIR
  local name="$1" dir="$2" r
  for r in $(seq 1 "$RUNS"); do
    cp "$CORPUS/keywords.yaml" "$dir/dictionary.yaml"
    sed -i 's/text_cache: false/text_cache: true/' "$dir/pipeline.yml"
    rm -rf "$dir/out"; timed "$name cold (text cache written)" "$dir"
    printf '    - "元宇宙%s"\n' "$r" >> "$dir/dictionary.yaml"     # the research loop: one keyword added
    timed "$name re-count after a dictionary change" "$dir"
    sed -i 's/text_cache: true/text_cache: false/' "$dir/pipeline.yml"
    rm -rf "$dir/out"; timed "$name cold, text_cache: false" "$dir"
  done
}

if [ "$HTML" = 1 ]; then
  echo "== HTML: $CORPUS/docs" >&2
  HTML_DIR="$(project html "$CORPUS"/docs/*)"
  loop html "$HTML_DIR"
fi
if [ -d "$PDFS" ]; then
  echo "== PDF: $PDFS, each linked $PDF_COPIES times" >&2
  PDF_FILES=()
  for c in $(seq 1 "$PDF_COPIES"); do PDF_FILES+=("$PDFS"/*.pdf); done
  PDF_DIR="$(project pdf "${PDF_FILES[@]}")"
  loop pdf "$PDF_DIR"
fi

"$PYTHON" - "$RESULTS" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
labels = list(dict.fromkeys(r["label"] for r in rows))
med = {}
print("| run | n | wall s, median (min–max) | peak MiB |")
print("|---|---|---|---|")
for label in labels:
    w = [r["wall"] for r in rows if r["label"] == label]
    m = max(r["peak_kib"] for r in rows if r["label"] == label) / 1024
    med[label] = statistics.median(w)
    print("| %s | %d | %.3f (%.3f–%.3f) | %.0f |" % (label, len(w), med[label], min(w), max(w), m))
print()
for kind, target in (("html", 10), ("pdf", 50)):
    cold, re = med.get(kind + " cold (text cache written)"), med.get(kind + " re-count after a dictionary change")
    if cold and re:
        ratio = cold / re
        print("%s: cold / re-count = %.1f× (target ≥ %d×: %s)" % (kind, ratio, target, "met" if ratio >= target else "NOT met"))
    off = med.get(kind + " cold, text_cache: false")
    if cold and off:
        print("%s: cold run with the cache / without = %.2f" % (kind, cold / off))
PY
