"""Every bad input gets one line naming it and exit 2, before any check runs: `--at ""`, long bad values
(quoted to about 200 characters), output files that could not be written, non-UTF-8 profiles and snapshots,
and nesting of any depth."""

from __future__ import annotations

import pytest

from tests.conftest import run_cli


def one_line_exit_2(*args: str) -> str:
    proc = run_cli(*args)
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    assert "Traceback" not in proc.stderr and proc.stdout == ""  # nothing ran, nothing printed
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    return lines[0]


def test_an_empty_at_is_refused():
    assert "--at: '' is not an ISO time" in one_line_exit_2("check", "--only", "screen-lock", "--at", "")


def test_a_long_bad_value_is_quoted_short():
    line = one_line_exit_2("check", "--only", "screen-lock", "--at", "x" * 100_000)
    assert len(line) < 320 and line.count("x") == 200


@pytest.mark.parametrize("where", ["missing-folder/out", "is-a-folder", "/proc/no-such-dir/out"])
@pytest.mark.parametrize("command", [("snapshot", "-o"), ("check", "--only", "screen-lock", "--pdf")])
def test_unwritable_output_is_said_before_any_check_runs(tmp_path, where, command):
    (tmp_path / "is-a-folder").mkdir()
    target = where if where.startswith("/") else str(tmp_path / where)
    line = one_line_exit_2(*command, target)
    assert command[-1] in line and target[:150] in line


def test_non_utf8_profile_and_snapshot(tmp_path):
    profile, snapshot = tmp_path / "agency.toml", tmp_path / "snap.json"
    profile.write_bytes(b'[agency]\nname = "\xff"\n')
    snapshot.write_bytes(b'{"schema": "\xff"}')
    assert str(profile) in one_line_exit_2("check", "--profile", str(profile))
    assert str(snapshot) in one_line_exit_2("check", "--replay", str(snapshot))


def test_any_nesting_depth(tmp_path):
    deep_json, deep_toml = tmp_path / "deep.json", tmp_path / "deep.toml"
    deep_json.write_text("[" * 100_000 + "]" * 100_000)
    deep_toml.write_text("a = " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert "nested too deeply" in one_line_exit_2("check", "--replay", str(deep_json))
    assert "nested too deeply" in one_line_exit_2("check", "--profile", str(deep_toml))
