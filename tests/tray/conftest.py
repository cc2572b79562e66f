"""The real little desktop the tray tests run on (tests/desktop_session.py), a stand-in social app and an
agency profile that lists it, shared by the files in this folder."""

from __future__ import annotations

import json
import secrets
from pathlib import Path

import pytest

from tests.conftest import need, stand_in_app
from tests.desktop_session import DesktopSession

PROFILE = """\
[monitor]
interval_seconds = 15

[[social_apps]]
name = "Discord"
processes = {{ linux = ["{exe}"], windows = ["{exe}.exe"], darwin = ["{exe}"] }}
"""
# Other test runs share this machine: the stand-in's file name is unique to this run, so a scan or a
# "Quit Discord" here can only ever see (and close) the process this run started.
EXE_NAME = f"Discord-{secrets.token_hex(3)}"  # 14 characters: within Linux's 15-character process name
WEDNESDAY_MORNING = "2026-11-25T10:00"
WEDNESDAY_EVENING = "2026-11-25T19:00"


@pytest.fixture()
def desktop(tmp_path: Path):
    need("Xvfb", "trayer", "dbus-run-session", "dbus-monitor", "dunst", "dunstctl", "gdbus")
    session = DesktopSession(tmp_path)
    try:
        session.start_bus()
        session.start_x()
        yield session
    finally:
        session.close()


@pytest.fixture()
def discord(tmp_path: Path):
    with stand_in_app(tmp_path / "bin" / EXE_NAME) as proc:
        yield proc


@pytest.fixture()
def profile(tmp_path: Path) -> Path:
    path = tmp_path / "agency.toml"
    path.write_text(PROFILE.format(exe=EXE_NAME))
    return path


def run(session: DesktopSession, tmp_path: Path, *args: str) -> list[dict[str, object]]:
    proc = session.harness(*args, config=tmp_path / "config")
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


def discord_notifications(session: DesktopSession) -> list[list[str]]:
    session.settle_monitor()
    return [c for c in session.notify_calls() if any("Discord is open" in arg for arg in c)]
