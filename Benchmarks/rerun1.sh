#!/usr/bin/env bash
# rerun1.sh - the nightly rerun with one changed report among 10,000 (README "Performance"): after a first,
# untimed `nqp run` over the gen_reports.py corpus, each timed run appends one sentence to the same report (so the
# plan finds 1 changed, 9,999 unchanged) and runs `nqp run` again. Whole-process wall time and peak RSS come from
# `/usr/bin/time -v` (CPU seconds = user + system). Target: ≤ 0.5 s and ≤ 150 MiB.
#
#   Benchmarks/rerun1.sh                  # builds the release binary first
#   RUNS=5 BUILD=0 Benchmarks/rerun1.sh
#
# Results: one JSON line per timed run in Benchmarks/out/rerun1.jsonl and a summary on standard output.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
RUNS="${RUNS:-5}"
BUILD="${BUILD:-1}"
NQP="${NQP:-$ROOT/.build/release/nqp}"
CORPUS="${CORPUS:-$HERE/corpus}"
PYTHON="${PYTHON:-python3}"
DIR="$CORPUS/rerun1"
OUT="$HERE/out"
RESULTS="$OUT/rerun1.jsonl"
mkdir -p "$OUT"
: > "$RESULTS"

[ "$BUILD" = 1 ] && (cd "$ROOT" && swift build -c release >&2)
[ -f "$CORPUS/keywords.yaml" ] || "$PYTHON" "$HERE/gen_corpus.py" "$CORPUS" >&2
"$PYTHON" "$HERE/gen_reports.py" "$DIR" --dictionary "$CORPUS/keywords.yaml" >&2
CHANGED="$DIR/reports/2014/600000_2014.html"
[ -f "$DIR/changed.orig" ] || cp "$CHANGED" "$DIR/changed.orig"
cp "$DIR/changed.orig" "$CHANGED"
rm -rf "$DIR/out"
echo "== first run over $DIR (untimed)" >&2
(cd "$DIR" && "$NQP" run --quiet >/dev/null 2>&1) || true

for r in $(seq 1 "$RUNS"); do
  printf '<p>run %s: 公司继续推进人工智能与云计算建设。</p>\n' "$r" >> "$CHANGED"
  (cd "$DIR" && /usr/bin/time -v -o "$OUT/rerun1.time" "$NQP" run --quiet >/dev/null 2>"$OUT/rerun1.log") || true
  grep -q "1 changed, 0 re-counted after a configuration change, 9999 unchanged" "$OUT/rerun1.log" \
    || { echo "run $r: the plan did not find exactly one changed report:" >&2; tail -5 "$OUT/rerun1.log" >&2; }
  wall="$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$OUT/rerun1.time" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')"
  kib="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$OUT/rerun1.time")"
  cpu="$(sed -n 's/.*\(User\|System\) time (seconds): //p' "$OUT/rerun1.time" | awk '{ s += $1 } END { print s }')"
  echo "{\"run\": $r, \"wall\": $wall, \"cpu\": $cpu, \"peak_kib\": $kib}" >> "$RESULTS"
done
cp "$DIR/changed.orig" "$CHANGED"

"$PYTHON" - "$RESULTS" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
w = [r["wall"] for r in rows]
c = [r["cpu"] for r in rows]
m = max(r["peak_kib"] for r in rows) / 1024
med = statistics.median(w)
# CPU seconds (user + system) too: on a loaded machine they move far less than wall time.
print("| run | n | wall s, median (min–max) | CPU s, median | peak MiB |")
print("|---|---|---|---|---|")
print("| nqp run, 1 of 10,000 reports changed | %d | %.3f (%.3f–%.3f) | %.2f | %.0f |"
      % (len(w), med, min(w), max(w), statistics.median(c), m))
print("target ≤ 0.5 s and ≤ 150 MiB: %s" % ("met" if med <= 0.5 and m <= 150 else "NOT met"))
PY
