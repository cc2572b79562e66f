"""The real app and the real window on a real desktop (Xvfb, dbus-run-session, dunst, and trayer where a test
wants a tray): started at sign-in with `--tray` where there is no tray, it shows its window minimised rather
than run unseen; and the window, the tray's tooltip and the notification give the same count of things to fix."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from tests.conftest import ROOT, need
from tests.desktop_session import DesktopSession, wait_for
from tests.tray.conftest import WEDNESDAY_MORNING

pytestmark = [pytest.mark.xvfb, pytest.mark.slow]


def x(desktop: DesktopSession, *argv: str) -> str:
    return subprocess.run(argv, env=desktop.env, capture_output=True, text=True, timeout=20, check=False).stdout


def top_level_windows(desktop: DesktopSession, pid: int) -> list[str]:
    """The app's windows with a title, straight under the root: what a desktop would put in its task bar."""
    ids = x(desktop, "xdotool", "search", "--pid", str(pid), "--name", "Device Check").split()
    return [w for w in ids if "IsViewable" in x(desktop, "xwininfo", "-id", w)]


def test_started_at_sign_in_with_no_tray_it_shows_its_window_minimised_and_quits_from_it(desktop, tmp_path):
    """`devicecheck --tray` (the login item) on a desktop with no tray area: no icon can show, so the window
    does, minimised in the task bar, and the notification says why. Ctrl+Q then quits: no process is left
    that the candidate cannot see or stop."""
    need("xdotool", "xwininfo", "xprop")
    desktop.start_notifications()
    desktop.start_monitor()
    env = dict(
        desktop.env,
        QT_QPA_PLATFORM="xcb",
        DEVICECHECK_TIMINGS="1",
        DEVICECHECK_CONFIG_DIR=str(tmp_path / "config"),
        PYTHONPATH=str(ROOT),
    )
    app = subprocess.Popen(
        [sys.executable, "-m", "desktop", "--tray"], env=env, stderr=subprocess.PIPE, text=True, cwd=ROOT
    )
    desktop.procs.append(app)  # type: ignore[arg-type]
    assert app.stderr is not None
    for line in app.stderr:  # the window's own run has finished: it has been shown by now
        if "last result" in line:
            break
    else:
        pytest.fail(f"devicecheck ended early (exit {app.wait(10)})")
    windows = wait_for(lambda: top_level_windows(desktop, app.pid), 20, "the window on the X server")
    assert len(windows) == 1, windows  # type: ignore[arg-type]
    wid = windows[0]  # type: ignore[index]
    hints = x(desktop, "xprop", "-id", wid, "WM_HINTS", "_NET_WM_STATE", "WM_NAME")
    assert "Iconic" in hints and "_NET_WM_STATE_HIDDEN" in hints, hints  # minimised, not in the candidate's way
    assert "Device Check" in hints
    desktop.settle_monitor()
    said = [c for c in desktop.notify_calls() if 'string "Device Check is running"' in c]
    assert len(said) == 1 and any("no tray area" in line for line in said[0]), desktop.notify_calls()
    assert app.poll() is None  # still there, watching, with a window to come back to
    x(desktop, "xdotool", "windowfocus", "--sync", wid)
    x(desktop, "xdotool", "key", "--clearmodifiers", "ctrl+q")  # "Quit Device Check" from its menu
    assert app.wait(20) == 0


def test_with_a_tray_it_starts_as_an_icon_only(desktop, tmp_path):
    """The same start where trayer gives a tray: an icon, and no window until the candidate asks."""
    need("xdotool", "xwininfo")
    desktop.start_tray()
    wait_for(lambda: '"panel": ("panel" "trayer")' in x(desktop, "xwininfo", "-root", "-tree"), 20, "trayer")
    desktop.start_notifications()
    env = dict(
        desktop.env,
        QT_QPA_PLATFORM="xcb",
        DEVICECHECK_TIMINGS="1",
        DEVICECHECK_CONFIG_DIR=str(tmp_path / "config"),
        PYTHONPATH=str(ROOT),
    )
    app = subprocess.Popen(
        [sys.executable, "-m", "desktop", "--tray"], env=env, stderr=subprocess.PIPE, text=True, cwd=ROOT
    )
    desktop.procs.append(app)  # type: ignore[arg-type]
    assert app.stderr is not None
    for line in app.stderr:
        if "last result" in line:
            break
    tree = x(desktop, "xwininfo", "-root", "-tree")
    icons = [w for w in top_level_windows(desktop, app.pid) if "22x22" in x(desktop, "xwininfo", "-id", w)]
    assert icons, tree  # the icon, taken into trayer's panel
    big = [w for w in top_level_windows(desktop, app.pid) if w not in icons]
    assert big == [], tree  # no window until asked for


def count_to_fix(line: str) -> int:
    found = re.search(r"(\d+) things? to fix", line)
    return int(found.group(1)) if found else 0


def test_window_tooltip_and_notification_give_the_same_count(desktop, discord, profile, tmp_path):
    """The daily check at the start of school hours, on this real laptop with a social app open: its results
    reach the real window (built as at sign-in, in the tray), the tray's tooltip and a real notification.
    All three say the same number of things to fix, and the window and tooltip the same whole line."""
    desktop.start_tray()
    desktop.start_notifications()
    desktop.start_monitor()
    proc = desktop.harness(
        "--profile",
        str(profile),
        "--start",
        WEDNESDAY_MORNING,
        "--scale",
        "0.01",
        "--window",
        "--answer-quit",
        "no",
        "--wait-tray",
        "10",
        config=tmp_path / "config",
    )
    assert proc.stdout is not None
    checked = None
    while checked is None:
        line = proc.stdout.readline()
        assert line, proc.stderr.read()  # type: ignore[union-attr]
        event = json.loads(line) if line.startswith("{") else {}
        checked = event if event.get("event") == "checked" else None
    assert "social-apps" in checked["failing"]  # the stand-in Discord is open in school hours
    n = len(checked["failing"])
    window, tooltip = str(checked["window"]), str(checked["tooltip"])
    assert count_to_fix(window) == n and tooltip == f"Device Check: {window}", checked
    notified = wait_for(
        lambda: [c for c in (desktop.settle_monitor() or desktop.notify_calls()) if any("to fix" in a for a in c)],
        20,
        "the notification of things to fix",
    )
    assert len(notified) == 1, notified  # type: ignore[arg-type]
    summary = next(a for a in notified[0] if "to fix" in a)  # type: ignore[index]
    assert count_to_fix(summary) == n, (summary, checked)
    proc.stdin.close()  # type: ignore[union-attr]
    proc.wait(30)
