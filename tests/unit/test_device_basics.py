"""Judges and pure readers of the firewall, os-updates and malware-protection checks, as tables."""

from __future__ import annotations

from datetime import date

import pytest

from checks.catalogue.firewall import judge_firewall
from checks.catalogue.malware_protection import NOT_NEEDED, judge_malware
from checks.catalogue.os_updates import judge_os_updates
from checks.facts import FirewallFacts, MalwareFacts, OsRelease, UpdateFacts
from checks.model import Status
from checks.probes.linux_firewall import nft_filters_input, ufw_enabled
from checks.probes.linux_os_updates import dnf_last_upgrade, gnome_software_on, parse_os_release
from checks.readers.apt_conf import is_part_name, parse_apt_conf, parse_history, periodic_days
from checks.readers.os_support import at_least, built_in_table, support_of
from tests.fixtures import recorded_device_basics as rec

TODAY = date(2026, 11, 29)
DEBIAN12 = OsRelease("debian", "12", "Debian GNU/Linux 12 (bookworm)")


@pytest.mark.parametrize(
    ("facts", "status"),
    [
        (FirewallFacts(True, "ufw"), Status.PASS),
        (FirewallFacts(False, parts_off=("ufw",)), Status.FAIL),
        (FirewallFacts(None, notes=("nothing readable",)), Status.UNKNOWN),
    ],
)
def test_firewall_judge(facts, status):
    assert judge_firewall(facts).status is status


def test_malware_not_needed_on_linux_is_a_pass_that_says_so():
    verdict = judge_malware(MalwareFacts(None, not_needed=True))
    assert verdict.status is Status.PASS and verdict.detail == NOT_NEEDED and verdict.evidence["not_needed"]


@pytest.mark.parametrize(
    ("facts", "status"),
    [
        (MalwareFacts(True, "ClamAV", signatures_age_days=1), Status.PASS),
        (MalwareFacts(False, "ClamAV", problems=("clamd is not running.",)), Status.FAIL),
        (MalwareFacts(None, notes=("no answer",)), Status.UNKNOWN),
    ],
)
def test_malware_judge(facts, status):
    assert judge_malware(facts).status is status


def updates(**kw):
    base = dict(
        automatic=True,
        automatic_how=("unattended-upgrades (every 1 day)",),
        last_update="2026-11-20",
        history_covers_days=60,
        os=DEBIAN12,
    )
    base.update(kw)
    return UpdateFacts(**base)


@pytest.mark.parametrize(
    ("facts", "floors", "status", "words"),
    [
        (updates(), {}, Status.PASS, "30 June 2028"),
        (
            updates(automatic=False, automatic_how=("unattended-upgrades is installed but switched off",)),
            {},
            Status.FAIL,
            "off",
        ),
        (updates(automatic=None, automatic_how=()), {}, Status.UNKNOWN, "automatically"),
        (updates(last_update="2026-11-01"), {}, Status.FAIL, "28 days ago"),
        (updates(last_update="2026-11-15"), {}, Status.PASS, ""),  # exactly 14 days: still within
        (updates(last_update="2026-11-01", history_covers_days=None), {}, Status.UNKNOWN, "in full"),
        (updates(last_update="", history_covers_days=30), {}, Status.FAIL, "No update"),
        (updates(last_update="", history_covers_days=3), {}, Status.UNKNOWN, "last update"),
        (updates(), {"debian": "13"}, Status.FAIL, "13 or newer"),
        (updates(), {"debian": "12"}, Status.PASS, ""),
        (updates(os=OsRelease("debian", "10", "Debian 10")), {}, Status.FAIL, "stopped"),
        (updates(os=OsRelease("debian", "", "Debian trixie/sid")), {}, Status.UNKNOWN, "list"),
        (updates(os=None), {}, Status.UNKNOWN, "version"),
        # A wrong part fails even when another could not be read.
        (updates(automatic=None, os=OsRelease("debian", "10", "Debian 10")), {}, Status.FAIL, "stopped"),
    ],
)
def test_os_updates_judge(facts, floors, status, words):
    verdict = judge_os_updates(facts, TODAY, 14, floors)
    assert verdict.status is status, verdict.detail
    assert words in verdict.detail


@pytest.mark.parametrize(
    ("os", "today", "supported"),
    [
        (DEBIAN12, date(2028, 6, 30), True),  # LTS counts
        (DEBIAN12, date(2028, 7, 1), False),
        (OsRelease("ubuntu", "22.04", "Ubuntu 22.04.5 LTS"), date(2026, 11, 29), True),
        (OsRelease("ubuntu", "20.04", "Ubuntu 20.04.6 LTS"), date(2026, 11, 29), None),  # only with Ubuntu Pro
        (OsRelease("ubuntu", "20.04", "Ubuntu 20.04.6 LTS"), date(2030, 5, 1), False),
        (OsRelease("windows", "10.0.19045", "Windows 10 22H2"), date(2026, 1, 10), None),  # ESU window
        (OsRelease("windows", "10.0.19045", "Windows 10 22H2"), date(2026, 11, 29), False),
        (OsRelease("windows", "10.0.26100", "Windows 11 24H2"), date(2026, 11, 29), False),
        (OsRelease("windows", "10.0.26200", "Windows 11 25H2"), date(2026, 11, 29), True),
        (OsRelease("darwin", "13.7.8", "macOS 13.7.8"), date(2026, 11, 29), False),
        (OsRelease("darwin", "15.7.4", "macOS 15.7.4"), date(2026, 11, 29), True),
        (OsRelease("darwin", "15.7.4", "macOS 15.7.4"), date(2028, 1, 1), None),  # table over a year old
        (OsRelease("fedora", "42", "Fedora 42", support_end="2026-05-13"), date(2026, 11, 29), False),
        (OsRelease("fedora", "44", "Fedora 44", support_end="2027-05-19"), date(2026, 11, 29), True),
        (OsRelease("arch", "", "Arch Linux", rolling=True), date(2026, 11, 29), True),
        (OsRelease("linuxmint", "22", "Linux Mint 22", like=("ubuntu 24.04",)), date(2026, 11, 29), True),
        (OsRelease("slackware", "15.0", "Slackware 15.0"), date(2026, 11, 29), None),
    ],
)
def test_support_table(os, today, supported):
    assert support_of(os, today).supported is supported


