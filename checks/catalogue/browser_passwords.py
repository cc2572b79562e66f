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
# Passwords already saved with the fixed key stay that way after the browser moves to the keyring: only
# saving each one again stores it under the keyring's key.
CHROMIUM_BASIC_STEPS = (
    "Chrome, Chromium, Edge or Brave (named above): make sure you start it from your normal desktop, where your "
    'keyring ("Passwords and Keys" or KWallet) is unlocked when you sign in.',
    "In that browser, open Settings, then Passwords (or Password Manager). Open each saved password, change it "
    "on the website it belongs to, and let the browser save the new one, so it is kept with your keyring. A "
    "password you no longer need can simply be deleted there.",
)
AGAIN = 'Press "Check again".'
KIND_STEPS = {
    "firefox": (FIREFOX_STEP,),
    "chromium": (CHROMIUM_STEP,),
    "chromium-basic": CHROMIUM_BASIC_STEPS,
}
KIND_ORDER = tuple(KIND_STEPS)


def _fixes() -> dict[str, Fix]:
    """One fix for every combination of kinds (BrowserPasswordFacts.kinds), keyed "firefox+chromium" etc."""
    fixes = {"*": Fix((FIREFOX_STEP, AGAIN))}
    for mask in range(1, 1 << len(KIND_ORDER)):
        kinds = [k for i, k in enumerate(KIND_ORDER) if mask & (1 << i)]
        steps = tuple(step for k in kinds for step in KIND_STEPS[k])
        fixes["+".join(kinds)] = Fix((*steps, AGAIN))
    return fixes


FIXES = _fixes()


def judge_browser_passwords(facts: BrowserPasswordFacts) -> Verdict:
    evidence = {
        "unprotected": list(facts.unprotected),
        "protected": list(facts.protected),
        "unreadable": list(facts.unreadable),
        "browsers": list(facts.browsers_seen),
    }
    key = "+".join(k for k in KIND_ORDER if k in facts.kinds)
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
