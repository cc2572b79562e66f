"""Nothing lost, nothing silent: damaged settings and declarations files say the same thing and are kept
under names that never overwrite an earlier backup; a file from a newer version is never moved or
overwritten; `check` names every file it moves aside."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

from checks.atomic import move_aside
from checks.monitor import NotifyMemory
from checks.settings import SettingsStore, UserSettings
from tests.conftest import run_cli

TRUNCATED = {
    "settings.json": '{"schema": "devicecheck-settings/1", "week": {"mon": ',
    "declarations.json": '{"schema": "devicecheck-declarations/1", "confirmed": {"phone-pin": "2026-11-',
}
NEWER = {
    "settings.json": {"schema": "devicecheck-settings/2", "week": None, "new_thing": [1, 2, 3]},
    "declarations.json": {"schema": "devicecheck-declarations/2", "confirmed": {"phone-pin": {"at": "2026"}}},
    "monitor.json": {"schema": "devicecheck-monitor/2", "said": {"app:Discord": "2026-11-25"}},
}


def check_with(folder: Path) -> tuple[int, list[str]]:
    proc = run_cli("check", "--json", "--only", "social-apps", "--config-dir", str(folder), "--at", "2026-11-25T10:00")
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc.returncode, [line for line in proc.stderr.splitlines() if "warning:" in line]


def test_a_damaged_declarations_file_warns_as_a_damaged_settings_file_does(tmp_path):
    for name, text in TRUNCATED.items():
        (tmp_path / name).write_text(text)
    code, warnings = check_with(tmp_path)
    assert code in (0, 1, 3)
    assert len(warnings) == 2
    # The same sentence for both, apart from the file's name and the place the damage starts.
    shapes = {
        re.sub(r"line \d+: [^;]*", "LINE", re.sub(r"\S*(settings|declarations)\.json\S*", "F", w)) for w in warnings
    }
    assert len(shapes) == 1, warnings
    for name, text in TRUNCATED.items():
        [backup] = tmp_path.glob(f"{name}.*.bak")
        assert backup.read_text() == text  # kept whole
        assert any(str(tmp_path / name) in w and backup.name in w for w in warnings)  # and said, by name


def test_check_names_every_file_it_moves_aside(tmp_path):
    (tmp_path / "settings.json").write_bytes(b"\xff\xfe not text")
    (tmp_path / "declarations.json").write_text("[]")
    _code, warnings = check_with(tmp_path)
    moved = set(tmp_path.glob("*.bak"))
    assert len(moved) == 2 and not (tmp_path / "settings.json").exists()
    for backup in moved:
        assert any(backup.name in w for w in warnings), (backup, warnings)


def test_backups_named_by_time_never_overwrite_an_earlier_one(tmp_path):
    path = tmp_path / "settings.json"
    when = datetime(2026, 11, 29, 10, 30, 0)
    names = []
    for i in range(3):
        path.write_text(f"damaged {i}")
        names.append(move_aside(path, when).name)
    assert names == [
        "settings.json.2026-11-29T10-30-00.bak",
        "settings.json.2026-11-29T10-30-00-2.bak",
        "settings.json.2026-11-29T10-30-00-3.bak",
    ]
    assert [(tmp_path / n).read_text() for n in names] == ["damaged 0", "damaged 1", "damaged 2"]
    assert not path.exists()


def test_two_damaged_loads_keep_both_files(tmp_path):
    for text in ("first damage", "second damage"):
        (tmp_path / "declarations.json").write_text(text)
        store = SettingsStore(tmp_path)
        assert store.load_declarations() == {} and len(store.warnings) == 1
    assert sorted(p.read_text() for p in tmp_path.glob("declarations.json.*.bak")) == ["first damage", "second damage"]


def test_a_newer_versions_files_are_left_untouched_and_said(tmp_path):
    for name in ("settings.json", "declarations.json"):
        (tmp_path / name).write_text(json.dumps(NEWER[name]))
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.glob("*.json*")}
    code, warnings = check_with(tmp_path)
    assert code in (0, 1, 3)
    assert len(warnings) == 2 and all("made by a newer version of Device Check" in w for w in warnings)
    store = SettingsStore(tmp_path)
    assert store.load_settings() == UserSettings() and store.load_declarations() == {}
    assert len(store.warnings) == 2
    # The choice made here: a newer version's file is never overwritten; saving is refused and said once.
    for _ in range(2):
        assert store.save_settings(UserSettings(monitoring=False)) is False
        assert store.save_declarations({"phone-pin": datetime(2026, 11, 25, tzinfo=UTC)}) is False
    assert len(store.warnings) == 2  # the load's warnings already say so: not repeated
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.glob("*.json*")}
    assert after == before  # nothing moved, nothing rewritten, no backup made


def test_a_newer_version_written_while_running_is_not_overwritten(tmp_path):
    store = SettingsStore(tmp_path)
    assert store.load_settings() == UserSettings() and store.warnings == []
    (tmp_path / "settings.json").write_text(json.dumps(NEWER["settings.json"]))
    assert store.save_settings(UserSettings(monitoring=False)) is False
    assert json.loads((tmp_path / "settings.json").read_text()) == NEWER["settings.json"]
    assert len(store.warnings) == 1 and "newer version" in store.warnings[0]


def test_the_monitors_memory_from_a_newer_version_is_kept(tmp_path):
    path = tmp_path / "monitor.json"
    path.write_text(json.dumps(NEWER["monitor.json"]))
    memory = NotifyMemory.load(path)
    assert "newer version" in memory.warnings[0]
    assert memory.fresh(["app:Discord"], datetime(2026, 11, 25).date()) == ["app:Discord"]  # still said
    assert json.loads(path.read_text()) == NEWER["monitor.json"]
    assert list(tmp_path.iterdir()) == [path]
