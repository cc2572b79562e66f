"""The agency's policy in the window and the PDF: its own clause titles and words, "Read the full policy"
opening the profile's policy_url through the system (no network code of ours), the consultant named."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from checks.catalogue import CATALOGUE
from checks.engine import RunOptions
from checks.policy import declaration_states, policy_for
from checks.profile import load_profile
from desktop.banner import READ_POLICY, AgencyBanner
from desktop.checklist_model import ChecklistModel, Role
from desktop.pdf import write_pdf
from desktop.session import Session
from tests.guikit import SNAP, stand_in_judges
from tests.window.test_gui_pdf import pdf_text

NOW = __import__("datetime").datetime(2026, 11, 25, 10, 30).astimezone()
DECLS = (
    "privacy-settings",
    "content-review",
    "no-pupil-friends",
    "no-private-contact",
    "tag-approval",
    "concerns-via-consultant",
    "personal-views",
    "copyright",
    "phone-pin",
    "phone-pin-length",
    "two-step-sign-in",
)


@pytest.fixture
def judges():
    yield from stand_in_judges()


def agency_profile(folder: Path, url: str = "https://example.org/our-policy") -> Path:
    clauses = "".join(
        f'[[policy.clauses]]\nnumber = {n}\ntitle = "Northfield rule {n}"\ntext = "Our own words for rule {n}."\n'
        for n in (1, 2, 11)
    )
    decls = "".join(f"[declarations.{d}]\nclause = 2\n" for d in DECLS)
    path = folder / "agency.toml"
    path.write_text(
        f'[agency]\nname = "Northfield"\nconsultant_name = "Priya Shah"\nconsultant_email = "priya@example.org"\n'
        f'policy_url = "{url}"\n[policy]\ntitle = "Northfield Conduct"\n{clauses}{decls}',
        encoding="utf-8",
    )
    return path


class Opened(QObject):
    """Stands in for the browser: QDesktopServices hands it https addresses instead of starting one."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString())


def test_read_the_full_policy_opens_the_profiles_address_through_the_system(qtbot, tmp_path):
    banner = AgencyBanner(load_profile(agency_profile(tmp_path)))
    qtbot.addWidget(banner)
    banner.show()
    link = banner.policy_link
    assert link.isVisible() and READ_POLICY in link.text()  # its own words are its name (no other name set)
    assert link.focusPolicy() & Qt.FocusPolicy.TabFocus  # reached by Tab, opened by Return
    assert 'href="https://example.org/our-policy"' in link.text()
    opened = Opened()
    QDesktopServices.setUrlHandler("https", opened, "open")
    try:
        link.linkActivated.emit("https://example.org/our-policy")  # what a click or Return on the link sends
    finally:
        QDesktopServices.unsetUrlHandler("https")
    assert opened.urls == ["https://example.org/our-policy"]


def test_no_policy_address_no_link(qtbot):
    banner = AgencyBanner(load_profile())
    qtbot.addWidget(banner)
    banner.show()
    assert not banner.policy_link.isVisible()


def test_the_checklist_groups_under_the_agencys_own_clauses(tmp_path):
    profile = load_profile(agency_profile(tmp_path))
    model = ChecklistModel(
        list(CATALOGUE), declaration_states(profile.declarations, {}), NOW, None, policy_for(profile)
    )
    top = [model.index(i, 0) for i in range(model.rowCount())]
    assert [i.data(Role.TITLE) for i in top] == ["Northfield rule 1", "Northfield rule 2", "Northfield rule 11"]
    assert top[1].data(Role.CLAUSE_TEXT) == "Our own words for rule 2."


def test_the_window_uses_the_profiles_policy(qtbot, judges, isolated_config, tmp_path):
    from checks.snapshot import ReplaySystem
    from desktop.main_window import MainWindow

    session = Session.open(
        str(agency_profile(tmp_path)), system=ReplaySystem(SNAP), config_dir=isolated_config, checks=judges.checks
    )
    window = MainWindow(session)
    qtbot.addWidget(window)
    titles = [window.model.index(i, 0).data(Role.TITLE) for i in range(window.model.rowCount())]
    assert titles == ["Northfield rule 1", "Northfield rule 2", "Northfield rule 11"]
    assert window.banner.policy_link.text().count("https://example.org/our-policy") == 1


def test_the_pdf_shows_the_agencys_policy_and_names_the_consultant(judges, isolated_config, tmp_path):
    from checks.snapshot import ReplaySystem

    session = Session.open(
        str(agency_profile(tmp_path)), system=ReplaySystem(SNAP), config_dir=isolated_config, checks=judges.checks
    )
    out = tmp_path / "report.pdf"
    write_pdf(session.report(session.engine().run(RunOptions())), str(out))
    text = " ".join(pdf_text(out).split())
    assert "Consultant Priya Shah, priya@example.org" in text
    assert "Northfield Conduct (the agency’s own), https://example.org/our-policy" in text
    assert "2. Northfield rule 2" in text and "Our own words for rule 2." in text
    assert "Protect your devices with a PIN" not in text  # the built-in policy's heading is not used
    for name in ("Vision for Education", "ABC Teachers", "Smart Teachers"):
        assert name not in text
