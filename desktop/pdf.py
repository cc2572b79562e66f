"""The PDF report, written with Qt's own PDF writer (QPdfWriter + QTextDocument): no other library and no
network. Works without a display: `devicecheck check --pdf FILE` calls write_pdf from the command line."""

from __future__ import annotations

import html
import os
import sys
from typing import Any

from checks.model import IT_HELPER_HEADING, Status
from checks.outcome import summary_line_from_counts
from checks.policy import clauses, policy_from_report
from checks.report import not_live_mark, status_words, when_words
from desktop.clauses import clauses_with_other
from desktop.status_words import WORDS

_app: Any = None  # the QGuiApplication made here when there was none, kept alive for later calls


def _ensure_gui_app() -> None:
    global _app
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is not None:
        return
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # fonts and layout need a platform, not a screen
    from PySide6.QtWidgets import QApplication  # a full QApplication, so windows may still open later

    _app = QApplication(["devicecheck"])


def _hours(day: dict[str, Any]) -> str:
    today = (day.get("today") or "").replace("-", " to ")
    if not today:
        return f"Not a school day: {day.get('reason', '')}"
    if day.get("in_session"):
        return f"{today}; this report was made during school hours"
    return f"{today}; {day.get('reason', '')}"


def _in_group(row: dict[str, Any], number: int, known: set[int]) -> bool:
    """Group 0 ("Also asked by your agency") takes what names no clause of the policy."""
    return row.get("clause") == number if number else row.get("clause") not in known


def _e(text: object) -> str:
    return html.escape(str(text or ""))


OUTCOME_WORDS = {"all-clear": "All clear", "incomplete": "Not complete yet", "to-fix": "Things to fix"}


def _consultant(report: dict[str, Any]) -> str:
    agency = report.get("agency") or {}
    c = agency.get("consultant") or {}
    return ", ".join(str(v) for v in (c.get("name"), c.get("phone"), c.get("email")) if v) or "Not given"


def _policy_line(report: dict[str, Any]) -> str:
    """Which policy the report was checked against, and where to read it in full."""
    policy = report.get("policy") or {}
    mine = policy.get("source") == "agency"
    title = str(policy.get("title") or "Social Networking Policy")
    words = f"{title} ({'the agency' + chr(8217) + 's own' if mine else 'the built-in policy'})"
    return words + (f", {policy['url']}" if policy.get("url") else "")


def report_html(report: dict[str, Any]) -> str:
    """The report as simple HTML that QTextDocument lays out well on paper."""
    profile = report.get("profile") or {}
    agency = profile.get("agency") or "No agency profile"
    platform = report.get("platform") or {}
    raw_os = str(platform.get("os") or "")
    os_name = {"linux": "Linux", "windows": "Windows", "darwin": "macOS"}.get(raw_os, raw_os)
    system = ", ".join(str(v) for v in (os_name, platform.get("desktop")) if v)
    day = report.get("school_hours") or {}
    counts = report.get("summary") or {}
    mark = not_live_mark(report)
    out = [
        "<html><body>",
        f"<h1>{_e(agency)}</h1>",
        "<h2>Device Check report</h2>",
        f"<p><b>{_e(mark)}</b></p>" if mark else "",
        "<table cellpadding='2'>",
        f"<tr><td><b>Candidate</b></td><td>{_e((report.get('candidate') or {}).get('name') or 'Not given')}</td></tr>",
        f"<tr><td><b>Consultant</b></td><td>{_e(_consultant(report))}</td></tr>",
        f"<tr><td><b>Policy</b></td><td>{_e(_policy_line(report))}</td></tr>",
        f"<tr><td><b>Checked</b></td><td>{_e(when_words(report.get('checked_at')))}</td></tr>",
        f"<tr><td><b>Report made</b></td><td>{_e(when_words(report.get('generated_at')))}</td></tr>",
        f"<tr><td><b>Valid until</b></td><td>{_e(when_words(report.get('valid_until')))}</td></tr>",
        f"<tr><td><b>Device</b></td><td>{_e(report.get('device') or 'unknown')} ({_e(system)})</td></tr>",
        f"<tr><td><b>School hours</b></td><td>{_e(_hours(day))}</td></tr>",
        f"<tr><td><b>Result</b></td><td><b>{_e(OUTCOME_WORDS.get(str(report.get('outcome')), ''))}</b>: "
        f"{_e(summary_line_from_counts(counts))}</td></tr>",
        "</table>",
    ]
    if (report.get("run") or {}).get("partial"):
        out.append(
            f"<p><b>Partial check</b>: only {_e(', '.join((report.get('run') or {}).get('only') or []))} were run.</p>"
        )
    results = report.get("results") or []
    decls = report.get("declarations") or []
    policy = policy_from_report(report)
    known = {c.number for c in clauses(policy)}
    numbers = {d.get("clause", 0) for d in decls} | {r.get("clause", 0) for r in results}
    for c in clauses_with_other(numbers, policy):
        rows = [r for r in results if _in_group(r, c.number, known)]
        drows = [d for d in decls if _in_group(d, c.number, known)]
        number = f"{c.number}. " if c.number else ""
        out.append(f"<h3>{number}{_e(c.heading)}</h3>")
        out.append(f"<p><i>“{_e(c.text)}”</i></p>")
        if not rows and not drows:
            out.append("<p>Good practice: nothing to check here.</p>")
        for r in rows:
            word = status_words(r) if r.get("acknowledged_until") else WORDS.get(Status(r.get("status", "unknown")))
            out.append(f"<p><b>[{_e(word)}]</b> <b>{_e(r.get('title'))}</b><br/>{_e(r.get('detail'))}</p>")
            steps = (r.get("fix") or {}).get("steps") or []
            if steps and r.get("status") in ("fail", "warn", "unknown", "error"):
                out.append("<p>How to fix:</p><ol>" + "".join(f"<li>{_e(s)}</li>" for s in steps) + "</ol>")
            helper = (r.get("fix") or {}).get("it_helper") or []
            if helper and r.get("status") in ("fail", "warn", "unknown", "error"):
                out.append(f"<p>{IT_HELPER_HEADING}:</p><ul>" + "".join(f"<li>{_e(s)}</li>" for s in helper) + "</ul>")
        for d in drows:
            if d.get("confirmed_at") and not d.get("due"):
                mark = f"Confirmed on {_e(when_words(d['confirmed_at']))}"
            elif d.get("confirmed_at"):
                mark = f"Due to be confirmed again (last confirmed on {_e(when_words(d['confirmed_at']))})"
            else:
                mark = "Not confirmed yet"
            out.append(f"<p><b>[You confirm]</b> {_e(d.get('text'))}<br/>{mark}</p>")
    out.extend(cyber_essentials_html(report.get("cyber_essentials") or []))
    version = profile.get("version") or "built-in"
    out.append("<hr/>")
    out.append(
        f"<p>Device Check {_e(report.get('app_version'))}; profile {_e(version)}"
        f" ({_e(profile.get('source') or 'default')}). "
        + (_e(mark) + "." if mark else "Made on this laptop; nothing was sent anywhere.")
        + "</p>"
    )
    out.append("</body></html>")
    return "\n".join(out)


