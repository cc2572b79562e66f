"""The text checklist in real locales built with localedef: a file name that is not valid UTF-8, a name
holding terminal escapes and line breaks, and a Japanese agency name under ISO-8859-1 never crash the
run and never reach the terminal raw, live or replayed from a snapshot."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT, need

LOCALES = ("en_GB.UTF-8", "de_DE.UTF-8", "tr_TR.UTF-8", "de_DE.ISO-8859-1")
UNDECODABLE = b"passwords-\xff.txt"  # Latin-1 "ÿ": not UTF-8
FAKE_ROW = "  [    OK    ] Nothing to see here"
TRICK = "passwords\x1b[2J\n" + FAKE_ROW + ".txt"  # clears the screen and draws a fake row if printed raw
CJK_AGENCY = "東京教育スタッフ"


@pytest.fixture(scope="session")
def locpath(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    need("localedef")
    folder = tmp_path_factory.mktemp("locales")
    for name in LOCALES:
        lang, charmap = name.split(".")
        built = subprocess.run(
            ["localedef", "-i", lang, "-f", charmap, str(folder / name)], capture_output=True, text=True, check=False
        )
        if not (folder / name).is_dir():  # localedef warns (exit 1) on some charmaps yet builds the locale
            pytest.skip(f"localedef could not build {name}: {built.stderr.strip()[:200]}")
    yield folder


def run_in_locale(locpath: Path, name: str, home: Path, config: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PYTHONIO", "PYTHONUTF8"))}
    env.update(
        LOCPATH=str(locpath),
        LANG=name,
        LC_ALL=name,
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        DEVICECHECK_CONFIG_DIR=str(config),
        PYTHONPATH=str(ROOT),
    )
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, env=env, timeout=120)


def test_the_locales_are_real(locpath: Path, tmp_path: Path) -> None:
    """Python sees the locale's own encoding: otherwise the tests below would prove nothing."""
    for name, encoding in (("de_DE.ISO-8859-1", "iso8859-1"), ("tr_TR.UTF-8", "utf-8")):
        env = dict(os.environ, LOCPATH=str(locpath), LC_ALL=name, LANG=name)
        env.pop("PYTHONIOENCODING", None)
        env.pop("PYTHONUTF8", None)
        out = subprocess.run(
            [sys.executable, "-c", "import sys; print(sys.stdout.encoding)"], capture_output=True, text=True, env=env
        )
        assert out.stdout.strip() == encoding


@pytest.fixture
def messy_home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    desktop = home / "Desktop"
    desktop.mkdir(parents=True)
    (desktop / TRICK).write_text("x")
    with open(os.path.join(os.fsencode(desktop), UNDECODABLE), "wb") as fh:
        fh.write(b"x")
    return home


def assert_safe(proc: subprocess.CompletedProcess[bytes]) -> str:
    err = proc.stderr.decode("ascii", "replace")
    assert b"Traceback" not in proc.stderr, err
    assert b"\x1b" not in proc.stdout and b"\x1b" not in proc.stderr
    text = proc.stdout.decode("latin-1")
    assert FAKE_ROW not in text.splitlines(), text
    return text


@pytest.mark.parametrize("name", LOCALES)
def test_live_names_print_escaped_in_every_locale(name: str, locpath: Path, messy_home: Path, tmp_path: Path) -> None:
    proc = run_in_locale(locpath, name, messy_home, tmp_path / "config", "check", "--only", "plaintext-passwords")
    text = assert_safe(proc)
    assert proc.returncode == 3 and "[  ADVICE  ] A password list" in text, text  # found, and said (recommended)
    # Under ISO-8859-1 the byte is a letter (ÿ) and is printed as one; elsewhere it is shown escaped.
    assert ("passwords-\xff.txt" if name.endswith("8859-1") else "passwords-\\xff.txt") in text
    assert "passwords\\x1b[2J\\x0a  [    OK    ]" in text


@pytest.mark.parametrize("name", LOCALES)
def test_replayed_names_print_escaped_in_every_locale(
    name: str, locpath: Path, messy_home: Path, tmp_path: Path
) -> None:
    snapshot = tmp_path / "snap.json"
    made = run_in_locale(locpath, "en_GB.UTF-8", messy_home, tmp_path / "config", "snapshot", "-o", str(snapshot))
    assert made.returncode == 0, made.stderr
    proc = run_in_locale(
        locpath,
        name,
        tmp_path,
        tmp_path / "config",
        "check",
        "--replay",
        str(snapshot),
        "--only",
        "plaintext-passwords",
    )
    text = assert_safe(proc)
    assert proc.returncode == 3 and "passwords-\\xff.txt" in text, text


@pytest.mark.parametrize("name", LOCALES)
def test_agency_name_in_any_script_or_with_escapes(name: str, locpath: Path, tmp_path: Path) -> None:
    profile = tmp_path / "agency.toml"
    profile.write_text(f'[agency]\nname = "{CJK_AGENCY} \\u001b[2J"\n', encoding="utf-8")
    home = tmp_path / "home"
    home.mkdir()
    proc = run_in_locale(
        locpath, name, home, tmp_path / "config", "check", "--profile", str(profile), "--only", "autologin"
    )
    text = assert_safe(proc)
    assert proc.returncode in (0, 1, 3), proc.stderr
    first = text.splitlines()[0]
    if name.endswith("ISO-8859-1"):
        assert "\\u6771" in first  # the terminal cannot show it: escaped, not a crash
    else:
        assert CJK_AGENCY in proc.stdout.decode("utf-8").splitlines()[0]
    assert "\\x1b[2J" in first
