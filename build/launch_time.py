"""How fast the frozen app starts: `--version`, and the window shown (first paint plus one event-loop tick).

Runs the bundle with DEVICECHECK_EXIT_AFTER_SHOW=1 (desktop/launch_probe.py) on the current display, or on a
private Xvfb when there is none, and times each run from spawn to the line the app prints."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

MARK = "devicecheck-window-shown"


@dataclass(frozen=True)
class Launch:
    seconds: list[float]  # wall time per run, spawn to the app's line
    title: str
    display: str  # what it ran on

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


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
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                            pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
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
    """Median of `runs` launches after one warm-up; a string saying why when the window cannot be measured."""
    with x_display() as (display_env, display_name), tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, **display_env, **(extra_env or {}), DEVICECHECK_EXIT_AFTER_SHOW="1",
                   HOME=home, DEVICECHECK_CONFIG_DIR=str(Path(home) / "config"))
        times, title = [], ""
        for i in range(runs + 1):
            t0 = time.perf_counter()
            proc = subprocess.Popen([str(executable)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    text=True)
            try:
                out, err = proc.communicate(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.communicate()
                return "the window did not appear within 60 s"
            elapsed = time.perf_counter() - t0
            line = next((ln for ln in out.splitlines() if ln.startswith(MARK)), None)
            if line is None:
                last = (err.strip().splitlines() or [f"exit code {proc.returncode}"])[-1]
                return f"no window was shown ({last})"
            title = line.split(" ", 2)[2] if line.count(" ") >= 2 else ""
            if i:  # the first run warms the disk cache
                times.append(elapsed)
        return Launch(times, title, display_name)
