#!/usr/bin/env bash
# Benchmarks/run.sh - one command: build nqp in release mode, generate the corpus if missing, time nqp with
# --jobs 1 and --jobs 2 and, when possible, the Python peer baselines on the same corpus; print MB/s, peak memory
# and ratios (Benchmarks/report.py). Settings come from the environment:
#   RUNS=5          runs per nqp configuration and per fast peer (lxml-aho)
#   SLOW_RUNS=1     runs of the slow BeautifulSoup peer (bs4-lxml takes about a minute per run)
#   PEERS=1         0 skips the peers;  PEERS_BENCH=path to peers_bench.py (default <repo>/../shared/bench/peers_bench.py)
#   EXTRA_PEERS=""  more peer baselines, e.g. "bs4-html.parser jieba cntext" (need their packages installed)
#   MEM10=1         a run on a 10x corpus (symbolic links to the same files) to check that memory is flat; 0 skips
#   CHECKS=1        the other targets: no-change rerun over 10,000 reports, entropy scoring and export of
#                   a 100,000-row panel (gen_reports.py, gen_panel.py); 0 skips
#   CHECK_RUNS=3    timed runs per check
#   BUILD=1         0 skips `swift build -c release` (common.sh)
# nqp runs in Benchmarks/out (no pipeline.yml there), so `nqp count` uses its built-in counting defaults:
# longest mode, negation on (negated mentions are reported but not counted).
#   NQP_COMMAND     the nqp arguments; $JOBS, $NQP_DICT and $DOCS are expanded when it runs (see below)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
source "$HERE/common.sh"
CORPUS="$(realpath -m "${CORPUS:-$HERE/corpus}")"   # absolute: the script changes directory below
DOCS="$CORPUS/docs"
DICT="$(realpath -m "${DICT:-$CORPUS/keywords.txt}")"            # keyword TAB category: the peers' format
NQP_DICT="$(realpath -m "${NQP_DICT:-$CORPUS/keywords.yaml}")"   # the same keywords in cntext YAML, which nqp reads as is
RUNS="${RUNS:-5}"
SLOW_RUNS="${SLOW_RUNS:-1}"
PEERS="${PEERS:-1}"
EXTRA_PEERS="${EXTRA_PEERS:-}"
MEM10="${MEM10:-1}"
CHECKS="${CHECKS:-1}"
CHECK_RUNS="${CHECK_RUNS:-3}"
PEERS_BENCH="$(realpath -m "${PEERS_BENCH:-$ROOT/../shared/bench/peers_bench.py}")"
# The one place that says how nqp is run (single quotes: expanded per run with eval).
NQP_COMMAND="${NQP_COMMAND:-count --jobs \$JOBS --format csv --dictionary \$NQP_DICT \$DOCS}"

enter_output_folder "$HERE/out"
build_nqp

if [ ! -f "$CORPUS/manifest.json" ] || [ ! -d "$DOCS" ]; then
  echo "== generating the corpus into $CORPUS" >&2
  "$PYTHON" "$HERE/gen_corpus.py" "$CORPUS" >/dev/null
fi
BYTES="$("$PYTHON" -c 'import json,sys; print(json.load(open(sys.argv[1]))["bytes"])' "$CORPUS/manifest.json")"
echo "== corpus: $(ls "$DOCS" | wc -l) files, $BYTES bytes; dictionary $NQP_DICT (peers: $DICT)" >&2
echo "== load: $(uptime)" >&2

measure() { # LABEL RUN BYTES STDOUT -- COMMAND...
  "$PYTHON" "$HERE/report.py" measure "$RESULTS" "$@" || true
}

run_nqp() { # LABEL JOBS DOCS BYTES
  local label="$1" JOBS="$2" DOCS="$3" bytes="$4" i
  # shellcheck disable=SC2086
  for i in $(seq 1 "$RUNS"); do
    eval "measure \"\$label\" \"\$i\" \"\$bytes\" \"\$OUT/nqp_jobs\$JOBS.csv\" -- \"\$NQP\" $NQP_COMMAND"
  done
}

echo "== nqp: $NQP $(JOBS=N; eval "echo $NQP_COMMAND")" >&2
"$NQP" --version >&2 || true
run_nqp "nqp --jobs 1" 1 "$DOCS" "$BYTES"
run_nqp "nqp --jobs 2" 2 "$DOCS" "$BYTES"

check_counts "$CORPUS/expected.csv" "$OUT/nqp_jobs1.csv" "$NQP_DICT" "$DOCS" || true

