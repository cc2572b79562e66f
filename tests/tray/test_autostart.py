"""Start at login: the login item appears and disappears with the setting, and what it runs starts."""

import os
import plistlib
import subprocess
import sys

import pytest

from desktop import autostart


@pytest.fixture()
def home(tmp_path, monkeypatch):
    h = tmp_path / "home"
    h.mkdir()
    monkeypatch.setenv("HOME", str(h))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    return h


def test_linux_desktop_entry_appears_and_disappears_with_the_setting(home):
    entry = home / ".config" / "autostart" / "devicecheck.desktop"
    assert not autostart.is_enabled("linux")
    autostart.apply(True, "linux")
    assert entry.is_file() and autostart.is_enabled("linux")
    text = entry.read_text()
    assert "[Desktop Entry]" in text and "Type=Application" in text
    assert autostart.parse_exec(text) == [sys.executable, "-m", "desktop", "--tray"]
    autostart.apply(False, "linux")
    assert not entry.exists() and not autostart.is_enabled("linux")
    assert entry.parent.is_dir()  # the user's own autostart folder is left alone
    assert not list(entry.parent.iterdir())  # nothing left behind (no temporary files)
    autostart.apply(False, "linux")  # turning it off twice is harmless


def test_xdg_config_home_is_respected(home, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    where = autostart.enable(platform="linux")
    assert where == str(tmp_path / "xdg" / "autostart" / "devicecheck.desktop")
    assert not (home / ".config").exists()


def test_frozen_build_runs_its_own_executable(monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/Device Check/devicecheck")
    assert autostart.tray_command() == ["/opt/Device Check/devicecheck", "--tray"]
    text = autostart.desktop_entry(autostart.tray_command(), autostart.working_dir())
    assert 'Exec="/opt/Device Check/devicecheck" --tray' in text and "Path=" not in text
    assert autostart.parse_exec(text) == ["/opt/Device Check/devicecheck", "--tray"]


def test_the_exec_line_really_starts_device_check(home):
    """Run the entry's Exec line as the session would, but with no display: the app starts and, finding
    no screen, prints the checklist as text instead of failing."""
    autostart.enable(platform="linux")
    text = (home / ".config" / "autostart" / "devicecheck.desktop").read_text()
    argv = autostart.parse_exec(text)
    env = {
        k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "PYTHONPATH")
    }
    proc = subprocess.run(
        argv, cwd=autostart.entry_value(text, "Path"), env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert "no display found" in proc.stderr, proc.stderr
    assert proc.returncode in (0, 1, 3), proc.stderr  # 1: a required check fails here; 3: incomplete
    assert "Traceback" not in proc.stderr


def test_macos_launch_agent_plist(home):
    where = autostart.enable(
        argv=["/Applications/Device Check.app/Contents/MacOS/devicecheck", "--tray"], platform="darwin"
    )
    path = home / "Library" / "LaunchAgents" / f"{autostart.LAUNCH_AGENT_ID}.plist"
    assert where == str(path)
    agent = plistlib.loads(path.read_bytes())
    assert agent["Label"] == autostart.LAUNCH_AGENT_ID and agent["RunAtLoad"] is True
    assert agent["ProgramArguments"][-1] == "--tray"
    assert autostart.is_enabled("darwin")
    autostart.disable("darwin")
    assert not path.exists()


def test_windows_run_value_quotes_a_path_with_spaces():
    value = autostart.windows_run_value([r"C:\Program Files\Device Check\devicecheck.exe", "--tray"])
    assert value == r'"C:\Program Files\Device Check\devicecheck.exe" --tray'
