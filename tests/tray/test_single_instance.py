"""One Device Check at a time: a second start brings the first one's window up and exits."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from desktop.single_instance import SingleInstance, server_name
from tests.conftest import ROOT, need
from tests.desktop_session import DesktopSession, wait_for


def test_second_claim_is_refused_and_the_first_is_asked_to_show(qtbot, isolated_config):
    first = SingleInstance()
    assert first.claim()
    try:
        with qtbot.waitSignal(first.show_requested, timeout=5000):
            assert not SingleInstance().claim()
        # The login item's start only checks that one runs: no window pops up for it.
        with qtbot.assertNotEmitted(first.show_requested, wait=300):
            assert not SingleInstance().claim("tray")
    finally:
        first.release()


def test_a_different_config_folder_is_a_different_instance(tmp_path, monkeypatch):
    name_a = server_name()
    monkeypatch.setenv("DEVICECHECK_CONFIG_DIR", str(tmp_path / "other"))
    assert server_name() != name_a


def test_a_socket_left_by_a_crash_does_not_block_the_next_start(qtbot, isolated_config):
    stale = Path(tempfile.gettempdir()) / server_name()
    stale.write_bytes(b"")  # what a killed instance leaves behind on Linux
    try:
        guard = SingleInstance()
        assert guard.claim()
        guard.release()
    finally:
        stale.unlink(missing_ok=True)


@pytest.mark.xvfb
@pytest.mark.slow
def test_second_launch_exits_and_raises_the_first_window(tmp_path):
    need("Xvfb", "dbus-run-session", "xwininfo")
    session = DesktopSession(tmp_path)
    env = None
    try:
        session.start_bus()
        session.start_x()
        env = dict(session.env, DEVICECHECK_CONFIG_DIR=str(tmp_path / "config"), PYTHONPATH=str(ROOT))

        def window_state() -> str:
            """xwininfo of the main window: the top-level named "Device Check" that has a window class."""
            tree = subprocess.run(["xwininfo", "-root", "-tree"], env=env, capture_output=True, text=True).stdout
            ids = [line.split()[0] for line in tree.splitlines() if '"Device Check": ("' in line]
            return "".join(
                subprocess.run(["xwininfo", "-id", wid], env=env, capture_output=True, text=True).stdout for wid in ids
            )

        # The first starts as the login item does: in the tray, no window.
        first = subprocess.Popen(
            [sys.executable, "-m", "desktop", "--tray"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        session.procs.append(first)  # type: ignore[arg-type]
        socket_file = Path(tempfile.gettempdir()) / _name_for(env)
        wait_for(socket_file.exists, 60, "the first Device Check to start listening")
        assert "IsViewable" not in window_state()

        second = subprocess.run([sys.executable, "-m", "desktop"], env=env, capture_output=True, text=True, timeout=60)
        assert second.returncode == 0, second.stderr
        wait_for(lambda: "Map State: IsViewable" in window_state(), 30, "the first window to come up")
        assert first.poll() is None  # the first one is still the one running
    finally:
        session.close()


def _name_for(env: dict[str, str]) -> str:
    out = subprocess.run(
        [sys.executable, "-c", "from desktop.single_instance import server_name; print(server_name())"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.strip()
