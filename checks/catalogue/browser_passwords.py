"""`browser-passwords` (clause 2, recommended): passwords saved in a browser are protected."""

from __future__ import annotations

from checks.check import Check, Titles
from checks.context import CheckContext
from checks.facts import BrowserPasswordFacts
from checks.model import SEE_IT_HELPER, Fix, Verdict
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
    "Chrome, Chromium, Edge or Brave is started with a setting that keeps its passwords outside your keyring. "
    + SEE_IT_HELPER
)
CHROMIUM_HELPER = (
    "Remove --password-store=basic from what starts the browser (its .desktop launcher, a shortcut, or a flags "
    "file such as ~/.config/chrome-flags.conf), then quit the browser fully and start it again.",
)
# What only an IT helper needs to see: the launch option and the files that set it.
BASIC_OPTION = "--password-store=basic"
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
KIND_HELPER = {"chromium": CHROMIUM_HELPER}
# Found only by the Linux probe (a launch option, the keyring): their steps are keyed "linux/...", so no other
# system is shown them.
LINUX_ONLY_KINDS = {"chromium", "chromium-basic"}


def _fixes() -> dict[str, Fix]:
    """One fix for every combination of kinds (BrowserPasswordFacts.kinds), keyed "firefox+chromium" etc."""
    fixes = {"*": Fix((FIREFOX_STEP, AGAIN))}
    for mask in range(1, 1 << len(KIND_ORDER)):
        kinds = [k for i, k in enumerate(KIND_ORDER) if mask & (1 << i)]
        steps = tuple(step for k in kinds for step in KIND_STEPS[k])
        helper = tuple(line for k in kinds for line in KIND_HELPER.get(k, ()))
        where = "linux/" if LINUX_ONLY_KINDS & set(kinds) else ""
        fixes[where + "+".join(kinds)] = Fix((*steps, AGAIN), it_helper=helper)
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
        technical = tuple(item for item in facts.unprotected if BASIC_OPTION in item)
        plain = [item for item in facts.unprotected if BASIC_OPTION not in item]
        if technical:
            plain.append("a Chrome-type browser is set to keep its passwords outside your keyring")
        return Verdict.failed(
            "Saved browser passwords are not protected: " + "; ".join(plain) + ".",
            fix_key=key,
            it_helper=tuple(f"Found: {item}." for item in technical),
            **evidence,
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
