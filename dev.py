#!/usr/bin/env python3
"""Set-up and run in one step, on a fresh machine with nothing but Python 3.11+.

    python3 dev.py run [ARGS]            opens Device Check (or prints the checklist where there is no display)
    python3 dev.py test [PYTEST ARGS]    lint, format check, type checks and every test except the slow ones
    python3 dev.py test --all [ARGS]     the same with every test (fuzzing, installer, tray sessions): CI runs this
    python3 dev.py build [ARGS]          the installers (packaging/package.py ARGS, e.g. --profile agency.toml)

Two virtual environments, so that test-only packages can never change what the app finds (a plain-text
keyring backend from the test tools once turned a verdict into "to fix"):
    .venv        the app's own dependencies only (run; build adds PyInstaller)
    .venv-test   the app plus the test extra (test)
Each is set up on first use and again when pyproject.toml changes; .venv is then made afresh, so nothing
installed into it by hand or by an older dev.py stays behind.

On Debian/Ubuntu it installs the system libraries Qt needs (when run as root) or prints the exact apt-get
line to run (otherwise). Uses only the standard library, so it works before anything else is installed.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
APP_VENV = ROOT / ".venv"  # the app's dependencies only: what `run` and `build` use
TEST_VENV = ROOT / ".venv-test"  # the app plus the test extra
# What ruff lints and formats.
LINTED = ["checks", "desktop", "tests", "tools", "packaging", "dev.py"]

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
# packaging/package.py: PyInstaller needs the shared libpython and binutils' strip; dpkg-deb makes the .deb.
BUILD_PACKAGES = [f"libpython{sys.version_info.major}.{sys.version_info.minor}", "binutils", "dpkg"]
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
    # The screen-reader test: at-spi2-core's accessibility bus, and pyatspi (for the system's python3) to walk
    # the window's tree as Orca does.
    "at-spi2-core",
    "python3-pyatspi",
    # Finding the app's windows on the test X server and pressing keys in them (tests/tray, tools/screenshots.py)
    "xdotool",
    # real locales (localedef) for the text checklist in en_GB, de_DE, tr_TR and ISO-8859-1
    "locales",
    # The firewall and os-updates checks drive the real ufw and read what unattended-upgrades ships; GNOME
    # Software brings its own settings schema (org.gnome.software), read through gsettings.
    "ufw",
    "unattended-upgrades",
    "gnome-software",
    *BUILD_PACKAGES,  # the installer tests build one
    # The install test checks the menu entry (desktop-file-validate) and screenshots the window (ImageMagick).
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


def ensure_system(extra: list[str], why: str) -> bool:
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
    wanted = list(dict.fromkeys([*QT_LIBS.values(), *XCB_PACKAGES, *extra]))
    ok = apt_install(missing_packages(wanted), why)
    # Qt itself must load even if optional test tools are missing.
    return ok or not missing_libs()


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def create_venv(venv: Path) -> None:
    say(f"creating {venv.name}")
    res = subprocess.run([sys.executable, "-m", "venv", str(venv)], check=False)
    if res.returncode == 0:
        return
    shutil.rmtree(venv, ignore_errors=True)
    ver = f"python{sys.version_info.major}.{sys.version_info.minor}-venv"
    if is_debian() and apt_install([ver], "Python's venv module"):
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        return
    say(f"could not create a virtual environment (on Debian: sudo apt-get install {ver})")
    sys.exit(1)


def pip_install(py: Path, target: str, what: str, venv: Path) -> None:
    say(f"installing {what} into {venv.name} (the first time takes a minute)")
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--upgrade", "pip"], check=False)
    res = subprocess.run([str(py), "-m", "pip", "install", "-q", "-e", target], check=False)
    if res.returncode != 0:
        say(f"pip could not install {what} into {venv.name}; see its message above")
        sys.exit(1)


def ensure_app_venv(with_build: bool = False) -> Path:
    """.venv with the app's own dependencies and nothing else (and PyInstaller, for `build`)."""
    py = venv_python(APP_VENV)
    want = (ROOT / "pyproject.toml").read_text()
    stamp = APP_VENV / ".installed"
    if not py.exists() or not stamp.exists() or stamp.read_text() != want:
        # Made afresh: pip never removes what an older set-up (or a hand) put there, such as test tools.
        if APP_VENV.exists():
            say(f"{APP_VENV.name} is out of date: making it afresh with only what the app needs")
        shutil.rmtree(APP_VENV, ignore_errors=True)
        create_venv(APP_VENV)
        pip_install(py, str(ROOT), "Device Check", APP_VENV)
        stamp.write_text(want)
    build_stamp = APP_VENV / ".installed-build"
    if with_build and (not build_stamp.exists() or build_stamp.read_text() != want):
        pip_install(py, f"{ROOT}[build]", "the installer tools (PyInstaller)", APP_VENV)
        build_stamp.write_text(want)
    return py


