"""macOS: does signing in need a password?

Asked of LocalAuthentication, never by trying to sign in: LAContext.canEvaluatePolicy(deviceOwnerAuthentication)
assesses whether the Mac's owner could be asked to authenticate, without asking (no prompt, no attempt). It is
reached through `osascript -l JavaScript`, which every Mac has, and prints one JSON line of our own:
  {"ok": true}                  a password (or Touch ID / Apple Watch with a password behind it) is set: a pass;
  {"ok": false, "code": -5}     LAErrorPasscodeNotSet, "A passcode isn't set on the device": a fail;
  anything else                 can't tell, with the reason.
Apple's documentation and what stays unconfirmed: docs/unconfirmed.md#U12.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from checks.facts import AccountPasswordFacts, Read
from checks.model import ProbeUnknown

if TYPE_CHECKING:
    from checks.context import CheckContext

PASSCODE_NOT_SET = -5  # kLAErrorPasscodeNotSet
DEVICE_OWNER_AUTHENTICATION = 2  # LAPolicyDeviceOwnerAuthentication
SCRIPT = (
    "ObjC.import('LocalAuthentication'); var e = Ref(); "
    f"var ok = $.LAContext.alloc.init.canEvaluatePolicyError({DEVICE_OWNER_AUTHENTICATION}, e); "
    "JSON.stringify(ok ? {ok: true} : {ok: false, code: (e[0] ? Number(e[0].code) : null)})"
)
ARGV = ("osascript", "-l", "JavaScript", "-e", SCRIPT)
READS = (
    Read(
        "command",
        "osascript -l JavaScript: LAContext canEvaluatePolicy (device owner authentication)",
        "Whether your account has a password; nothing is asked of you and no sign-in is tried",
    ),
)


def judge(stdout: str) -> AccountPasswordFacts:
    line = next((part for part in reversed(stdout.strip().splitlines()) if part.strip().startswith("{")), "")
    try:
        answer = json.loads(line)
    except ValueError:
        answer = None
    if isinstance(answer, dict) and answer.get("ok") is True:
        return AccountPasswordFacts(True, "macOS says your account can be asked for its password.")
    if isinstance(answer, dict) and answer.get("ok") is False and answer.get("code") == PASSCODE_NOT_SET:
        return AccountPasswordFacts(False, "macOS says no password is set for your account.")
    code = answer.get("code") if isinstance(answer, dict) else None
    raise ProbeUnknown(
        "macOS did not say whether your account has a password"
        + (f" (LocalAuthentication error {code})" if isinstance(code, int) else "")
        + ". Make sure your Mac asks for a password when you sign in.",
    )


def read(ctx: CheckContext) -> AccountPasswordFacts:
    result = ctx.system.run(ARGV)
    if not result.ok:
        raise ProbeUnknown(
            f"Device Check could not ask macOS whether your account has a password ({result.why_not()}). "
            "Make sure your Mac asks for a password when you sign in."
        )
    return judge(result.stdout)
