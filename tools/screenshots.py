#!/usr/bin/env python3
"""Make the screenshots in docs/ from real engine runs, on a real X server (Xvfb, Qt's xcb platform).

    python tools/screenshots.py [--out docs]

For each state it records a snapshot of THIS machine with `devicecheck snapshot`, in a private home and
D-Bus session where GNOME's real gsettings hold the state's lock settings, then opens the real window on
that snapshot (as support would with --replay) and saves what the X server shows:

  main-window-to-fix.png     the screen never locks by itself (idle-delay 0, lock off), Discord is open
                             (a real process of that name), no password store is unlocked
  main-window-all-clear.png  the screen locks after 5 minutes; the disk and account answers are swapped
                             for recorded real ones (tests/fixtures/linux, with their sources), since this
                             build machine runs as root on an unencrypted disk
  settings.png               the settings dialog
  report-page1.png           page 1 of the PDF report of the "to fix" run (pdftoppm -png -r 60)

    python tools/screenshots.py --sizes [--out docs/screens]

makes the "to fix" window, Settings and the first-run welcome at their own sizes on Xvfb screens of
1024×600 and 1366×768, at scale 1 and QT_SCALE_FACTOR=2 (screens/<width>x<height>-x<scale>-*.png).

Nothing of the machine's own settings is read or changed: HOME, XDG_* and the bus are temporary."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SAMPLE = ROOT / "resources" / "profiles" / "sample-agency.toml"
FIXTURES = ROOT / "tests" / "fixtures" / "linux"
LUKS_LSBLK = FIXTURES / "lsblk-luks-root-pantherx.json"  # a real LUKS machine's lsblk (see .source.txt)
PASSWD_STATUS = FIXTURES / "passwd-status.txt"  # real `passwd -S` lines; "sam P ..." has a password
SESSION_VARS = (
    "DBUS_SESSION_BUS_ADDRESS",
    "XDG_CURRENT_DESKTOP",
    "XDG_SESSION_DESKTOP",
    "DESKTOP_SESSION",
    "XDG_CONFIG_HOME",
    "XDG_RUNTIME_DIR",
    "GSETTINGS_BACKEND",
)
STATES = {
    "to-fix": {
        ("org.gnome.desktop.session", "idle-delay"): "0",
        ("org.gnome.desktop.screensaver", "lock-enabled"): "false",
    },
    "all-clear": {
        ("org.gnome.desktop.session", "idle-delay"): "300",
        ("org.gnome.desktop.screensaver", "lock-enabled"): "true",
        ("org.gnome.desktop.screensaver", "lock-delay"): "0",
    },
}


def record(
    home: Path, gsettings: dict[tuple[str, str], str], out: Path, keyring: bool = False, running: tuple[str, ...] = ()
) -> Path:
    """`devicecheck snapshot` in a private home and session bus holding these GNOME settings, with a real
    gnome-keyring unlocked on that bus when `keyring` (as a desktop login does), and real processes with
    the `running` names (a copy of `sleep` under that name, as Discord's own binary is called)."""
    runtime = home / "runtime"
    runtime.mkdir(parents=True)
    runtime.chmod(0o700)
    env = {k: v for k, v in os.environ.items() if k not in SESSION_VARS}
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_RUNTIME_DIR=str(runtime),
        GSETTINGS_BACKEND="dconf",
        XDG_CURRENT_DESKTOP="GNOME",
        PYTHONPATH=str(ROOT),
    )
    bus = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    daemon = None
    apps: list[subprocess.Popen[bytes]] = []
    try:
        for name in running:
            program = home / "bin" / name
            program.parent.mkdir(exist_ok=True)
            shutil.copy(shutil.which("sleep") or "/bin/sleep", program)
            apps.append(subprocess.Popen([str(program), "300"]))
        assert bus.stdout is not None
        env["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().strip()
        for (schema, key), value in gsettings.items():
            subprocess.run(["gsettings", "set", schema, key, value], env=env, check=True, timeout=20)
        if keyring:
            daemon = subprocess.Popen(
                ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env=env,
            )
            assert daemon.stdin is not None
            daemon.stdin.write(b"a-made-up-login-password")  # the login password it unlocks with
            daemon.stdin.close()
            subprocess.run(
                ["gdbus", "wait", "--session", "--timeout", "20", "org.freedesktop.secrets"],
                env=env,
                check=True,
                timeout=30,
            )
        subprocess.run(
            [sys.executable, "-m", "desktop", "snapshot", "-o", str(out)], env=env, check=True, timeout=120, cwd=ROOT
        )
    finally:
        for proc in (*apps, daemon, bus):
            if proc is not None:
                proc.terminate()
                proc.wait(timeout=10)
    return out


def without_other_test_runs(path: Path) -> Path:
    """The build machine is shared: drop processes that other test runs started (they live under pytest's
    temporary folders), so each picture shows only the state set up here."""
    data = json.loads(path.read_text())
    data["processes"] = [p for p in data.get("processes", []) if "/pytest-of-" not in (p.get("exe") or "")]
    path.write_text(json.dumps(data))
    return path


def as_a_protected_laptop(path: Path) -> Path:
    """This build machine runs as root (whose password is locked) on an unencrypted disk, without a password
    manager. For the "all clear" picture, swap those answers: recorded real ones from tests/fixtures/linux
    (sources beside them) for a LUKS machine's lsblk and `passwd -S` of an account with a password, and
    `which keepassxc` answering /usr/bin/keepassxc, where Debian's keepassxc package puts it."""
    data = json.loads(path.read_text())
    sam = next(line for line in PASSWD_STATUS.read_text().splitlines() if line.startswith("sam P"))
    data.update(user="sam", home="/home/sam")
    data.setdefault("which", {})["keepassxc"] = "/usr/bin/keepassxc"
    for command in data.get("commands", []):
        if command["argv"] and command["argv"][0] == "lsblk":
            command.update(returncode=0, stdout=LUKS_LSBLK.read_text(), stderr="")
        if command["argv"] == ["passwd", "-S"]:
            command.update(returncode=0, stdout=sam + "\n", stderr="")
    path.write_text(json.dumps(data))
    return path


def shoot(out: Path, work: Path, size_shot: Path | None = None, label: str = "") -> None:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from checks.snapshot import load_snapshot
    from desktop.app import save_screenshot
    from desktop.main_window import MainWindow
    from desktop.pdf import write_pdf
    from desktop.session import Session
    from desktop.settings_dialog import SettingsDialog

    app = QApplication.instance() or QApplication(["devicecheck"])

    def wait(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def open_window(snapshot: Path, config: Path, resize: bool = True) -> MainWindow:
        system = load_snapshot(str(snapshot))
        taken = system.now()
        at = datetime(taken.year, taken.month, taken.day, 10, 30, tzinfo=taken.tzinfo)  # a school morning
        session = Session.open(str(SAMPLE), system=system, config_dir=config, at=at)
        for did in ("phone-pin", "privacy-settings", "no-pupil-friends"):
            session.confirm(did, True)
        window = MainWindow(session)
        m = window.fontMetrics().height()
        if resize:  # the docs' large pictures; otherwise the size the window picks for the screen
            window.resize(m * 62, m * 70)
        window.show()
        loop = QEventLoop()
        window.run_finished.connect(lambda _results: loop.quit())
        window.check_everything()
        QTimer.singleShot(60_000, loop.quit)
        loop.exec()
        wait(400)  # let the last rows paint before reading the screen back
        return window

    if size_shot is not None:  # one screen size: the window, Settings and the welcome as they open there
        window = open_window(size_shot, work / "config-size", resize=False)
        save_screenshot(window, str(out / f"{label}-main.png"))
        dialog = SettingsDialog(window.session.profile, window.session.settings, window)
        dialog.show()
        wait(400)
        save_screenshot(dialog, str(out / f"{label}-settings.png"))
        dialog.close()
        welcome = window.offer_welcome()
        wait(400)
        save_screenshot(welcome, str(out / f"{label}-welcome.png"))
        print(
            f"{out}/{label}-*.png: window {window.width()}x{window.height()}, settings {dialog.width()}x"
            f"{dialog.height()}, welcome {welcome.width()}x{welcome.height()}"
        )
        return

    for state, name in (("to-fix", "main-window-to-fix.png"), ("all-clear", "main-window-all-clear.png")):
        snap = record(
            work / f"home-{state}",
            STATES[state],
            work / f"{state}.json",
            keyring=state == "all-clear",
            running=("Discord",) if state == "to-fix" else (),
        )
        without_other_test_runs(snap)
        if state == "all-clear":
            as_a_protected_laptop(snap)
        window = open_window(snap, work / f"config-{state}")
        save_screenshot(window, str(out / name))
        print(f"{out / name}: {window.summary.text()}")
        if state == "to-fix":
            dialog = SettingsDialog(window.session.profile, window.session.settings, window)
            m = dialog.fontMetrics().height()
            dialog.resize(m * 44, m * 58)  # tall enough to show every section at once
            dialog.show()
            wait(400)
            save_screenshot(dialog, str(out / "settings.png"))
            dialog.close()
            pdf = work / "report.pdf"
            write_pdf(window.report(), str(pdf))
            subprocess.run(
                [
                    "pdftoppm",
                    "-png",
                    "-r",
                    "60",
                    "-f",
                    "1",
                    "-l",
                    "1",
                    "-singlefile",
                    str(pdf),
                    str(out / "report-page1"),
                ],
                check=True,
            )
            print(f"{out / 'report-page1.png'}: page 1 of the PDF")
        window.close()
    app.processEvents()


SCREENS = ((1024, 600), (1366, 768))


def shoot_sizes(out: Path) -> int:
    """Record the "to fix" state once, then open it on an Xvfb screen of each size, at scale 1 and 2."""
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="dc-sizes-") as tmp:
        snap = record(Path(tmp) / "home", STATES["to-fix"], Path(tmp) / "to-fix.json", running=("Discord",))
        without_other_test_runs(snap)
        for width, height in SCREENS:
            for scale in ("1", "2"):
                env = dict(os.environ, QT_QPA_PLATFORM="xcb", QT_SCALE_FACTOR=scale)
                env.pop("DISPLAY", None)
                label = f"{width}x{height}-x{scale}"
                screen = f"-screen 0 {width}x{height}x24"
                command = [sys.executable, __file__, "--out", str(out), "--size-shot", str(snap), "--label", label]
                code = subprocess.call(["xvfb-run", "-a", "-s", screen, *command], env=env)
                if code:
                    return code
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description="Make docs/ screenshots from real engine runs under Xvfb.")
    parser.add_argument("--out", default=str(ROOT / "docs"))
    parser.add_argument("--keep", metavar="DIR", help="also keep the recorded snapshots here")
    parser.add_argument("--sizes", action="store_true", help="the window and dialogs on small screens")
    parser.add_argument("--size-shot", metavar="SNAPSHOT", help=argparse.SUPPRESS)
    parser.add_argument("--label", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.sizes:
        return shoot_sizes(Path(args.out if args.out != str(ROOT / "docs") else ROOT / "docs" / "screens"))
    if not os.environ.get("DISPLAY"):
        for tool in ("xvfb-run", "dbus-daemon", "gsettings", "gdbus", "gnome-keyring-daemon", "pdftoppm"):
            if not shutil.which(tool):
                raise SystemExit(f"screenshots: needs {tool}")
        env = dict(os.environ, QT_QPA_PLATFORM="xcb")
        return subprocess.call(["xvfb-run", "-a", "-s", "-screen 0 1400x1400x24", sys.executable, *sys.argv], env=env)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="dc-shots-") as tmp:
        os.environ["DEVICECHECK_CONFIG_DIR"] = str(Path(tmp) / "config")
        shoot(out, Path(tmp), Path(args.size_shot) if args.size_shot else None, args.label)
        if args.keep:
            Path(args.keep).mkdir(parents=True, exist_ok=True)
            for snap in Path(tmp).glob("*.json"):
                shutil.copy(snap, Path(args.keep) / snap.name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
