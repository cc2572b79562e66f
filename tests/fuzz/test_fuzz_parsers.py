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
    darwin_account_password as darwin_account,
)
from checks.probes import (
    darwin_autologin,
    darwin_password_manager,
    linux_autologin,
    linux_password_manager,
    windows_autologin,
)
from checks.probes import (
    darwin_disk_encryption as darwin_disk,
)
from checks.probes import (
    darwin_screen_lock as darwin_lock,
)
from checks.probes import (
    linux_account_password as linux_account,
)
from checks.probes import (
    linux_disk_encryption as linux_disk,
)
from checks.probes import (
    linux_plaintext_passwords as linux_password_files,
)
from checks.probes import (
    linux_screen_lock_gsettings as linux_lock_gsettings,
)
from checks.probes import (
    linux_screen_lock_kde as linux_lock_kde,
)
from checks.probes import (
    linux_screen_lock_xfce as linux_lock_xfce,
)
from checks.probes import (
    windows_account_password as windows_account,
)
from checks.probes import (
    windows_disk_encryption as windows_disk,
)
from checks.probes import (
    windows_plaintext_passwords as windows_password_files,
)
from checks.probes import (
    windows_screen_lock as windows_lock,
)
from checks.profile import load_profile
from checks.readers import (
    browser_history as history,
)
from checks.readers import (
    browser_profiles,
    nss_key4,
    powercfg,
    windows_powershell,
)
from checks.readers import (
    password_file_names as password_files,
)
from checks.readers import (
    social_app_match as social_match,
)
from checks.system import ProcessInfo
from tests.fuzz.conftest import FUZZ
from tests.fuzz.fuzz_system import CONFIG_VALUES, config_lines, outputs

AUTOLOGIN_PATHS = [
    "/etc/gdm3/custom.conf",
    "/etc/sddm.conf",
    "/etc/lightdm/lightdm.conf",
    "/etc/systemd/system/getty@tty1.service.d/override.conf",
    "/etc/greetd/config.toml",
]


def _opt(kind: type | tuple[type, ...]) -> Callable[[Any], bool]:
    return lambda value: value is None or isinstance(value, kind)


def _pair_of_text(value: Any) -> bool:
    return value is None or (isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, str) for v in value))


KDE_TEXT = outputs() | config_lines(
    ["Timeout", "LockGrace", "Autolock", "LockOnResume", "RequirePassword", "Timeout[$i]"],
    ["[Daemon]", "[Daemon][$i]", "[Greeter]"],
)
XFCONF_TEXT = outputs() | config_lines(
    sorted(linux_lock_xfce.SAVER_DEFAULTS) + [linux_lock_xfce.LOCK_ON_SLEEP], ["Property"]
)
GDM_TEXT = outputs() | config_lines(
    ["AutomaticLoginEnable", "AutomaticLogin", "TimedLoginEnable", "TimedLogin"], ["[daemon]", "[security]"]
)
GVARIANT_TEXT = outputs() | st.tuples(
    st.sampled_from(["uint32", "int32", "double", "", "@u"]), st.sampled_from(CONFIG_VALUES)
).map(" ".join)


INI_TEXT = outputs() | config_lines(
    ["Name", "Path", "IsRelative", "Default"], ["[Profile0]", "[Profile1]", "[General]", "[Install4F96D1932A9F858E]"]
)
USER_DIRS_TEXT = outputs() | st.lists(
    st.tuples(
        st.sampled_from(["XDG_DESKTOP_DIR", "XDG_DOCUMENTS_DIR", "#XDG_X"]),
        st.sampled_from(['"$HOME/Desktop"', '"/"', '"$HOME/"', "'unclosed", '""', "$HOME", '"rel/x"']),
    ),
    max_size=4,
).map(lambda kv: "\n".join(f"{k}={v}" for k, v in kv))
FILE_NAMES = st.text(max_size=30) | st.tuples(
    st.sampled_from(["passwords", "Passwörter", "logins", "bitwarden_export_2026", "notes", ".", ""]),
    st.sampled_from([".txt", ".xlsx", ".csv", ".kdbx", ".json", "", ".", ".TXT"]),
).map("".join)
URLS = st.text(max_size=40) | st.sampled_from(
    ["https://www.facebook.com/x?y=1", "http://[::1", "https://user@host:99999/", "'https://tiktok.com'", "//x"]
)
PROCESSES = st.lists(
    st.builds(
        ProcessInfo,
        st.integers(0, 99999),
        st.text(max_size=15) | st.sampled_from(["Discord", "Discord.exe", "flatpak"]),
        st.text(max_size=30) | st.sampled_from(["/snap/discord/1/x", "C:\\Apps\\Telegram.exe", "/snap/"]),
        st.lists(st.text(max_size=20) | URLS.map(lambda u: "--app=" + u) | st.just("--app-id=abc"), max_size=4).map(
            tuple
        ),
    ),
    max_size=6,
)
PROFILE_APPS = load_profile().social_apps


