#!/usr/bin/env python3
"""report.py - the benchmark's measuring and table printing (Python 3 standard library only).

  report.py measure RESULTS.jsonl LABEL RUN CORPUS_BYTES STDOUT_FILE -- COMMAND [ARGS...]
      runs COMMAND once with stdout to STDOUT_FILE, measures whole-process wall time (perf_counter around the
      child) and peak resident memory (GNU /usr/bin/time -v when it exists, else getrusage of the child), and
      appends one JSON line to RESULTS.jsonl. Exit status: the command's.
  report.py table RESULTS.jsonl
      prints a Markdown table: runs, median wall seconds (min-max), median MB/s of input, peak MiB (max over
      runs), and for every nqp row its throughput ratio to each peer row (median MB/s / median MB/s), plus the
      --jobs 2 / --jobs 1 speed-up.
"""
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time


def measure(argv):
    results, label, run, corpus_bytes, stdout_file = argv[:5]
    if argv[5] != "--":
        sys.exit("usage: report.py measure RESULTS LABEL RUN CORPUS_BYTES STDOUT_FILE -- COMMAND...")
    command = argv[6:]
    gnu_time = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None
    time_log = None
    if gnu_time:
        fd, time_log = tempfile.mkstemp(prefix="nqp-bench-time-")
        os.close(fd)
        command = [gnu_time, "-v", "-o", time_log] + command
    with open(stdout_file, "wb") as out:
        t0 = time.perf_counter()
        proc = subprocess.run(command, stdout=out)
        wall = time.perf_counter() - t0
    rss_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
    if time_log:
        with open(time_log, encoding="utf-8", errors="replace") as fh:
            m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", fh.read())
        os.remove(time_log)
        if m:
            rss_kb = int(m.group(1))
    rec = {"label": label, "run": int(run), "wall": round(wall, 4), "rss_kb": rss_kb,
           "bytes": int(corpus_bytes), "rc": proc.returncode}
    with open(results, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(rec) + "\n")
    print("  %-22s run %s: %.3f s, %.1f MB/s, %.0f MiB%s" % (
        label, run, wall, int(corpus_bytes) / 1e6 / wall if wall else 0, rss_kb / 1024,
        "" if proc.returncode == 0 else "  (exit %d)" % proc.returncode), file=sys.stderr)
    return proc.returncode


def table(argv):
    recs = []
    with open(argv[0], encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                recs.append(json.loads(line))
    labels = list(dict.fromkeys(r["label"] for r in recs))
    stats = {}
    for lb in labels:
        rs = [r for r in recs if r["label"] == lb and r["rc"] == 0]
        failed = sum(1 for r in recs if r["label"] == lb and r["rc"] != 0)
        if not rs:
            stats[lb] = None
            print("%s: all %d runs failed" % (lb, failed))
            continue
        walls = [r["wall"] for r in rs]
        mbps = [r["bytes"] / 1e6 / w for r, w in zip(rs, walls)]
        stats[lb] = {"n": len(rs), "failed": failed, "wall": statistics.median(walls), "wmin": min(walls),
                     "wmax": max(walls), "mbps": statistics.median(mbps), "mbmin": min(mbps), "mbmax": max(mbps),
                     "rss": max(r["rss_kb"] for r in rs) / 1024, "bytes": rs[0]["bytes"]}
    ok = [lb for lb in labels if stats[lb]]
    if not ok:
        return 1
    peers = [lb for lb in ok if not lb.startswith("nqp")]
    print("corpus: %.1f MB" % (stats[ok[0]]["bytes"] / 1e6))
    print()
    head = ["program", "runs", "wall s, median (min–max)", "MB/s, median (min–max)", "peak MiB"]
    head += ["× %s" % p for p in peers]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for lb in ok:
        s = stats[lb]
        row = [lb, "%d%s" % (s["n"], " (+%d failed)" % s["failed"] if s["failed"] else ""),
               "%.3f (%.3f–%.3f)" % (s["wall"], s["wmin"], s["wmax"]),
               "%.1f (%.1f–%.1f)" % (s["mbps"], s["mbmin"], s["mbmax"]), "%.0f" % s["rss"]]
        for p in peers:
            row.append("%.1f×" % (s["mbps"] / stats[p]["mbps"]) if lb.startswith("nqp") else "")
        print("| " + " | ".join(row) + " |")
    j1 = next((lb for lb in ok if lb.startswith("nqp") and "jobs 1" in lb and "10x" not in lb), None)
    j2 = next((lb for lb in ok if lb.startswith("nqp") and "jobs 2" in lb and "10x" not in lb), None)
    if j1 and j2:
        print()
        print("--jobs 2 / --jobs 1 throughput: %.2f×" % (stats[j2]["mbps"] / stats[j1]["mbps"]))
    big = next((lb for lb in ok if "10x" in lb), None)
    if big and j1:
        print("peak memory, 10× corpus vs 1×: %.0f MiB vs %.0f MiB (%.2f×)" % (
            stats[big]["rss"], stats[j1]["rss"], stats[big]["rss"] / stats[j1]["rss"]))
    return 0


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in ("measure", "table"):
        sys.exit(__doc__)
    sys.exit(measure(sys.argv[2:]) if sys.argv[1] == "measure" else table(sys.argv[2:]))


if __name__ == "__main__":
    main()
