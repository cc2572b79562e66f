"""The measurements behind tests/bench/run_bench.py, one function per figure: each runs the real thing a few
times and returns the raw timings (or a sentence saying why it could not run). run_bench.py prints the table."""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

Row = tuple[str, str, str, str, str]  # figure, median, runs, target, met


def median_ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.0f} ms"


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("yes" if ok else "NO")


def clean_env(config: str) -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(ROOT), DEVICECHECK_CONFIG_DIR=config)


# ---- check --json --------------------------------------------------------------------------------------
def bench_cli(runs: int) -> tuple[list[float], list[tuple[str, int]]]:
    walls: list[float] = []
    slowest: list[tuple[str, int]] = []
    with tempfile.TemporaryDirectory(prefix="dc-bench-") as config:
        for _ in range(runs):
            t0 = time.perf_counter()
            res = subprocess.run(
                [sys.executable, "-m", "desktop", "check", "--json"],
                capture_output=True,
                text=True,
                env=clean_env(config),
                cwd=ROOT,
                timeout=120,
                check=False,
            )
            walls.append(time.perf_counter() - t0)
            results = json.loads(res.stdout)["results"]
            top = max(results, key=lambda r: r["duration_ms"])
            slowest.append((top["id"], top["duration_ms"]))
    return walls, slowest


# ---- Engine.run in a fresh process --------------------------------------------------------------------
ENGINE_CHILD = """
import json, sys, time
from pathlib import Path
from checks.engine import Engine
from checks.live import LiveSystem
from checks.profile import load_profile
from checks.settings import SettingsStore
profile = load_profile()
settings = SettingsStore(Path(sys.argv[1])).load_settings()
engine = Engine(LiveSystem(), profile, settings)
t0 = time.perf_counter()
results = engine.run()
took = time.perf_counter() - t0
top = max(results, key=lambda r: r.duration_ms)
print(json.dumps({"engine": took, "slowest": top.duration_ms / 1000, "id": top.id}))
"""


def bench_engine(runs: int) -> tuple[list[float], list[float], list[str]]:
    """A timer around Engine.run in a fresh interpreter each time: a first run, as the CLI and the app
    make it (the keyring's backend discovery, probe imports and the like are paid once per process)."""
    engine, slowest, names = [], [], []
    with tempfile.TemporaryDirectory(prefix="dc-bench-") as config:
        for _ in range(runs):
            res = subprocess.run(
                [sys.executable, "-c", ENGINE_CHILD, config],
                capture_output=True,
                text=True,
                env=clean_env(config),
                cwd=ROOT,
                timeout=120,
                check=True,
            )
            got = json.loads(res.stdout.strip().splitlines()[-1])
            engine.append(got["engine"])
            slowest.append(got["slowest"])
            names.append(got["id"])
    return engine, slowest, names


# The device basics (issue 16) alone in a fresh process, probe imports included: what they add to a run at
# most, since the engine runs checks side by side.
BASICS = ("firewall", "os-updates", "malware-protection")
BASICS_CHILD = """
import json, sys, time
from checks.engine import Engine, RunOptions
from checks.live import LiveSystem
from checks.profile import load_profile
engine = Engine(LiveSystem(), load_profile())
t0 = time.perf_counter()
engine.run(RunOptions(only=tuple(sys.argv[2:])))
print(json.dumps({"took": time.perf_counter() - t0}))
"""


def bench_basics(runs: int) -> list[float]:
    took = []
    with tempfile.TemporaryDirectory(prefix="dc-bench-") as config:
        for _ in range(runs):
            res = subprocess.run(
                [sys.executable, "-c", BASICS_CHILD, config, *BASICS],
                capture_output=True,
                text=True,
                env=clean_env(config),
                cwd=ROOT,
                timeout=120,
                check=True,
            )
            took.append(json.loads(res.stdout.strip().splitlines()[-1])["took"])
    return took


# ---- launch -> window ----------------------------------------------------------------------------------
def bench_window(runs: int) -> tuple[list[float], list[float]] | str:
    tool = ROOT / "tools" / "benchmark_startup.py"
    if not tool.exists():
        return "the desktop app's timing hook (tools/benchmark_startup.py) is not on this branch yet"
    if not os.environ.get("DISPLAY"):
        return "no display (run this script as it re-runs itself, under xvfb-run)"
    sys.path.insert(0, str(tool.parent))
    from benchmark_startup import one_run  # type: ignore[import-not-found]

    shown, last = [], []
    for _ in range(runs):
        found = one_run([])
        shown.append(found["window shown"] / 1000)
        last.append(found["last result"] / 1000)
    return shown, last


def bench_deb(deb: str | None, runs: int) -> tuple[list[float], list[float]] | str:
    """The packaged app: the .deb's files unpacked with dpkg-deb -x (the same files an install puts in
    /opt/devicecheck; nothing is installed on this machine), launched with the same timing hook."""
    if not deb:
        return "not measured: pass --deb dist/devicecheck_<version>_amd64.deb (python3 dev.py build makes it)"
    if not os.environ.get("DISPLAY") or not shutil.which("dpkg-deb"):
        return "needs a display and dpkg-deb"
    shown, last = [], []
    with tempfile.TemporaryDirectory(prefix="dc-bench-deb-") as tmp:
        subprocess.run(["dpkg-deb", "-x", deb, tmp], check=True)
        binary = Path(tmp) / "opt" / "devicecheck" / "devicecheck"
        for _ in range(runs):
            with tempfile.TemporaryDirectory(prefix="dc-bench-") as config:
                env = dict(
                    os.environ,
                    QT_QPA_PLATFORM="xcb",
                    DEVICECHECK_TIMINGS="1",
                    DEVICECHECK_CONFIG_DIR=config,
                    DEVICECHECK_LAUNCHED_AT=repr(time.time()),
                )
                env.pop("PYTHONPATH", None)
                res = subprocess.run(
                    [str(binary), "--quit-when-done"], capture_output=True, text=True, env=env, timeout=120, check=False
                )
            found = dict(re.findall(r"devicecheck-timing: (window shown|last result) (\d+) ms", res.stderr))
            if "window shown" not in found:
                return f"the packaged app gave no timings (exit {res.returncode}): {res.stderr.strip()[-200:]}"
            shown.append(int(found["window shown"]) / 1000)
            last.append(int(found.get("last result", 0)) / 1000)
    return shown, last


