#!/usr/bin/env python3
"""Set-up and run in one step, on a fresh machine with nothing but Python 3.11+.

    python3 dev.py run     opens Device Check (or prints the checklist where there is no display)
    python3 dev.py test    runs lint, type checks and the whole test suite

It creates .venv, installs the project with its test extra, and on Debian/Ubuntu installs the system
libraries Qt needs (when run as root) or prints the exact apt-get line to run (otherwise).
Uses only the standard library, so it works before anything else is installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"

# Library file -> Debian package. Qt needs these even offscreen (seen on a bare Debian 12).
QT_LIBS = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
}
# For a real window (xcb) rather than offscreen.
XCB_PACKAGES = [
    "libxkbcommon-x11-0",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-shape0",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-image0",
    "libxcb-xinerama0",
    "libxcb-xkb1",
]
# What the tests drive for real: GNOME/Cinnamon/MATE settings, XFCE's xfconf, a keyring, a tray, X, NSS.
TEST_PACKAGES = [
    "dbus",
    "dbus-x11",
    "libglib2.0-bin",
    "gsettings-desktop-schemas",
    "dconf-gsettings-backend",
    "dconf-cli",
    "cinnamon-desktop-data",
    "mate-screensaver-common",
    "xfconf",
    "libxfconf-0-3",
    "mate-session-manager",
    "gnome-keyring",
    "libsecret-tools",
    "xvfb",
    "xauth",
    "x11-utils",
    "trayer",
    "libnss3-tools",
    "poppler-utils",
    "sqlite3",
    "strace",
    "procps",
    "dunst",
    # build/package.py and its install test: PyInstaller needs the shared libpython and binutils' strip;
    # the test checks the menu entry (desktop-file-validate) and screenshots the window (ImageMagick's import).
    f"libpython{sys.version_info.major}.{sys.version_info.minor}",
    "binutils",
    "imagemagick",
    "desktop-file-utils",
    "weston",  # a headless Wayland compositor: the installed app must open natively on Wayland
]


def say(msg: str) -> None:
    print(f"[dev] {msg}", flush=True)


def is_debian() -> bool:
    return Path("/etc/debian_version").exists() and shutil.which("apt-get") is not None


def missing_libs() -> list[str]:
    try:
        out = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=False).stdout
    except OSError:
        out = ""
    if not out:  # no ldconfig cache to ask: look in the usual folders
        dirs = [
            Path(p)
            for p in ("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib", "/lib")
        ]
        return [pkg for lib, pkg in QT_LIBS.items() if not any((d / lib).exists() for d in dirs)]
    return [pkg for lib, pkg in QT_LIBS.items() if lib not in out]


def missing_packages(packages: list[str]) -> list[str]:
    if not shutil.which("dpkg-query"):
        return packages
    missing = []
    for pkg in packages:
        res = subprocess.run(["dpkg-query", "-W", "-f=${Status}", pkg], capture_output=True, text=True, check=False)
        if "install ok installed" not in res.stdout:
            missing.append(pkg)
    return missing


def apt_install(packages: list[str], why: str) -> bool:
    """Install when root; otherwise print the exact line. Returns False when something is still missing."""
    if not packages:
        return True
    line = "apt-get install -y --no-install-recommends " + " ".join(packages)
    if os.geteuid() != 0:
        say(f"{why} needs these system packages. Please run:\n\n    sudo apt-get update && sudo {line}\n")
        return False
    say(f"installing {why}: {' '.join(packages)}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=False, env=env)
    res = subprocess.run(line.split(), check=False, env=env)
    return res.returncode == 0


def ensure_system(for_tests: bool) -> bool:
    if not sys.platform.startswith("linux"):
        return True
    if not is_debian():
        libs = missing_libs()
        if libs:
            say(
                "Qt needs these libraries (Debian names): "
                + " ".join(libs)
                + ". Install them with your package manager."
            )
            return False
        return True
    wanted = list(dict.fromkeys([*QT_LIBS.values(), *XCB_PACKAGES, *(TEST_PACKAGES if for_tests else [])]))
    ok = apt_install(missing_packages(wanted), "Device Check" + (" and its tests" if for_tests else ""))
    # Qt itself must load even if optional test tools are missing.
    return ok or not missing_libs()


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_venv() -> Path:
    py = venv_python()
    if not py.exists():
        say("creating .venv")
        res = subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=False)
        if res.returncode != 0:
            shutil.rmtree(VENV, ignore_errors=True)
            ver = f"python{sys.version_info.major}.{sys.version_info.minor}-venv"
            if is_debian() and apt_install([ver], "Python's venv module"):
                subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
            else:
                say(f"could not create a virtual environment (on Debian: sudo apt-get install {ver})")
                sys.exit(1)
    stamp = VENV / ".installed"
    want = (ROOT / "pyproject.toml").read_text()
    if not stamp.exists() or stamp.read_text() != want:
        say("installing Device Check and its test tools into .venv (first run takes a minute)")
        subprocess.run([str(py), "-m", "pip", "install", "-q", "--upgrade", "pip"], check=False)
        subprocess.run([str(py), "-m", "pip", "install", "-q", "-e", f"{ROOT}[test]"], check=True)
        stamp.write_text(want)
    return py


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("run", "test"):
        print(__doc__)
        return 2
    what, rest = argv[0], argv[1:]
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py must explain itself on an old Python
        say(f"Device Check needs Python 3.11 or newer; this is {sys.version.split()[0]}")
        return 1
    if not ensure_system(for_tests=what == "test"):
        return 1
    py = ensure_venv()
    os.chdir(ROOT)
    if what == "run":
        return subprocess.call([str(py), "-m", "desktop", *rest])
    steps = [
        [str(py), "-m", "ruff", "check", "checks", "desktop", "tests", "tools", "build", "dev.py"],
        [str(py), "-m", "mypy"],
        [str(py), "-m", "pytest", *rest],
    ]
    for step in steps:
        say("running: " + " ".join(Path(step[0]).name if i == 0 else a for i, a in enumerate(step)))
        code = subprocess.call(step)
        if code != 0:
            return code
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
