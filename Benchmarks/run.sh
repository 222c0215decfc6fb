#!/usr/bin/env bash
# Benchmarks/run.sh - one command: build nqp in release mode, generate the corpus if missing, time nqp with
# --jobs 1 and --jobs 2 and, when possible, the Python peer baselines on the same corpus; print MB/s, peak memory
# and ratios (Benchmarks/report.py). Settings come from the environment:
#   RUNS=5          runs per nqp configuration and per fast peer (lxml-aho)
#   SLOW_RUNS=1     runs of the slow BeautifulSoup peer (bs4-lxml takes about a minute per run)
#   PEERS=1         0 skips the peers;  PEERS_BENCH=path to peers_bench.py (default ../../shared/bench/peers_bench.py)
#   EXTRA_PEERS=""  more peer baselines, e.g. "bs4-html.parser jieba cntext" (need their packages installed)
#   MEM10=0         1 adds a run on a 10x corpus (symbolic links to the same files) to check that memory is flat
#   BUILD=1         0 skips `swift build -c release`
#   NQP_COMMAND     the nqp arguments; $JOBS, $NQP_DICT and $DOCS are expanded when it runs (see below)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
CORPUS="${CORPUS:-$HERE/corpus}"
DOCS="$CORPUS/docs"
DICT="${DICT:-$CORPUS/keywords.txt}"            # keyword TAB category: the peers' format
NQP_DICT="${NQP_DICT:-$CORPUS/keywords.yaml}"   # the same keywords in cntext YAML, which nqp reads as is
RUNS="${RUNS:-5}"
SLOW_RUNS="${SLOW_RUNS:-1}"
PEERS="${PEERS:-1}"
EXTRA_PEERS="${EXTRA_PEERS:-}"
MEM10="${MEM10:-0}"
BUILD="${BUILD:-1}"
PEERS_BENCH="${PEERS_BENCH:-$ROOT/../shared/bench/peers_bench.py}"
PYTHON="${PYTHON:-python3}"
NQP="${NQP:-$ROOT/.build/release/nqp}"
# The one place that says how nqp is run (single quotes: expanded per run with eval).
NQP_COMMAND="${NQP_COMMAND:-count --jobs \$JOBS --format csv --dictionary \$NQP_DICT \$DOCS}"

OUT="$HERE/out"
mkdir -p "$OUT"
RESULTS="$OUT/results.jsonl"
: > "$RESULTS"

if [ "$BUILD" = 1 ]; then
  echo "== building nqp (release)" >&2
  (cd "$ROOT" && swift build -c release 2>&1 | tail -n 3) >&2
fi
[ -x "$NQP" ] || { echo "error: $NQP not found; build with 'swift build -c release' at $ROOT" >&2; exit 1; }

if [ ! -f "$CORPUS/manifest.json" ] || [ ! -d "$DOCS" ]; then
  echo "== generating the corpus into $CORPUS" >&2
  "$PYTHON" "$HERE/gen_corpus.py" "$CORPUS" >/dev/null
fi
BYTES="$("$PYTHON" -c 'import json,sys; print(json.load(open(sys.argv[1]))["bytes"])' "$CORPUS/manifest.json")"
echo "== corpus: $(ls "$DOCS" | wc -l) files, $BYTES bytes; dictionary $DICT" >&2

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

echo >&2
"$PYTHON" "$HERE/report.py" table "$RESULTS" | tee "$OUT/table.md"
echo >&2
echo "raw results: $RESULTS; nqp output: $OUT/nqp_jobs1.csv; planted counts: $CORPUS/expected.csv" >&2
