"""'What to do now', at the top of the window: what needs the candidate, in order — things to fix, required
checks that can't tell, then statements to confirm. Each line is a button that takes the candidate to its
row in the checklist below (the window scrolls there and puts the keyboard focus on it)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QFrame, QPushButton, QSizePolicy, QStyle, QStyleOptionButton, QVBoxLayout, QWidget

from desktop.checklist_model import ChecklistModel, TodoEntry
from desktop.widgets_common import scaled_font, wrapping_label

NOTHING_LEFT = "Nothing to do: every check is fine and every statement is confirmed."
STILL_CHECKING = "Still checking this laptop. What needs you will appear here."


class TodoButton(QPushButton):
    """A flat, left-aligned line that shortens its words with "…" on a narrow window instead of widening the
    page; the full words are its accessible name and tooltip.

    It paints itself rather than take a style sheet for its left-aligned words: a style sheet puts Qt's own
    style in front of the app's, and the focus ring (desktop/focus_style.py) would not be drawn."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.full_text = text
        self.setFlat(True)
        self.setAutoDefault(True)  # Return goes there too, as on a link, not only Space
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(text)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(self.fontMetrics().averageCharWidth() * 12, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        room = event.size().width() - self.fontMetrics().averageCharWidth() * 3
        self.setText(self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight, room))
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        option = QStyleOptionButton()
        self.initStyleOption(option)
        words = option.text
        option.text = ""  # the face and the focus ring from the style; the words, left-aligned, below
        painter = QPainter(self)
        style = self.style()
        style.drawControl(QStyle.ControlElement.CE_PushButton, option, painter, self)
        inset = self.fontMetrics().averageCharWidth()
        style.drawItemText(
            painter,
            self.rect().adjusted(inset, 0, -inset, 0),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter) | int(Qt.TextFlag.TextShowMnemonic),
            option.palette,
            self.isEnabled(),
            words,
            QPalette.ColorRole.ButtonText,
        )


class TodoList(QFrame):
    go_to = Signal(str, str)  # kind ("check" or "declaration"), id

    def __init__(self, model: ChecklistModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.setObjectName("todoList")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("What to do now")
        self.column = QVBoxLayout(self)
        self.heading = wrapping_label("What to do now", self)
        self.heading.setFont(scaled_font(self.font(), 1.2, bold=True))
        self.column.addWidget(self.heading)
        self.empty = wrapping_label(STILL_CHECKING, self)
        self.column.addWidget(self.empty)
        self.buttons: list[QPushButton] = []
        self.entries: list[TodoEntry] = []
        self._soon = QTimer(self)  # many rows change at once during a run: rebuild once, after them
        self._soon.setSingleShot(True)
        self._soon.timeout.connect(self.rebuild)
        model.dataChanged.connect(lambda *_: self._soon.start(0))
        self.rebuild()

    def rebuild(self) -> None:
        entries = self.model.todo()
        if entries == self.entries and self.buttons:
            return
        focused = next((i for i, b in enumerate(self.buttons) if b.hasFocus()), None)
        for b in self.buttons:  # out of the window, and so out of the Tab chain, now; gone once idle
            b.hide()
            b.setParent(None)
            b.deleteLater()
        self.buttons = []
        self.entries = entries
        for entry in entries:
            b = TodoButton(f"{entry.word}: {entry.title}", self)
            b.setAccessibleName(f"{entry.word}: {entry.title}")
            b.setAccessibleDescription("Go to this row in the checklist")
            b.clicked.connect(lambda _=False, e=entry: self.go_to.emit(e.kind, e.id))
            self.column.addWidget(b)
            b.show()  # now, not on the next turn of the event loop: Tab skips what is not shown
            self.buttons.append(b)
        pending = bool(self.model.pending())
        self.empty.setText(STILL_CHECKING if pending and not entries else NOTHING_LEFT)
        self.empty.setVisible(not entries)
        previous = self._control_before()
        for b in self.buttons:  # made after the checklist's rows: put them back in reading order for Tab
            QWidget.setTabOrder(previous, b)
            previous = b
        if focused is not None and self.buttons:
            self.buttons[min(focused, len(self.buttons) - 1)].setFocus()

    def _control_before(self) -> QWidget:
        """The control Tab reaches just before this list (the last button above it). Qt ignores a tab order
        that starts at a widget taking no focus, such as this frame: the lines would otherwise come last,
        after the whole checklist."""
        widget = self.previousInFocusChain()
        for _ in range(1000):  # the chain is a ring; a window has far fewer widgets than this
            if widget is self or widget is None:
                break
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and not self.isAncestorOf(widget):
                return widget
            widget = widget.previousInFocusChain()
        return self
