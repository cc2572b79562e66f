from datetime import UTC, date, datetime

from checks.settings import SettingsStore, UserSettings


def test_settings_round_trip(tmp_path):
    store = SettingsStore(tmp_path)
    s = UserSettings(not_working_on=date(2026, 11, 25), opt_in={"social-sites": True}, monitoring=False)
    store.save_settings(s)
    assert SettingsStore(tmp_path).load_settings() == s


def test_corrupt_settings_kept_as_backup_and_defaults_used(tmp_path):
    (tmp_path / "settings.json").write_text('{"schema": "devicecheck-settings/1", "week": ', encoding="utf-8")
    store = SettingsStore(tmp_path)
    assert store.load_settings() == UserSettings()
    [backup] = tmp_path.glob("settings.json.*.bak")
    assert backup.read_text().startswith('{"schema"')
    assert len(store.warnings) == 1 and "settings.json" in store.warnings[0] and "line 1" in store.warnings[0]


def test_declarations_survive_and_corrupt_file_is_kept(tmp_path):
    store = SettingsStore(tmp_path)
    when = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
    store.save_declarations({"phone-pin": when})
    assert SettingsStore(tmp_path).load_declarations() == {"phone-pin": when}
    (tmp_path / "declarations.json").write_bytes(b"\x00\xff garbage")
    again = SettingsStore(tmp_path)
    assert again.load_declarations() == {}
    assert list(tmp_path.glob("declarations.json.*.bak")) and again.warnings


def test_no_temporary_files_left_behind(tmp_path):
    store = SettingsStore(tmp_path)
    for i in range(5):
        store.save_settings(UserSettings(monitoring=bool(i % 2)))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.json"]
