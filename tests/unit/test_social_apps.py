"""social-apps: real processes named like the apps, and the matcher on the shapes each OS really shows."""

import json
import os
from datetime import date

import pytest

from checks.profile import load_profile
from checks.readers.social_app_match import chromium_app_id, domain_matches, match_social_apps
from checks.settings import UserSettings
from checks.system import ProcessInfo
from tests.conftest import only_result, run_cli, stand_in_app

SCHOOL_TIME = "2026-11-25T10:30:00+00:00"  # a Wednesday, inside the default 08:00-16:00
SATURDAY = "2026-11-28T10:30:00+00:00"
EVENING = "2026-11-25T18:30:00+00:00"

APPS = load_profile().social_apps


def names(procs, os_name="linux"):
    return match_social_apps(procs, APPS, os_name)


@pytest.fixture
def fake_apps(tmp_path):
    """Harmless programs (copies of sleep) named like Discord and Telegram, stopped by their own PIDs."""
    with stand_in_app(tmp_path / "Discord", 60) as discord, stand_in_app(tmp_path / "telegram-desktop", 60) as telegram:
        yield [discord.pid, telegram.pid]


def test_running_apps_fail_in_school_hours_and_are_named_not_numbered(fake_apps, tmp_path):
    proc = run_cli("check", "--json", "--only", "social-apps", "--at", SCHOOL_TIME)
    assert proc.returncode == 1, proc.stderr
    result = only_result(proc)
    assert result["status"] == "fail"
    assert "Discord" in result["detail"] and "Telegram" in result["detail"]
    assert result["evidence"]["apps"] == ["Discord", "Telegram"]
    text = json.dumps(result)
    for pid in fake_apps:  # no PID and no command line in what the candidate (or a report) sees
        assert str(pid) not in text
    assert str(tmp_path) not in text


@pytest.mark.parametrize(
    ("at", "why"), [(SATURDAY, "Saturday is not a school day"), (EVENING, "school hours ended at 16:00")]
)
def test_running_apps_pass_outside_school_hours_saying_why(fake_apps, at, why):
    proc = run_cli("check", "--json", "--only", "social-apps", "--at", at)
    assert proc.returncode == 3, proc.stderr  # nothing to fix; the statements are still to confirm
    result = only_result(proc)
    assert result["status"] == "pass"
    assert why in result["detail"]


def test_not_working_today_passes(fake_apps, tmp_path):
    config = tmp_path / "cfg"
    config.mkdir()
    (config / "settings.json").write_text(json.dumps(UserSettings(not_working_on=date(2026, 11, 25)).to_json()))
    proc = run_cli(
        "check", "--json", "--only", "social-apps", "--at", SCHOOL_TIME, env={"DEVICECHECK_CONFIG_DIR": str(config)}
    )
    result = only_result(proc)
    assert result["status"] == "pass"
    assert "you said you are not working today" in result["detail"]


def test_no_social_app_running_passes_in_school_hours(tmp_path):
    snap = tmp_path / "snap.json"
    snap.write_text(
        json.dumps(
            {
                "schema": "devicecheck-snapshot/1",
                "platform": "linux",
                "taken_at": SCHOOL_TIME,
                "processes": [
                    {"pid": 1, "name": "systemd", "exe": "/usr/lib/systemd/systemd", "cmdline": ["/sbin/init"]},
                    {"pid": 2, "name": "firefox", "exe": "/usr/lib/firefox/firefox", "cmdline": ["firefox"]},
                ],
            }
        )
    )
    proc = run_cli("check", "--json", "--only", "social-apps", "--replay", str(snap))
    result = only_result(proc)
    assert proc.returncode == 3  # nothing to fix, but the statements are still to confirm
    assert result["status"] == "pass"
    assert result["detail"] == "No social media app from your agency's list is open."


def test_flatpak_snap_and_plain_names_match_case_insensitively():
    procs = [
        # `flatpak run com.discordapp.Discord` (Flathub's documented launch line)
        ProcessInfo(
            10, "flatpak", "/usr/bin/flatpak", ("/usr/bin/flatpak", "run", "--branch=stable", "com.discordapp.Discord")
        ),
        # a Snap's programs live under /snap/<name>/<revision>/
        ProcessInfo(11, "telegram-deskto", "/snap/telegram-desktop/6543/usr/bin/telegram-desktop", ()),
    ]
    assert names(procs) == ("Discord", "Telegram")
    assert names([ProcessInfo(1, "DISCORD", "", ())]) == ("Discord",)


def test_windows_names_drop_exe_and_paths():
    procs = [
        ProcessInfo(
            5,
            "WhatsApp.exe",
            "C:\\Program Files\\WindowsApps\\5319275A.WhatsAppDesktop_2.2134.10.0_x64__cv1g1gvanyjgm"
            "\\app\\WhatsApp.exe",
            (),
        )
    ]
    assert names(procs, "windows") == ("WhatsApp",)
    assert names(procs, "linux") == ()  # Linux's list has no WhatsApp.exe