def test_the_table_is_dated_and_every_entry_names_a_source():
    table = built_in_table()
    assert table.checked == date(2026, 11, 29)
    assert all(r.source.startswith("https://") for r in table.releases)


@pytest.mark.parametrize(
    ("version", "floor", "ok"),
    [
        ("14.6.1", "14", True),
        ("13.7", "14", False),
        ("10.0.22631", "10.0.22631", True),
        ("24.04", "22.04", True),
        ("x", "1", None),
    ],
)
def test_version_floor(version, floor, ok):
    assert at_least(version, floor) is ok


# ---- apt.conf, as apt reads it ------------------------------------------------------------------------------


def test_apt_conf_flat_nested_comments_and_clear():
    text = """
// a comment with "quotes"
APT::Periodic::Unattended-Upgrade "1"; # trailing
/* block
   APT::Periodic::Unattended-Upgrade "0"; */
APT { Periodic { Update-Package-Lists "1"; }; };
#clear APT::Periodic::Update-Package-Lists;
Unattended-Upgrade::Origins-Pattern { "origin=Debian"; };
"""
    values = parse_apt_conf(text)
    assert values["apt::periodic::unattended-upgrade"] == "1"
    assert "apt::periodic::update-package-lists" not in values


def test_apt_conf_later_file_wins():
    first = parse_apt_conf('APT::Periodic::Unattended-Upgrade "1";')
    assert parse_apt_conf('apt::periodic::unattended-upgrade "0";', first)["apt::periodic::unattended-upgrade"] == "0"


@pytest.mark.parametrize(
    ("name", "read"),
    [("20auto-upgrades", True), ("99local.conf", True), ("20auto-upgrades.dpkg-old", False), ("a b", False)],
)
def test_apt_skips_parts_with_other_extensions(name, read):
    assert is_part_name(name) is read


@pytest.mark.parametrize(("value", "days"), [("1", 1), ("0", 0), ("7", 7), ("always", 1), ("yes", None), (None, None)])
def test_periodic_days(value, days):
    assert periodic_days(value) == days


def test_apt_history_recorded_debian12():
    history = parse_history(rec.APT_HISTORY_DEBIAN12)
    # The second run only removed a package: the last *upgrade* ended at 06:19:00 on 2 July.
    assert history.last_upgrade == date(2024, 7, 2) and history.first_entry == date(2024, 7, 2)


def test_apt_history_ignores_an_unfinished_run_and_installs():
    text = "Start-Date: 2026-01-02  10:00:00\nInstall: foo:amd64 (1)\nEnd-Date: 2026-01-02  10:00:01\n"
    text += "Start-Date: 2026-01-05  10:00:00\nUpgrade: bar:amd64 (1, 2)\n"
    assert parse_history(text).last_upgrade is None


def test_dnf_history_recorded_fedora40():
    history = dnf_last_upgrade(rec.DNF_HISTORY_F40)
    assert history.first_entry == date(2024, 5, 13) and history.last_upgrade is None  # an install, not an update
    assert dnf_last_upgrade(rec.DNF_HISTORY_F40.replace("Install       ", "Upgrade       ")).last_upgrade


def test_ufw_conf_upstream_default_is_off():
    assert ufw_enabled(rec.UFW_CONF_UPSTREAM) is False
    assert ufw_enabled(rec.UFW_CONF_UPSTREAM.replace("ENABLED=no", "ENABLED=yes")) is True
    assert ufw_enabled("LOGLEVEL=low\n") is None


def test_nftables_debian_default_filters_nothing():
    debian_default = """#!/usr/sbin/nft -f
flush ruleset
table inet filter {
\tchain input {
\t\ttype filter hook input priority filter;
\t}
}
"""
    assert nft_filters_input(debian_default) is False
    assert nft_filters_input(debian_default.replace("priority filter;", "priority filter; policy drop;")) is True


def test_gnome_software_listing():
    on = "org.gnome.software allow-updates true\norg.gnome.software download-updates true\n"
    assert gnome_software_on(on) is True
    assert gnome_software_on(on.replace("download-updates true", "download-updates false")) is False
    assert gnome_software_on("") is None


def test_os_release_quotes_and_ubuntu_derivatives():
    mint = 'NAME="Linux Mint"\nVERSION_ID="22"\nID=linuxmint\nID_LIKE="ubuntu debian"\nUBUNTU_CODENAME=noble\n'
    release = parse_os_release(mint)
    assert release and release.family == "linuxmint" and release.like[0] == "ubuntu 24.04"
    assert parse_os_release("# nothing\n") is None
