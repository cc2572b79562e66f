"""Fault injection with real programs: a folder first on PATH holds executables named like the commands
the Linux probes run (gsettings, xfconf-query, passwd, lsblk, dpkg-query) that hang, exit 3, print random
bytes, print nothing, are missing or may not be run. The real LiveSystem runs them with its 3 s timeout.

Each fault ends as unknown/error for its own check with a plain reason, every other check finishes, the
whole run stays well inside the engine's deadline (an upper bound that cannot flake, not a speed target),
and no process of the faulty command is left running."""

from __future__ import annotations

import json
import os
import shutil
import time
from itertools import count
from pathlib import Path

import psutil
import pytest

from checks.catalogue import CATALOGUE
from checks.engine import CHECK_DEADLINE
from tests.conftest import only_result, run_cli

MODES = ("hang", "exit3", "garbage", "empty", "missing", "denied")
# command -> (the desktop that makes a probe run it, the checks that depend on it)
COMMANDS = {
    "gsettings": ("GNOME", ("screen-lock", "lock-on-wake")),
    "xfconf-query": ("XFCE", ("screen-lock", "lock-on-wake")),
    "passwd": ("GNOME", ("account-password",)),
    "lsblk": ("GNOME", ("disk-encryption",)),
}
REASONS = {  # what the candidate reads for each fault (the command's own name is always in it)
    "hang": "did not answer in time",
    "exit3": "failed (exit 3)",
    "garbage": "",
    "empty": "",
    "missing": "is not installed",
    "denied": "failed (exit 126)",
}
_unique = count(1)


def fault_script(mode: str, token: str) -> str:
    return {
        "hang": f"#!/bin/sh\n/bin/sleep 60.{token}\n",  # a unique argument: a leftover would be found
        "exit3": "#!/bin/sh\necho 'something broke' >&2\nexit 3\n",
        "garbage": "#!/bin/sh\nhead -c 3000 /dev/urandom\n",
        "empty": "#!/bin/sh\nexit 0\n",
        "denied": "#!/bin/sh\nexit 0\n",
    }[mode]


def fault_path(folder: Path, command: str, mode: str, token: str) -> str:
    """PATH for the run. For "missing" and "denied" the folder is the whole PATH (links to the other real
    tools), since the system's own copy further along PATH would otherwise be found and run."""
    folder.mkdir()
    if COMMANDS[command][0] == "XFCE":
        (folder / "xfce4-screensaver").write_text("#!/bin/sh\nexit 0\n")  # so the XFCE probe asks xfconf
        (folder / "xfce4-screensaver").chmod(0o755)
    if mode != "missing":
        (folder / command).write_text(fault_script(mode, token))
        (folder / command).chmod(0 if mode == "denied" else 0o755)
    if mode in ("missing", "denied"):
        for other in (*COMMANDS, "dpkg-query", "flatpak", "snap", "zfs"):
            real = shutil.which(other)
            if other != command and real and not (folder / other).exists():
                (folder / other).symlink_to(real)
        return str(folder)
    return f"{folder}{os.pathsep}{os.environ['PATH']}"


def leftovers(token: str) -> list[int]:
    out = []
    for proc in psutil.process_iter(["pid", "cmdline"]):
        if any(token in part for part in proc.info["cmdline"] or ()):
            out.append(proc.info["pid"])
    return out


# xfconf-query printing nothing is left out: it is what a channel with nothing set gives (seen with real
# xfconfd in tests/desktop_tools/test_lock_xfce_kde.py), so the defaults apply: an answer, not a fault.
CASES = [(c, m) for c in sorted(COMMANDS) for m in MODES if (c, m) != ("xfconf-query", "empty")]


@pytest.mark.slow
@pytest.mark.parametrize(("command", "mode"), CASES)
def test_a_faulty_command_stays_in_its_own_row(tmp_path: Path, command: str, mode: str) -> None:
    token = f"{os.getpid()}{next(_unique)}"
    desktop, affected = COMMANDS[command]
    home = tmp_path / "home"
    home.mkdir()
    env = {
        "PATH": fault_path(tmp_path / "bin", command, mode, token),
        "HOME": str(home),
        "XDG_CURRENT_DESKTOP": desktop,
        "DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent-devicecheck-test",
    }
    started = time.monotonic()
    proc = run_cli("check", "--json", env=env)
    elapsed = time.monotonic() - started
    assert proc.returncode in (0, 1, 3) and "Traceback" not in proc.stderr, proc.stderr
    results = {r["id"]: r for r in json.loads(proc.stdout)["results"]}
    assert len(results) == len(CATALOGUE)
    for cid in affected:
        assert results[cid]["status"] in ("unknown", "error"), results[cid]
        assert REASONS[mode] in results[cid]["detail"], results[cid]["detail"]
    for cid, r in results.items():  # every check finished by itself, none was stopped at the deadline
        assert "longer than" not in r["detail"], (cid, r["detail"])
    assert elapsed < CHECK_DEADLINE - 2, f"{elapsed:.1f} s"
    assert leftovers(token) == []  # nothing the faulty command started is still running


def test_a_hung_package_query_is_not_claimed_as_looked_at(tmp_path: Path) -> None:
    token = f"{os.getpid()}{next(_unique)}"
    folder = tmp_path / "bin"
    folder.mkdir()
    (folder / "dpkg-query").write_text(fault_script("hang", token))
    (folder / "dpkg-query").chmod(0o755)
    env = {"PATH": f"{folder}{os.pathsep}{os.environ['PATH']}", "HOME": str(tmp_path)}
    proc = run_cli("check", "--json", "--only", "password-manager", env=env)
    result = only_result(proc)
    assert result["status"] in ("warn", "pass", "unknown")
    assert "Debian packages" not in result["evidence"]["looked_in"], result["evidence"]
    assert leftovers(token) == []


def test_an_unreadable_settings_file_gives_one_line_and_the_run_goes_on(tmp_path: Path) -> None:
    config = tmp_path / "config"
    (config / "settings.json").mkdir(parents=True)  # cannot be read as a file, whoever we are (root too)
    (config / "settings.json" / "keep.txt").write_text("the candidate's")
    proc = run_cli("check", "--json", env={"DEVICECHECK_CONFIG_DIR": str(config), "HOME": str(tmp_path)})
    assert proc.returncode in (0, 1, 3)
    assert len(json.loads(proc.stdout)["results"]) == len(CATALOGUE)
    warnings = [line for line in proc.stderr.splitlines() if "settings.json" in line]
    assert len(warnings) == 1 and "could not be read" in warnings[0], proc.stderr
    assert "Traceback" not in proc.stderr
    assert (config / "settings.json" / "keep.txt").read_text() == "the candidate's"  # nothing moved or lost
