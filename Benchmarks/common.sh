# Benchmarks/common.sh - what run.sh and run_pdf.sh share; sourced by them after they set HERE (this folder) and
# ROOT (the repository). Settings from the environment: BUILD=1 (0 skips `swift build -c release`), NQP (the
# program, default .build/release/nqp), PYTHON (python3).

PYTHON="${PYTHON:-python3}"
BUILD="${BUILD:-1}"
NQP="$(realpath -m "${NQP:-$ROOT/.build/release/nqp}")"

# enter_output_folder DIR: make DIR the working folder (OUT) and empty its RESULTS file. `nqp count` reads
# pipeline.yml from the working folder when there is one, so with none there it uses its built-in counting
# defaults (longest mode, negation on: negated mentions are reported but not counted).
enter_output_folder() {
  OUT="$1"
  mkdir -p "$OUT"
  cd "$OUT"
  [ ! -e pipeline.yml ] || { echo "error: $OUT/pipeline.yml exists; remove it (nqp count would use it)" >&2; exit 1; }
  RESULTS="$OUT/results.jsonl"
  : > "$RESULTS"
}

# build_nqp: the release build (unless BUILD=0), then stop when there is no program to measure.
build_nqp() {
  if [ "$BUILD" = 1 ]; then
    echo "== building nqp (release)" >&2
    (cd "$ROOT" && swift build -c release 2>&1 | tail -n 3) >&2
  fi
  [ -x "$NQP" ] || { echo "error: $NQP not found; build with 'swift build -c release' at $ROOT" >&2; exit 1; }
}

# check_counts EXPECTED TIMED_CSV DICTIONARY FILE_OR_FOLDER...: one `nqp count --kwic 0` run lists every hit with
# its status, and check_counts.py compares the hits with the planted counts in EXPECTED and with the timed run's
# per-category counts in TIMED_CSV. The verdict goes to OUT/counts_check.txt; the exit status is check_counts.py's.
check_counts() {
  local expected="$1" timed="$2" dictionary="$3"
  shift 3
  echo "== counts: nqp --kwic 0 (every hit with its status) vs the planted counts in $(basename "$expected")" >&2
  "$NQP" count --jobs 2 --kwic 0 --format csv --dictionary "$dictionary" "$@" > "$OUT/nqp_hits.csv" 2>/dev/null || true
  "$PYTHON" "$HERE/check_counts.py" "$expected" "$OUT/nqp_hits.csv" "$timed" | tee "$OUT/counts_check.txt" >&2
}
