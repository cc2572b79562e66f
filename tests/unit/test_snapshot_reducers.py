"""What a snapshot keeps of a file is enough for the same answer and nothing more: each reducer's output,
parsed by the probe's own parser, gives what the original gives, and the private parts are gone."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.probes.linux_firewall import nft_filters_input, ufw_enabled
from checks.probes.linux_os_updates import ini_value
from checks.readers.apt_conf import parse_apt_conf, parse_history
from checks.snapshot_redact import file_filter
from tests.conftest import need
from tests.fixtures import recorded_device_basics as rec

# Shipped by Debian's unattended-upgrades package (installed by python3 dev.py test).
APT_FILES = (
    Path("/usr/share/unattended-upgrades/20auto-upgrades"),
    Path("/etc/apt/apt.conf.d/50unattended-upgrades"),
)


def reduce(path: str, text: str, home: str = "") -> str:
    reducer = file_filter(path, home)
    assert reducer is not None, path
    return reducer(text)


def test_apt_history_keeps_the_dates_and_drops_packages_and_command_lines():
    kept = reduce("/var/log/apt/history.log", rec.APT_HISTORY_DEBIAN12)
    assert parse_history(kept) == parse_history(rec.APT_HISTORY_DEBIAN12)
    assert "python3-idna" not in kept and "Commandline" not in kept and "linux-image" not in kept


@pytest.mark.parametrize("path", APT_FILES, ids=lambda p: p.name)
def test_apt_settings_keep_their_periodic_options_only(path):
    need("unattended-upgrade")
    if not path.exists():
        pytest.skip(f"{path} is not on this machine")
    text = path.read_text()
    kept = reduce("/etc/apt/apt.conf.d/" + path.name, text)
    periodic = {k: v for k, v in parse_apt_conf(text).items() if k.startswith("apt::periodic::")}
    assert parse_apt_conf(kept) == periodic
    assert "Origins-Pattern" not in kept and "Mail" not in kept


def test_ufw_keeps_enabled_only():
    text = rec.UFW_CONF_UPSTREAM.replace("ENABLED=no", "ENABLED=yes") + "# a note naming a host: fileserver.local\n"
    kept = reduce("/etc/ufw/ufw.conf", text)
    assert kept == "ENABLED=yes\n" and ufw_enabled(kept) is ufw_enabled(text) is True


def test_nftables_keeps_the_lines_the_firewall_probe_weighs():
    text = (
        "#!/usr/sbin/nft -f\nflush ruleset\ntable inet filter {\n"
        "  chain input {\n    type filter hook input priority 0; policy drop;\n"
        "    ip saddr 192.0.2.7 accept # the office printer\n  }\n}\n"
    )
    kept = reduce("/etc/nftables.conf", text)
    assert nft_filters_input(kept) is nft_filters_input(text) is True
    assert "192.0.2.7" not in kept and "printer" not in kept


def test_ini_files_keep_the_one_key_read():
    dnf = "[commands]\nupgrade_type = default\napply_updates = yes\n[emitters]\nemit_via = email\nemail_to = me@x\n"
    kept = reduce("/etc/dnf/automatic.conf", dnf)
    assert ini_value(kept, "commands", "apply_updates") == "yes" and "me@x" not in kept
    discover = "[Global]\nUseUnattendedUpdates=true\n[Recent]\nlast=secret-project\n"
    kept = reduce("/home/sam/.config/PlasmaDiscoverUpdates", discover)
    assert ini_value(kept, "Global", "UseUnattendedUpdates") == "true" and "secret-project" not in kept


def test_mount_table_keeps_the_system_and_home_mounts_only():
    table = (
        "/dev/mapper/root / ext4 rw 0 0\n/dev/sdb1 /home ext4 rw 0 0\n"
        "//sam:hunter2@nas/share /mnt/nas cifs rw 0 0\n/dev/sdc1 /media/usb vfat rw 0 0\n"
    )
    kept = reduce("/proc/self/mounts", table, home="/home/sam")
    assert kept == "/dev/mapper/root / ext4\n/dev/sdb1 /home ext4\n"


def test_macos_install_history_keeps_dates_and_apples_updates_only():
    import plistlib
    from datetime import datetime

    from checks.probes.darwin_os_updates import last_software_update

    entries = [
        {"date": datetime(2026, 10, 2, 9), "displayName": "macOS Sequoia 15.7.1", "processName": "softwareupdated"},
        {"date": datetime(2026, 11, 3, 9), "displayName": "XProtectPlistConfigData", "processName": "softwareupdated"},
        {"date": datetime(2026, 11, 20, 9), "displayName": "My Private Diary", "processName": "Installer"},
    ]
    text = plistlib.dumps(entries).decode()
    kept = reduce("/Library/Receipts/InstallHistory.plist", text)
    reduced = plistlib.loads(kept.encode())
    assert last_software_update(reduced) == last_software_update(entries)
    assert min(e["date"] for e in reduced) == min(e["date"] for e in entries)  # how far back it reaches
    assert "My Private Diary" not in kept