def cyber_essentials_html(rows: list[dict[str, Any]]) -> list[str]:
    """The short "Cyber Essentials: user device" section: each control and this device's state."""
    if not rows:
        return []
    out = [
        "<h3>Cyber Essentials: user device</h3>",
        "<p>How this laptop stands against the Cyber Essentials controls for a user's own device "
        "(NCSC, Requirements for IT infrastructure). Declarations count once you have confirmed them.</p>",
        "<table cellpadding='2'>",
    ]
    for row in rows:
        out.append(f"<tr><td><b>{_e(row.get('name'))}</b></td><td>{_e(row.get('state_words'))}</td></tr>")
    out.append("</table>")
    return out


def write_pdf(report: dict[str, Any], path: str) -> None:
    """Write the report to `path` as an A4 PDF. Raises OSError when the file cannot be written."""
    _ensure_gui_app()
    from PySide6.QtCore import QMarginsF, QSizeF
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

    with open(path, "ab"):  # fail early, with the OS's reason, if the folder is not writable
        pass
    writer = QPdfWriter(path)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    writer.setTitle(f"Device Check report - {(report.get('profile') or {}).get('agency') or 'no agency'}")
    writer.setCreator(f"Device Check {report.get('app_version', '')}")
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)  # measure fonts at the PDF's resolution, not the screen's
    font = QFont()
    font.setPointSizeF(10.5)
    # No ligatures: "fi" and "ff" stay plain letters, so text copied or searched in the PDF reads "To fix".
    for tag in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(tag), 0)
    doc.setDefaultFont(font)
    doc.setHtml(report_html(report))
    layout = writer.pageLayout()
    rect = layout.paintRectPixels(writer.resolution())
    mark = not_live_mark(report)
    if not mark:
        doc.setPageSize(QSizeF(rect.width(), rect.height()))
        doc.print_(writer)
        return
    _print_with_mark(doc, writer, rect.width(), rect.height(), mark)


def _print_with_mark(doc: Any, writer: Any, width: float, height: float, mark: str) -> None:
    """Lay the pages out below a band that carries `mark`, so no page can be taken for a check of this laptop."""
    from PySide6.QtCore import QRectF, QSizeF, Qt
    from PySide6.QtGui import QColor, QFont, QPainter

    band = writer.resolution() * 0.45  # inches of paper for the mark
    page_height = height - band
    doc.setPageSize(QSizeF(width, page_height))
    pages = max(1, doc.pageCount())
    painter = QPainter(writer)
    font = QFont(doc.defaultFont())
    font.setBold(True)
    try:
        for page in range(pages):
            if page:
                writer.newPage()
            painter.setFont(font)
            painter.setPen(QColor("#b00020"))
            painter.drawText(
                QRectF(0, 0, width, band), int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap), mark
            )
            painter.save()
            painter.translate(0, band - page * page_height)
            doc.drawContents(painter, QRectF(0, page * page_height, width, page_height))
            painter.restore()
    finally:
        painter.end()
