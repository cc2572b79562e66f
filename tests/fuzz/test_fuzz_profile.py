"""Fuzz the agency profile loader: whatever the file holds, the answer is a Profile or one clear line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checks.catalogue import CHECK_IDS
from checks.profile import DAYS, OSES, SCHEMA, Profile, ProfileError, load_profile
from tests.fuzz.conftest import FUZZ
from tests.fuzz.helpers import assert_one_line_naming, mostly, to_toml, toml_text

scalars = st.one_of(
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    toml_text,
    st.sampled_from(
        [
            "08:00",
            "16:30",
            "24:00",
            "8:00",
            "#1f5fa8",
            "required",
            "recommended",
            "mon",
            "2026-12-21",
            "2026-12-21..2027-01-02",
            "2027-01-02..2026-12-21",
            "",
            "sat",
            "08:00\n",
            "#1f5fa8\n",
            "decl\n",
            "2026-02-30",
            " 2026-12-21 .. 2026-12-22",
        ]
    ),
)
json_like = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(toml_text, inner, max_size=4)),
    max_leaves=12,
)
some_key = st.one_of(
    toml_text,
    st.sampled_from(
        sorted(
            {k for t in SCHEMA.values() for k in t}
            | {"enabled", "severity", "text", "review_days", "clause", "processes", "domains", "name"}
        )
    ),
)


# Per-key values that are mostly plausible, so generated profiles get past the first check and reach
# the later ones (merging, building, school hours); json_like now and then for the wrong type.
times = st.times().map(lambda t: f"{t:%H:%M}") | st.sampled_from(["24:00", "8:00", "08:00\n", "08:00:00", ""])
dates = st.dates(min_value=__import__("datetime").date(1, 1, 1)).map(lambda d: d.isoformat())
holiday = (
    dates | st.tuples(dates, dates).map(lambda p: f"{p[0]}..{p[1]}") | st.sampled_from(["2026-02-30", "2026-12-21\n"])
)
PLAUSIBLE: dict[str, st.SearchStrategy[Any]] = {
    "start": times,
    "end": times,
    "days": st.lists(st.sampled_from([*DAYS, "Mon", "monday"]), max_size=8),
    "holidays": st.lists(holiday, max_size=3),
    "accent_colour": st.sampled_from(["#1f5fa8", "#1F5FA8\n", "blue", "#12345"]),
    "max_idle_minutes": st.integers(-2, 62),
    "max_grace_seconds": st.integers(-2, 3602),
    "interval_seconds": st.integers(10, 3700),
    "enabled": st.booleans(),
    "severity": st.sampled_from(["required", "recommended", "Required", "off"]),
    "review_days": st.integers(-1, 4000),
    "clause": st.integers(-1, 100),
    "domains": st.lists(toml_text, max_size=3),
    "name": toml_text | st.sampled_from(["Discord", "discord", "TikTok"]),
}


def _value(key: str) -> st.SearchStrategy[Any]:
    plausible = PLAUSIBLE.get(key)
    if plausible is None:
        return mostly(toml_text, json_like)  # most keys take text
    return mostly(plausible, json_like)


def _table(keys: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    known = st.sampled_from(keys)
    chosen = st.lists(mostly(known, some_key), unique=True, max_size=len(keys) + 1)
    return chosen.flatmap(lambda ks: st.fixed_dictionaries({k: _value(k) for k in ks}))


def _section(top: str) -> st.SearchStrategy[Any]:
    if top in SCHEMA:
        table = _table(sorted(SCHEMA[top]))
        return mostly(table, json_like)
    if top == "checks":
        conf = _table(["enabled", "severity"]) | json_like
        return st.one_of(st.dictionaries(st.sampled_from(CHECK_IDS) | toml_text, conf, max_size=4), json_like)
    if top == "declarations":
        conf = _table(["text", "review_days", "clause"]) | json_like
        ids = st.from_regex(r"[a-z0-9-]{1,8}", fullmatch=True) | st.just("phone-pin\n") | toml_text
        return st.one_of(st.dictionaries(ids, conf, max_size=3), json_like)
    if top == "social_apps":
        lists = st.lists(toml_text | st.just("discord"), max_size=3)
        procs = st.one_of(st.dictionaries(st.sampled_from(OSES) | toml_text, lists | json_like, max_size=3), json_like)
        app = st.tuples(_table(["name", "domains", "enabled"]), st.none() | procs).map(
            lambda pair: pair[0] if pair[1] is None else {**pair[0], "processes": pair[1]}
        )
        return st.one_of(st.lists(app | json_like, max_size=3), json_like)
    return json_like


KNOWN_TOPS = st.sampled_from([*SCHEMA, "checks", "declarations", "social_apps"])
tops = mostly(KNOWN_TOPS, toml_text)
profile_docs = st.lists(tops, unique=True, max_size=5).flatmap(
    lambda keys: st.fixed_dictionaries({k: _section(k) for k in keys})
)


@pytest.fixture(scope="module")
def profile_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz-profile") / "agency.toml"


def _load(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    try:
        profile = load_profile(path)
    except ProfileError as exc:
        assert_one_line_naming(str(exc), str(path))
        return
    assert isinstance(profile, Profile)
    assert profile.school_hours.start < profile.school_hours.end
    assert set(profile.checks) == set(CHECK_IDS)


@FUZZ
@given(text=st.text(max_size=200))
def test_any_text_gives_a_profile_or_one_line(profile_path: Path, text: str) -> None:
    _load(profile_path, text)


@FUZZ
@given(doc=profile_docs)
def test_any_valid_toml_document_gives_a_profile_or_one_line(profile_path: Path, doc: dict[str, Any]) -> None:
    _load(profile_path, to_toml(doc))


@FUZZ
@given(
    days=PLAUSIBLE["days"],
    start=times,
    end=times,
    holidays=PLAUSIBLE["holidays"],
    idle=PLAUSIBLE["max_idle_minutes"],
    colour=PLAUSIBLE["accent_colour"],
    decl=st.from_regex(r"[a-z0-9-]{1,8}", fullmatch=True) | st.just("phone-pin\n"),
)
def test_plausible_profiles_give_a_profile_or_one_line(
    profile_path: Path, days: list[str], start: str, end: str, holidays: list[str], idle: int, colour: str, decl: str
) -> None:
    doc = {
        "school_hours": {"days": days, "start": start, "end": end, "holidays": holidays},
        "lock": {"max_idle_minutes": idle},
        "agency": {"accent_colour": colour},
        "declarations": {decl: {"text": "I keep my phone locked", "review_days": 30}},
    }
    _load(profile_path, to_toml(doc))