def test_lookalike_programs_do_not_match():
    procs = [
        ProcessInfo(1, "discordo", "/usr/bin/discordo", ()),
        ProcessInfo(2, "telegraf", "/usr/bin/telegraf", ()),
        ProcessInfo(3, "bash", "/bin/bash", ("bash", "-c", "echo com.discordapp.Discord")),
    ]
    assert names(procs) == ()


def test_web_apps_by_url_and_by_app_id():
    chrome = "/opt/google/chrome/chrome"
    by_url = ProcessInfo(1, "chrome", chrome, (chrome, "--app=https://m.facebook.com/messages"))
    lookalike = ProcessInfo(2, "chrome", chrome, (chrome, "--app=https://notfacebook.com/"))
    # WhatsApp Web's real app id, as launched in public configs: --app-id=hnpfjngllnobngcgfapefoaidbinmjnm
    by_id = ProcessInfo(
        3,
        "brave",
        "/opt/brave.com/brave/brave",
        ("brave", "--profile-directory=Default", "--app-id=hnpfjngllnobngcgfapefoaidbinmjnm"),
    )
    assert names([by_url]) == ("Facebook",)
    assert names([lookalike]) == ()
    assert names([by_id]) == ("WhatsApp",)


def test_chromium_app_id_matches_ids_seen_in_public_configs():
    # Ids seen in public launcher configs (YouTube: "--app-id=agimnkijcaahngcdmfeangaknmldooml"; Instagram:
    # a Hyprland rule "brave-akpamiohjfcnimfljfndmaldlcfphjmp-Default") and the manifest ids they come from.
    assert chromium_app_id("https://www.youtube.com/?feature=ytca") == "agimnkijcaahngcdmfeangaknmldooml"
    assert (
        chromium_app_id("https://www.instagram.com/?utm_source=pwa_homescreen&__pwa=1")
        == "akpamiohjfcnimfljfndmaldlcfphjmp"
    )


def test_domain_matching_is_exact_or_subdomain():
    assert domain_matches("m.facebook.com", "facebook.com")
    assert domain_matches("facebook.com", "facebook.com")
    assert not domain_matches("notfacebook.com", "facebook.com")
    assert not domain_matches("facebook.com.evil.org", "facebook.com")


@pytest.mark.skipif(os.name != "posix", reason="uses /bin/sleep")
def test_snapshot_replays_the_same_verdict(fake_apps, tmp_path):
    snap = tmp_path / "snap.json"
    home = tmp_path / "home"
    home.mkdir()
    assert (
        run_cli(
            "snapshot",
            "-o",
            str(snap),
            env={
                "HOME": str(home),
                "XDG_DATA_HOME": str(home / "data"),
                "XDG_CONFIG_HOME": str(home / ".config"),
                "DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent-devicecheck-test",
            },
        ).returncode
        == 0
    )
    proc = run_cli("check", "--json", "--only", "social-apps", "--replay", str(snap), "--at", SCHOOL_TIME)
    result = only_result(proc)
    assert result["status"] == "fail" and result["evidence"]["apps"] == ["Discord", "Telegram"]


def test_snapshot_keeps_a_web_apps_site_but_not_its_page():
    from checks.snapshot_redact import redact_cmdline

    cmd = [
        "/opt/google/chrome/chrome",
        "--app=https://www.facebook.com/messages/t/12345?x=secret",
        "--user-data-dir=/x",
        "--profile-directory=Default",
        "--app-id=hnpfjngllnobngcgfapefoaidbinmjnm",
        "--password-store=basic",
    ]
    assert redact_cmdline(cmd) == [
        "chrome",  # the program's name only: its folder may name the user
        "--app=https://www.facebook.com/",
        "--profile-directory=Default",
        "--app-id=hnpfjngllnobngcgfapefoaidbinmjnm",
        "--password-store=basic",
    ]


def test_another_users_app_is_not_the_candidates_but_their_own_is(tmp_path):
    from tests.conftest import other_user_running

    with other_user_running("Telegram") as theirs:
        assert theirs.poll() is None
        proc = run_cli("check", "--json", "--only", "social-apps", "--at", SCHOOL_TIME)
        result = json.loads(proc.stdout)["results"][0]
        assert result["status"] == "pass", result  # someone else's Telegram on the same laptop
        with stand_in_app(tmp_path / "Telegram", 60):
            proc = run_cli("check", "--json", "--only", "social-apps", "--at", SCHOOL_TIME)
            result = json.loads(proc.stdout)["results"][0]
            assert result["status"] == "fail" and result["evidence"]["apps"] == ["Telegram"]
            assert proc.returncode == 1
