"""macOS: does the Mac sign in by itself?

`defaults read /Library/Preferences/com.apple.loginwindow autoLoginUser` prints the account that signs in
by itself; when automatic login is off the key is absent and `defaults` says the pair "does not exist".
This avoids the AppleScript route, which pops up an Automation permission prompt.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checks.facts import AutologinFacts, Read
from checks.model import Fix, ProbeUnknown

if TYPE_CHECKING:
    from checks.catalog import CheckContext

PLIST = "/Library/Preferences/com.apple.loginwindow"
ARGV = ("defaults", "read", PLIST, "autoLoginUser")
READS = (Read("command", " ".join(ARGV), "Which account, if any, signs in by itself"),)

FIX = Fix(
    steps=(
        "Open the Apple menu, then System Settings, then Users & Groups.",
        "Set 'Automatically log in as' to 'Off', and enter your password when asked.",
    ),
    settings_uri="x-apple.systempreferences:com.apple.Users-Groups-Settings.extension",
)


def judge(returncode: int, stdout: str, stderr: str) -> AutologinFacts:
    checked = (PLIST + ".plist",)
    if returncode == 0 and stdout.strip():
        return AutologinFacts(True, stdout.strip(), (PLIST + ".plist autoLoginUser",), checked, FIX)
    if returncode != 0 and "does not exist" in (stderr + stdout):
        return AutologinFacts(False, checked=checked, fix=FIX)
    raise ProbeUnknown("Device Check could not read this Mac's automatic login setting.", FIX)


def read(ctx: CheckContext) -> AutologinFacts:
    result = ctx.system.run(ARGV)
    if result.missing or result.timed_out:
        raise ProbeUnknown(f"Device Check could not read this Mac's automatic login setting ({result.why_not()}).", FIX)
    return judge(result.returncode, result.stdout, result.stderr)
