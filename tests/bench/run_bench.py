#!/usr/bin/env python3
"""Device Check's benchmark: prints ONE table of medians against the targets in issue 8. Asserts nothing.

    .venv/bin/python tests/bench/run_bench.py              # everything (about 4 minutes: lynis and the monitor)
    .venv/bin/python tests/bench/run_bench.py --monitor-minutes 10      # the monitor figure as the target states it
    .venv/bin/python tests/bench/run_bench.py --runs 3 --lynis-runs 0 --monitor-minutes 0    # a quick look

Run it with the app's own .venv (python3 dev.py run sets it up), so the timings carry no test tools.

Not part of the test run (pytest collects only test_*.py). What it measures, on this machine:
  check      `python -m desktop check --json` wall time, interpreter start-up included (the real
             interpreter, not a pyenv shim, which alone costs ~0.25 s)
  engine     a timer around Engine.run in a fresh interpreter (a first run, as users get), and the slowest
             check's own duration_ms in the same run: the checks run in parallel, so the engine should
             take little more than its slowest check
  window     launch -> window shown and -> last result, with the app's DEVICECHECK_TIMINGS hook on a
             real X server (xvfb-run), from tools/benchmark_startup.py
  scan       one social-apps check (Engine.run, only social-apps, LiveSystem, the profile's app list) with
             1,000 extra processes running, next to a bare psutil.process_iter reading the same fields (pid,
             name, exe, cmdline). A social app already running here only turns the verdict to fail (noted)
  monitor    the tray monitor's RSS and CPU over a run (tests/bench/monitor_bench.py from the tray work)
  history    social-sites' history read (read_visits) on a 1,000,000-visit Chromium History with Chromium's
             own schema and indexes, with 50, 200, 500 and 30,000 domains (tests/bench/history_bench.py)
  lynis      `lynis audit system --quick --no-colors --quiet`, and `check --json` again right after it, in
             the same run: one row with both medians and the ratio
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench.measures import (  # noqa: E402 - after the path is set
    Row,
    bench_basics,
    bench_cli,
    bench_deb,
    bench_engine,
    bench_history,
    bench_lynis,
    bench_monitor,
    bench_scan,
    bench_window,
    median_ms,
    verdict,
)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n", 1)[1], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=7, help="runs per figure (default 7)")
    parser.add_argument("--window-runs", type=int, default=5)
    parser.add_argument("--lynis-runs", type=int, default=1, help="lynis takes about a minute a run (default 1)")
    parser.add_argument("--processes", type=int, default=1000)
    parser.add_argument(
        "--deb", metavar="FILE", help="also time the packaged app from this .deb (unpacked, not installed)"
    )
    parser.add_argument("--monitor-minutes", type=float, default=2.0, help="tray monitor run length (0 skips)")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY") and shutil.which("xvfb-run") and not os.environ.get("DC_BENCH_NO_XVFB"):
        env = dict(os.environ, DC_BENCH_NO_XVFB="1")
        return subprocess.call(["xvfb-run", "-a", "-s", "-screen 0 1280x1024x24", sys.executable, *sys.argv], env=env)

    rows: list[Row] = []
    notes: list[str] = []
    print("measuring: check --json ...", file=sys.stderr, flush=True)
    cli, cli_slowest = bench_cli(args.runs)
    print("measuring: engine ...", file=sys.stderr, flush=True)
    engine, slowest, names = bench_engine(args.runs)
    print("measuring: firewall, os-updates, malware-protection ...", file=sys.stderr, flush=True)
    basics = bench_basics(args.runs)
    print("measuring: window ...", file=sys.stderr, flush=True)
    window = bench_window(args.window_runs)
    print("measuring: packaged app ...", file=sys.stderr, flush=True)
    deb = bench_deb(args.deb, args.window_runs)
    print(f"measuring: scan at {args.processes} processes ...", file=sys.stderr, flush=True)
    scanned = bench_scan(args.runs, args.processes)
    print("measuring: social-sites on a 1,000,000-visit history ...", file=sys.stderr, flush=True)
    history = bench_history(args.runs)
    print("measuring: tray monitor ...", file=sys.stderr, flush=True)
    monitor = bench_monitor(args.monitor_minutes)
    print("measuring: lynis, with check --json again beside it ...", file=sys.stderr, flush=True)
    lynis = bench_lynis(args.lynis_runs)
    cli_beside, _ = bench_cli(args.runs)  # the same moment's load for both sides of the ratio

    cli_med = statistics.median(cli)
    rows.append(
        ("check --json, wall (start-up included)", median_ms(cli), str(len(cli)), "<= 600 ms", verdict(cli_med <= 0.6))
    )
    basics_med = statistics.median(basics)
    rows.append(
        (
            "firewall + os-updates + malware-protection (Engine.run)",
            median_ms(basics),
            str(len(basics)),
            "<= 30 ms",
            verdict(basics_med <= 0.03),
        )
    )
    slow_name = max(set(names), key=names.count)
    eng_med, slow_med = statistics.median(engine), statistics.median(slowest)
    rows.append(("engine (Engine.run, fresh process)", median_ms(engine), str(len(engine)), "", ""))
    rows.append((f"slowest check in that run (mostly {slow_name})", median_ms(slowest), str(len(slowest)), "", ""))
    rows.append(
        (
            "engine / slowest check",
            f"{eng_med / slow_med:.2f}x",
            str(len(engine)),
            "<= 1.5x",
            verdict(eng_med <= 1.5 * slow_med),
        )
    )
    if isinstance(window, str):
        rows.append(("launch -> window shown (source)", "n/a", "0", "<= 800 ms", "n/a"))
        rows.append(("launch -> last result (source)", "n/a", "0", "", ""))
        notes.append(f"window: {window}")
    else:
        shown, last = window
        rows.append(
            (
                "launch -> window shown (source, Xvfb)",
                median_ms(shown),
                str(len(shown)),
                "<= 800 ms",
                verdict(statistics.median(shown) <= 0.8),
            )
        )
        rows.append(("launch -> last result (source, Xvfb)", median_ms(last), str(len(last)), "", ""))
    if isinstance(deb, str):
        rows.append(("launch -> window shown (.deb)", "n/a", "0", "<= 500 ms", "n/a"))
        notes.append(f".deb: {deb}")
    else:
        rows.append(
            (
                "launch -> window shown (.deb files, Xvfb)",
                median_ms(deb[0]),
                str(len(deb[0])),
                "<= 500 ms",
                verdict(statistics.median(deb[0]) <= 0.5),
            )
        )
        rows.append(("launch -> last result (.deb files, Xvfb)", median_ms(deb[1]), str(len(deb[1])), "", ""))
    if isinstance(scanned, str):
        rows.append((f"social-apps scan, {args.processes} more processes", "n/a", "0", "", ""))
        rows.append(("scan / bare process_iter", "n/a", "0", "<= 1.2x", "n/a"))
        notes.append(f"scan: {scanned}")
    else:
        scan, bare, seen, found = scanned
        scan_med, bare_med = statistics.median(scan), statistics.median(bare)
        rows.append((f"social-apps scan, {seen} processes", median_ms(scan), str(len(scan)), "", ""))
        rows.append(("bare psutil.process_iter, same processes", median_ms(bare), str(len(bare)), "", ""))
        rows.append(
            (
                "scan / bare process_iter",
                f"{scan_med / bare_med:.2f}x",
                str(len(scan)),
                "<= 1.2x",
                verdict(scan_med <= 1.2 * bare_med),
            )
        )
        if found:
            notes.append(f"scan: a listed social app runs on this machine, so the check said: {found}")
    if isinstance(monitor, str):
        rows.append(("tray monitor RSS (max)", "n/a", "0", "<= 90 MB", "n/a"))
        rows.append(("tray monitor CPU (mean)", "n/a", "0", "<= 0.3 %", "n/a"))
        notes.append(f"monitor: {monitor}")
    else:
        rss, cpu, how = monitor
        rows.append(
            (
                f"tray monitor RSS (max, {how})",
                f"{rss * 1.048576:.1f} MB",
                "1",
                "<= 90 MB",
                verdict(rss * 1.048576 <= 90),
            )
        )
        rows.append((f"tray monitor CPU (mean, {how})", f"{cpu:.3f} %", "1", "<= 0.3 %", verdict(cpu <= 0.3)))
    for n, best, worst, _matched in history:
        target, met = (
            ("<= 1.5 s", verdict(worst <= 1.5)) if n == 200 else ("finishes", "yes") if n == 30000 else ("", "")
        )
        rows.append(
            (
                f"social-sites history read, 1M visits, {n} domains (best/worst)",
                f"{best * 1000:.0f}/{worst * 1000:.0f} ms",
                str(args.runs),
                target,
                met,
            )
        )
    beside_med = statistics.median(cli_beside)
    figure = "check --json beside lynis audit system --quick"
    if isinstance(lynis, str):
        rows.append((figure, f"{median_ms(cli_beside)} vs n/a", f"{len(cli_beside)}/0", ">= 60x", "n/a"))
        notes.append(f"lynis: {lynis}")
    else:
        lyn_med = statistics.median(lynis)
        rows.append(
            (
                figure,
                f"{median_ms(cli_beside)} vs {lyn_med:.1f} s = {lyn_med / beside_med:.0f}x",
                f"{len(cli_beside)}/{len(lynis)}",
                ">= 60x",
                verdict(lyn_med / beside_med >= 60),
            )
        )

    headers = ("figure", "median", "runs", "target", "met")
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    line = "| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)) + " |"
    when, python = time.strftime("%Y-%m-%d %H:%M %Z"), sys.version.split()[0]
    print(f"Device Check benchmark, {when}, {os.cpu_count()} CPUs, Python {python}")
    print(line)
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        print("| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |")
    top = max(set(i for i, _ in cli_slowest), key=[i for i, _ in cli_slowest].count)
    notes.append(f"slowest check in the CLI runs: {top} (median {statistics.median(d for _, d in cli_slowest):.0f} ms)")
    for note in notes:
        print(f"note: {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
