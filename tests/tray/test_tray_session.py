"""The tray monitor on a real desktop: Xvfb, trayer (a real system tray), dunst (a real notification
service) on a dbus-run-session bus, with dbus-monitor recording every Notify call. A copy of /bin/sleep
named Discord stands in for the app. The harness's clock starts at a chosen time and runs fast, so several
15-second intervals pass in about a second without any test sleeping."""

from __future__ import annotations

import json
import subprocess
from datetime import datetime

import pytest

from checks.catalogue import CATALOGUE
from tests.conftest import need
from tests.desktop_session import wait_for
from tests.tray.conftest import WEDNESDAY_EVENING, WEDNESDAY_MORNING, discord_notifications, run

pytestmark = [pytest.mark.xvfb, pytest.mark.slow]


def test_a_social_app_in_school_hours_is_notified_exactly_once(desktop, discord, profile, tmp_path):
    desktop.start_tray()
    desktop.start_notifications()
    desktop.start_monitor()
    events = run(
        desktop,
        tmp_path,
        "--profile",
        str(profile),
        "--start",
        WEDNESDAY_MORNING,
        "--scale",
        "0.01",
        "--sim-seconds",
        "150",
        "--wait-tray",
        "10",
    )
    scans = [e for e in events if e["event"] == "scanned"]
    assert len(scans) >= 4 and all(e["apps"] == ["Discord"] for e in scans), events  # seen at every interval...
    calls = discord_notifications(desktop)
    assert len(calls) == 1, calls  # ...but said once
    assert 'string "Device Check"' in calls[0] and 'string "Quit Discord"' in calls[0]


def test_nothing_is_scanned_or_notified_outside_school_hours(desktop, discord, profile, tmp_path):
    desktop.start_tray()
    desktop.start_notifications()
    desktop.start_monitor()
    # Three and a half hours of evening at 0.0005 s per simulated second: the monitor only re-plans.
    events = run(
        desktop,
        tmp_path,
        "--profile",
        str(profile),
        "--start",
        WEDNESDAY_EVENING,
        "--scale",
        "0.0005",
        "--sim-seconds",
        str(3.5 * 3600),
        "--wait-tray",
        "10",
    )
    plans = [e for e in events if e["event"] == "planned"]
    assert len(plans) >= 3 and not any(e["scan_now"] for e in plans)
    assert all(str(e["next_wake"]).startswith("2026-11-26 08:00") for e in plans)
    assert [e["scans"] for e in events if e["event"] == "finished"] == [0]
    assert discord_notifications(desktop) == []


def test_nothing_is_notified_when_not_working_today(desktop, discord, profile, tmp_path):
    desktop.start_tray()
    desktop.start_notifications()
    desktop.start_monitor()
    events = run(
        desktop,
        tmp_path,
        "--profile",
        str(profile),
        "--start",
        WEDNESDAY_MORNING,
        "--scale",
        "0.01",
        "--sim-seconds",
        "100",
        "--not-working-today",
        "--wait-tray",
        "10",
    )
    assert [e["scans"] for e in events if e["event"] == "finished"] == [0]
    assert "not working" in str(next(e for e in events if e["event"] == "planned")["reason"]).lower()
    assert discord_notifications(desktop) == []


def shown_by_dunst(desktop) -> int:
    res = subprocess.run(["dunstctl", "count", "displayed"], env=desktop.env, capture_output=True, text=True)
    return int(res.stdout.strip()) if res.stdout.strip().isdigit() else 0