@st.composite
def der_blobs(draw: st.DrawFn) -> bytes:
    """Bytes shaped like key4.db's check value (nested DER SEQUENCEs with OIDs), damaged now and then."""

    def tlv(tag: int, body: bytes) -> bytes:
        n = len(body)
        return (
            bytes([tag])
            + (bytes([n]) if n < 0x80 else bytes([0x81, n]) if n < 256 else bytes([0x82]) + n.to_bytes(2, "big"))
            + body
        )

    oid = draw(
        st.sampled_from([bytes.fromhex("2a864886f70d01050d"), bytes.fromhex("2a864886f70d010c050103"), b"", b"\x2a"])
    )
    params = b"".join(
        tlv(draw(st.sampled_from([0x30, 0x04, 0x02, 0x06])), draw(st.binary(max_size=40)))
        for _ in range(draw(st.integers(0, 3)))
    )
    blob = tlv(0x30, tlv(0x30, tlv(0x06, oid) + tlv(0x30, params)) + tlv(0x04, draw(st.binary(max_size=48))))
    cut = draw(st.integers(0, len(blob)))
    return blob if draw(st.booleans()) else blob[:cut] + draw(st.binary(max_size=4))


DER_BLOBS = st.binary(max_size=100) | der_blobs()


POWER_GUIDS = [powercfg.VIDEOIDLE, powercfg.STANDBYIDLE, powercfg.CONSOLELOCK]
REGISTRY_VALUES = st.dictionaries(
    st.sampled_from(
        ["AutoAdminLogon", "DefaultUserName", "ScreenSaveActive", "ScreenSaverIsSecure", "ScreenSaveTimeOut"]
    ),
    st.integers(-(2**31), 2**32) | outputs() | st.sampled_from(["1", "0", " 600 ", "-5", "0x1", ""]),
    max_size=5,
)


def _non_negative(value: Any) -> bool:
    return value is None or (isinstance(value, int) and not isinstance(value, bool) and value >= 0)


def _passwd_facts(text: str) -> AccountPasswordFacts | None:
    parsed = linux_account.parse_passwd_status(text)  # facts_from_status takes only what this returns
    return None if parsed is None else linux_account.facts_from_status(*parsed)


