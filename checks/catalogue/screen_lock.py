"""`screen-lock` (clause 2): the screen locks by itself within the agency's limit when the laptop is left."""

from __future__ import annotations

from typing import Any

from checks.check import Check, Titles
from checks.context import CheckContext
from checks.facts import LockFacts
from checks.model import SEE_IT_HELPER, Fix, Verdict
from checks.probes import SCREEN_LOCK, facts_for

TITLES = Titles(
    name="Screen lock",
    passed="Your screen locks by itself when you step away",
    failed="Your screen does not lock by itself soon enough",
    unknown="Device Check can't tell when your screen locks",
)

# Keyed by the settings program the probe found (LockFacts.settings_app), or the OS.
FIXES = {
    "linux/GNOME": Fix(
        steps=(
            "Open Settings and choose Privacy (called Privacy & Security on newer versions), then Screen Lock.",
            "Turn on Automatic Screen Lock and set Automatic Screen Lock Delay to 'Screen Turns Off'.",
            "Set Blank Screen Delay to 5 minutes or less (in Screen Lock, or in Power on older versions).",
            "Turn on Lock Screen on Suspend if you see it.",
        ),
        settings_command=("gnome-control-center", "privacy"),
    ),
    "linux/Cinnamon": Fix(
        steps=(
            "Open System Settings and choose Screensaver.",
            "Set 'Delay before starting the screensaver' to 5 minutes or less.",
            "Turn on 'Lock the computer when put to sleep' and 'Lock the computer after the screensaver starts',"
            " with 'Delay before locking' set to 'Immediately'.",
        ),
        settings_command=("cinnamon-settings", "screensaver"),
    ),
    "linux/MATE": Fix(
        steps=(
            "Open the Control Center and choose Screensaver.",
            "Set 'Regard the computer as idle after' to 5 minutes or less and tick 'Activate screensaver when"
            " computer is idle'.",
            "Tick 'Lock screen when screensaver is active'.",
            "In Power Management, make sure the screen is locked when the laptop goes to sleep.",
        ),
        settings_command=("mate-screensaver-preferences",),
    ),
    **{
        f"linux/KDE{version}": Fix(
            steps=(
                "Open System Settings and choose Screen Locking.",
                "Turn on 'Lock screen automatically' and set it to 5 minutes or less.",
                "Turn on 'After waking from sleep'.",
                "Set 'Allow unlocking without password for' to a few seconds at most.",
            ),
            settings_command=command,
        )
        for version, command in (
            ("5", ("kcmshell5", "kcm_screenlocker")),
            ("6", ("systemsettings", "kcm_screenlocker")),
        )
    },
    "linux/xfce4-screensaver": Fix(
        steps=(
            "Open the Settings Manager and choose Screensaver.",
            "On the Screensaver tab, turn on 'Activate screensaver when computer is idle' and set it to 5 minutes"
            " or less.",
            "On the Lock Screen tab, turn on 'Enable Lock Screen', 'Lock Screen with Screensaver' and 'Lock Screen"
            " on sleep'.",
        ),
        settings_command=("xfce4-screensaver-preferences",),
    ),
    "linux/light-locker": Fix(
        # light-locker's own settings program is not packaged in Debian 12; xfce4-power-manager's Security tab
        # holds the same light-locker settings there.
        steps=(
            "Open the Settings Manager and choose Power Manager, then the Security tab.",
            "Set 'Automatically lock the session' to 'When the screensaver is activated', with a short delay.",
            "Turn on 'Lock screen when system is going to sleep'.",
            "On the Display tab, set 'Blank after' to 5 minutes or less.",
        ),
        settings_command=("xfce4-power-manager-settings",),
    ),
    "linux/no-locker": Fix(
        steps=(
            "This laptop has no screen locker installed. " + SEE_IT_HELPER,
            'Then press "Check again".',
        ),
        it_helper=(
            "Install a screen locker for the desktop, for example on XFCE (Debian/Ubuntu): sudo apt install "
            "xfce4-screensaver; then sign out and back in and set it as in the XFCE steps.",
        ),
    ),
    "windows": Fix(
        steps=(
            "Open Settings, then System, then Power & battery (or Power & sleep).",
            "Under 'Screen and sleep', set the screen to turn off after 5 minutes or less, on battery and when"
            " plugged in.",
            "Open Settings, then Accounts, then Sign-in options.",
            "Under 'If you've been away, when should Windows require you to sign in again?', choose 'Every time'.",
        ),
        settings_uri="ms-settings:powersleep",
    ),
    "darwin": Fix(
        steps=(
            "Open the Apple menu, then System Settings, then Lock Screen.",
            "Set 'Start Screen Saver when inactive' and both 'Turn display off ... when inactive' to 5 minutes"
            " or less.",
            "Set 'Require password after screen saver begins or display is turned off' to 'Immediately'.",
        ),
        settings_uri="x-apple.systempreferences:com.apple.Lock-Screen-Settings.extension",
    ),
}


