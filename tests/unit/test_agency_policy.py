"""The agency's own policy: from its profile's [policy] table or a text file beside it; the built-in one
only when the profile gives none, naming no agency; clause numbers checked against the policy in use."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checks.policy import builtin_policy, clauses, policy_for, policy_from_report, policy_json
from checks.profile import ProfileError, load_profile, validate
from checks.report import render_text
from tests.conftest import FIXTURES, run_cli

OTHER_AGENCIES = ("Vision for Education", "ABC Teachers", "Smart Teachers")

# Clauses 1, 2 and 11 are where the built-in checks sit (social apps, devices, confidential information).
OWN_CLAUSES = "\n".join(
    f'[[policy.clauses]]\nnumber = {n}\ntitle = "Our rule {n}"\ntext = "Northfield rule {n} in our words."\n'
    for n in (1, 2, 11)
)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def error_of(path: Path) -> str:
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    line = str(caught.value)
    assert "\n" not in line and str(path) in line
    return line


def test_the_built_in_policy_names_no_agency():
    policy = builtin_policy()
    assert len(policy.clauses) == 15
    words = " ".join(c.text for c in policy.clauses)
    assert not [name for name in OTHER_AGENCIES if name in words]
    text = Path(__file__).resolve().parents[2].joinpath("resources/policy/social-networking-policy.txt").read_text()
    assert not [name for name in OTHER_AGENCIES if name in text]
    assert "your agency consultant" in words


def test_a_profile_without_a_policy_uses_the_built_in_one():
    profile = load_profile()
    assert profile.policy is None and policy_for(profile) is builtin_policy()


def test_the_profiles_own_clauses_are_the_policy_in_use(tmp_path):
    path = write(tmp_path, "agency.toml", f'[policy]\ntitle = "Northfield Online Conduct"\n{OWN_CLAUSES}')
    (tmp_path / "agency.toml").write_text(
        path.read_text()
        + "\n[declarations.privacy-settings]\nclause = 2\n[declarations.content-review]\nclause = 2\n"
        + "".join(
            f"[declarations.{d}]\nclause = 1\n"
            for d in (
                "no-pupil-friends",
                "no-private-contact",
                "tag-approval",
                "concerns-via-consultant",
                "personal-views",
                "copyright",
            )
        )
    )
    profile = load_profile(path)
    policy = policy_for(profile)
    assert policy.title == "Northfield Online Conduct"
    assert [(c.number, c.heading) for c in clauses(policy)] == [
        (1, "Our rule 1"),
        (2, "Our rule 2"),
        (11, "Our rule 11"),
    ]
    assert clauses(policy)[0].text == "Northfield rule 1 in our words."


def test_a_policy_text_file_beside_the_profile_is_read_with_its_titles(tmp_path):
    write(
        tmp_path, "policy.txt", "Northfield Policy\n\nIntro words.\n" + "".join(f"- Rule {n}.\n" for n in range(1, 16))
    )
    path = write(tmp_path, "agency.toml", '[policy]\nfile = "policy.txt"\ntitles = ["Apps", "Devices"]\n')
    policy = policy_for(load_profile(path))
    assert policy.title == "Northfield Policy"
    assert len(policy.clauses) == 15
    assert (policy.clauses[0].heading, policy.clauses[0].text) == ("Apps", "Rule 1.")
    assert policy.clauses[2].heading == "Clause 3"  # no title given: named by its number
    assert policy.source == str(tmp_path / "policy.txt")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('[policy]\nfile = "nowhere.txt"\n', "[policy] file: "),
        ('[policy]\nfile = "p.txt"\n' + OWN_CLAUSES, "not both"),
        ('[policy]\ntitle = "T"\n', "needs either clauses"),
        ("[policy]\nclauses = []\n", "[policy] clauses: must be a list"),
        ('[[policy.clauses]]\nnumber = 1\ntitle = "A"\n', "[policy] clauses #1: needs text"),
        ('[[policy.clauses]]\nnumber = 1\ntitle = "A"\ntext = "B"\nextra = 1\n', "clauses #1 extra: unknown key"),
        (OWN_CLAUSES + '[[policy.clauses]]\nnumber = 2\ntitle = "A"\ntext = "B"\n', "number 2 is used twice"),
        ('[policy]\ncolour = "red"\n', "[policy] colour: unknown key"),
        ('[agency]\npolicy_url = "file:///etc/passwd"\n', "policy_url: must be a web address"),
        ('[agency]\npolicy_url = "javascript:alert(1)"\n', "policy_url: must be a web address"),
    ],
)
def test_a_bad_policy_is_one_line_naming_the_file_and_key(tmp_path, text, words):
    write(tmp_path, "p.txt", "T\n- one\n")
    assert words in error_of(write(tmp_path, "agency.toml", text))


def test_an_empty_policy_file_says_it_has_no_clauses(tmp_path):
    write(tmp_path, "policy.txt", "Just a title\n")
    line = error_of(write(tmp_path, "agency.toml", '[policy]\nfile = "policy.txt"\n'))
    assert "has no clauses" in line


def test_a_declaration_under_a_clause_the_policy_lacks_is_refused(tmp_path):
    line = error_of(write(tmp_path, "agency.toml", '[declarations.mine]\nclause = 42\ntext = "I do."\n'))
    assert "[declarations.mine] clause: 42 is not a clause of the built-in policy (its clauses are 1 to 15)" in line
    # The agency's own policy is the one declarations are checked against: the default ones sit under 3..14.
    line = error_of(write(tmp_path, "agency.toml", f"[policy]\n{OWN_CLAUSES}"))
    assert "is not a clause of the agency's policy" in line


def test_a_check_under_a_clause_the_policy_lacks_is_refused_unless_turned_off(tmp_path):
    one_clause = '[[policy.clauses]]\nnumber = 1\ntitle = "Apps"\ntext = "No apps."\n'
    no_decls = "".join(f"[declarations.{d}]\nclause = 1\n" for d in DEFAULT_DECLARATIONS)
    line = error_of(write(tmp_path, "agency.toml", one_clause + no_decls))
    assert "[policy] clauses: has no clause 2, which the check account-password is under" in line
    off = "".join(
        f"[checks.{c}]\nenabled = false\n"
        for c in (
            "account-password",
            "autologin",
            "screen-lock",
            "lock-on-wake",
            "disk-encryption",
            "firewall",
            "os-updates",
            "malware-protection",
            "credential-store",
            "password-manager",
            "browser-passwords",
            "plaintext-passwords",
        )
    )
    profile = load_profile(write(tmp_path, "agency.toml", one_clause + no_decls + off))
    assert [c.number for c in policy_for(profile).clauses] == [1]


DEFAULT_DECLARATIONS = (
    "privacy-settings",
    "content-review",
    "no-pupil-friends",
    "no-private-contact",
    "tag-approval",
    "concerns-via-consultant",
    "personal-views",
    "copyright",
    "phone-pin",
    "phone-pin-length",
    "two-step-sign-in",
)


def test_a_later_profiles_policy_replaces_the_earlier_one_whole(tmp_path):
    from checks.profile import merge

    merged = merge({"policy": {"file": "a.txt", "titles": ["A"]}}, {"policy": {"clauses": [{"number": 1}]}})
    assert merged["policy"] == {"clauses": [{"number": 1}]}


def test_the_loaded_profile_validates_again_as_a_snapshot_keeps_it(tmp_path):
    write(tmp_path, "policy.txt", "T\n" + "".join(f"- Rule {n}.\n" for n in range(1, 16)))
    profile = load_profile(write(tmp_path, "agency.toml", '[policy]\nfile = "policy.txt"\n'))
    validate(profile.raw, "snapshot")  # the resolved clauses and their source are keys a profile may hold


def test_the_report_and_text_carry_the_agencys_policy(tmp_path):
    path = write(
        tmp_path,
        "agency.toml",
        '[agency]\nname = "Northfield"\npolicy_url = "https://example.org/p"\n[policy]\ntitle = "Ours"\n'
        + OWN_CLAUSES
        + "".join(f"[declarations.{d}]\nclause = 2\n" for d in DEFAULT_DECLARATIONS),
    )
    proc = run_cli("check", "--json", "--profile", str(path), "--replay", str(FIXTURES / "windows" / "pass-en.json"))
    report = json.loads(proc.stdout)
    assert report["policy"]["title"] == "Ours" and report["policy"]["url"] == "https://example.org/p"
    assert report["policy"]["source"] == "agency"
    assert [c["number"] for c in report["policy"]["clauses"]] == [1, 2, 11]
    assert policy_from_report(report).clauses[1].heading == "Our rule 2"
    text = render_text(report)
    assert "Clause 2: Our rule 2" in text and "Protect your devices with a PIN" not in text


def test_a_report_from_before_reports_carried_the_policy_uses_the_built_in_one():
    assert policy_from_report({}) is builtin_policy()
    assert policy_json(builtin_policy())["source"] == "built-in"


def test_the_command_line_refuses_a_bad_policy_with_one_line_and_exit_2(tmp_path):
    path = write(tmp_path, "agency.toml", '[declarations.mine]\nclause = 42\ntext = "I do."\n')
    proc = run_cli("check", "--profile", str(path))
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "agency.toml" in lines[0] and "clause" in lines[0], proc.stderr