# name -> (how to call the parser with drawn text, what a good answer looks like)
PARSERS: dict[str, tuple[Callable[[st.DataObject], Any], Callable[[Any], bool]]] = {
    "passwd -S": (lambda d: linux_account.parse_passwd_status(d.draw(outputs())), _pair_of_text),
    "passwd facts": (lambda d: _passwd_facts(d.draw(outputs())), _opt(AccountPasswordFacts)),
    "ini": (
        lambda d: linux_autologin.parse_ini(d.draw(outputs())),
        lambda v: isinstance(v, list) and all(isinstance(t, tuple) and len(t) == 3 for t in v),
    ),
    "gdm": (
        lambda d: linux_autologin.gdm_autologin(d.draw(GDM_TEXT)),
        lambda v: isinstance(v, tuple) and isinstance(v[0], bool) and _opt(str)(v[1]),
    ),
    "sddm": (lambda d: linux_autologin.sddm_autologin(d.draw(st.lists(outputs(), max_size=3))), _opt(str)),
    "lightdm": (lambda d: linux_autologin.lightdm_autologin(d.draw(st.lists(outputs(), max_size=3))), _opt(str)),
    "getty": (lambda d: linux_autologin.getty_autologin(d.draw(outputs())), _opt(str)),
    "greetd": (lambda d: linux_autologin.greetd_autologin(d.draw(outputs())), _opt(str)),
    "autologin files": (
        lambda d: linux_autologin.autologin_from_files(
            d.draw(st.dictionaries(st.sampled_from(AUTOLOGIN_PATHS), outputs(), max_size=4))
        ),
        lambda v: isinstance(v, AutologinFacts),
    ),
    "/proc/mounts": (lambda d: linux_disk.root_mount(d.draw(outputs())), _pair_of_text),
    "lsblk -J": (lambda d: linux_disk.lsblk_root_encryption(d.draw(outputs())), _opt(DiskEncryptionFacts)),
    "zfs get": (
        lambda d: linux_disk.zfs_encryption(d.draw(outputs()), d.draw(st.text(max_size=10))),
        lambda v: isinstance(v, DiskEncryptionFacts),
    ),
    "gvariant": (lambda d: linux_lock_gsettings.parse_gvariant(d.draw(GVARIANT_TEXT)), _opt((int, bool))),
    "kscreenlockerrc": (
        lambda d: linux_lock_kde.kde_facts(
            linux_lock_kde.merge_daemon(d.draw(st.none() | KDE_TEXT), d.draw(st.none() | KDE_TEXT)), (), "6"
        ),
        lambda v: isinstance(v, LockFacts),
    ),
    "kconfig group": (
        lambda d: linux_lock_kde.parse_kconfig_group(
            d.draw(outputs()), d.draw(st.sampled_from(["Daemon", "daemon", ""]))
        ),
        lambda v: isinstance(v, dict),
    ),
    "xfconf -l -v": (
        lambda d: linux_lock_xfce.xfce_saver_facts(
            linux_lock_xfce.parse_xfconf_list(d.draw(XFCONF_TEXT)),
            linux_lock_xfce.parse_xfconf_list(d.draw(XFCONF_TEXT)),
        ),
        lambda v: isinstance(v, LockFacts),
    ),
    "profiles.ini": (
        lambda d: browser_profiles.parse_profiles_ini(d.draw(INI_TEXT)),
        lambda v: isinstance(v, list) and all(len(t) == 3 and isinstance(t[2], bool) for t in v),
    ),
    "user-dirs.dirs": (
        lambda d: linux_password_files.parse_user_dirs(d.draw(USER_DIRS_TEXT), "/home/sam"),
        lambda v: isinstance(v, dict) and all(p.startswith("/") for p in v.values()),
    ),
    "dpkg-query": (lambda d: linux_password_manager.parse_dpkg(d.draw(outputs())), lambda v: isinstance(v, list)),
    "snap list": (lambda d: linux_password_manager.parse_snap_list(d.draw(outputs())), lambda v: isinstance(v, list)),
    "key4 check value": (
        lambda d: nss_key4.has_primary_password(d.draw(st.binary(max_size=30)), d.draw(DER_BLOBS)),
        _opt(bool),
    ),
    "file name": (
        lambda d: password_files.classify(d.draw(FILE_NAMES)),
        lambda v: isinstance(v, password_files.NameVerdict),
    ),
    "url host": (lambda d: social_match.url_host(d.draw(URLS)), lambda v: isinstance(v, str)),
    "history domains": (
        lambda d: history.minimal_domains(d.draw(st.lists(st.text(max_size=20), max_size=5))),
        lambda v: isinstance(v, list),
    ),
    "process match": (
        lambda d: social_match.match_social_apps(
            d.draw(PROCESSES), PROFILE_APPS, d.draw(st.sampled_from(["linux", "windows", "darwin"]))
        ),
        lambda v: isinstance(v, tuple) and set(v) <= {a.name for a in PROFILE_APPS},
    ),
    "powercfg": (
        lambda d: powercfg.setting_value(d.draw(outputs()), d.draw(st.sampled_from(POWER_GUIDS))),
        _opt(powercfg.PowerValue),
    ),
    "net user / account": (
        lambda d: windows_account.judge(d.draw(outputs()), d.draw(st.none() | outputs())),
        _opt(AccountPasswordFacts),
    ),
    "PowerShell answers": (
        lambda d: windows_powershell.parse(d.draw(outputs())),
        lambda v: isinstance(v, windows_powershell.PowerShellAnswers),
    ),
    "LocalAuthentication": (lambda d: darwin_account.judge(d.draw(outputs())), _opt(AccountPasswordFacts)),
    "Winlogon values": (
        lambda d: windows_autologin.judge_values(d.draw(REGISTRY_VALUES)),
        lambda v: isinstance(v, AutologinFacts),
    ),
    "BitLocker status": (
        lambda d: windows_disk.judge_value(d.draw(outputs()), "C:", d.draw(st.booleans())),
        lambda v: isinstance(v, DiskEncryptionFacts),
    ),
    "saver registry": (lambda d: windows_lock.saver_route(d.draw(REGISTRY_VALUES), d.draw(REGISTRY_VALUES)), _opt(int)),
    "registry number": (lambda d: windows_lock.as_int(d.draw(st.none() | st.integers() | outputs())), _opt(int)),
    "%VAR% folders": (
        lambda d: windows_password_files.expand(
            d.draw(outputs() | st.sampled_from(["%USERPROFILE%\\Desktop", "%X%", "%%", "%"])),
            {"USERPROFILE": "C:\\Users\\sam"},
        ),
        _opt(str),
    ),
    "sysadminctl autologin": (
        lambda d: darwin_autologin.judge(
            d.draw(st.integers(-2, 3)), d.draw(outputs()), d.draw(outputs()), d.draw(st.booleans())
        ),
        lambda v: isinstance(v, AutologinFacts),
    ),
    "fdesetup status": (
        lambda d: darwin_disk.judge_status(d.draw(outputs())),
        lambda v: isinstance(v, DiskEncryptionFacts),
    ),
    "screenlock": (
        lambda d: darwin_lock.parse_screenlock(d.draw(outputs())),
        lambda v: v is None or (isinstance(v[0], bool) and (v[1] is None or (isinstance(v[1], int) and v[1] >= 0))),
    ),
    "saver idleTime": (
        lambda d: darwin_lock.parse_idle(d.draw(st.integers(-2, 3)), d.draw(outputs()), d.draw(outputs())),
        _non_negative,
    ),
    "pmset displaysleep": (lambda d: darwin_lock.parse_displaysleep(d.draw(outputs())), _non_negative),
    "macOS apps": (
        lambda d: darwin_password_manager.match_apps(
            d.draw(st.lists(st.text(max_size=20) | st.sampled_from(["1Password 7.app", "Bitwarden.app"]), max_size=5))
        ),
        lambda v: isinstance(v, list),
    ),
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
