"""The tray monitor on a full disk: a real 64 KiB tmpfs, filled to the last block, holds the monitor's
memory file. Saving it fails with ENOSPC; the monitor still notifies "Discord is open", keeps its timer
set for the next wake-up, and says once that it could not save."""

from __future__ import annotations

import errno
import os
import secrets
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from checks.live import LiveSystem
from checks.monitor import NotifyMemory
from checks.profile import load_profile
from checks.settings import SettingsStore
from desktop.monitor import Monitor
from desktop.notify import Notifier
from tests.conftest import stand_in_app

EXE_NAME = f"Discord-{secrets.token_hex(3)}"  # unique per run: the scan can only see this run's stand-in
PROFILE = f"""\
[[social_apps]]
name = "Discord"
processes = {{ linux = ["{EXE_NAME}"], windows = ["{EXE_NAME}.exe"], darwin = ["{EXE_NAME}"] }}
"""
SCHOOL_MORNING = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)  # a Wednesday, in school hours


class Collected(Notifier):
    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def notify(self, key, title, body, actions=None):  # type: ignore[no-untyped-def]
        self.shown.append(title)
        return True


@pytest.fixture()
def full_disk(tmp_path: Path):
    mount_point = tmp_path / "full"
    mount_point.mkdir()
    proc = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k,mode=0700", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here (needs root and mount rights): {proc.stderr.strip()}")
    try:
        (mount_point / "cfg").mkdir()
        fd = os.open(mount_point / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            while True:
                os.write(fd, b"\0" * 4096)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
        finally:
            os.close(fd)
        yield mount_point
    finally:
        subprocess.run(["umount", str(mount_point)], check=False)


def test_a_full_disk_never_stops_monitoring_or_a_notification(qtbot, tmp_path, full_disk):
    profile_file = tmp_path / "agency.toml"
    profile_file.write_text(PROFILE)
    profile = load_profile(profile_file)
    memory_path = full_disk / "cfg" / "monitor.json"
    with pytest.raises(OSError) as proof:  # the disk really is full
        memory_path.write_text("{}")
    assert proof.value.errno == errno.ENOSPC
    memory_path.unlink(missing_ok=True)

    shown = Collected()
    memory = NotifyMemory.load(memory_path)
    monitor = Monitor(
        LiveSystem(), profile, SettingsStore(full_disk / "cfg"), shown, memory, lambda: SCHOOL_MORNING, checks=()
    )
    warnings: list[str] = []
    monitor.storage_warning.connect(warnings.append)
    with stand_in_app(tmp_path / EXE_NAME):
        monitor.start()
        assert monitor.next_timer_ms is not None  # re-armed although the first write failed
        qtbot.waitUntil(lambda: "Discord is open during school hours" in shown.shown, timeout=10000)
        monitor.wake()  # the next wake-up: still watching, still not repeating itself
        qtbot.waitUntil(lambda: monitor.scans == 2 and not monitor._busy, timeout=10000)
    monitor.stop()
    assert shown.shown.count("Discord is open during school hours") == 1  # remembered in memory for today
    assert len(warnings) == 1, warnings
    assert str(memory_path) in warnings[0] and os.strerror(errno.ENOSPC) in warnings[0]
    assert not [n for n in os.listdir(full_disk / "cfg") if n.endswith(".tmp")]  # no half-written files left
