"""A private D-Bus session bus and temporary home for tests that drive real desktop settings.

dconf and xfconfd are started by the bus on demand (D-Bus activation) and inherit the bus's environment,
so the bus gets the test's HOME, XDG_CONFIG_HOME and XDG_RUNTIME_DIR: every write lands in tmp_path and
nothing of the machine's own settings is read or touched. The bus is stopped by its PID afterwards.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

# Variables that would let the machine's own session leak into a test.
SESSION_VARS = (
    "DBUS_SESSION_BUS_ADDRESS",
    "XDG_CURRENT_DESKTOP",
    "XDG_SESSION_DESKTOP",
    "DESKTOP_SESSION",
    "KDE_SESSION_VERSION",
    "GNOME_DESKTOP_SESSION_ID",
    "XDG_CONFIG_HOME",
    "XDG_RUNTIME_DIR",
    "GSETTINGS_BACKEND",
    "GSETTINGS_SCHEMA_DIR",
    "DISPLAY",
    "WAYLAND_DISPLAY",
)


def desktop_env(home: Path, desktop: str | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in SESSION_VARS}
    runtime = home / "runtime"
    runtime.mkdir(parents=True, exist_ok=True)
    runtime.chmod(0o700)
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_RUNTIME_DIR=str(runtime),
        GSETTINGS_BACKEND="dconf",
    )
    if desktop:
        env["XDG_CURRENT_DESKTOP"] = desktop
    return env


@contextmanager
def session_bus(env: dict[str, str]) -> Iterator[dict[str, str]]:
    """Start `dbus-daemon --session` with env; yield env plus DBUS_SESSION_BUS_ADDRESS."""
    proc = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    try:
        assert proc.stdout is not None
        address = proc.stdout.readline().strip()
        if not address:
            raise RuntimeError("dbus-daemon did not print its address")
        yield dict(env, DBUS_SESSION_BUS_ADDRESS=address)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def use_env(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    """Make env this process's environment for the test (LiveSystem reads os.environ)."""
    for key in SESSION_VARS:
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)


def run_ok(argv: list[str], env: dict[str, str]) -> str:
    """Run a real settings tool; fail the test with its own message when it fails."""
    res = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=20, check=False)
    assert res.returncode == 0, f"{' '.join(argv)} failed: {res.stderr.strip()}"
    return res.stdout
