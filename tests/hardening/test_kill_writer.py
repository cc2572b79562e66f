"""Kill tests: a process saving settings and declarations in a loop is killed with SIGKILL at random
moments, 100 times. Afterwards each file is the old or the new version, never lost, never corrupt, and
temporary files do not pile up: a killed writer leaves at most its one temporary file per target, and
the next successful write removes it (checks/atomic.py)."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from checks.settings import SettingsStore, UserSettings
from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")

WRITER = r"""
import sys
from datetime import UTC, datetime
from pathlib import Path
from checks.settings import SettingsStore, UserSettings
from datetime import date

store = SettingsStore(Path(sys.argv[1]))
versions = [
    (UserSettings(monitoring=True), {"phone-pin": datetime(2026, 11, 1, 9, 0, tzinfo=UTC)}),
    (UserSettings(monitoring=False, not_working_on=date(2026, 11, 25), opt_in={"social-sites": True}),
     {"phone-pin": datetime(2026, 11, 25, 9, 0, tzinfo=UTC),
      "privacy-settings": datetime(2026, 11, 25, 9, 1, tzinfo=UTC)}),
]
i = 0
while True:
    settings, declarations = versions[i % 2]
    store.save_settings(settings)
    store.save_declarations(declarations)
    if i == 1:
        print("ready", flush=True)  # both files written in both versions at least once
    i += 1
"""
SETTINGS_VERSIONS = [
    UserSettings(monitoring=True).to_json(),
    UserSettings(
        monitoring=False, not_working_on=datetime(2026, 11, 25).date(), opt_in={"social-sites": True}
    ).to_json(),
]
DECLARATION_VERSIONS = [
    {"phone-pin": datetime(2026, 11, 1, 9, 0, tzinfo=UTC)},
    {
        "phone-pin": datetime(2026, 11, 25, 9, 0, tzinfo=UTC),
        "privacy-settings": datetime(2026, 11, 25, 9, 1, tzinfo=UTC),
    },
]
KILLS = 100


def _temps(folder: Path, name: str) -> list[str]:
    return [n for n in os.listdir(folder) if n.startswith(f".{name}.") and n.endswith(".tmp")]


def _assert_whole(folder: Path) -> None:
    settings_text = (folder / "settings.json").read_text(encoding="utf-8")
    assert json.loads(settings_text) in SETTINGS_VERSIONS, settings_text
    store = SettingsStore(folder)
    assert store.load_declarations() in DECLARATION_VERSIONS
    assert store.load_settings().to_json() in SETTINGS_VERSIONS
    assert store.warnings == []  # nothing was judged damaged or moved aside
    assert not list(folder.glob("*.bak"))


@pytest.mark.slow
def test_writer_killed_at_random_moments_never_loses_or_corrupts(tmp_path: Path) -> None:
    folder = tmp_path / "config"
    SettingsStore(folder).save_settings(UserSettings())  # an "old" file exists before the first kill
    rng = random.Random(20261125)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    stopped_mid_write = 0
    for _ in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(folder)], stdout=subprocess.PIPE, env=env, text=True
        )
        try:
            assert child.stdout is not None and child.stdout.readline().strip() == "ready"
            # A seeded pause, then the kill: lands anywhere in a write (mkstemp, write, fsync, rename).
            signal_at = rng.uniform(0, 0.03)
            try:
                child.wait(timeout=signal_at)
            except subprocess.TimeoutExpired:
                pass
            os.kill(child.pid, signal.SIGKILL)
        finally:
            child.kill()
            child.wait()
            if child.stdout:
                child.stdout.close()
        assert child.returncode == -signal.SIGKILL
        _assert_whole(folder)
        left = {name: _temps(folder, name) for name in ("settings.json", "declarations.json")}
        assert all(len(v) <= 1 for v in left.values()), left  # only the killed writer's own, if any
        stopped_mid_write += sum(len(v) for v in left.values())
    # The next successful write tidies what the last killed writer left.
    store = SettingsStore(folder)
    store.save_settings(store.load_settings())
    store.save_declarations(store.load_declarations())
    assert _temps(folder, "settings.json") == _temps(folder, "declarations.json") == []
    print(f"kills that left a temporary file: {stopped_mid_write}")
    assert stopped_mid_write > 0, "no kill landed inside a write: the test would prove nothing"


def test_a_live_writers_temporary_file_is_left_alone(tmp_path: Path) -> None:
    """Tidying never removes the temporary file of a writer that is still running (GUI and tray may both
    write)."""
    folder = tmp_path / "config"
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        folder.mkdir()
        live = folder / f".settings.json.{sleeper.pid}.abc123.tmp"
        dead = folder / ".settings.json.999999999.def456.tmp"
        live.write_text("half written")
        dead.write_text("half written")
        SettingsStore(folder).save_settings(UserSettings())
        assert live.exists() and not dead.exists()
    finally:
        sleeper.kill()
        sleeper.wait()