def say_duration(seconds: int) -> str:
    """300 -> "5 minutes", 90 -> "1 minute 30 seconds", 3600 -> "1 hour"."""
    if seconds < 60:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if minutes:
        parts.append(f"{minutes} minute{'s' if minutes != 1 else ''}")
    if secs:
        parts.append(f"{secs} second{'s' if secs != 1 else ''}")
    return " ".join(parts)


def lock_evidence(facts: LockFacts, **extra: Any) -> dict[str, Any]:
    return {
        "desktop": facts.desktop,
        "idle_seconds": facts.idle_seconds,
        "lock_enabled": facts.lock_enabled,
        "lock_delay_seconds": facts.lock_delay_seconds,
        "lock_on_wake": facts.lock_on_wake,
        "wake_grace_seconds": facts.wake_grace_seconds,
        "sources": list(facts.sources),
        **extra,
    }


def cannot_tell(facts: LockFacts, what: str, fix_key: str, **extra: Any) -> Verdict:
    why = " ".join(facts.notes)
    detail = f"Device Check could not read {what} on {facts.desktop}." + (f" {why}" if why else "")
    return Verdict.unknown(detail, fix_key=fix_key, **lock_evidence(facts, **extra))


def judge_screen_lock(facts: LockFacts, max_idle_minutes: int) -> Verdict:
    limit = max_idle_minutes * 60
    ev = {"limit_seconds": limit}
    key = facts.settings_app
    if facts.lock_enabled is False:
        return Verdict.failed(
            "Your screen does not lock by itself when you leave the laptop.", fix_key=key, **lock_evidence(facts, **ev)
        )
    if facts.idle_seconds == 0:
        return Verdict.failed(
            "Your screen is set never to blank or lock by itself when you leave the laptop.",
            fix_key=key,
            **lock_evidence(facts, **ev),
        )
    if facts.idle_seconds is None or facts.lock_enabled is None or facts.lock_delay_seconds is None:
        return cannot_tell(facts, "when your screen locks", fix_key=key, **ev)
    total = facts.idle_seconds + facts.lock_delay_seconds
    ev["locks_after_seconds"] = total
    if total > limit:
        return Verdict.failed(
            f"Your screen locks only after {say_duration(total)} of no use; your agency asks for"
            f" {say_duration(limit)} or less.",
            fix_key=key,
            **lock_evidence(facts, **ev),
        )
    return Verdict.passed(f"Your screen locks after {say_duration(total)} of no use.", **lock_evidence(facts, **ev))


def judge(ctx: CheckContext) -> Verdict:
    facts: LockFacts = facts_for(ctx, SCREEN_LOCK)
    return judge_screen_lock(facts, ctx.profile.max_idle_minutes)


CHECK = Check(id="screen-lock", clause=2, titles=TITLES, judge=judge, fixes=FIXES, probe=SCREEN_LOCK)
