"""An ordinary (non-root) account made for one test and removed after it, so file permissions are real:
root reads a `chmod 000` folder as if nothing were wrong."""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT


@dataclass(frozen=True)
class OrdinaryUser:
    name: str
    home: Path
    python: str  # an interpreter this account may run (a venv's may live in root's private home)

    def run_cli(
        self, *args: str, env: dict[str, str] | None = None, timeout: float = 120
    ) -> subprocess.CompletedProcess[str]:
        """`devicecheck ARGS` as this user, in a fresh interpreter with only the environment a login has."""
        full = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.home),
            "USER": self.name,
            "LANG": "C.UTF-8",
            "PYTHONPATH": os.pathsep.join((str(ROOT), sysconfig.get_paths()["purelib"])),
            "PYTHONDONTWRITEBYTECODE": "1",
            "DEVICECHECK_CONFIG_DIR": str(self.home / ".config" / "devicecheck"),
            "QT_QPA_PLATFORM": "offscreen",
        }
        full.update(env or {})
        argv = ["runuser", "-u", self.name, "--", "env", "-i", *(f"{k}={v}" for k, v in full.items())]
        return subprocess.run(
            [*argv, self.python, "-m", "desktop", *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd="/",
            check=False,
        )

    def own(self, path: Path) -> None:
        """Give everything under `path` to this user, as if they had made it."""
        for folder, dirs, files in os.walk(path):
            for name in [folder, *(os.path.join(folder, n) for n in dirs + files)]:
                os.lchown(name, self.uid, self.gid)

    @property
    def uid(self) -> int:
        import pwd

        return pwd.getpwnam(self.name).pw_uid

    @property
    def gid(self) -> int:
        import pwd

        return pwd.getpwnam(self.name).pw_gid


@pytest.fixture
def ordinary_user() -> Iterator[OrdinaryUser]:
    if os.geteuid() != 0:
        pytest.skip("making a test account needs root (python3 dev.py test runs as root in CI)")
    for tool in ("useradd", "userdel", "runuser"):
        if shutil.which(tool) is None:
            pytest.skip(f"needs {tool} to make a test account")
    base = Path(tempfile.mkdtemp(prefix="dc-user-"))
    base.chmod(0o755)  # pytest's own temporary folders are private to root
    name = "dc" + secrets.token_hex(4)
    home = base / name
    subprocess.run(["useradd", "--home-dir", str(home), "--create-home", "--shell", "/bin/sh", name], check=True)
    try:
        yield OrdinaryUser(name, home, _python_for(name))
    finally:
        subprocess.run(["userdel", "--remove", name], check=False, capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


def _python_for(name: str) -> str:
    """This interpreter if the account may run it, else the system's own of the same minor version, given
    this environment's packages (pure Python and the same ABI, so they load)."""
    purelib = sysconfig.get_paths()["purelib"]
    for python in (sys.executable, f"/usr/bin/python{sys.version_info.major}.{sys.version_info.minor}"):
        probe = subprocess.run(
            ["runuser", "-u", name, "--", "env", f"PYTHONPATH={purelib}", python, "-c", "import psutil, keyring"],
            capture_output=True,
            check=False,
            cwd="/",
        )
        if probe.returncode == 0:
            return python
    pytest.skip(f"no Python {sys.version_info.major}.{sys.version_info.minor} the test account may run")
