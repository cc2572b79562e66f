"""Fuzz the candidate's settings and declarations files: any bytes give defaults, a warning and a .bak;
any JSON with our schema gives settings (bad fields fall back); never an exception, never a lost file."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checks.policy import declaration_states
from checks.profile import load_profile
from checks.schoolhours import school_day
from checks.settings import DECLARATIONS_SCHEMA, SETTINGS_SCHEMA, SettingsStore, UserSettings
from tests.fuzz.conftest import FUZZ

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.sampled_from(
        [
            "08:00",
            "16:00",
            "2026-12-21",
            "2026-12-21..2027-01-02",
            "2026-11-25T10:00:00",
            "2026-11-25T10:00:00+00:00",
            "25:00",
            "",
        ]
    ),
)
json_like = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=10,
)
day_hours = st.one_of(st.none(), json_like, st.fixed_dictionaries({"start": json_scalars, "end": json_scalars}))
settings_docs = st.fixed_dictionaries(
    {"schema": st.just(SETTINGS_SCHEMA)},
    optional={
        "week": st.one_of(
            json_like, st.dictionaries(st.sampled_from(["mon", "tue", "wed", "sat", "xyz"]), day_hours, max_size=4)
        ),
        "holidays": st.one_of(json_like, st.lists(json_scalars, max_size=4)),
        "not_working_on": json_scalars,
        "monitor_paused_until": json_scalars,
        "opt_in": st.one_of(json_like, st.dictionaries(st.text(max_size=12), json_scalars, max_size=3)),
        "monitoring": json_scalars,
        "start_at_login": json_scalars,
    },
)
declaration_docs = st.fixed_dictionaries(
    {"schema": st.just(DECLARATIONS_SCHEMA)},
    optional={"confirmed": st.one_of(json_like, st.dictionaries(st.text(max_size=12), json_scalars, max_size=4))},
)
NOW = datetime(2026, 11, 25, 10, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz-settings")


def _clear(folder: Path) -> None:
    for p in folder.iterdir():
        p.unlink()


def _use_everywhere(settings: UserSettings, confirmed: dict[str, datetime]) -> None:
    """What the app does with loaded settings: school hours, declarations, and writing them back."""
    profile = load_profile()
    school_day(NOW, profile.school_hours, settings)
    for state in declaration_states(profile.declarations, confirmed):
        state.to_json(NOW)
    assert UserSettings.from_json(settings.to_json()) == settings  # what we write reads back the same


@FUZZ
@given(raw=st.binary(max_size=300))
def test_random_bytes_give_defaults_a_warning_and_a_backup(folder: Path, raw: bytes) -> None:
    _clear(folder)
    (folder / "settings.json").write_bytes(raw)
    (folder / "declarations.json").write_bytes(raw)
    store = SettingsStore(folder)
    assert store.load_settings() == UserSettings()
    assert store.load_declarations() == {}
    assert len(store.warnings) == 2
    for name, warning in zip(("settings.json", "declarations.json"), store.warnings, strict=True):
        assert str(folder / name) in warning and "\n" not in warning
        [backup] = folder.glob(f"{name}.*.bak")
        assert backup.read_bytes() == raw  # nothing lost: the damaged file is kept
        assert not (folder / name).exists()


@FUZZ
@given(doc=settings_docs, decl=declaration_docs)
def test_any_json_with_our_schema_loads_and_is_usable(folder: Path, doc: dict[str, Any], decl: dict[str, Any]) -> None:
    _clear(folder)
    (folder / "settings.json").write_text(json.dumps(doc), encoding="utf-8")
    (folder / "declarations.json").write_text(json.dumps(decl), encoding="utf-8")
    store = SettingsStore(folder)
    settings = store.load_settings()
    confirmed = store.load_declarations()
    assert store.warnings == []
    _use_everywhere(settings, confirmed)
    store.save_settings(settings)
    store.save_declarations(confirmed)
    assert SettingsStore(folder).load_settings() == settings
    assert SettingsStore(folder).load_declarations() == confirmed
