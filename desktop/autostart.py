"""Start at login, per OS. Only ever called when the candidate turns the setting on or off.

Linux:   $XDG_CONFIG_HOME/autostart/devicecheck.desktop (XDG Autostart specification)
Windows: HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run, value "DeviceCheck"
macOS:   ~/Library/LaunchAgents/<LAUNCH_AGENT_ID>.plist with RunAtLoad

The login item runs `devicecheck --tray`: the frozen executable in an installed build, otherwise this
Python with `-m desktop --tray`.
"""

from __future__ import annotations

import os
import plistlib
import shlex
import sys
from collections.abc import Mapping
from pathlib import Path

from checks.atomic import atomic_write_text

DESKTOP_FILE = "devicecheck.desktop"
LAUNCH_AGENT_ID = "uk.devicecheck.tray"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE = "DeviceCheck"


def tray_command() -> list[str]:
    """The argv that starts Device Check in the tray."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "--tray"]
    return [sys.executable, "-m", "desktop", "--tray"]


def working_dir() -> str | None:
    """Run from source, `-m desktop` needs the folder that holds the packages; a frozen build needs none."""
    if getattr(sys, "frozen", False):
        return None
    return str(Path(__file__).resolve().parent.parent)


# ---- Linux --------------------------------------------------------------------------------------
def linux_entry_path(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    base = env.get("XDG_CONFIG_HOME") or str(Path(env.get("HOME") or Path.home()) / ".config")
    return Path(base) / "autostart" / DESKTOP_FILE


def _desktop_exec_quote(arg: str) -> str:
    """Quote one argument for a desktop entry's Exec key (Desktop Entry Specification, 'The Exec key')."""
    if arg and not any(c in arg for c in " \t\n\"'\\><~|&;$*?#()`%"):
        return arg
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg)
    return f'"{escaped}"'.replace("%", "%%")


def desktop_entry(argv: list[str], cwd: str | None = None) -> str:
    exec_line = " ".join(_desktop_exec_quote(a) for a in argv)
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Name=Device Check",
        "Comment=Keeps an eye on social media apps during school hours",
        f"Exec={exec_line}",
        "Terminal=false",
        "X-GNOME-Autostart-enabled=true",
        "NoDisplay=false",
    ]
    if cwd:
        lines.append(f"Path={cwd}")
    return "\n".join(lines) + "\n"


def entry_value(entry_text: str, key: str) -> str | None:
    for line in entry_text.splitlines():
        if line.startswith(f"{key}="):
            return line[len(key) + 1 :]
    return None


def parse_exec(entry_text: str) -> list[str]:
    """The argv of a desktop entry's Exec line (for tests and support)."""
    line = entry_value(entry_text, "Exec")
    return shlex.split(line.replace("%%", "%")) if line else []


# ---- macOS --------------------------------------------------------------------------------------
def launch_agent_path(home: str | None = None) -> Path:
    return Path(home or Path.home()) / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT_ID}.plist"


def launch_agent(argv: list[str], cwd: str | None = None) -> bytes:
    agent: dict[str, object] = {
        "Label": LAUNCH_AGENT_ID,
        "ProgramArguments": argv,
        "RunAtLoad": True,
        "ProcessType": "Interactive",
    }
    if cwd:
        agent["WorkingDirectory"] = cwd
    return plistlib.dumps(agent)


# ---- Windows ------------------------------------------------------------------------------------
def windows_run_value(argv: list[str]) -> str:
    import subprocess

    return subprocess.list2cmdline(argv)


def _winreg_set(value: str | None) -> None:  # pragma: no cover - Windows only
    import winreg

    with winreg.CreateKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:  # type: ignore[attr-defined,unused-ignore]
        if value is None:
            try:
                winreg.DeleteValue(key, RUN_VALUE)  # type: ignore[attr-defined,unused-ignore]
            except FileNotFoundError:
                pass
        else:
            winreg.SetValueEx(key, RUN_VALUE, 0, winreg.REG_SZ, value)  # type: ignore[attr-defined,unused-ignore]


def _winreg_get() -> str | None:  # pragma: no cover - Windows only
    import winreg

    try:
        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:  # type: ignore[attr-defined,unused-ignore]
            value, _ = winreg.QueryValueEx(key, RUN_VALUE)  # type: ignore[attr-defined,unused-ignore]
    except OSError:
        return None
    return str(value)


# ---- one interface --------------------------------------------------------------------------------
def _platform() -> str:
    if sys.platform.startswith("win"):
        return "windows"
    return "darwin" if sys.platform == "darwin" else "linux"


def enable(argv: list[str] | None = None, platform: str | None = None) -> str:
    """Add the login item; returns where it was put (a path or the registry value), for the message."""
    argv = argv or tray_command()
    platform = platform or _platform()
    if platform == "windows":
        _winreg_set(windows_run_value(argv))
        return f"HKEY_CURRENT_USER\\{RUN_KEY}\\{RUN_VALUE}"
    if platform == "darwin":
        path = launch_agent_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        _atomic_write_bytes(path, launch_agent(argv, working_dir()))
        return str(path)
    path = linux_entry_path()
    atomic_write_text(path, desktop_entry(argv, working_dir()))
    return str(path)


def disable(platform: str | None = None) -> None:
    """Remove the login item; nothing else is touched (the autostart folder stays)."""
    platform = platform or _platform()
    if platform == "windows":
        _winreg_set(None)
        return
    path = launch_agent_path() if platform == "darwin" else linux_entry_path()
    try:
        path.unlink()
    except FileNotFoundError:
        pass


def is_enabled(platform: str | None = None) -> bool:
    platform = platform or _platform()
    if platform == "windows":
        return _winreg_get() is not None
    return (launch_agent_path() if platform == "darwin" else linux_entry_path()).is_file()


def apply(wanted: bool, platform: str | None = None) -> None:
    """Make the login item match the setting; does nothing when it already does."""
    if wanted and not is_enabled(platform):
        enable(platform=platform)
    elif not wanted and is_enabled(platform):
        disable(platform)


def _atomic_write_bytes(path: Path, data: bytes) -> None:
    # plistlib output is ASCII-safe XML, so the text writer keeps it byte for byte.
    atomic_write_text(path, data.decode("utf-8"))
