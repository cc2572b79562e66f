"""Special files where ordinary ones belong: real FIFOs and real symlinks to /dev/zero, read by the real
LiveSystem through the real command line. None may hang the run, flood memory or leave a thread reading
behind; each is named in one plain line. Peak memory is the child's own, from the kernel (wait4)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from checks.bounded import NotARegularFile, read_bounded
from checks.catalogue import CATALOGUE
from checks.engine import Engine, RunOptions
from checks.live import LiveSystem
from checks.model import Status
from checks.profile import load_profile
from checks.settings import SettingsStore, UserSettings
from tests.conftest import ROOT

PEAK_LIMIT_MB = 150
HANG_LIMIT_S = 40  # far beyond a normal run; a FIFO read outside a deadline would block for ever


# Linux keeps a process's peak memory (ru_maxrss) across exec, so a child started straight from a large
# pytest process reports pytest's own size. This small launcher forks the measured program from a small parent
# and writes that child's own peak to a file.
LAUNCHER = (
    "import os, sys\n"
    "report, argv = sys.argv[1], sys.argv[2:]\n"
    "pid = os.fork()\n"
    "if pid == 0:\n"
    "    os.execv(argv[0], argv)\n"
    "_, status, usage = os.wait4(pid, 0)\n"
    "open(report, 'w').write(str(usage.ru_maxrss))\n"
    "sys.exit(os.waitstatus_to_exitcode(status))\n"
)


def peak_rss_mb(args: list[str], env: dict[str, str]) -> tuple[int, str, str, float]:
    """Run devicecheck and return (exit code, stdout, stderr, its own peak resident memory in MB)."""
    full_env = dict(os.environ, **env)
    full_env["PYTHONPATH"] = str(ROOT)
    out_path = Path(env["HOME"]) / ".out"
    err_path = Path(env["HOME"]) / ".err"
    peak_path = Path(env["HOME"]) / ".peak"
    command = [sys.executable, "-c", LAUNCHER, str(peak_path), sys.executable, "-m", "desktop", *args]
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        proc = subprocess.Popen(command, stdout=out, stderr=err, env=full_env, start_new_session=True)
        try:
            code = proc.wait(HANG_LIMIT_S)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            pytest.fail(f"devicecheck {' '.join(args)} hung for {HANG_LIMIT_S} s")
    return (
        code,
        out_path.read_text(errors="replace"),
        err_path.read_text(errors="replace"),
        int(peak_path.read_text()) / 1024,  # KB on Linux
    )


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


def env_for(home: Path, config: Path) -> dict[str, str]:
    return {"HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"), "DEVICECHECK_CONFIG_DIR": str(config)}


def firefox_profile(home: Path) -> Path:
    root = home / ".mozilla" / "firefox"
    profile = root / "abcd.default-release"
    profile.mkdir(parents=True)
    (root / "profiles.ini").write_text("[Profile0]\nName=default-release\nIsRelative=1\nPath=abcd.default-release\n")
    return profile


def result(stdout: str, check_id: str) -> dict[str, object]:
    report = json.loads(stdout)
    return next(r for r in report["results"] if r["id"] == check_id)


def test_logins_json_linked_to_dev_zero_is_named_and_memory_stays_small(home: Path, isolated_config: Path) -> None:
    (firefox_profile(home) / "logins.json").symlink_to("/dev/zero")
    code, out, err, peak = peak_rss_mb(
        ["check", "--json", "--only", "browser-passwords"], env_for(home, isolated_config)
    )
    row = result(out, "browser-passwords")
    assert row["status"] == "unknown", row
    assert "logins.json" in str(row["detail"]) and "device" in str(row["detail"])
    assert peak < PEAK_LIMIT_MB, f"peak {peak:.0f} MB"
    print(f"peak RSS, logins.json -> /dev/zero: {peak:.0f} MB")


def test_settings_linked_to_dev_zero_warns_and_runs_on_defaults(home: Path, isolated_config: Path) -> None:
    isolated_config.mkdir()
    (isolated_config / "settings.json").symlink_to("/dev/zero")
    code, out, err, peak = peak_rss_mb(["check", "--json", "--only", "social-apps"], env_for(home, isolated_config))
    assert code in (0, 1, 3), err
    warnings = [line for line in err.splitlines() if "settings.json" in line]
    assert len(warnings) == 1 and "device" in warnings[0] and "defaults" in warnings[0], err
    assert (isolated_config / "settings.json").is_symlink()  # left alone, never renamed
    assert peak < PEAK_LIMIT_MB, f"peak {peak:.0f} MB"
    print(f"peak RSS, settings.json -> /dev/zero: {peak:.0f} MB")


@pytest.mark.parametrize("name", ["settings.json", "declarations.json"])
def test_settings_or_declarations_as_fifo_warn_and_never_hang(name: str, home: Path, isolated_config: Path) -> None:
    isolated_config.mkdir()
    os.mkfifo(isolated_config / name)
    code, out, err, _peak = peak_rss_mb(["check", "--only", "social-apps"], env_for(home, isolated_config))
    assert code in (0, 1, 3), err
    warnings = [line for line in err.splitlines() if name in line]
    assert len(warnings) == 1 and "named pipe" in warnings[0], err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("where", "check_id"),
    [(".config/user-dirs.dirs", "plaintext-passwords"), (".mozilla/firefox/profiles.ini", "browser-passwords")],
)
def test_fifo_where_a_probe_reads_gives_cant_tell_naming_it(
    where: str, check_id: str, home: Path, isolated_config: Path
) -> None:
    target = home / where
    target.parent.mkdir(parents=True)
    os.mkfifo(target)
    started = time.monotonic()
    code, out, err, _peak = peak_rss_mb(["check", "--json", "--only", check_id], env_for(home, isolated_config))
    row = result(out, check_id)
    assert row["status"] == "unknown", row
    assert target.name in str(row["detail"]) and "named pipe" in str(row["detail"])
    assert time.monotonic() - started < 15  # the read is refused at once, not left to the deadline


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_history_database_that_is_not_a_file_is_named(kind: str, home: Path, isolated_config: Path) -> None:
    profile = home / ".config" / "chromium" / "Default"
    profile.mkdir(parents=True)
    if kind == "fifo":
        os.mkfifo(profile / "History")
    else:
        (profile / "History").symlink_to("/dev/zero")
    isolated_config.mkdir()
    SettingsStore(isolated_config).save_settings(UserSettings(opt_in={"social-sites": True}))
    code, out, err, peak = peak_rss_mb(
        ["check", "--json", "--only", "social-sites", "--at", "2026-03-04T10:00"], env_for(home, isolated_config)
    )
    row = result(out, "social-sites")
    assert row["status"] == "unknown", (row, err)
    assert "History" in str(row["detail"])
    assert peak < PEAK_LIMIT_MB


def test_no_thread_keeps_reading_after_the_run(
    home: Path, isolated_config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a long-running process (the tray) a check past its deadline must leave nothing reading behind."""
    (firefox_profile(home) / "logins.json").symlink_to("/dev/zero")
    fifo_dirs = home / ".config"
    fifo_dirs.mkdir()
    os.mkfifo(fifo_dirs / "user-dirs.dirs")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(fifo_dirs))
    before = set(threading.enumerate())
    engine = Engine(LiveSystem(), load_profile(), checks=CATALOGUE)
    results = engine.run(RunOptions(only=("browser-passwords", "plaintext-passwords"), deadline=10))
    assert {r.status for r in results} == {Status.UNKNOWN}
    time.sleep(0.5)
    left = [t.name for t in set(threading.enumerate()) - before if t.is_alive()]
    assert not left, left


@pytest.mark.parametrize("flag", ["--profile", "--replay"])
@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_profile_or_snapshot_not_a_file_is_one_line_exit_2(
    flag: str, kind: str, home: Path, isolated_config: Path
) -> None:
    target = home / "given"
    if kind == "fifo":
        os.mkfifo(target)
    else:
        target.symlink_to("/dev/zero")
    code, out, err, peak = peak_rss_mb(["check", flag, str(target)], env_for(home, isolated_config))
    assert code == 2, err
    assert len(err.strip().splitlines()) == 1 and str(target) in err, err
    assert peak < PEAK_LIMIT_MB


def test_store_leaves_a_fifo_alone(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "settings.json")
    store = SettingsStore(tmp_path)
    assert store.load_settings() == UserSettings()
    assert (tmp_path / "settings.json").exists() and not list(tmp_path.glob("settings.json*.bak"))


def test_bounded_read_refuses_without_reading(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "zero").symlink_to("/dev/zero")
    for name in ("pipe", "zero"):
        with pytest.raises(NotARegularFile):
            read_bounded(tmp_path / name)
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    with pytest.raises(Exception, match="loop"):
        read_bounded(tmp_path / "loop")
    assert read_bounded(tmp_path / "absent") is None
