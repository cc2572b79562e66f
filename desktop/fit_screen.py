"""Windows and dialogs that fit the screen: a 1024×600 netbook, a 1366×768 laptop, and either of them at
double size (QT_SCALE_FACTOR=2 leaves 512×300 to lay out). Nothing is made larger than the screen's
available area, less room for the window's frame; long content scrolls instead."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLayout, QVBoxLayout, QWidget

from desktop.focus_style import RingScrollArea


def available_area(widget: QWidget) -> QRect:
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def room_for(widget: QWidget) -> QSize:
    """The largest size a window's inside may take: the available area less a title bar and borders."""
    area = available_area(widget)
    title = widget.fontMetrics().height() * 2 + 8
    return QSize(max(1, area.width() - 16), max(1, area.height() - title))


def fit_to_screen(widget: QWidget, wanted: QSize | None = None, cap: bool = True) -> QSize:
    """Resize to `wanted` (or the size hint), never beyond the room the screen has; returns the size.
    `cap` also stops a dialog growing past it (a main window stays free to be maximised)."""
    room = room_for(widget)
    size = (wanted or widget.sizeHint()).boundedTo(room)
    if cap:
        widget.setMaximumSize(room)
    widget.resize(size)
    return size


def scrolling_page(dialog: QWidget) -> tuple[QVBoxLayout, QVBoxLayout]:
    """A dialog body that scrolls, with the room below it for buttons that stay in view.
    Returns (the scrolling column for the content, the dialog's own column for the buttons)."""
    outer = QVBoxLayout(dialog)
    outer.setSizeConstraint(QLayout.SizeConstraint.SetDefaultConstraint)
    scroll = RingScrollArea(dialog)  # it takes focus, to scroll by keyboard: its ring shows where it is
    scroll.setAccessibleName(dialog.accessibleName() or dialog.windowTitle().split(" — ")[0])
    page = QWidget(scroll)
    column = QVBoxLayout(page)
    scroll.setWidget(page)
    outer.addWidget(scroll, 1)
    return column, outer
