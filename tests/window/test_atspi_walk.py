"""The window as a screen reader meets it: through the real accessibility bus.

A real little desktop (dbus-run-session, Xvfb) gets at-spi2-core's bus launcher; `devicecheck` runs there with
Qt's AT-SPI bridge on, replaying a Mac recorded with things to fix, advice and checks that cannot tell. Then
the system's python3 walks the tree with pyatspi (tests/window/atspi_reader.py), as Orca would, and the test
checks what it would hear: every row's status and title, every control's name and role, no nameless
control, and labels that say their own words."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from checks.model import STATUS_WORDS, Status
from checks.outcome import summary_line_from_counts
from checks.paths import resource
from tests.conftest import FIXTURES, ROOT, need, run_cli
from tests.desktop_session import ATSPI_BUS_LAUNCHER, DesktopSession

pytestmark = pytest.mark.xvfb

SYSTEM_PYTHON = "/usr/bin/python3"  # pyatspi is Debian's python3-pyatspi, for the system's python only
SNAPSHOT = FIXTURES / "windows" / "modern-standby-fr.json"  # gives all five kinds of answer
PROFILE = resource("profiles", "sample-agency.toml")  # an agency with a consultant: the banner has more to say
INTERACTIVE = {
    "push button",
    "toggle button",
    "check box",
    "radio button",
    "combo box",
    "spin button",
    "text",
    "entry",
    "password text",
    "menu item",
    "link",
    "page tab",
    "slider",
}
TOOLBAR = {"Check everything again", "Settings", "What this app reads", "Save a PDF report"}


def need_pyatspi() -> None:
    need(SYSTEM_PYTHON, "Xvfb", "dbus-run-session", "gdbus", ATSPI_BUS_LAUNCHER)
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, check=False)
    if probe.returncode:
        msg = "needs python3-pyatspi (python3 dev.py test installs it as root)"
        if os.environ.get("CI"):
            pytest.fail(msg)
        pytest.skip(msg)


def spoken(nodes: list[dict[str, object]]) -> list[str]:
    """What a screen reader's review of the window reads, one object a line: role, name, and for text
    its words when they differ from the name."""
    lines = []
    for n in nodes:
        if "showing" not in n["states"] or not (n["name"] or n["text"]):  # type: ignore[operator]
            continue
        extra = f" — {n['text']}" if n["text"] and n["text"] != n["name"] else ""
        lines.append(f"{'  ' * int(n['depth'])}{n['role']}: {n['name']}{extra}".replace("\n", " / "))  # type: ignore[call-overload]
    return lines


@pytest.fixture(scope="module")
def walk(tmp_path_factory) -> tuple[list[dict[str, object]], dict[str, object]]:
    need_pyatspi()
    tmp = tmp_path_factory.mktemp("atspi")
    config = tmp / "config"
    env_extra = {"DEVICECHECK_CONFIG_DIR": str(config), "DEVICECHECK_LOG_DIR": str(tmp / "log")}
    desktop = DesktopSession(tmp)
    try:
        desktop.start_bus()
        desktop.start_x()
        desktop.start_accessibility_bus()
        env = dict(
            desktop.env,
            **env_extra,
            QT_QPA_PLATFORM="xcb",
            QT_ACCESSIBILITY="1",
            QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
            DEVICECHECK_TIMINGS="1",
            PYTHONPATH=str(ROOT),
        )
        app = subprocess.Popen(
            [sys.executable, "-m", "desktop", "--replay", str(SNAPSHOT), "--profile", str(PROFILE)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        desktop.procs.append(app)  # type: ignore[arg-type]
        assert app.stderr is not None
        for line in app.stderr:  # the app says when the last row has its result
            if "last result" in line:
                break
        else:
            pytest.fail(f"devicecheck ended before its checks finished (exit {app.wait(10)})")
        reader = subprocess.run(
            [SYSTEM_PYTHON, str(Path(__file__).with_name("atspi_reader.py")), str(app.pid)],
            env=desktop.env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert reader.returncode == 0, reader.stderr[-2000:]
        nodes = json.loads(reader.stdout)
    finally:
        desktop.close()
    # What the same replay reports, from the command line with the same (empty) settings.
    res = run_cli("check", "--json", "--replay", str(SNAPSHOT), "--profile", str(PROFILE), env=env_extra)
    report = json.loads(res.stdout)
    (tmp / "spoken.txt").write_text("\n".join(spoken(nodes)) + "\n")
    print("\n".join(spoken(nodes)[:40]))  # shown with pytest -s: the first lines a screen reader reads
    return nodes, report


def showing(nodes, role=None):
    return [n for n in nodes if "showing" in n["states"] and (role is None or n["role"] == role)]


def test_every_row_speaks_its_status_then_its_title(walk):
    nodes, report = walk
    panels = {n["name"] for n in showing(nodes, "panel")}
    statuses = set()
    for r in report["results"]:
        word = STATUS_WORDS[Status(r["status"])]
        assert f"{word}: {r['title']}" in panels, r["id"]
        statuses.add(r["status"])
    assert {"pass", "fail", "warn", "unknown", "skipped"} <= statuses  # the replay gives five kinds of answer
    assert report["outcome"] == "to-fix"


def test_every_button_and_box_has_the_name_and_role_a_listener_needs(walk):
    nodes, report = walk
    buttons = {n["name"] for n in showing(nodes, "push button")}
    assert TOOLBAR <= buttons
    for r in report["results"]:
        if r["status"] != "skipped":
            assert f"Check again: {r['title']}" in buttons, r["id"]
        if r["status"] == "fail" and (r["fix"] or {}).get("steps"):  # its steps are open: pressing folds them
            assert f"Hide how to fix: {r['title']}" in buttons, r["id"]
    boxes = {n["name"] for n in showing(nodes, "check box")}
    for d in report["declarations"]:  # each statement's box is named by its sentence, and its row says its state
        assert d["text"] in boxes, d["id"]
        assert f"To confirm: {d['text']}" in {n["name"] for n in showing(nodes, "panel")}
    # The fold buttons are buttons, not check boxes: every check box is a statement.
    assert boxes == {d["text"] for d in report["declarations"]}
    assert any(name.startswith("Read the policy's words for point ") for name in buttons)


def test_no_control_a_listener_can_reach_is_nameless(walk):
    nodes, _ = walk
    controls = [n for n in showing(nodes) if n["role"] in INTERACTIVE]
    assert len(controls) > 40
    assert [n for n in controls if not n["name"].strip()] == []


def test_labels_are_named_by_their_own_words(walk):
    """Qt gives a label no text interface on the bus: its name is all a listener gets, so it must be the
    words on screen, not a tag such as "Status" or "Consultant contact"."""
    nodes, report = walk
    labels = {n["name"] for n in showing(nodes, "label")}
    assert "" not in labels
    assert summary_line_from_counts(report["summary"]) in labels  # the headline
    consultant = report["agency"]["consultant"]
    assert any(consultant["name"] in name and consultant["phone"] in name for name in labels)  # the banner
    for r in report["results"]:
        assert {STATUS_WORDS[Status(r["status"])], r["title"], r["detail"]} <= labels, r["id"]
    for d in report["declarations"]:
        assert d["text"] in labels and "Not confirmed yet. Tick the box once it is true for you." in labels


def children_of(nodes, name: str, role: str = "panel"):
    """The objects inside the first showing object of this role and name, in reading order."""
    start = next(i for i, n in enumerate(nodes) if n["role"] == role and n["name"] == name and "showing" in n["states"])
    depth = nodes[start]["depth"]
    inside = []
    for n in nodes[start + 1 :]:
        if n["depth"] <= depth:
            break
        inside.append(n)
    return inside


def test_what_to_do_now_reads_each_line_as_status_then_title_in_order(walk):
    """The to-do list, as a listener tabs through it: a button per thing that needs them, named by its
    status and title, fixes first, then required checks that cannot tell, then statements to confirm."""
    nodes, report = walk
    lines = [n["name"] for n in children_of(nodes, "What to do now") if n["role"] == "push button"]
    expected = [f"To fix: {r['title']}" for r in report["results"] if r["status"] == "fail"]
    expected += [
        f"{STATUS_WORDS[Status(r['status'])]}: {r['title']}"
        for r in report["results"]
        if r["status"] in ("unknown", "error") and r["severity"] == "required"
    ]
    expected += [f"To confirm: {d['text']}" for d in report["declarations"] if d["due"]]
    assert len(expected) > 10
    assert sorted(lines) == sorted(expected)  # every line there, none nameless, none extra
    # In order of need: every "To fix" before every "To confirm".
    kinds = [line.split(":")[0] for line in lines]
    assert kinds == sorted(kinds, key=lambda k: {"To fix": 0, "To confirm": 2}.get(k, 1))
