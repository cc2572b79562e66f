"""Shared test set-up: every test gets its own config folder; real tools are required in CI."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# GUI tests run offscreen unless a test starts its own X server.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def isolated_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "config"
    monkeypatch.setenv("DEVICECHECK_CONFIG_DIR", str(folder))
    # The support log too: a `devicecheck` a test starts never writes into the developer's own log folder.
    monkeypatch.setenv("DEVICECHECK_LOG_DIR", str(tmp_path / "log"))
    return folder


def need(*tools: str) -> None:
    """Skip when a real tool is missing on a developer's machine; in CI the set-up installs it, so fail."""
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        msg = f"needs {', '.join(missing)} (python3 dev.py test installs it as root)"
        if os.environ.get("CI"):
            pytest.fail(msg)
        pytest.skip(msg)


def run_cli(*args: str, env: dict[str, str] | None = None, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run `devicecheck` as a user would, in a fresh interpreter."""
    full_env = dict(os.environ, **(env or {}))
    full_env["PYTHONPATH"] = str(ROOT) + os.pathsep + full_env.get("PYTHONPATH", "")
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=timeout,
        check=False,
    )


def only_result(proc: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    """The one result in the JSON of `check --json --only ID`."""
    results = json.loads(proc.stdout)["results"]
    assert len(results) == 1, proc.stdout
    return dict(results[0])


def check_one(check_id: str, *args: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run one check through the CLI, as a user would, and return its result."""
    proc = run_cli("check", "--json", "--only", check_id, *args, env=env)
    assert "Traceback" not in proc.stderr, proc.stderr
    return only_result(proc)


@contextlib.contextmanager
def stand_in_app(path: Path, seconds: int = 300) -> Iterator[subprocess.Popen[bytes]]:
    """A harmless program (a copy of sleep) at `path`, so it runs under an app's name; stopped by its own
    PID afterwards, never by name, so parallel runs never touch each other's."""
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy("/bin/sleep", path)
    proc = subprocess.Popen([str(path), str(seconds)])
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.terminate()
        proc.wait(10)


@contextlib.contextmanager
def other_user_running(name: str, seconds: int = 300) -> Iterator[subprocess.Popen[bytes]]:
    """A second, ordinary user (useradd, removed after) running a copy of sleep called `name`: someone else's
    program on the same laptop. Needs root, as CI has; skipped elsewhere."""
    if os.geteuid() != 0:
        pytest.skip("needs root to add a second user")
    need("useradd", "userdel", "setpriv")
    import secrets

    user = "dc" + secrets.token_hex(4)
    folder = Path("/tmp") / f"devicecheck-{user}"  # readable by the new user, unlike pytest's tmp_path
    subprocess.run(["useradd", "--no-create-home", "--user-group", "--shell", "/usr/sbin/nologin", user], check=True)
    try:
        folder.mkdir(mode=0o755)
        shutil.copy("/bin/sleep", folder / name)
        (folder / name).chmod(0o755)
        uid, gid = (
            int(subprocess.run(["id", f, user], capture_output=True, text=True, check=True).stdout)
            for f in ("-u", "-g")
        )
        # setpriv changes user and then *becomes* the program: the PID we hold is the program's own.
        as_user = ["setpriv", f"--reuid={uid}", f"--regid={gid}", "--clear-groups", "--"]
        proc = subprocess.Popen([*as_user, str(folder / name), str(seconds)])
        try:
            yield proc
        finally:
            if proc.poll() is None:
                proc.terminate()
            proc.wait(10)
    finally:
        subprocess.run(["userdel", user], check=False)
        shutil.rmtree(folder, ignore_errors=True)
