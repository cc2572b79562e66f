"""Benchmark of the tray monitor (prints figures; asserts nothing).

1. The monitor's memory (RSS) and CPU % over a run: the background part (tests/tray_harness.py) runs in its
   own process in school hours at the profile's interval, sampled every few seconds with psutil.
2. The cost of one social-apps scan with about 1,000 processes running (harmless `sleep` processes started
   here and ended after), next to a bare psutil.process_iter over the same processes. Medians of several.

    python tests/bench/monitor_bench.py                 # 10 minutes at a 60 s interval, 1,000 processes
    python tests/bench/monitor_bench.py --minutes 2     # a shorter run
"""

from __future__ import annotations

import argparse
import json
import os
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

import psutil  # noqa: E402

PROFILE = """\
[monitor]
interval_seconds = {interval}

[[social_apps]]
name = "Discord"
processes = {{ linux = ["Discord"], windows = ["Discord.exe"], darwin = ["Discord"] }}
"""


def run_monitor(minutes: float, interval: int, sample_every: float) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="monitor-bench-"))
    profile = tmp / "profile.toml"
    profile.write_text(PROFILE.format(interval=interval))
    env = {k: v for k, v in os.environ.items() if k not in ("DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY")}
    env.update(QT_QPA_PLATFORM="offscreen", DEVICECHECK_CONFIG_DIR=str(tmp / "config"), PYTHONPATH=str(ROOT))
    # A Wednesday at 10:00, real speed: every wake-up scans, as on a school day.
    argv = [
        sys.executable,
        str(ROOT / "tests" / "tray_harness.py"),
        "--profile",
        str(profile),
        "--start",
        "2026-11-25T10:00",
        "--scale",
        "1",
        "--sim-seconds",
        str(minutes * 60),
    ]
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    mon = psutil.Process(proc.pid)
    time.sleep(5)  # start-up and the first full check are not the steady state
    mon.cpu_percent(None)
    cpu0 = sum(mon.cpu_times()[:2])
    t0 = time.monotonic()
    rss: list[float] = []
    cpu: list[float] = []
    while proc.poll() is None:
        try:
            rss.append(mon.memory_info().rss / 2**20)
            cpu.append(mon.cpu_percent(None))
            cpu_total = sum(mon.cpu_times()[:2]) - cpu0
            wall = time.monotonic() - t0
        except psutil.NoSuchProcess:
            break
        time.sleep(sample_every)
    out = proc.communicate()[0]
    scans = [json.loads(line).get("scans") for line in out.splitlines() if '"finished"' in line]
    shutil.rmtree(tmp, ignore_errors=True)
    done = scans[0] if scans else "?"
    print(f"monitor run: {minutes:g} min at a {interval} s interval, {len(rss)} samples, scans done: {done}")
    print(f"  RSS MiB: start {rss[0]:.1f}, end {rss[-1]:.1f}, max {max(rss):.1f}")
    print(
        f"  CPU %:   mean {cpu_total / wall * 100:.3f} (CPU seconds {cpu_total:.2f} over {wall:.0f} s), "
        f"max sample {max(cpu):.1f}"
    )


def start_sleepers(count: int) -> list[subprocess.Popen[bytes]]:
    sleepers: list[subprocess.Popen[bytes]] = []
    for _ in range(count):
        try:
            sleepers.append(subprocess.Popen(["sleep", "600"], stdin=subprocess.DEVNULL))
        except OSError as exc:  # a process limit: measure with what we have
            print(f"  (stopped at {len(sleepers)} sleepers: {exc})")
            break
    return sleepers


def median_ms(fns: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """Round-robin, so a busy moment on a shared machine hits every contender alike; medians in ms."""
    times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            t0 = time.perf_counter()
            fn()
            times[name].append((time.perf_counter() - t0) * 1000)
    return {name: statistics.median(t) for name, t in times.items()}


def scan_cost(target: int, repeat: int) -> None:
    from checks.context import CheckContext
    from checks.live import LiveSystem
    from checks.probes import SOCIAL_APPS, facts_for
    from checks.profile import load_profile
    from checks.settings import UserSettings

    profile = load_profile()
    system = LiveSystem()
    existing = len(psutil.pids())
    sleepers = start_sleepers(max(0, target - existing))
    try:
        seen = len(psutil.pids())

        def scan() -> object:
            ctx = CheckContext(system, profile, UserSettings(), system.now())
            return facts_for(ctx, SOCIAL_APPS)

        def bare() -> object:
            return [p.info for p in psutil.process_iter(["name"])]

        def door() -> object:
            return system.processes()

        scan()
        bare()  # warm caches on both sides
        ms = median_ms({"scan": scan, "door": door, "bare": bare}, repeat)
        print(f"scan cost with {seen} processes ({len(profile.social_apps)} apps in the profile), median of {repeat}:")
        print(f"  social-apps scan (probe + match):          {ms['scan']:7.1f} ms")
        print(f"  of which LiveSystem.processes():           {ms['door']:7.1f} ms")
        print(f"  bare psutil.process_iter(['name']):        {ms['bare']:7.1f} ms")
    finally:
        for s in sleepers:
            s.terminate()
        for s in sleepers:
            s.wait()


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--minutes", type=float, default=10)
    p.add_argument("--interval", type=int, default=60)
    p.add_argument("--sample-every", type=float, default=5)
    p.add_argument("--processes", type=int, default=1000)
    p.add_argument("--repeat", type=int, default=15)
    p.add_argument("--skip-run", action="store_true", help="only the scan cost")
    p.add_argument("--skip-scan", action="store_true", help="only the monitor run")
    args = p.parse_args()
    print(f"python {sys.version.split()[0]}, psutil {psutil.__version__}, {os.cpu_count()} CPUs")
    if not args.skip_scan:
        scan_cost(args.processes, args.repeat)
    if not args.skip_run:
        run_monitor(args.minutes, args.interval, args.sample_every)
    return 0


if __name__ == "__main__":
    sys.exit(main())