echo "== parsers: the fast scanner's match text vs libxml2's (the reference) on every corpus file" >&2
parser_differences=0
for f in "$DOCS"/*; do
  if ! cmp -s <("$NQP" extract --parser fast "$f" 2>/dev/null) <("$NQP" extract --parser libxml2 "$f" 2>/dev/null); then
    echo "  differs: $(basename "$f")" >&2
    parser_differences=$((parser_differences + 1))
  fi
done
echo "parser check: $(ls "$DOCS" | wc -l) files, $parser_differences with different match text" | tee "$OUT/parser_check.txt" >&2

if [ "$MEM10" = 1 ]; then
  BIG="$CORPUS/docs10x"
  if [ ! -d "$BIG" ]; then
    mkdir -p "$BIG"
    for k in $(seq 0 9); do
      for f in "$DOCS"/*; do ln -s "$f" "$BIG/r${k}_$(basename "$f")"; done
    done
  fi
  RUNS_SAVED="$RUNS"; RUNS=1
  run_nqp "nqp --jobs 1 (10x corpus)" 1 "$BIG" "$((BYTES * 10))"
  RUNS="$RUNS_SAVED"
fi

if [ "$PEERS" = 1 ]; then
  if [ ! -f "$PEERS_BENCH" ]; then
    echo "== peers skipped: $PEERS_BENCH not found" >&2
  else
    if ! "$PYTHON" -c 'import bs4, lxml, ahocorasick' 2>/dev/null; then
      echo "== installing the peers' packages (pip install -q beautifulsoup4 lxml pyahocorasick)" >&2
      "$PYTHON" -m pip install -q beautifulsoup4 lxml pyahocorasick >&2 || true
    fi
    if "$PYTHON" -c 'import bs4, lxml, ahocorasick' 2>/dev/null; then
      peer() { # BASELINE RUNS
        local i
        for i in $(seq 1 "$2"); do
          measure "$1" "$i" "$BYTES" "$OUT/peer_$1.csv" -- "$PYTHON" "$PEERS_BENCH" "$1" "$DOCS" "$DICT"
        done
      }
      peer lxml-aho "$RUNS"
      peer bs4-lxml "$SLOW_RUNS"
      for p in $EXTRA_PEERS; do peer "$p" "$SLOW_RUNS"; done
    else
      echo "== peers skipped: python3 cannot import bs4, lxml and ahocorasick" >&2
    fi
  fi
fi

if [ "$CHECKS" = 1 ]; then
  check() { # LABEL TARGET_SECONDS FIGURE COMMAND...
    local label="$1" target="$2" figure="$3" i; shift 3
    for i in $(seq 1 "$CHECK_RUNS"); do
      "$PYTHON" "$HERE/report.py" check "$RESULTS" "$label" "$i" "$target" "$figure" -- "$@" || true
    done
  }
  RERUN="$CORPUS/rerun"
  echo "== no-change rerun: 10,000 small reports in $RERUN (first run untimed)" >&2
  "$PYTHON" "$HERE/gen_reports.py" "$RERUN" --dictionary "$NQP_DICT" >&2
  (cd "$RERUN" && "$NQP" run --quiet >/dev/null 2>&1) || echo "warning: first nqp run in $RERUN failed" >&2
  (cd "$RERUN" && check "nqp run, no change, 10,000 reports" 3 wall "$NQP" run --quiet)

  PANEL="$CORPUS/panel"
  echo "== scoring and export: 100,000 firm-years x 60 columns in $PANEL" >&2
  [ -f "$PANEL/panel.csv" ] || "$PYTHON" "$HERE/gen_panel.py" "$PANEL" --dictionary "$NQP_DICT" >&2
  IND="$("$PYTHON" -c 'print(",".join("x%02d:+" % i for i in range(1, 31)))')"
  for w in pooled by_year; do
    (cd "$PANEL" && check "nqp run --force, 100k firm-years, $w" 1 score,export \
       "$NQP" run --quiet --force --config "run_$w.yml")
  done
  for w in pooled by_year; do
    # Informational (target 0): CSV read + score + CSV write; the 1 s target is for the scoring itself.
    (cd "$PANEL" && check "nqp score ($w) end to end, 100k x 30" 0 wall \
       "$NQP" score panel.csv --indicators "$IND" --id firm,year --weighting "$w" \
       --weights-out "$OUT/weights_$w.csv" --output "$OUT/scored_$w.csv")
  done
fi

echo >&2
"$PYTHON" "$HERE/report.py" table "$RESULTS" | tee "$OUT/table.md"
echo >&2
echo "raw results: $RESULTS; nqp output: $OUT/nqp_jobs1.csv; planted counts: $CORPUS/expected.csv" >&2