@pytest.mark.timeout(180)
def test_quit_from_the_notification_asks_first_then_closes_the_app_politely(desktop, discord, profile, tmp_path):
    # dunstctl acts on the newest notification on screen, so the daily check must not add a "things to fix"
    # one after Discord's: only social-apps is on here.
    others = "".join(f"[checks.{c.id}]\nenabled = false\n" for c in CATALOGUE if c.id != "social-apps")
    profile.write_text(profile.read_text() + others)
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
        "--answer-quit",
        "yes",
        "--wait-tray",
        "10",
        config=tmp_path / "config",
    )
    assert proc.stdout is not None
    seen: list[dict[str, object]] = []

    def next_event(kind: str) -> dict[str, object]:
        while True:
            line = proc.stdout.readline()  # type: ignore[union-attr]
            assert line, proc.stderr.read()  # type: ignore[union-attr]
            event = json.loads(line)
            seen.append(event)
            if event["event"] == kind:
                return event

    next_event("scanned")
    wait_for(lambda: discord_notifications(desktop), 20, "the Notify call")
    assert discord.poll() is None
    # dunst shows a notification a moment after the Notify call: "action 0" before then acts on nothing.
    wait_for(lambda: shown_by_dunst(desktop) >= 1, 20, "dunst to show the notification")
    # The candidate clicks the notification (dunst invokes its default action, sending ActionInvoked).
    subprocess.run(["dunstctl", "action", "0"], env=desktop.env, check=True, timeout=10)
    asked = next_event("asked")
    assert asked["title"] == "Quit Discord?"
    done = next_event("quit_done")
    assert done["asked"] == 1
    assert discord.wait(10) == -15  # SIGTERM: asked to close, never SIGKILL
    proc.stdin.close()  # type: ignore[union-attr]
    proc.wait(30)


def windows_inside_trayer_panel(tree: str) -> list[str]:
    """The windows nested under trayer's "panel" window in `xwininfo -root -tree` output."""
    lines = tree.splitlines()
    for i, line in enumerate(lines):
        if '"panel": ("panel" "trayer")' in line:
            depth = len(line) - len(line.lstrip())
            inside = []
            for nested in lines[i + 1 :]:
                if nested.strip() and len(nested) - len(nested.lstrip()) <= depth:
                    break
                inside.append(nested.strip())
            return inside
    return []


def test_tray_icon_is_embedded_in_trayer(desktop, profile, tmp_path):
    need("xwininfo")
    desktop.start_tray()
    desktop.start_notifications()

    def tree() -> str:
        return subprocess.run(["xwininfo", "-root", "-tree"], env=desktop.env, capture_output=True, text=True).stdout

    wait_for(lambda: '"panel": ("panel" "trayer")' in tree(), 20, "trayer's panel")
    assert not any("Device Check" in w for w in windows_inside_trayer_panel(tree()))
    proc = desktop.harness(
        "--profile",
        str(profile),
        "--start",
        WEDNESDAY_EVENING,
        "--scale",
        "0.001",
        "--answer-quit",
        "no",
        "--wait-tray",
        "10",
        config=tmp_path / "config",
    )
    started = json.loads(proc.stdout.readline())  # type: ignore[union-attr]
    assert started["tray_available"] is True and started["tray_visible"] is True
    # The icon is a small window that trayer has taken into its panel (XEmbed).
    found = wait_for(
        lambda: [w for w in windows_inside_trayer_panel(tree()) if '"Device Check"' in w],
        20,
        "the tray icon inside trayer",
    )
    assert "22x22" in found[0]  # type: ignore[index]
    proc.stdin.close()  # type: ignore[union-attr]
    proc.wait(30)


def test_without_a_tray_it_says_so_once_and_keeps_watching_with_notifications(desktop, discord, profile, tmp_path):
    desktop.start_notifications()
    desktop.start_monitor()
    events = run(
        desktop,
        tmp_path,
        "--profile",
        str(profile),
        "--start",
        WEDNESDAY_MORNING,
        "--scale",
        "0.01",
        "--sim-seconds",
        "60",
    )
    started = events[0]
    assert started["tray_available"] is False
    assert any(e["event"] == "notice" and "no tray" in str(e["text"]) for e in events)
    desktop.settle_monitor()
    notices = [c for c in desktop.notify_calls() if any("no tray" in a for a in c)]
    assert len(notices) == 1
    assert len(discord_notifications(desktop)) == 1  # still watching, by notification alone


