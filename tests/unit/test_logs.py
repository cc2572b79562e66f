"""The support log (checks/logs.py): a real file in the user's log folder, found through platformdirs with a
stand-in HOME and XDG folders. Each case runs `devicecheck` in its own process, because logging set-up is
once per process and changes global state (handlers, sys.excepthook) that other tests must not inherit."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from checks._version import __version__
from tests.conftest import FIXTURES, ROOT, run_cli

SNAPSHOT = FIXTURES / "windows" / "fail-en.json"


def user_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """A user's own folders, so the log goes where platformdirs puts it (not DEVICECHECK_LOG_DIR)."""
    monkeypatch.delenv("DEVICECHECK_LOG_DIR", raising=False)
    return {
        "HOME": str(tmp_path / "home"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CONFIG_HOME": str(tmp_path / "config-home"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the folder asserted is Linux's")
def test_a_check_run_is_logged_in_the_users_log_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    proc = run_cli("check", "--json", "--replay", str(SNAPSHOT), env=user_env(tmp_path, monkeypatch))
    assert proc.returncode in (0, 1), proc.stderr
    report = json.loads(proc.stdout)
    log = (tmp_path / "state" / "devicecheck" / "log" / "devicecheck.log").read_text(encoding="utf-8")
    assert f"Device Check {__version__} started" in log
    assert "Python 3." in log and "check --json --replay" in log
    assert "run started (check): every check" in log
    for result in report["results"]:
        assert f"check {result['id']}: {result['status']} ({result['severity']}) in " in log
    assert "run finished (check) in " in log
    assert proc.stderr == ""  # the log is quiet: nothing of it reaches the candidate's terminal


def test_an_uncaught_exception_keeps_its_traceback_in_the_log(tmp_path: Path) -> None:
    # The real entry point with a real exception inside: a command whose code fails with a KeyError.
    script = (
        "import sys, checks.cli\n"
        "def broken(args, pdf_writer=None):\n"
        "    return {}['no-such-key']\n"
        "checks.cli.cmd_check = broken\n"
        "from desktop.entry import main\n"
        "sys.exit(main(['check']))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT), DEVICECHECK_LOG_DIR=str(tmp_path / "log"))
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert proc.returncode == 1 and "KeyError" in proc.stderr  # Python still reports it as before
    log = (tmp_path / "log" / "devicecheck.log").read_text(encoding="utf-8")
    assert "CRITICAL" in log and "uncaught exception" in log
    assert "Traceback (most recent call last):" in log
    assert "in broken" in log and "KeyError: 'no-such-key'" in log


def test_an_unwritable_log_folder_costs_one_warning_and_nothing_else(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the log folder should be\n", encoding="utf-8")
    proc = run_cli("check", "--json", "--replay", str(SNAPSHOT), env={"DEVICECHECK_LOG_DIR": str(blocker / "log")})
    assert proc.returncode in (0, 1)
    assert json.loads(proc.stdout)["results"]  # the run itself is untouched
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("devicecheck: warning: no log file"), proc.stderr
    assert blocker.read_text(encoding="utf-8") == "a file where the log folder should be\n"


def test_setting_up_twice_adds_one_handler(tmp_path: Path) -> None:
    script = (
        "import logging, sys\n"
        "from pathlib import Path\n"
        "from checks.logs import setup_logging\n"
        "first = setup_logging(Path(sys.argv[1]))\n"
        "second = setup_logging(Path(sys.argv[1]) / 'elsewhere')\n"
        "assert first == second == Path(sys.argv[1]) / 'devicecheck.log', (first, second)\n"
        "print(len(logging.getLogger().handlers))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "1"
