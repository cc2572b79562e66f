from pathlib import Path

import pytest

from checks.profile import ProfileError, load_profile
from tests.conftest import ROOT, run_cli


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "agency.toml"
    p.write_text(text, encoding="utf-8")
    return p


def test_default_profile_loads_with_every_check_and_declaration():
    profile = load_profile()
    assert profile.max_idle_minutes == 5
    assert not profile.checks["social-sites"].enabled
    assert {d.id for d in profile.declarations} >= {"privacy-settings", "phone-pin", "copyright"}


def test_agency_profile_changes_only_what_it_names(tmp_path):
    profile = load_profile(write(tmp_path, '[agency]\nname = "Acme Supply"\n[lock]\nmax_idle_minutes = 10\n'))
    assert profile.agency.name == "Acme Supply"
    assert profile.max_idle_minutes == 10
    assert profile.max_grace_seconds == 60  # from the default
    assert profile.school_hours.days == ("mon", "tue", "wed", "thu", "fri")


def test_sample_profile_is_valid():
    profile = load_profile(ROOT / "resources" / "profiles" / "sample-agency.toml")
    assert profile.agency.name == "Northfield Supply Teachers"
    assert profile.school_hours.holidays


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[agency\nname = 1", "not valid TOML"),
        ("[agency]\ncolour = 'red'\n", "[agency] colour: unknown key"),
        ("[lock]\nmax_idle_minutes = 'five'\n", "[lock] max_idle_minutes: must be a whole number"),
        ("[school_hours]\nstart = '8am'\n", "[school_hours] start: must be a 24-hour time"),
        ("[school_hours]\nstart = '17:00'\n", "[school_hours] end: must be after start"),
        ("[checks.screen-lok]\nenabled = true\n", "[checks.screen-lok]: unknown check"),
        ("[checks.screen-lock]\nseverity = 'urgent'\n", 'must be "required" or "recommended"'),
        ("[[social_apps]]\nname = 'X'\nprocesses = {amiga = ['x']}\n", "processes.amiga: unknown system"),
        ("[school_hours]\nholidays = ['2026-13-01']\n", "[school_hours] holidays: has '2026-13-01'"),
    ],
)
def test_bad_profile_names_file_and_key(tmp_path, text, expected):
    path = write(tmp_path, text)
    with pytest.raises(ProfileError) as err:
        load_profile(path)
    assert str(path) in str(err.value)
    assert expected in str(err.value)


def test_bad_profile_on_the_command_line_is_one_line_exit_2(tmp_path):
    path = write(tmp_path, "[lock]\nmax_idle_minutes = 'five'\n")
    proc = run_cli("check", "--profile", str(path))
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and "max_idle_minutes" in lines[0]
    assert "Traceback" not in proc.stderr


def test_a_statement_with_no_words_is_one_line_naming_it(tmp_path):
    for body in ('[declarations.x]\ntext = "  "\nclause = 2\n', "[declarations.y]\nclause = 2\n"):
        bad = tmp_path / "agency.toml"
        bad.write_text(body)
        with pytest.raises(ProfileError) as err:
            load_profile(str(bad))
        assert str(err.value).startswith(f"{bad}: [declarations.") and "needs words" in str(err.value)
    ok = tmp_path / "ok.toml"
    ok.write_text("[declarations.phone-pin]\nreview_days = 30\n")  # rewording nothing, only the review days
    assert next(d for d in load_profile(str(ok)).declarations if d.id == "phone-pin").review_days == 30