# ---- social-apps scan at 1,000 processes ---------------------------------------------------------------
def bench_scan(runs: int, count: int) -> tuple[list[float], list[float], int, str] | str:
    """The social-apps check through the engine's public door (Engine.run with only=social-apps, a fresh
    context each time, so nothing is cached between runs), judged at the start of the next school session
    (outside school hours it reads nothing). Any answer that read the process list counts: "fail" only means
    a listed social app runs on this machine, and the scan cost is the same."""
    import psutil

    from checks.engine import Engine, RunOptions
    from checks.live import LiveSystem
    from checks.model import Status
    from checks.profile import load_profile
    from checks.schoolhours import next_session_start
    from checks.settings import UserSettings

    profile = load_profile()
    in_session = next_session_start(LiveSystem().now(), profile.school_hours, UserSettings())
    if in_session is None:
        return "the default profile has no school session to judge in"
    answers: list[str] = []
    sleepers = [subprocess.Popen(["sleep", "600"], stdin=subprocess.DEVNULL) for _ in range(count)]
    try:
        seen = len(psutil.pids())

        def scan() -> None:
            (result,) = Engine(LiveSystem(), profile, UserSettings(), in_session).run(RunOptions(only=("social-apps",)))
            if result.status not in (Status.PASS, Status.FAIL):
                raise RuntimeError(f"social-apps gave {result.status.value}: {result.detail}")
            checked = result.evidence.get("processes_checked")  # only a pass says how many it read
            if checked is not None and checked < count:
                raise RuntimeError(f"social-apps read {checked} processes, fewer than the {count} started")
            answers.append(result.status.value if result.status is Status.PASS else result.detail)

        def bare() -> None:
            for proc in psutil.process_iter(["pid", "name", "exe", "cmdline"]):
                proc.info  # noqa: B018 - the same reads the scan makes, nothing else

        contenders: dict[str, Callable[[], None]] = {"scan": scan, "bare": bare}
        try:
            for fn in contenders.values():
                fn()  # warm-up
        except RuntimeError as exc:
            return str(exc)
        times: dict[str, list[float]] = {k: [] for k in contenders}
        for _ in range(runs):  # round robin, so load on a shared machine hits both alike
            for name, fn in contenders.items():
                t0 = time.perf_counter()
                fn()
                times[name].append(time.perf_counter() - t0)
    finally:
        for s in sleepers:  # only the processes started here, by their own handles
            s.kill()
        for s in sleepers:
            s.wait()
    found = next((a for a in answers if a != "pass"), "")
    return times["scan"], times["bare"], seen, found


# ---- tray monitor --------------------------------------------------------------------------------------
def bench_monitor(minutes: float) -> tuple[float, float, str] | str:
    tool = ROOT / "tests" / "bench" / "monitor_bench.py"
    if not tool.exists():
        return "the tray monitor's benchmark (tests/bench/monitor_bench.py) is not on this branch yet"
    if minutes <= 0:
        return "skipped (--monitor-minutes 0)"
    args = [sys.executable, str(tool), "--minutes", f"{minutes:g}"]
    help_text = subprocess.run(
        [sys.executable, str(tool), "--help"], capture_output=True, text=True, check=False
    ).stdout
    if "--skip-scan" in help_text:  # its own scan figure would repeat ours
        args.append("--skip-scan")
    res = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, timeout=minutes * 60 + 600, check=False)
    rss = re.search(r"RSS MiB:.*max ([\d.]+)", res.stdout)
    cpu = re.search(r"CPU %:\s+mean ([\d.]+)", res.stdout)
    if not (rss and cpu):
        return f"monitor_bench.py gave no figures (exit {res.returncode}): {(res.stdout + res.stderr).strip()[-200:]}"
    return float(rss.group(1)), float(cpu.group(1)), f"{minutes:g} min run"


# ---- lynis ---------------------------------------------------------------------------------------------
def bench_history(runs: int) -> list[tuple[int, float, float, int]]:
    from tests.bench.history_bench import measure

    return measure(1_000_000, [50, 200, 500, 30_000], runs)


def bench_lynis(runs: int) -> list[float] | str:
    if runs <= 0:
        return "skipped (--lynis-runs 0)"
    if not shutil.which("lynis"):
        return "lynis is not installed"
    walls = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="dc-bench-lynis-") as tmp:
            t0 = time.perf_counter()
            subprocess.run(
                [
                    "lynis",
                    "audit",
                    "system",
                    "--quick",
                    "--no-colors",
                    "--quiet",
                    "--logfile",
                    f"{tmp}/lynis.log",
                    "--report-file",
                    f"{tmp}/report.dat",
                ],
                capture_output=True,
                timeout=1800,
                check=False,
                cwd=tmp,
            )
            walls.append(time.perf_counter() - t0)
    return walls
