"""The installer as a user gets it: build the branded .deb, install it with apt-get, run the installed
`devicecheck`, open its window on Xvfb and screenshot it, then remove it and find nothing left.

Slow (a PyInstaller build, then dpkg) and needs root, so it runs only with DEVICECHECK_PACKAGE_TEST=1:
.ci/run runs it after `packaging/package.py`, reusing the .deb that step built."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import signal
import subprocess
import sys
import tarfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from checks._version import __version__
from tests.conftest import ROOT, need, run_cli

pytestmark = [
    pytest.mark.slow,
    pytest.mark.xvfb,
    pytest.mark.skipif(os.environ.get("DEVICECHECK_PACKAGE_TEST") != "1", reason="set DEVICECHECK_PACKAGE_TEST=1"),
]

AGENCY = "Northfield Supply Teachers"
TITLE = f"Device Check — {AGENCY}"
SAMPLE = ROOT / "resources" / "profiles" / "sample-agency.toml"
DEB = ROOT / "dist" / f"devicecheck-northfield-supply-teachers_{__version__}_amd64.deb"
TARBALL = ROOT / "dist" / f"devicecheck-northfield-supply-teachers-{__version__}-linux-x86_64.tar.gz"


def newest_source() -> float:
    return max(
        p.stat().st_mtime
        for d in ("checks", "desktop", "resources", "packaging")
        for p in (ROOT / d).rglob("*")
        if p.is_file() and "out" not in p.relative_to(ROOT).parts and "work" not in p.relative_to(ROOT).parts
    )


@pytest.fixture(scope="module")
def deb() -> Path:
    """The branded .deb: the one .ci/run's package step just built, or a fresh build when it is stale.
    Built by `dev.py build`, from the app's own .venv: the tests' venv holds test tools a bundle must not."""
    if not DEB.exists() or DEB.stat().st_mtime < newest_source():
        base_python = Path(sys.base_prefix) / "bin" / "python3"  # dev.py refuses to run from a venv
        subprocess.run(
            [str(base_python), str(ROOT / "dev.py"), "build", "--profile", str(SAMPLE), "--no-budget"],
            check=True,
            cwd=ROOT,
            timeout=900,
        )
    return DEB


def clean_env(home: Path) -> dict[str, str]:
    """A user's environment: no checkout on the path, a fresh HOME."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "QT_", "DEVICECHECK_"))}
    env.update(HOME=str(home), DEVICECHECK_CONFIG_DIR=str(home / "config"), LC_ALL="C.UTF-8")
    env.pop("DISPLAY", None)
    return env


@pytest.fixture(scope="module")
def installed(deb: Path) -> Iterator[Path]:
    if os.geteuid() != 0:
        pytest.skip("installing a .deb needs root (CI runs as root)")
    need("apt-get", "dpkg-query")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(
        ["apt-get", "install", "-y", "--no-install-recommends", str(deb)],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
        timeout=600,
    )
    yield Path("/usr/bin/devicecheck")
    if Path("/opt/devicecheck").exists():  # a failed test before the removal test: tidy up anyway
        subprocess.run(["apt-get", "remove", "-y", "devicecheck"], check=False, env=env, stdout=subprocess.DEVNULL)


