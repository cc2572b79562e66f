"""`browser-passwords` (clause 2, recommended): passwords saved in a browser are protected."""

from __future__ import annotations

from checks.check import Check, Titles
from checks.context import CheckContext
from checks.facts import BrowserPasswordFacts
from checks.model import Fix, Verdict
from checks.probes import BROWSER_PASSWORDS, facts_for

TITLES = Titles(
    name="Passwords saved in browsers",
    passed="Passwords saved in your browsers are protected",
    failed="Passwords saved in a browser are not protected",
    unknown="Device Check can't tell whether passwords saved in your browsers are protected",
)
FIREFOX_STEP = (
    'Firefox: open Settings, then Privacy & Security. Under "Passwords", tick "Use a Primary '
    'Password" and choose one you will remember.'
)
CHROMIUM_STEP = (
    'Chrome, Chromium, Edge or Brave: remove "--password-store=basic" from the file or shortcut named '
    "above, then close the browser and open it again so it uses your keyring."
)
AGAIN = 'Press "Check again".'
# Keyed by which kinds of browser need the candidate (BrowserPasswordFacts.kinds).
FIXES = {
    "firefox": Fix((FIREFOX_STEP, AGAIN)),
    "chromium": Fix((CHROMIUM_STEP, AGAIN)),
    "firefox+chromium": Fix((FIREFOX_STEP, CHROMIUM_STEP, AGAIN)),
    "*": Fix((FIREFOX_STEP, AGAIN)),
}


def judge_browser_passwords(facts: BrowserPasswordFacts) -> Verdict:
    evidence = {
        "unprotected": list(facts.unprotected),
        "protected": list(facts.protected),
        "unreadable": list(facts.unreadable),
        "browsers": list(facts.browsers_seen),
    }
    key = "+".join(k for k in ("firefox", "chromium") if k in facts.kinds)
    if facts.unprotected:
        return Verdict.failed(
            "Saved browser passwords are not protected: " + "; ".join(facts.unprotected) + ".", fix_key=key, **evidence
        )
    if facts.unreadable and not facts.protected:
        return Verdict.unknown(
            "Device Check could not tell whether your saved browser passwords are protected: "
            + "; ".join(facts.unreadable)
            + ".",
            fix_key=key,
            **evidence,
        )
    if facts.protected:
        return Verdict.passed("Your saved browser passwords are protected.", **evidence)
    return Verdict.passed("No browser here keeps saved passwords unprotected.", **evidence)


def judge(ctx: CheckContext) -> Verdict:
    return judge_browser_passwords(facts_for(ctx, BROWSER_PASSWORDS))


CHECK = Check(id="browser-passwords", clause=2, titles=TITLES, judge=judge, fixes=FIXES, probe=BROWSER_PASSWORDS)