def ensure_test_venv() -> Path:
    """.venv-test with the app and its test tools."""
    py = venv_python(TEST_VENV)
    if not py.exists():
        create_venv(TEST_VENV)
    stamp = TEST_VENV / ".installed"
    want = (ROOT / "pyproject.toml").read_text()
    if not stamp.exists() or stamp.read_text() != want:
        pip_install(py, f"{ROOT}[test]", "Device Check and its test tools", TEST_VENV)
        stamp.write_text(want)
    return py


def names_tests(args: list[str]) -> bool:
    """True when the arguments name test files or folders: those then run, slow or not."""
    return any(not a.startswith("-") and (ROOT / a.split("::")[0]).exists() for a in args)


def pytest_args(rest: list[str], everything: bool) -> list[str]:
    args = list(rest)
    if not everything and "-m" not in args and not names_tests(args):
        args = ["-m", "not slow", *args]  # the fuzzing, the installer and the other slow tests: --all runs them
    joined = " ".join(args)
    if "no:randomly" not in joined and "--randomly-seed" not in joined:
        seed = random.randrange(10**9)  # chosen here so that it is printed even with -q
        say(f"tests run in random order, seed {seed} (same order again: --randomly-seed={seed})")
        args = [f"--randomly-seed={seed}", *args]
    return args


def run_tests(py: Path, rest: list[str]) -> int:
    everything = "--all" in rest
    rest = [a for a in rest if a != "--all"]
    steps = [
        [str(py), "-m", "ruff", "check", *LINTED],
        [str(py), "-m", "ruff", "format", "--check", *LINTED],
        [str(py), "-m", "mypy"],
        [str(py), "-m", "pytest", *pytest_args(rest, everything)],
    ]
    for step in steps:
        say("running: " + " ".join(Path(step[0]).name if i == 0 else a for i, a in enumerate(step)))
        code = subprocess.call(step)
        if code != 0:
            return code
    return 0


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("run", "test", "build"):
        print(__doc__)
        return 2
    what, rest = argv[0], argv[1:]
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py must explain itself on an old Python
        say(f"Device Check needs Python 3.11 or newer; this is {sys.version.split()[0]}")
        return 1
    extra, why = {
        "run": ([], "Device Check"),
        "test": (TEST_PACKAGES, "Device Check and its tests"),
        "build": (BUILD_PACKAGES, "Building Device Check's installers"),
    }[what]
    if Path(sys.prefix).resolve() in (APP_VENV, TEST_VENV):  # .venv may be made afresh under our feet
        say(f"run dev.py with the system's python3, not with {Path(sys.prefix).name}'s")
        return 2
    if not ensure_system(extra, why):
        return 1
    os.chdir(ROOT)
    if what == "run":
        return subprocess.call([str(ensure_app_venv()), "-m", "desktop", *rest])
    if what == "build":
        return subprocess.call([str(ensure_app_venv(with_build=True)), str(ROOT / "packaging" / "package.py"), *rest])
    return run_tests(ensure_test_venv(), rest)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