def test_without_a_tray_waiting_outside_school_hours_does_not_spin_the_cpu(desktop, profile, tmp_path):
    """A known failure of other tray apps: with no tray they loop. Here the wait is one idle timer."""
    desktop.start_notifications()
    events = run(
        desktop,
        tmp_path,
        "--profile",
        str(profile),
        "--start",
        WEDNESDAY_EVENING,
        "--scale",
        "0.001",
        "--sim-seconds",
        "3000",
    )  # three seconds of real time, evening, no tray
    finished = next(e for e in events if e["event"] == "finished")
    assert events[0]["tray_available"] is False and finished["scans"] == 0
    assert float(finished["wall_seconds"]) >= 2.5
    # A busy loop would use about one CPU-second per second; an idle timer uses next to nothing.
    assert float(finished["cpu_seconds"]) < 0.25 * float(finished["wall_seconds"]), finished


def test_tray_icon_shows_the_overall_state(desktop, profile, tmp_path):
    """Green only when all is clear (every statement confirmed too), grey while statements are still to confirm,
    amber when there are things to fix: read back from the screen itself."""
    from checks.profile import load_profile
    from checks.settings import SettingsStore

    need("xwininfo", "import")
    desktop.start_tray()
    desktop.start_notifications()
    statements = [d.id for d in load_profile(str(profile)).declarations]
    colours = {}
    for case, failing in (("clear", 0), ("to-confirm", 0), ("to-fix", 2)):
        if case == "clear":
            now = datetime.now().astimezone()
            SettingsStore(tmp_path / f"config-{case}").save_declarations({d: now for d in statements})
        proc = desktop.harness(
            "--profile",
            str(profile),
            "--start",
            WEDNESDAY_EVENING,
            "--scale",
            "0.001",
            "--answer-quit",
            "no",
            "--wait-tray",
            "10",
            "--failing",
            str(failing),
            config=tmp_path / f"config-{case}",
        )
        shown = None
        while shown is None:
            event = json.loads(proc.stdout.readline())  # type: ignore[union-attr]
            shown = event if event["event"] == "results_shown" else None
        wanted = {
            "clear": "Device Check: All clear",
            "to-confirm": f"Device Check: Nothing to fix — {len(statements)} statements still to confirm",
            "to-fix": f"Device Check: 2 things to fix (2 fine, {len(statements)} statements still to confirm)",
        }
        assert shown["tooltip"] == wanted[case]

        def icon_id() -> str | None:
            tree = subprocess.run(
                ["xwininfo", "-root", "-tree"], env=desktop.env, capture_output=True, text=True
            ).stdout
            found = [w for w in windows_inside_trayer_panel(tree) if '"Device Check"' in w]
            return found[0].split()[0] if found else None

        wid = wait_for(icon_id, 20, "the tray icon")

        def mean_rgb(wid: object = wid) -> list[float]:
            out = subprocess.run(
                ["import", "-window", str(wid), "-format", "%[fx:mean.r] %[fx:mean.g] %[fx:mean.b]", "info:"],
                env=desktop.env,
                capture_output=True,
                text=True,
            ).stdout.split()
            return [float(v) for v in out] if len(out) == 3 else []

        colours[case] = wait_for(mean_rgb, 20, "a screenshot of the icon")
        proc.stdin.close()  # type: ignore[union-attr]
        proc.wait(30)
    green, grey, amber = colours["clear"], colours["to-confirm"], colours["to-fix"]
    assert green[1] > green[0]  # more green than red: the all-clear badge
    assert abs(grey[0] - grey[1]) < 0.02 and abs(grey[1] - grey[2]) < 0.02  # grey: not all clear yet
    assert amber[0] > amber[1] > amber[2]  # red over green over blue: the amber badge
