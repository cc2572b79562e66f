""" "What this app reads": every command, file, folder, registry key and database the probes read on this
system, generated from the probes' own READS tables (checks.probes.all_reads), never a hand-kept copy; and
what it writes (checks.paths.WRITES), which tests/hardening/test_writes_strace.py compares with strace."""

from __future__ import annotations

import html
from collections.abc import Callable
from types import ModuleType

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from checks.catalogue import CATALOGUE
from checks.check import Check
from checks.facts import Read
from checks.paths import WRITES
from checks.probes import OS_NAMES, all_reads, probe_module

KIND_HEADINGS = {
    "command": "Commands it runs (to read settings, never to change them)",
    "file": "Files it reads",
    "folder": "Folders it lists (names only, never what is inside the files)",
    "registry": "Windows registry values it reads",
    "database": "Databases it reads (counts only)",
    "processes": "Programs it looks for among those running",
    "keyring": "The password store it tests",
}


Finder = Callable[[str, str], ModuleType | None]


def checks_by_topic(checks: tuple[Check, ...]) -> dict[str, str]:
    """Probe topic -> the plain names of the checks it serves ("Screen lock, Password on waking")."""
    names: dict[str, list[str]] = {}
    for check in checks:
        if check.probe is not None:
            names.setdefault(check.probe.name, []).append(check.titles.name)
    return {topic: ", ".join(n) for topic, n in names.items()}


def grouped_reads(
    os_name: str, checks: tuple[Check, ...] = CATALOGUE, find: Finder = probe_module
) -> dict[str, list[tuple[str, Read]]]:
    """kind -> [(topic, Read)], kinds in the page's order, then any new kind a probe adds."""
    groups: dict[str, list[tuple[str, Read]]] = {}
    for topic, read in all_reads(os_name, checks_by_topic(checks), find):
        groups.setdefault(read.kind, []).append((topic, read))
    order = list(KIND_HEADINGS) + sorted(k for k in groups if k not in KIND_HEADINGS)
    return {k: groups[k] for k in order if k in groups}


def reads_html(os_name: str, checks: tuple[Check, ...] = CATALOGUE, find: Finder = probe_module) -> str:
    e = html.escape
    served = checks_by_topic(checks)
    out = [
        f"<h2>What Device Check reads on {e(OS_NAMES.get(os_name, os_name))}</h2>",
        "<p>Everything below is read on this laptop and stays on it. Device Check changes nothing of your "
        "laptop's settings and sends nothing anywhere. The only files it writes are listed at the end.</p>",
    ]
    groups = grouped_reads(os_name, checks, find)
    if not groups:
        out.append("<p>Nothing yet: no check on this system reads anything in this version.</p>")
    for kind, rows in groups.items():
        out.append(f"<h3>{e(KIND_HEADINGS.get(kind, kind.capitalize()))}</h3><ul>")
        for topic, read in rows:
            out.append(
                f"<li style='margin-bottom: 6px'><code>{e(read.what)}</code><br/>{e(read.why)} "
                f"<i>(for: {e(served.get(topic, topic))})</i></li>"
            )
        out.append("</ul>")
    out.append("<h3>What it writes</h3><ul>")
    for write in WRITES:
        out.append(f"<li style='margin-bottom: 6px'>{e(write.what)}<br/>{e(write.why)}</li>")
    out.append("</ul>")
    return "\n".join(out)


class ReadsDialog(QDialog):
    def __init__(self, os_name: str, checks: tuple[Check, ...] = CATALOGUE, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("What this app reads — Device Check")
        self.setAccessibleName("What this app reads")
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName("What this app reads")
        self.browser.setOpenLinks(False)  # no links are followed: the app opens nothing on the network
        self.browser.setHtml(reads_html(os_name, checks))
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        m = self.fontMetrics().height()
        self.resize(m * 44, m * 36)
