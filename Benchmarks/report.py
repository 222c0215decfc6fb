#!/usr/bin/env python3
"""report.py - the benchmark's measuring and table printing (Python 3 standard library only).

  report.py measure RESULTS.jsonl LABEL RUN CORPUS_BYTES STDOUT_FILE -- COMMAND [ARGS...]
      runs COMMAND once with stdout to STDOUT_FILE, measures whole-process wall time (perf_counter around the
      child), CPU seconds (user + system of the child and its descendants, from getrusage(RUSAGE_CHILDREN)
      before and after) and peak resident memory (GNU /usr/bin/time -v when it exists, else getrusage of the
      child), and appends one JSON line to RESULTS.jsonl. Exit status: the command's.
  report.py check RESULTS.jsonl LABEL RUN TARGET_SECONDS FIGURE -- COMMAND [ARGS...]
      runs COMMAND once (stdout discarded, stderr kept for the summary), measures wall time and peak memory as
      `measure` does, parses nqp run's summary line "time  extract+count 0.1 s, ..., export 0.9 s; total 1.0 s"
      into stage seconds, and appends a JSON line with kind "check". FIGURE names what is compared with
      TARGET_SECONDS (0 = informational, no verdict): "wall" (whole process) or a stage name of the summary ("score", "export"), or several
      separated by commas (one record each, labelled "LABEL: figure").
  report.py table RESULTS.jsonl
      prints a Markdown table: runs, median wall seconds (min-max), median CPU seconds (min-max), median MB/s of
      input per wall second and per CPU second, cores used (CPU / wall), peak MiB (max over runs), and for every
      nqp row its throughput ratio to each peer row, per CPU second (per core: what the program costs, which
      waiting for a core on a loaded machine does not change) and per wall second, plus the
      --jobs 2 / --jobs 1 speed-up, then the "check" rows (median figure vs target) and the targets
      with "met" / "NOT met".
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
    with open(stdout_file, "wb") as out:
        returncode, wall, cpu, rss_kb = run_timed(argv[6:], out)
    rec = {"label": label, "run": int(run), "wall": round(wall, 4), "cpu": round(cpu, 4), "rss_kb": rss_kb,
           "bytes": int(corpus_bytes), "rc": returncode}
    with open(results, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(rec) + "\n")
    print("  %-22s run %s: %.3f s, %.3f CPU s, %.1f MB/s, %.0f MiB%s" % (
        label, run, wall, cpu, int(corpus_bytes) / 1e6 / wall if wall else 0, rss_kb / 1024,
        "" if returncode == 0 else "  (exit %d)" % returncode), file=sys.stderr)
    return returncode


def run_timed(command, stdout, stderr=None):
    """Runs COMMAND once; returns (returncode, wall seconds, CPU seconds, peak RSS KiB). CPU = user + system
    seconds of the process and its children (getrusage); peak RSS from GNU /usr/bin/time -v when it exists, else
    getrusage of the children. Also used by report_pdf.py."""
    gnu_time = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None
    time_log = None
    if gnu_time:
        fd, time_log = tempfile.mkstemp(prefix="nqp-bench-time-")
        os.close(fd)
        command = [gnu_time, "-v", "-o", time_log] + command
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(command, stdout=stdout, stderr=stderr)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # Waited-for descendants are included (GNU time waits for the command), so this is the command's CPU time.
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    rss_kb = after.ru_maxrss
    if time_log:
        with open(time_log, encoding="utf-8", errors="replace") as fh:
            m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", fh.read())
        os.remove(time_log)
        if m:
            rss_kb = int(m.group(1))
    return proc.returncode, wall, cpu, rss_kb


def check(argv):
    results, label, run, target, figure = argv[:5]
    if argv[5] != "--":
        sys.exit("usage: report.py check RESULTS LABEL RUN TARGET_SECONDS FIGURE -- COMMAND...")
    with tempfile.TemporaryFile() as err:
        rc, wall, _, rss_kb = run_timed(argv[6:], subprocess.DEVNULL, err)
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    stages = {}
    m = re.search(r"^\s*time\s+(.*)$", text, re.M)
    if m:
        for name, secs in re.findall(r"([\w+]+) ([\d.]+) s", m.group(1)):
            stages[name] = float(secs)
    figures = figure.split(",")
    with open(results, "a", encoding="utf-8") as fh:
        for fig in figures:
            value = wall if fig == "wall" else stages.get(fig)
            rec = {"kind": "check", "label": label if len(figures) == 1 else "%s: %s" % (label, fig),
                   "run": int(run), "wall": round(wall, 4), "rss_kb": rss_kb, "figure": fig, "value": value,
                   "target": float(target), "stages": stages, "rc": rc}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print("  %-34s run %s: %.3f s wall, %.0f MiB%s%s" % (
        label, run, wall, rss_kb / 1024,
        "" if not stages else "; " + ", ".join("%s %.2f s" % kv for kv in stages.items()),
        "" if rc == 0 else "  (exit %d)" % rc), file=sys.stderr)
    if rc != 0:
        sys.stderr.write(text[-2000:])
    return rc


def check_table(recs):
    labels = list(dict.fromkeys(r["label"] for r in recs))
    if not labels:
        return []
    print()
    print("| check | runs | wall s, median (min–max) | peak MiB | figure | median s | target s | |")
    print("|---|---|---|---|---|---|---|---|")
    verdicts = []
    for lb in labels:
        rs = [r for r in recs if r["label"] == lb and r["rc"] == 0 and r["value"] is not None]
        if not rs:
            print("| %s | all runs failed | | | | | | |" % lb)
            verdicts.append((lb, None, None, False))
            continue
        walls = [r["wall"] for r in rs]
        med = statistics.median(r["value"] for r in rs)
        target = rs[0]["target"]
        ok = med < target
        print("| %s | %d | %.3f (%.3f–%.3f) | %.0f | %s | %.3f | %s | %s |" % (
            lb, len(rs), statistics.median(walls), min(walls), max(walls), max(r["rss_kb"] for r in rs) / 1024,
            "whole process" if rs[0]["figure"] == "wall" else "stage '%s' (in-process)" % rs[0]["figure"],
            med, "< %g" % target if target else "–",
            ("met" if ok else "NOT met") if target else "informational"))
        if target:  # target 0 = informational row, no verdict
            verdicts.append((lb, med, target, ok))
    return verdicts


def table(argv):
    recs = []
    with open(argv[0], encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                recs.append(json.loads(line))
    checks = [r for r in recs if r.get("kind") == "check"]
    recs = [r for r in recs if r.get("kind") != "check"]
    stats = label_stats(recs)
    for s in stats.values():
        mbps = [r["bytes"] / 1e6 / r["wall"] for r in s["runs"]]
        s.update(mbps=statistics.median(mbps), mbmin=min(mbps), mbmax=max(mbps))
        # Records written before CPU time was measured have none: their CPU columns stay empty.
        cpus = [r["cpu"] for r in s["runs"] if r.get("cpu")]
        s.update(cpu=statistics.median(cpus) if cpus else None, cmin=min(cpus) if cpus else None,
                 cmax=max(cpus) if cpus else None,
                 mbpc=statistics.median(s["bytes"] / 1e6 / c for c in cpus) if cpus else None)
    ok = list(stats)
    if not ok:
        check_table(checks)
        return 1
    peers = [lb for lb in ok if not lb.startswith("nqp")]
    print("corpus: %.1f MB" % (stats[ok[0]]["bytes"] / 1e6))
    print()
    head = ["program", "runs", "wall s, median (min–max)", "CPU s, median (min–max)", "MB/s, median (min–max)",
            "MB per CPU s", "cores used", "peak MiB"]
    head += ["× %s (CPU / wall)" % p for p in peers]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for lb in ok:
        s = stats[lb]
        has_cpu = s["cpu"] is not None
        row = [lb, "%d%s" % (s["n"], " (+%d failed)" % s["failed"] if s["failed"] else ""),
               "%.3f (%.3f–%.3f)" % (s["wall"], s["wmin"], s["wmax"]),
               "%.3f (%.3f–%.3f)" % (s["cpu"], s["cmin"], s["cmax"]) if has_cpu else "",
               "%.1f (%.1f–%.1f)" % (s["mbps"], s["mbmin"], s["mbmax"]),
               "%.1f" % s["mbpc"] if has_cpu else "", "%.2f" % (s["cpu"] / s["wall"]) if has_cpu else "",
               "%.0f" % s["rss"]]
        for p in peers:
            cell = ""
            if lb.startswith("nqp"):
                cell = "%.1f×" % (s["mbps"] / stats[p]["mbps"])
                if has_cpu and stats[p]["mbpc"]:
                    cell = "%.1f× / %s" % (s["mbpc"] / stats[p]["mbpc"], cell)
            row.append(cell)
        print("| " + " | ".join(row) + " |")
    j1 = next((lb for lb in ok if lb.startswith("nqp") and "jobs 1" in lb and "10x" not in lb), None)
    j2 = next((lb for lb in ok if lb.startswith("nqp") and "jobs 2" in lb and "10x" not in lb), None)
    targets = []  # (target, figure, met)
    if j1 and j2:
        print()
        speedup = stats[j2]["mbps"] / stats[j1]["mbps"]
        print("--jobs 2 / --jobs 1 throughput: %.2f×" % speedup)
        targets.append(("--jobs 2 ≥ 1.7× --jobs 1", "%.2f×" % speedup, speedup >= 1.7))
    big = next((lb for lb in ok if "10x" in lb), None)
    if big and j1:
        print("peak memory, 10× corpus vs 1×: %.0f MiB vs %.0f MiB (%.2f×)" % (
            stats[big]["rss"], stats[j1]["rss"], stats[big]["rss"] / stats[j1]["rss"]))
    if j1:
        # Per core: MB per CPU second of `nqp --jobs 1` over the single-threaded peer's, which a loaded machine
        # skews far less than wall time; the wall ratio is shown beside it.
        for peer, need in (("lxml-aho", 8.0), ("bs4-lxml", 100.0)):
            if peer in stats and stats[peer]:
                wall_ratio = stats[j1]["mbps"] / stats[peer]["mbps"]
                if stats[j1]["mbpc"] and stats[peer]["mbpc"]:
                    r = stats[j1]["mbpc"] / stats[peer]["mbpc"]
                    figure = "%.1f× per CPU s (%.1f× wall)" % (r, wall_ratio)
                else:
                    r, figure = wall_ratio, "%.1f× wall" % wall_ratio
                targets.append(("--jobs 1 ≥ %g× %s, per core" % (need, peer), figure, r >= need))
        nqp_rows = [lb for lb in ok if lb.startswith("nqp")]
        peak = max(stats[lb]["rss"] for lb in nqp_rows)
        targets.append(("peak RSS ≤ 150 MB (every nqp count run)", "%.0f MiB" % peak, peak * 1048576 <= 150e6))
        if big:
            r = stats[big]["rss"] / stats[j1]["rss"]
            targets.append(("memory flat on a 10× corpus (≤ 1.5× the 1× peak)", "%.2f×" % r, r <= 1.5))
    for lb, med, target, met in check_table(checks):
        targets.append(("%s < %g s" % (lb, target) if target else lb,
                        "%.3f s" % med if med is not None else "failed", met))
    print_targets("target", targets)
    return 0


def label_stats(recs):
    """Per label, in order of first appearance, the figures of its successful runs: `runs`, `n`, `failed`, `wall`
    (median), `wmin`, `wmax`, `rss` (peak MiB) and `bytes`. A label whose runs all failed is left out, with a
    message. Also used by report_pdf.py."""
    stats = {}
    for lb in dict.fromkeys(r["label"] for r in recs):
        rs = [r for r in recs if r["label"] == lb and r["rc"] == 0]
        failed = sum(1 for r in recs if r["label"] == lb and r["rc"] != 0)
        if not rs:
            print("%s: all %d runs failed" % (lb, failed))
            continue
        walls = [r["wall"] for r in rs]
        stats[lb] = {"runs": rs, "n": len(rs), "failed": failed, "wall": statistics.median(walls),
                     "wmin": min(walls), "wmax": max(walls), "rss": max(r["rss_kb"] for r in rs) / 1024,
                     "bytes": rs[0]["bytes"]}
    return stats


def print_targets(heading, targets):
    """The targets table: one row per (target, measured figure, met), marked `met` / `NOT met`."""
    if not targets:
        return
    print()
    print("| %s | measured | |" % heading)
    print("|---|---|---|")
    for name, fig, met in targets:
        print("| %s | %s | %s |" % (name, fig, "met" if met else "NOT met"))


def run_command_line(doc, commands):
    """`SCRIPT COMMAND ARGS...`: calls commands[COMMAND](ARGS) and exits with its status; the usage otherwise."""
    if len(sys.argv) < 3 or sys.argv[1] not in commands:
        sys.exit(doc)
    sys.exit(commands[sys.argv[1]](sys.argv[2:]))


def main():
    run_command_line(__doc__, {"measure": measure, "check": check, "table": table})


if __name__ == "__main__":
    main()
