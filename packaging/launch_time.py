"""How fast the frozen app starts: `--version`, and the window shown / all results in.

Runs the bundle with `--quit-when-done` and DEVICECHECK_TIMINGS=1 (desktop/app.py then prints, from the real
process start, "devicecheck-timing: window shown N ms" after the first event-loop tick following show(), and
"last result N ms"), on the current display or a private Xvfb when there is none."""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

TIMING = re.compile(r"devicecheck-timing: (window shown|last result) (\d+) ms")


@dataclass(frozen=True)
class Launch:
    shown: list[float]  # seconds from process start to the window shown, per run
    results: list[float]  # ... to the last check result
    display: str  # what it ran on

    @property
    def median(self) -> float:
        return statistics.median(self.shown)


@contextmanager
def x_display() -> Iterator[tuple[dict[str, str], str]]:
    """The current display if there is one, else a private Xvfb (-displayfd: no fixed display number)."""
    if os.environ.get("DISPLAY"):
        yield {}, f"X display {os.environ['DISPLAY']}"
        return
    if not shutil.which("Xvfb"):
        yield {"QT_QPA_PLATFORM": "offscreen"}, "offscreen (no Xvfb)"
        return
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()
        yield {"DISPLAY": f":{number}"}, f"Xvfb :{number}"
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)


def time_version(executable: Path, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([str(executable), "--version"], check=True, capture_output=True, timeout=60)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def time_window(executable: Path, runs: int = 5, extra_env: dict[str, str] | None = None) -> Launch | str:
    """`runs` launches after one warm-up; a string saying why when the window cannot be measured."""
    with x_display() as (display_env, display_name), tempfile.TemporaryDirectory() as home:
        env = dict(
            os.environ,
            **display_env,
            **(extra_env or {}),
            DEVICECHECK_TIMINGS="1",
            HOME=home,
            DEVICECHECK_CONFIG_DIR=str(Path(home) / "config"),
        )
        shown, results = [], []
        for i in range(runs + 1):
            try:
                proc = subprocess.run(
                    [str(executable), "--quit-when-done"],
                    env=env,
                    capture_output=True,
                    text=True,
                    timeout=120,
                    check=False,
                )
            except subprocess.TimeoutExpired:
                return "the app did not finish its checks within 120 s"
            found = {m.group(1): int(m.group(2)) / 1000 for m in TIMING.finditer(proc.stderr)}
            if "window shown" not in found:
                last = (proc.stderr.strip().splitlines() or [f"exit code {proc.returncode}"])[-1]
                return f"no window was shown ({last})"
            if i:  # the first run warms the disk cache
                shown.append(found["window shown"])
                results.append(found.get("last result", float("nan")))
        return Launch(shown, results, display_name)
