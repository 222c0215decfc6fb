#!/usr/bin/env python3
"""report_pdf.py - measuring and the result table of the PDF benchmark (Python 3 standard library only).

  report_pdf.py measure RESULTS.jsonl LABEL RUN PAGES BYTES FILES STDOUT_FILE -- COMMAND [ARGS...]
      runs COMMAND once with stdout to STDOUT_FILE and appends one JSON line: whole-process wall seconds, CPU
      seconds (user + system of the process and its children, from getrusage), peak resident memory (GNU
      /usr/bin/time -v when present, else getrusage) and the PAGES, BYTES and FILES it read.
  report_pdf.py table RESULTS.jsonl
      prints a Markdown table per program: runs, median wall and CPU seconds (min-max), pages per CPU second and
      per wall second, peak MiB; then nqp's ratios to each peer and the PDF targets, each `met` / `NOT met`.

Ratios to the peers are per core: pages per CPU second of nqp --jobs 1 over the peer's (the peers are single
threaded; CPU seconds are what a shared machine does not inflate, wall seconds are shown beside them). The
--jobs 2 speed-up is on wall time (pages per wall second), since that is what a second core buys.
"""
import json
import statistics
import subprocess
import sys

from report import label_stats, print_targets, run_command_line, run_timed  # shared with report.py


def measure(argv):
    results, label, run, pages, nbytes, files, stdout_file = argv[:7]
    if argv[7] != "--":
        sys.exit(__doc__)
    with open(stdout_file, "wb") as out:
        rc, wall, cpu, rss_kb = run_timed(argv[8:], out, subprocess.DEVNULL)
    rec = {"label": label, "run": int(run), "wall": round(wall, 4), "cpu": round(cpu, 4), "rss_kb": rss_kb,
           "pages": int(pages), "bytes": int(nbytes), "files": int(files), "rc": rc}
    with open(results, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(rec) + "\n")
    print("  %-34s run %s: %7.2f s wall, %7.2f s CPU, %6.0f pages/CPU s, %4.0f MiB%s" % (
        label, run, wall, cpu, int(pages) / cpu if cpu else 0, rss_kb / 1024,
        "" if rc == 0 else "  (exit %d)" % rc), file=sys.stderr)
    return rc


def table(argv):
    recs = [json.loads(line) for line in open(argv[0], encoding="utf-8") if line.strip()]
    stats = label_stats(recs)
    for s in stats.values():
        cpus = [r["cpu"] for r in s["runs"]]
        s.update(cpu=statistics.median(cpus), cmin=min(cpus), cmax=max(cpus), pages=s["runs"][0]["pages"],
                 files=s["runs"][0]["files"])
        s["ppc"] = s["pages"] / s["cpu"] if s["cpu"] else float("nan")
        s["ppw"] = s["pages"] / s["wall"] if s["wall"] else float("nan")
    ok = list(stats)
    peers = [lb for lb in ok if not lb.startswith("nqp")]
    # "cores used" = median CPU seconds / median wall seconds: below 1 (or below 2 with --jobs 2) the
    # process waited for a core, i.e. the machine was busy, and wall-time ratios say more about the load than
    # about the program.
    print("| program | files | pages | runs | wall s, median (min–max) | CPU s, median (min–max) | pages / CPU s | pages / wall s | cores used | peak MiB |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for lb in ok:
        s = stats[lb]
        print("| %s | %d | %d | %d%s | %.2f (%.2f–%.2f) | %.2f (%.2f–%.2f) | %.0f | %.0f | %.2f | %.0f |" % (
            lb, s["files"], s["pages"], s["n"], " (+%d failed)" % s["failed"] if s["failed"] else "",
            s["wall"], s["wmin"], s["wmax"], s["cpu"], s["cmin"], s["cmax"], s["ppc"], s["ppw"],
            s["cpu"] / s["wall"] if s["wall"] else 0, s["rss"]))
    j1 = next((lb for lb in ok if lb == "nqp --jobs 1"), None)
    j2 = next((lb for lb in ok if lb == "nqp --jobs 2"), None)
    small = next((lb for lb in ok if lb.startswith("nqp --jobs 1 (") and "PDFs" in lb), None)
    targets = []
    if j1:
        print()
        print("| nqp --jobs 1 vs | pages per CPU second | pages per wall second |")
        print("|---|---|---|")
        for p in peers:
            print("| %s | %.1f× | %.1f× |" % (p, stats[j1]["ppc"] / stats[p]["ppc"], stats[j1]["ppw"] / stats[p]["ppw"]))
        for peer, need in (("pdfplumber", 40.0), ("mutool draw -F txt", 1.0), ("PyMuPDF", 1.0)):
            if peer in stats:
                r = stats[j1]["ppc"] / stats[peer]["ppc"]
                targets.append(("extract+count ≥ %g× %s (per core)" % (need, peer), "%.1f×" % r, r >= need))
    if j1 and j2:
        speedup = stats[j2]["ppw"] / stats[j1]["ppw"]
        targets.append(("--jobs 2 ≥ 1.7× --jobs 1 (wall)", "%.2f×" % speedup, speedup >= 1.7))
    if j1:
        peak = max(stats[lb]["rss"] for lb in ok if lb.startswith("nqp"))
        targets.append(("peak RSS ≤ 200 MB over %d PDFs (every nqp run)" % stats[j1]["files"], "%.0f MiB" % peak,
                        peak * 1048576 <= 200e6))
        if small:
            r = stats[j1]["rss"] / stats[small]["rss"]
            targets.append(("memory flat: %d PDFs vs %d PDFs (≤ 1.25×)" % (stats[j1]["files"], stats[small]["files"]),
                            "%.0f vs %.0f MiB (%.2f×)" % (stats[j1]["rss"], stats[small]["rss"], r), r <= 1.25))
    print_targets("PDF target", targets)
    return 0


def main():
    run_command_line(__doc__, {"measure": measure, "table": table})


if __name__ == "__main__":
    main()
