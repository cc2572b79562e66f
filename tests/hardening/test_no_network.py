"""No network: a whole `devicecheck check` run and `devicecheck snapshot` (every program they start
included) open no internet socket. strace records every connect/sendto of the process tree; an audit
hook does the same inside the interpreter. Unix sockets (D-Bus, X) are fine: they never leave the laptop."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, need

INTERNET = re.compile(r"sa_family=AF_INET6?\b")


def traced(
    tmp_path: Path, *args: str, env: dict[str, str] | None = None
) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    """Run `python -m desktop ARGS` under strace -f; (result, every connect/sendto/sendmsg line)."""
    need("strace")
    log = tmp_path / "strace.txt"
    full_env = dict(os.environ, PYTHONPATH=str(ROOT), **(env or {}))
    argv = [
        "strace",
        "-f",
        "-qq",
        "-e",
        "trace=connect,sendto,sendmsg",
        "-o",
        str(log),
        sys.executable,
        "-m",
        "desktop",
        *args,
    ]
    if shutil.which("dbus-run-session"):  # a session bus, as on a desktop: keyring and gsettings talk over it
        argv = ["dbus-run-session", "--", *argv]
    result = subprocess.run(argv, capture_output=True, text=True, env=full_env, timeout=120, check=False)
    assert log.exists(), result.stderr
    calls = [line for line in log.read_text().splitlines() if re.search(r"\b(connect|sendto|sendmsg)\(", line)]
    return result, calls


def test_strace_sees_an_internet_connect(tmp_path: Path) -> None:
    """The guard itself: a program that does connect to an internet address is caught."""
    need("strace")
    log = tmp_path / "strace.txt"
    code = "import socket; s=socket.socket(); s.settimeout(0.2)\ntry: s.connect(('192.0.2.1', 9))\nexcept OSError: pass"
    subprocess.run(
        ["strace", "-f", "-qq", "-e", "trace=connect", "-o", str(log), sys.executable, "-c", code],
        check=True,
        timeout=30,
    )
    assert any(INTERNET.search(line) for line in log.read_text().splitlines())


@pytest.mark.parametrize("command", [["check", "--json"], ["snapshot"]])
def test_check_and_snapshot_open_no_internet_socket(tmp_path: Path, command: list[str]) -> None:
    home = tmp_path / "home"
    (home / "Desktop").mkdir(parents=True)
    result, calls = traced(tmp_path, *command, env={"HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config")})
    assert result.returncode in (0, 1, 3), result.stderr
    # It really ran: the JSON report or the snapshot. (A keyring daemon that D-Bus starts on demand may
    # print its GNOME_KEYRING_CONTROL line to the same terminal first.)
    out = result.stdout
    assert "schema" in json.loads(out[out.index("{") :])
    internet = [line for line in calls if INTERNET.search(line)]
    assert internet == [], internet


def test_check_in_process_opens_no_internet_socket(capsys: pytest.CaptureFixture[str]) -> None:
    """The same inside the interpreter, with an audit hook on every socket call (threads included)."""
    from checks.cli import main

    seen: list[tuple[str, Any]] = []
    active = [True]

    def hook(event: str, args: tuple[Any, ...]) -> None:
        if not active[0] or not event.startswith("socket."):
            return
        if event in ("socket.connect", "socket.sendto", "socket.bind"):
            sock, address = args[0], args[1]
            if sock.family in (socket.AF_INET, socket.AF_INET6):
                seen.append((event, address))
        elif event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr"):
            seen.append((event, args[0]))  # a name lookup would go to the network

    sys.addaudithook(hook)  # hooks cannot be removed: `active` switches it off after this test
    try:
        code = main(["check", "--json"])
    finally:
        active[0] = False
    assert code in (0, 1, 3)
    assert capsys.readouterr().out.lstrip().startswith("{")
    assert seen == []


def test_a_gui_session_opens_no_internet_socket(tmp_path: Path) -> None:
    """The window (offscreen), through one full run of every check, then quits (--quit-when-done)."""
    home = tmp_path / "home"
    (home / "Desktop").mkdir(parents=True)
    result, calls = traced(
        tmp_path,
        "--quit-when-done",
        env={
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "QT_QPA_PLATFORM": "offscreen",
            "DEVICECHECK_TIMINGS": "1",
            "DEVICECHECK_CONFIG_DIR": str(tmp_path / "config"),
        },
    )
    assert result.returncode == 0, result.stderr
    assert "devicecheck-timing: last result" in result.stderr  # the window really ran every check
    internet = [line for line in calls if INTERNET.search(line)]
    assert internet == [], internet
