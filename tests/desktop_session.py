"""A real little desktop for tests: its own D-Bus session (dbus-run-session), X server (Xvfb -displayfd),
system tray (trayer), notification service (dunst) and a dbus-monitor log of Notifications traffic.
Everything is started here and stopped by the PIDs started here."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ATSPI_BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"  # Debian's at-spi2-core puts it here


def wait_for(condition: Callable[[], object], timeout: float, what: str) -> object:
    """Poll a condition (an external process's state: no signal to wait on) until it holds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what}")


class DesktopSession:
    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.procs: list[subprocess.Popen[bytes]] = []
        self.env = dict(os.environ)
        self.env.pop("QT_QPA_PLATFORM", None)
        self.env["HOME"] = str(tmp / "home")
        self.env["XDG_RUNTIME_DIR"] = str(tmp / "run")
        self.env["XDG_CONFIG_HOME"] = str(tmp / "home" / ".config")
        for d in ("home", "run"):
            (tmp / d).mkdir(exist_ok=True, mode=0o700)
        self.monitor_log = tmp / "dbus-monitor.txt"

    def _start(self, argv: list[str], **kw: object) -> subprocess.Popen[bytes]:
        proc = subprocess.Popen(argv, env=self.env, **kw)  # type: ignore[call-overload]
        self.procs.append(proc)
        return proc

    def start_bus(self) -> None:
        # dbus-run-session lives as long as its child; the child holds until we close its stdin.
        holder = "import os, sys; print(os.environ['DBUS_SESSION_BUS_ADDRESS'], flush=True); sys.stdin.read()"
        proc = self._start(
            ["dbus-run-session", "--", sys.executable, "-c", holder],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        assert proc.stdout is not None
        self.env["DBUS_SESSION_BUS_ADDRESS"] = proc.stdout.readline().decode().strip()

    def start_x(self) -> None:
        read_fd, write_fd = os.pipe()
        self._start(
            ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1024x768x24", "-nolisten", "tcp"],
            pass_fds=(write_fd,),
            stderr=subprocess.DEVNULL,
        )
        os.close(write_fd)
        with os.fdopen(read_fd) as fh:
            self.env["DISPLAY"] = ":" + fh.readline().strip()

    def start_accessibility_bus(self) -> None:
        """at-spi2-core's bus launcher, as a desktop session starts it: apps built with Qt's AT-SPI bridge
        find it through org.a11y.Bus on the session bus and publish their trees there."""
        self._start([ATSPI_BUS_LAUNCHER, "--launch-immediately"], stderr=subprocess.DEVNULL)
        wait_for(
            lambda: (
                subprocess.run(
                    ["gdbus", "wait", "--session", "--timeout", "1", "org.a11y.Bus"], env=self.env, capture_output=True
                ).returncode
                == 0
            ),
            20,
            "the accessibility bus",
        )

    def start_tray(self) -> None:
        self._start(
            ["trayer", "--edge", "top", "--align", "right", "--widthtype", "pixel", "--width", "200", "--height", "24"],
            stderr=subprocess.DEVNULL,
        )

    def start_notifications(self) -> None:
        self._start(["dunst"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for(
            lambda: (
                subprocess.run(
                    ["gdbus", "wait", "--session", "--timeout", "1", "org.freedesktop.Notifications"],
                    env=self.env,
                    capture_output=True,
                ).returncode
                == 0
            ),
            20,
            "dunst on the bus",
        )

    def start_monitor(self) -> None:
        log = open(self.monitor_log, "wb")  # noqa: SIM115 - closed when the process ends
        self._start(
            ["dbus-monitor", "--session", "interface='org.freedesktop.Notifications'"],
            stdout=log,
            stderr=subprocess.DEVNULL,
        )
        wait_for(lambda: b"NameLost" in self.monitor_log.read_bytes(), 20, "dbus-monitor to start")

    def settle_monitor(self) -> None:
        """Make sure dbus-monitor has written everything sent so far: send a marker call through the same bus
        and wait until the log shows it (the bus delivers to the monitor in order)."""
        before = self.monitor_log.read_text(errors="replace").count("member=GetServerInformation")
        subprocess.run(
            [
                "gdbus",
                "call",
                "--session",
                "--dest",
                "org.freedesktop.Notifications",
                "--object-path",
                "/org/freedesktop/Notifications",
                "--method",
                "org.freedesktop.Notifications.GetServerInformation",
            ],
            env=self.env,
            capture_output=True,
            timeout=20,
            check=False,
        )
        wait_for(
            lambda: self.monitor_log.read_text(errors="replace").count("member=GetServerInformation") > before,
            20,
            "dbus-monitor to catch up",
        )

    def notify_calls(self) -> list[list[str]]:
        """Each Notify method call dbus-monitor saw: its argument lines."""
        calls: list[list[str]] = []
        current: list[str] | None = None
        for line in self.monitor_log.read_text(errors="replace").splitlines():
            if not line.startswith(" "):
                current = [] if "member=Notify" in line and line.startswith("method call") else None
                if current is not None:
                    calls.append(current)
            elif current is not None:
                current.append(line.strip())
        return calls

    def harness(self, *args: str, config: Path) -> subprocess.Popen[str]:
        env = dict(self.env, DEVICECHECK_CONFIG_DIR=str(config), PYTHONPATH=str(ROOT))
        proc = subprocess.Popen(
            [sys.executable, str(ROOT / "tests" / "tray_harness.py"), *args],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.procs.append(proc)  # type: ignore[arg-type]
        return proc

    def close(self) -> None:
        for proc in reversed(self.procs):
            if proc.stdin:
                try:
                    proc.stdin.close()  # the bus holder and the harness end by themselves on this
                    proc.wait(5)
                except (subprocess.TimeoutExpired, OSError):
                    pass
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait(5)
