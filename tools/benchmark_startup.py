#!/usr/bin/env python3
"""How long `devicecheck` takes from launch to its window shown, and to the last result, on this machine.

    python tools/benchmark_startup.py [--runs 5] [-- extra devicecheck options]

Starts one Xvfb (xvfb-run -a, so no fixed display), then launches the app RUNS times with the real xcb
platform and DEVICECHECK_TIMINGS=1, reads the figures it prints and reports the median of each. Times
count from the moment this script starts the process, so Python's own start-up is included."""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINE = re.compile(r"devicecheck-timing: ([A-Za-z ]+) (\d+) ms")
PHASES = ("python and Qt loaded", "display connected", "window built", "window shown", "last result")


def one_run(extra: list[str]) -> dict[str, int]:
    with tempfile.TemporaryDirectory(prefix="dc-bench-") as config:
        env = dict(
            os.environ,
            QT_QPA_PLATFORM="xcb",
            DEVICECHECK_TIMINGS="1",
            DEVICECHECK_CONFIG_DIR=config,
            PYTHONPATH=str(ROOT),
        )
        env["DEVICECHECK_LAUNCHED_AT"] = repr(time.time())  # the moment we ask for the launch
        res = subprocess.run(
            [sys.executable, "-m", "desktop", "--quit-when-done", *extra],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
            cwd=ROOT,
        )
    found = {m.group(1): int(m.group(2)) for m in LINE.finditer(res.stderr)}
    if not {"window shown", "last result"} <= set(found):
        raise SystemExit(f"benchmark: a run gave no timings (exit {res.returncode}): {res.stderr.strip()[-300:]}")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("extra", nargs="*", help="options passed to devicecheck (after --)")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        if not shutil.which("xvfb-run"):
            raise SystemExit("benchmark: needs a display or xvfb-run")
        return subprocess.call(["xvfb-run", "-a", "-s", "-screen 0 1280x1024x24", sys.executable, *sys.argv])
    runs = [one_run(args.extra) for _ in range(args.runs)]
    for key in PHASES:
        values = [r[key] for r in runs]
        print(
            f"{key}: median {statistics.median(values):.0f} ms over {len(values)} runs "
            f"(each: {', '.join(str(v) for v in values)})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
