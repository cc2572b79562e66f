"""macOS: does the Mac sign in by itself?

Two things must both be there for automatic login (docs/unconfirmed.md#U9):
  - `defaults read /Library/Preferences/com.apple.loginwindow autoLoginUser` names the account; when the key is
    absent `defaults` says the pair "does not exist";
  - /etc/kcpassword, the saved password loginwindow uses, exists. The key alone is not automatic login: public
    reports show it set while System Settings says automatic login is off and the password is asked
    (https://github.com/saltstack/salt/issues/44721), and tools that turn automatic login off remove both
    (CSD-Public/stonix DisableAutoLogin.py). Only whether the file exists is read (stat of a root-only file
    works for any user, since /etc can be searched by all); never its contents.
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
KCPASSWORD = "/etc/kcpassword"
READS = (
    Read("command", " ".join(ARGV), "Which account, if any, is set to sign in by itself"),
    Read("file", KCPASSWORD, "Whether a saved automatic sign-in password exists (only whether it is there)"),
)


def judge(returncode: int, stdout: str, stderr: str, kcpassword_exists: bool = True) -> AutologinFacts:
    checked = (PLIST + ".plist", KCPASSWORD)
    if returncode == 0 and stdout.strip():
        if not kcpassword_exists:
            # The login window has an account named but no password to sign it in with: it asks.
            return AutologinFacts(False, checked=checked)
        return AutologinFacts(True, stdout.strip(), (PLIST + ".plist autoLoginUser", KCPASSWORD), checked)
    if returncode != 0 and "does not exist" in (stderr + stdout):
        return AutologinFacts(False, checked=checked)
    raise ProbeUnknown("Device Check could not read this Mac's automatic sign-in setting.")


def read(ctx: CheckContext) -> AutologinFacts:
    result = ctx.system.run(ARGV)
    if result.missing or result.timed_out:
        raise ProbeUnknown(f"Device Check could not read this Mac's automatic sign-in setting ({result.why_not()}).")
    named = result.returncode == 0 and bool(result.stdout.strip())
    exists = ctx.system.file_info(KCPASSWORD) is not None if named else False
    return judge(result.returncode, result.stdout, result.stderr, exists)
