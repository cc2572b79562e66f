"""Fuzz each pure output parser with arbitrary text (recorded output, mutated, cut short, or random):
it returns its documented shape or raises ProbeUnknown, nothing else. One case per parser; add a line
here when a probe gains a parser."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checks.facts import AccountPasswordFacts, AutologinFacts, DiskEncryptionFacts, LockFacts
from checks.model import ProbeUnknown
from checks.probes import (
    linux_account,
    linux_autologin,
    linux_disk,
    linux_lock_gsettings,
    linux_lock_kde,
    linux_lock_xfce,
)
from tests.fuzz.conftest import FUZZ
from tests.fuzz.fuzz_system import CONFIG_VALUES, config_lines, outputs

AUTOLOGIN_PATHS = ["/etc/gdm3/custom.conf", "/etc/sddm.conf", "/etc/lightdm/lightdm.conf",
                   "/etc/systemd/system/getty@tty1.service.d/override.conf", "/etc/greetd/config.toml"]


def _opt(kind: type | tuple[type, ...]) -> Callable[[Any], bool]:
    return lambda value: value is None or isinstance(value, kind)


def _pair_of_text(value: Any) -> bool:
    return value is None or (isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, str) for v in value))


KDE_TEXT = outputs() | config_lines(["Timeout", "LockGrace", "Autolock", "LockOnResume", "RequirePassword", "Timeout[$i]"],
                                    ["[Daemon]", "[Daemon][$i]", "[Greeter]"])
XFCONF_TEXT = outputs() | config_lines(sorted(linux_lock_xfce.SAVER_DEFAULTS) + [linux_lock_xfce.LOCK_ON_SLEEP], ["Property"])
GDM_TEXT = outputs() | config_lines(["AutomaticLoginEnable", "AutomaticLogin", "TimedLoginEnable", "TimedLogin"], ["[daemon]", "[security]"])
GVARIANT_TEXT = outputs() | st.tuples(st.sampled_from(["uint32", "int32", "double", "", "@u"]), st.sampled_from(CONFIG_VALUES)).map(" ".join)


def _passwd_facts(text: str) -> AccountPasswordFacts | None:
    parsed = linux_account.parse_passwd_status(text)  # facts_from_status takes only what this returns
    return None if parsed is None else linux_account.facts_from_status(*parsed)


# name -> (how to call the parser with drawn text, what a good answer looks like)
PARSERS: dict[str, tuple[Callable[[st.DataObject], Any], Callable[[Any], bool]]] = {
    "passwd -S": (lambda d: linux_account.parse_passwd_status(d.draw(outputs())), _pair_of_text),
    "passwd facts": (lambda d: _passwd_facts(d.draw(outputs())), _opt(AccountPasswordFacts)),
    "ini": (lambda d: linux_autologin.parse_ini(d.draw(outputs())),
            lambda v: isinstance(v, list) and all(isinstance(t, tuple) and len(t) == 3 for t in v)),
    "gdm": (lambda d: linux_autologin.gdm_autologin(d.draw(GDM_TEXT)),
            lambda v: isinstance(v, tuple) and isinstance(v[0], bool) and _opt(str)(v[1])),
    "sddm": (lambda d: linux_autologin.sddm_autologin(d.draw(st.lists(outputs(), max_size=3))), _opt(str)),
    "lightdm": (lambda d: linux_autologin.lightdm_autologin(d.draw(st.lists(outputs(), max_size=3))), _opt(str)),
    "getty": (lambda d: linux_autologin.getty_autologin(d.draw(outputs())), _opt(str)),
    "greetd": (lambda d: linux_autologin.greetd_autologin(d.draw(outputs())), _opt(str)),
    "autologin files": (lambda d: linux_autologin.autologin_from_files(
        d.draw(st.dictionaries(st.sampled_from(AUTOLOGIN_PATHS), outputs(), max_size=4))), lambda v: isinstance(v, AutologinFacts)),
    "/proc/mounts": (lambda d: linux_disk.root_mount(d.draw(outputs())), _pair_of_text),
    "lsblk -J": (lambda d: linux_disk.lsblk_root_encryption(d.draw(outputs())), _opt(DiskEncryptionFacts)),
    "zfs get": (lambda d: linux_disk.zfs_encryption(d.draw(outputs()), d.draw(st.text(max_size=10))),
                lambda v: isinstance(v, DiskEncryptionFacts)),
    "gvariant": (lambda d: linux_lock_gsettings.parse_gvariant(d.draw(GVARIANT_TEXT)), _opt((int, bool))),
    "kscreenlockerrc": (lambda d: linux_lock_kde.kde_facts(linux_lock_kde.merge_daemon(d.draw(st.none() | KDE_TEXT),
                                                                                          d.draw(st.none() | KDE_TEXT)), (), "6"),
                        lambda v: isinstance(v, LockFacts)),
    "kconfig group": (lambda d: linux_lock_kde.parse_kconfig_group(d.draw(outputs()), d.draw(st.sampled_from(["Daemon", "daemon", ""]))),
                      lambda v: isinstance(v, dict)),
    "xfconf -l -v": (lambda d: linux_lock_xfce.xfce_saver_facts(linux_lock_xfce.parse_xfconf_list(d.draw(XFCONF_TEXT)),
                                                                 linux_lock_xfce.parse_xfconf_list(d.draw(XFCONF_TEXT))),
                     lambda v: isinstance(v, LockFacts)),
}


@pytest.mark.parametrize("name", sorted(PARSERS))
@FUZZ
@given(data=st.data())
def test_parser_gives_its_shape_or_unknown(name: str, data: st.DataObject) -> None:
    call, good = PARSERS[name]
    try:
        answer = call(data)
    except ProbeUnknown as exc:
        assert str(exc).strip()
        return
    assert good(answer), answer
    if isinstance(answer, LockFacts):  # seconds are whole and never negative
        for seconds in (answer.idle_seconds, answer.lock_delay_seconds, answer.wake_grace_seconds):
            assert seconds is None or (isinstance(seconds, int) and seconds >= 0), answer
