"""The agency banner: name, logo and the consultant's contact, on the agency's colour with text in
whichever of black or white reads better on it (WCAG contrast)."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QFontMetrics, QPalette, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from checks.profile import Profile
from desktop.widgets_common import scaled_font, wrapping_label

READ_POLICY = "Read the full policy"


def _luminance(colour: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast_ratio(a: QColor, b: QColor) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_colour_for(background: QColor) -> QColor:
    black, white = QColor("#000000"), QColor("#ffffff")
    return white if contrast_ratio(background, white) >= contrast_ratio(background, black) else black


def logo_path(profile: Profile) -> Path | None:
    """The logo named in the profile; a relative path is read beside the profile file."""
    name = profile.agency.logo
    if not name:
        return None
    path = Path(name)
    if not path.is_absolute() and profile.source not in ("", "default"):
        path = Path(profile.source).parent / path
    return path if path.is_file() else None


def consultant_line(profile: Profile) -> str:
    a = profile.agency
    parts = [p for p in (a.consultant_phone, a.consultant_email) if p]
    if not a.consultant_name and not parts:
        return ""
    who = f"Your consultant: {a.consultant_name}" if a.consultant_name else "Your consultant"
    return who + (" — " + ", ".join(parts) if parts else "")


class AgencyBanner(QFrame):
    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agencyBanner")
        accent = QColor(profile.agency.accent_colour or "#1f5fa8")
        self.text_colour = text_colour_for(accent)
        pal = self.palette()
        pal.setColor(QPalette.ColorRole.Window, accent)
        pal.setColor(QPalette.ColorRole.WindowText, self.text_colour)
        pal.setColor(QPalette.ColorRole.Text, self.text_colour)
        self.setPalette(pal)
        self.setAutoFillBackground(True)
        row = QHBoxLayout(self)
        m = QFontMetrics(self.font()).height() // 2
        row.setContentsMargins(m * 2, m, m * 2, m)
        path = logo_path(profile)
        if path is not None:
            pix = QPixmap(str(path))
            if not pix.isNull():
                logo = QLabel(self)
                logo.setPixmap(
                    pix.scaledToHeight(
                        QFontMetrics(self.font()).height() * 3, Qt.TransformationMode.SmoothTransformation
                    )
                )
                logo.setAccessibleName(f"{profile.agency.name} logo")
                row.addWidget(logo)
        text = QVBoxLayout()
        self.name_label = wrapping_label(profile.agency.name or "Device Check", self)
        self.name_label.setFont(scaled_font(self.font(), 1.5, bold=True))
        text.addWidget(self.name_label)
        self.contact_label = wrapping_label(consultant_line(profile), self)
        self.contact_label.setVisible(bool(self.contact_label.text()))
        text.addWidget(self.contact_label)
        self.policy_link = self._policy_link(profile.agency.policy_url)
        text.addWidget(self.policy_link)
        row.addLayout(text, 1)
        self.setAccessibleName("Agency banner")

    def _policy_link(self, url: str) -> QLabel:
        """ "Read the full policy": the agency's page, opened by the system's browser (no network code here).
        The profile only lets a web address through ([agency] policy_url)."""
        colour = self.text_colour.name()
        link = QLabel(f'<a href="{html.escape(url, quote=True)}" style="color:{colour}">{READ_POLICY}</a>', self)
        link.setTextFormat(Qt.TextFormat.RichText)
        link.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        link.setOpenExternalLinks(False)  # opened below, so a test can see which address and nothing else opens
        link.linkActivated.connect(self.open_policy)
        link.setAccessibleDescription(f"Opens {url} in your web browser")
        link.setToolTip(url)
        link.setVisible(bool(url))
        self.policy_url = url
        return link

    def open_policy(self, url: str = "") -> bool:
        return bool(QDesktopServices.openUrl(QUrl(url or self.policy_url)))
