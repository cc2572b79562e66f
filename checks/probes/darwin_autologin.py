"""macOS: does the Mac sign in by itself?

`defaults read /Library/Preferences/com.apple.loginwindow autoLoginUser` prints the account that signs in
by itself; when automatic login is off the key is absent and `defaults` says the pair "does not exist".
This avoids the AppleScript route, which pops up an Automation permission prompt.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checks.facts import AutologinFacts, Read
from checks.model import ProbeUnknown

if TYPE_CHECKING:
    from checks.context import CheckContext

PLIST = "/Library/Preferences/com.apple.loginwindow"
ARGV = ("defaults", "read", PLIST, "autoLoginUser")
READS = (Read("command", " ".join(ARGV), "Which account, if any, signs in by itself"),)


def judge(returncode: int, stdout: str, stderr: str) -> AutologinFacts:
    checked = (PLIST + ".plist",)
    if returncode == 0 and stdout.strip():
        return AutologinFacts(True, stdout.strip(), (PLIST + ".plist autoLoginUser",), checked)
    if returncode != 0 and "does not exist" in (stderr + stdout):
        return AutologinFacts(False, checked=checked)
    raise ProbeUnknown("Device Check could not read this Mac's automatic login setting.")


def read(ctx: CheckContext) -> AutologinFacts:
    result = ctx.system.run(ARGV)
    if result.missing or result.timed_out:
        raise ProbeUnknown(f"Device Check could not read this Mac's automatic login setting ({result.why_not()}).")
    return judge(result.returncode, result.stdout, result.stderr)