def test_installed_command_reports_its_version(installed: Path, tmp_path: Path) -> None:
    res = subprocess.run(
        [str(installed), "--version"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=clean_env(tmp_path),
        timeout=60,
        check=False,
    )
    assert (res.returncode, res.stdout.strip()) == (0, f"devicecheck {__version__}")


def test_installed_check_json_carries_the_baked_agency(installed: Path, tmp_path: Path) -> None:
    res = subprocess.run(
        [str(installed), "check", "--json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=clean_env(tmp_path),
        timeout=120,
        check=False,
    )
    assert res.returncode in (0, 1, 3), res.stderr
    report = json.loads(res.stdout)
    assert report["profile"]["agency"] == AGENCY
    assert report["app_version"] == __version__
    assert report["profile"]["source"].startswith("/opt/devicecheck/")


def test_installed_app_stays_within_its_size_budget(installed: Path) -> None:
    """120 MB for the installed folder (packaging/package.py prints the same figure for the onedir)."""
    size = sum(p.lstat().st_size for p in Path("/opt/devicecheck").rglob("*") if not p.is_dir())
    assert size <= 120 * 1024 * 1024, f"{size / 1024 / 1024:.1f} MB"


def installed_json(installed: Path, tmp_path: Path, *args: str, wrap: list[str] | None = None) -> dict:
    res = subprocess.run(
        [*(wrap or []), str(installed), "check", "--json", *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=clean_env(tmp_path),
        timeout=120,
        check=False,
    )
    assert res.returncode in (0, 1, 3), res.stderr
    return json.loads(res.stdout)


def verdicts(report: dict) -> dict[str, str]:
    return {r["id"]: r["status"] for r in report["results"]}


def test_installed_app_writes_the_pdf_report_with_the_agency(installed: Path, tmp_path: Path) -> None:
    """The PDF comes from Qt's QPdfWriter and fonts inside the bundle: the frozen app must still make it."""
    need("pdftotext")
    pdf = tmp_path / "report.pdf"
    installed_json(installed, tmp_path, "--pdf", str(pdf))
    assert pdf.read_bytes()[:5] == b"%PDF-"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert AGENCY in text


UNLOCKED_KEYRING = [
    "dbus-run-session",
    "--",
    "sh",
    "-c",
    'echo -n devicecheck | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@"',
    "sh",
]


def test_installed_app_uses_the_real_keyring_through_its_bundled_backend(installed: Path, tmp_path: Path) -> None:
    """The password store is asked over D-Bus (jeepney, loaded at run time): this fails if the bundle left it out."""
    need("dbus-run-session", "gnome-keyring-daemon")
    result = installed_json(installed, tmp_path, "--only", "credential-store", wrap=UNLOCKED_KEYRING)["results"][0]
    assert result["status"] == "pass", result["detail"]
    assert (result["evidence"]["store"], result["evidence"]["state"]) == ("secret-service", "unlocked")


def test_installed_snapshot_replays_to_the_same_verdicts_as_the_source(installed: Path, tmp_path: Path) -> None:
    """Every probe and rule the source has is in the bundle: the same snapshot gives the same verdicts."""
    need("dbus-run-session", "gnome-keyring-daemon")
    snap = tmp_path / "snap.json"
    made = subprocess.run(
        [*UNLOCKED_KEYRING, str(installed), "snapshot", "-o", str(snap)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=clean_env(tmp_path),
        timeout=120,
        check=False,
    )
    assert made.returncode == 0, made.stderr
    at = "2026-11-25T10:30"  # a school day, so the social-apps check runs
    frozen = installed_json(installed, tmp_path, "--replay", str(snap), "--at", at)
    source = run_cli("check", "--json", "--replay", str(snap), "--at", at, "--profile", str(SAMPLE))
    assert source.returncode in (0, 1, 3), source.stderr
    assert verdicts(frozen) == verdicts(json.loads(source.stdout))


RECORDED = sorted(
    p
    for os_name in ("windows", "darwin")
    for p in (ROOT / "tests" / "fixtures" / os_name).glob("*.json")
    if '"devicecheck-snapshot/1"' in p.read_text(encoding="utf-8")
)


@pytest.mark.parametrize("snapshot", RECORDED, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_installed_app_judges_windows_and_macos_snapshots_like_the_source(
    installed: Path, tmp_path: Path, snapshot: Path
) -> None:
    """The Linux bundle carries every OS's probes (support replays a candidate's Windows or Mac snapshot)."""
    frozen = installed_json(installed, tmp_path, "--replay", str(snapshot))
    source = run_cli("check", "--json", "--replay", str(snapshot), "--profile", str(SAMPLE))
    assert source.returncode in (0, 1, 3), source.stderr
    assert verdicts(frozen) == verdicts(json.loads(source.stdout))
    assert frozen["platform"]["os"] == snapshot.parent.name


def test_installed_app_opens_natively_on_a_wayland_session(installed: Path, tmp_path: Path) -> None:
    """Qt's Wayland platform plugin is in the bundle and its libraries come from the .deb's Depends: the app
    opens its window on a real (headless) Weston compositor with the Wayland plugin forced, so no fallback."""
    need("weston")
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    env = clean_env(tmp_path)
    env.update(XDG_RUNTIME_DIR=str(runtime))
    compositor = subprocess.Popen(
        ["weston", "--backend=headless-backend.so", "--socket=wayland-dc", "--idle-time=0"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        socket = runtime / "wayland-dc"
        for _ in range(100):  # the socket appears once Weston listens
            if socket.exists() or compositor.poll() is not None:
                break
            time.sleep(0.1)
        assert socket.exists(), "Weston did not start"
        env.update(WAYLAND_DISPLAY="wayland-dc", QT_QPA_PLATFORM="wayland", DEVICECHECK_TIMINGS="1")
        run = subprocess.run(
            [str(installed), "--quit-when-done"], capture_output=True, text=True, env=env, timeout=120, check=False
        )
        assert run.returncode == 0, run.stderr
        assert "window shown" in run.stderr + run.stdout
        assert "could not load the Qt platform plugin" not in run.stderr.lower()
    finally:
        compositor.terminate()
        compositor.wait(timeout=10)


def x_server() -> tuple[subprocess.Popen[bytes], str]:
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        return xvfb, f":{pipe.readline().strip()}"


def find_window(display: str, text: str, app: subprocess.Popen[bytes], timeout: float = 30) -> str | None:
    """The id of the first top-level window whose name contains `text` (polls xwininfo; the app is external)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and app.poll() is None:
        tree = subprocess.run(
            ["xwininfo", "-root", "-tree"],
            capture_output=True,
            text=True,
            env=dict(os.environ, DISPLAY=display),
            check=False,
        ).stdout
        for line in tree.splitlines():
            if text in line and line.strip().startswith("0x"):
                return line.split()[0]
        time.sleep(0.1)
    return None


def menu_command(env: dict[str, str]) -> list[str]:
    """The installed menu entry's Exec command (checked by desktop-file-validate), resolved on PATH."""
    entry = Path("/usr/share/applications/devicecheck.desktop")
    subprocess.run(["desktop-file-validate", str(entry)], check=True, capture_output=True)
    text = entry.read_text(encoding="utf-8")
    assert f"Name={TITLE}\n" in text and "Icon=devicecheck\n" in text
    argv = shlex.split(next(line for line in text.splitlines() if line.startswith("Exec="))[len("Exec=") :])
    argv[0] = shutil.which(argv[0], path=env.get("PATH", os.defpath)) or argv[0]
    assert Path(argv[0]).resolve() == Path("/opt/devicecheck/devicecheck")
    return argv


def settle_then_screenshot(env: dict[str, str], shot: Path, timeout: float = 15) -> None:
    """Screenshot the screen once it stops changing (the checks have filled the window in), or after `timeout`."""
    deadline, previous = time.monotonic() + timeout, b""
    while True:
        pixels = subprocess.run(
            ["import", "-window", "root", "-depth", "8", "rgb:-"], env=env, capture_output=True, check=True, timeout=60
        ).stdout
        if pixels == previous or time.monotonic() > deadline:
            break
        previous = pixels
        time.sleep(0.5)
    subprocess.run(["import", "-window", "root", str(shot)], env=env, check=True, timeout=60)


def test_installed_window_opens_with_the_agency_in_its_title(installed: Path, tmp_path: Path) -> None:
    need(
        "Xvfb",
        "xwininfo",
        "xprop",
        "import",
        "identify",
        "dbus-run-session",
        "gnome-keyring-daemon",
        "desktop-file-validate",
    )
    xvfb, display = x_server()
    env = dict(clean_env(tmp_path), DISPLAY=display)
    # Started as the menu does: the desktop entry's Exec command, found on PATH. As on a desktop: a session
    # bus and an unlocked keyring (else the keyring check pops up a prompt).
    command = menu_command(env)
    app = subprocess.Popen(
        [*UNLOCKED_KEYRING, *command],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        window = find_window(display, AGENCY, app)
        if window is None:
            app.kill()
            _, err = app.communicate(timeout=10)
            pytest.fail(f"no window titled {TITLE!r} appeared; the app said: {err.decode()[-800:]}")
        name = subprocess.run(["xprop", "-id", window, "_NET_WM_NAME"], capture_output=True, env=env, check=True)
        assert f'= "{TITLE}"' in name.stdout.decode("utf-8")
        shot = ROOT / "dist" / "devicecheck-window.png"  # kept for a human to look at
        settle_then_screenshot(env, shot)
        colours = subprocess.run(["identify", "-format", "%k", str(shot)], capture_output=True, text=True, check=True)
        assert int(colours.stdout) > 50, "the screenshot is nearly blank: the window did not paint"
    finally:
        if app.poll() is None:
            os.killpg(app.pid, signal.SIGTERM)  # the session we started: dbus-run-session and the app
            try:
                app.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(app.pid, signal.SIGKILL)
                app.wait()
        xvfb.terminate()
        xvfb.wait(timeout=10)


def test_installed_app_starts_in_the_tray_as_the_login_item_does(installed: Path, tmp_path: Path) -> None:
    """`devicecheck --tray` (what "Start at login" runs) puts its icon in a real tray (trayer, XEmbed)."""
    need("Xvfb", "trayer", "dbus-run-session", "dunst", "gdbus", "xwininfo")
    from tests.desktop_session import DesktopSession, wait_for
    from tests.tray.test_tray_session import windows_inside_trayer_panel

    desktop = DesktopSession(tmp_path)
    app = None
    try:
        desktop.start_bus()
        desktop.start_x()
        desktop.start_tray()
        desktop.start_notifications()

        def tree() -> str:
            return subprocess.run(
                ["xwininfo", "-root", "-tree"], env=desktop.env, capture_output=True, text=True, check=False
            ).stdout

        wait_for(lambda: '"panel": ("panel" "trayer")' in tree(), 20, "trayer's panel")
        env = dict(
            clean_env(tmp_path / "home"),
            **{k: desktop.env[k] for k in ("DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR")},
        )
        app = subprocess.Popen(
            [str(installed), "--tray"], env=env, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        icons = wait_for(
            lambda: [w for w in windows_inside_trayer_panel(tree()) if '"Device Check"' in w],
            30,
            "Device Check's icon inside trayer",
        )
        assert icons and app.poll() is None
    finally:
        if app is not None and app.poll() is None:
            app.terminate()
            app.wait(10)
        desktop.close()


def test_the_tarball_runs_from_wherever_it_is_unpacked(deb: Path, tmp_path: Path) -> None:
    with tarfile.open(TARBALL) as tar:
        # Our own archive; the safety filter exists from Python 3.11.4 (Debian 12 has 3.11.2).
        tar.extractall(tmp_path, **({"filter": "tar"} if hasattr(tarfile, "tar_filter") else {}))
    exe = tmp_path / f"devicecheck-northfield-supply-teachers-{__version__}" / "devicecheck"
    res = subprocess.run(
        [str(exe), "check", "--json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=clean_env(tmp_path),
        timeout=120,
        check=False,
    )
    assert res.returncode in (0, 1, 3), res.stderr
    assert json.loads(res.stdout)["profile"]["agency"] == AGENCY


def test_a_build_without_a_profile_uses_the_default_profile(tmp_path: Path) -> None:
    """Needs the unbranded build too (`packaging/package.py --no-budget`, two minutes more): skipped when absent."""
    plain = ROOT / "dist" / f"devicecheck-{__version__}-linux-x86_64.tar.gz"
    if not plain.exists() or plain.stat().st_mtime < newest_source():
        pytest.skip("no fresh unbranded build in dist/ (run packaging/package.py without --profile first)")
    with tarfile.open(plain) as tar:
        tar.extractall(tmp_path, **({"filter": "tar"} if hasattr(tarfile, "tar_filter") else {}))
    exe = tmp_path / f"devicecheck-{__version__}" / "devicecheck"
    res = subprocess.run(
        [str(exe), "check", "--json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=clean_env(tmp_path),
        timeout=120,
        check=False,
    )
    assert res.returncode in (0, 1, 3), res.stderr
    profile = json.loads(res.stdout)["profile"]
    assert (profile["agency"], profile["source"]) == ("", "default")


def test_removing_the_package_leaves_nothing_behind(installed: Path, deb: Path) -> None:
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(
        ["apt-get", "remove", "-y", "devicecheck"], check=True, env=env, stdout=subprocess.DEVNULL, timeout=300
    )
    try:
        assert_nothing_left()
    finally:  # tests run in random order: put it back for the ones that come after this one
        subprocess.run(
            ["apt-get", "install", "-y", "--no-install-recommends", str(deb)],
            check=True,
            env=env,
            stdout=subprocess.DEVNULL,
            timeout=600,
        )


def assert_nothing_left() -> None:
    for path in (
        "/opt/devicecheck",
        "/usr/bin/devicecheck",
        "/usr/share/applications/devicecheck.desktop",
        "/usr/share/icons/hicolor/256x256/apps/devicecheck.png",
    ):
        assert not os.path.lexists(path), f"{path} is still there after removal"
    status = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", "devicecheck"], capture_output=True, text=True, check=False
    )
    assert "install ok installed" not in status.stdout
    assert shutil.which("devicecheck") is None or not shutil.which("devicecheck").startswith("/usr/bin")
