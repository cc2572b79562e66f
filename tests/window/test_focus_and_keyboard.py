"""Focus you can see, boxes you can find, sentences that tick, and every control by keyboard: measured on
the pixels the real window draws (offscreen), in a light and a dark palette.

The contrast sums here are written out again from WCAG 2.2 rather than taken from desktop/focus_style.py,
so a mistake there cannot hide itself."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLabel, QScrollArea, QWidget

from desktop.main_window import MainWindow
from desktop.runner import CheckRunner
from tests.guikit import open_session, stand_in_judges


@pytest.fixture
def judges():
    yield from stand_in_judges()


def luminance(c: QColor) -> float:
    def lin(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def dark_palette() -> QPalette:
    p = QPalette()
    for role, colour in {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#f0f0f0",
        QPalette.ColorRole.Base: "#1e1e1e",
        QPalette.ColorRole.AlternateBase: "#333333",
        QPalette.ColorRole.Text: "#f0f0f0",
        QPalette.ColorRole.Button: "#3a3a3a",
        QPalette.ColorRole.ButtonText: "#f0f0f0",
        QPalette.ColorRole.Highlight: "#2a82da",
        QPalette.ColorRole.HighlightedText: "#ffffff",
    }.items():
        p.setColor(role, QColor(colour))
    return p


@pytest.fixture(params=["light", "dark"])
def palette(request, qapp):
    before = qapp.palette()
    if request.param == "dark":
        qapp.setPalette(dark_palette())
    yield request.param
    qapp.setPalette(before)


def finished_window(qtbot, judges, config) -> MainWindow:
    session = open_session(config, judges)
    window = MainWindow(session, CheckRunner(session.engine, deadline=12.0))
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.run_finished, timeout=15000):
        window.check_everything()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # focus only shows in the active window
    return window


def keyboard_controls(window: QWidget) -> list[QWidget]:
    return [
        w
        for w in window.findChildren(QWidget)
        if w.isVisibleTo(window)
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and not isinstance(w.parentWidget(), QAbstractSpinBox)  # a time box's editor: the box has the ring
    ]


def grab(widget: QWidget) -> QImage:
    return widget.grab().toImage()


def ring_depth(focused: QImage, plain: QImage, x: int, y: int, dx: int, dy: int) -> int:
    """The longest run of pixels, in the first few stepping in from the edge at (x, y), that change by at
    least 3:1 when focus arrives (WCAG 2.2 focus appearance: a 2 px band that changes 3:1)."""
    best = run = 0
    for _ in range(5):
        if not (0 <= x < focused.width() and 0 <= y < focused.height()):
            break
        run = run + 1 if contrast(QColor(focused.pixel(x, y)), QColor(plain.pixel(x, y))) >= 3.0 else 0
        best = max(best, run)
        x, y = x + dx, y + dy
    return best


def assert_rings(qtbot, window: QWidget, controls: list[QWidget], palette: str) -> None:
    page = window.palette().color(QPalette.ColorRole.Window)
    for widget in controls:
        scroller = next(
            (a for a in window.findChildren(QScrollArea) if a.widget() and a.widget().isAncestorOf(widget)), None
        )
        if scroller is not None:
            scroller.ensureWidgetVisible(widget)
        elsewhere = controls[1] if widget is controls[0] else controls[0]
        elsewhere.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(elsewhere.hasFocus)
        plain = grab(widget)
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(widget.hasFocus)
        focused = grab(widget)
        w, h = focused.width(), focused.height()
        name = widget.accessibleName() or widget.objectName() or type(widget).__name__
        for x, y, dx, dy in ((0, h // 2, 1, 0), (w - 1, h // 2, -1, 0), (w // 2, 0, 0, 1), (w // 2, h - 1, 0, -1)):
            assert ring_depth(focused, plain, x, y, dx, dy) >= 2, (palette, name, (x, y))
        # The ring also stands out from the page round the control.
        ring = QColor(focused.pixel(0, h // 2))
        assert contrast(ring, page) >= 3.0, (palette, name, ring.name(), page.name())


def test_every_control_shows_a_ring_two_pixels_wide_with_three_to_one_contrast(qtbot, judges, isolated_config, palette):
    window = finished_window(qtbot, judges, isolated_config)
    controls = keyboard_controls(window)
    kinds = {type(w).__name__ for w in controls}
    assert {"QPushButton", "FoldButton", "QCheckBox", "ChecklistView", "TodoButton"} <= kinds, kinds
    assert_rings(qtbot, window, controls, palette)


def test_every_to_do_line_shows_a_ring(qtbot, judges, isolated_config, palette):
    """The lines of "What to do now" (flat, left-aligned buttons): one of each kind, fix, can't tell and
    confirm, each ringed when Tab reaches it."""
    window = finished_window(qtbot, judges, isolated_config)
    lines = window.todo.buttons
    words = {b.accessibleName().split(":")[0] for b in lines}
    assert {"To fix", "Can't tell", "To confirm"} <= words, words
    assert_rings(qtbot, window, lines, palette)


def shown_dialog(qtbot, dialog: QWidget) -> list[QWidget]:
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return keyboard_controls(dialog)


def test_the_welcome_shows_a_ring_on_every_control(qtbot, judges, isolated_config, palette):
    window = finished_window(qtbot, judges, isolated_config)
    dialog = window.offer_welcome()
    controls = shown_dialog(qtbot, dialog)
    kinds = {type(w).__name__ for w in controls}
    assert {"QPushButton", "QCheckBox", "QLineEdit", "QTimeEdit", "RingScrollArea"} <= kinds, kinds
    assert_rings(qtbot, dialog, controls, palette)
    dialog.reject()


def test_talked_to_my_consultant_shows_a_ring_on_every_control(qtbot, judges, isolated_config, palette):
    window = finished_window(qtbot, judges, isolated_config)
    dialog = window.ask_acknowledge("disk-encryption")
    controls = shown_dialog(qtbot, dialog)
    kinds = {type(w).__name__ for w in controls}
    assert {"QPushButton", "QSpinBox", "QLineEdit"} <= kinds, kinds
    assert_rings(qtbot, dialog, controls, palette)
    dialog.reject()


def test_the_report_saved_dialog_shows_a_ring_on_every_button(qtbot, judges, isolated_config, palette, tmp_path):
    window = finished_window(qtbot, judges, isolated_config)
    window.export_pdf(str(tmp_path / "report.pdf"))
    dialog = window.saved_dialog
    controls = shown_dialog(qtbot, dialog)
    assert len(controls) >= 2 and {type(w).__name__ for w in controls} == {"QPushButton"}, controls
    assert_rings(qtbot, dialog, controls, palette)
    dialog.reject()


def test_every_settings_control_shows_a_ring_too(qtbot, judges, isolated_config, palette):
    from desktop.settings_dialog import SettingsDialog

    window = finished_window(qtbot, judges, isolated_config)
    dialog = SettingsDialog(window.session.profile, window.session.settings, window)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    controls = keyboard_controls(dialog)
    kinds = {type(w).__name__ for w in controls}
    assert {"QPushButton", "QCheckBox", "QLineEdit", "QTimeEdit", "RingScrollArea"} <= kinds, kinds
    assert_rings(qtbot, dialog, controls, palette)
    dialog.reject()


def test_a_check_box_border_stands_out_three_to_one(qtbot, judges, isolated_config, palette):
    window = finished_window(qtbot, judges, isolated_config)
    row = next(iter(window.view.declaration_rows.values()))
    box = row.box
    image = grab(box)
    page = QColor(image.pixel(0, 0))  # the box's corner, outside the square: the page behind it
    # Walk in from the left at mid-height to the square's edge: the first pixels unlike the page are its border.
    y = image.height() // 2
    x = 0
    while x < image.width() and contrast(QColor(image.pixel(x, y)), page) < 1.2:
        x += 1
    assert x < image.width(), "no square found"
    border = [QColor(image.pixel(x + i, y)) for i in range(2)]
    inside = QColor(image.pixel(x + 4, y))
    for colour in border:
        assert contrast(colour, page) >= 3.0, (palette, colour.name(), page.name())
        assert contrast(colour, inside) >= 3.0, (palette, colour.name(), inside.name())


def test_clicking_a_declarations_sentence_ticks_its_box_and_saves(qtbot, judges, isolated_config):
    window = finished_window(qtbot, judges, isolated_config)
    did, row = next(iter(window.view.declaration_rows.items()))
    assert row.box.accessibleName() == row.text.text()  # the sentence is the box's name
    assert not row.box.isChecked()
    window.view.ensureWidgetVisible(row.text)
    with qtbot.waitSignal(row.toggled) as ticked:
        qtbot.mouseClick(row.text, Qt.MouseButton.LeftButton, pos=QPoint(5, row.text.height() // 2))
    assert ticked.args == [did, True] and row.box.isChecked() and row.box.hasFocus()
    assert row.accessibleName().startswith("Confirmed: ")
    assert any(s.spec.id == did and s.confirmed_at is not None for s in window.session.declarations())
    with qtbot.waitSignal(row.toggled) as unticked:
        qtbot.mouseClick(row.text, Qt.MouseButton.LeftButton, pos=QPoint(5, row.text.height() // 2))
    assert unticked.args == [did, False] and row.accessibleName().startswith("To confirm: ")


def test_labels_keep_their_own_words_as_their_name(qtbot, judges, isolated_config):
    window = finished_window(qtbot, judges, isolated_config)
    named_otherwise = [
        (label.accessibleName(), label.text()[:40])
        for label in window.findChildren(QLabel)
        if label.text() and label.pixmap().isNull() and label.accessibleName()
    ]
    assert named_otherwise == []


def test_every_control_is_reached_by_tab_and_works_from_the_keyboard(qtbot, judges, isolated_config):
    window = finished_window(qtbot, judges, isolated_config)
    expected = set(keyboard_controls(window))
    window.check_all.setFocus(Qt.FocusReason.TabFocusReason)
    seen: list[QWidget] = []
    for _ in range(len(expected) * 2 + 5):
        widget = QApplication.focusWidget()
        if widget in seen:
            break
        seen.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    missing = [w.accessibleName() or type(w).__name__ for w in expected - set(seen)]
    assert missing == []
    # Space works what Tab reaches: a fold opens, a statement is ticked.
    row = window.view.row_for("lock-on-wake")  # can't tell: its steps start folded
    if not row.fix_toggle.isHidden():
        row.fix_toggle.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.keyClick(row.fix_toggle, Qt.Key.Key_Space)
        assert row.fix_toggle.isChecked()
    decl = next(iter(window.view.declaration_rows.values()))
    decl.box.setFocus(Qt.FocusReason.TabFocusReason)
    with qtbot.waitSignal(decl.toggled):
        qtbot.keyClick(decl.box, Qt.Key.Key_Space)
    assert decl.box.isChecked()


def test_the_reads_page_shows_a_ring_too(qtbot, judges, isolated_config, palette):
    from desktop.reads_page import ReadsDialog

    window = finished_window(qtbot, judges, isolated_config)
    dialog = ReadsDialog(window.session.system.platform, window.session.checks, window)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    controls = keyboard_controls(dialog)
    assert len(controls) >= 2, [type(w).__name__ for w in controls]
    assert_rings(qtbot, dialog, controls, palette)
    dialog.reject()


def test_tab_goes_from_the_buttons_to_what_to_do_now_then_the_checklist(qtbot, judges, isolated_config):
    """Reading order: the buttons, then each line of "What to do now", then the checklist; not the to-do lines
    last, after every row (they are made after the rows, as results come in)."""
    window = finished_window(qtbot, judges, isolated_config)
    qtbot.waitUntil(lambda: not window.todo._soon.isActive())  # the list's last rebuild after the run
    window.check_all.setFocus(Qt.FocusReason.TabFocusReason)
    reached: list[QWidget] = []
    for _ in range(5 + len(window.todo.buttons) + 2):
        reached.append(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    header = [window.check_all, window.settings_button, window.reads_button, window.pdf_button, window.json_button]
    lines = window.todo.buttons
    assert len(lines) >= 3
    assert reached[: 5 + len(lines)] == header + lines
    after = reached[5 + len(lines)]
    assert after is window.view or window.view.widget().isAncestorOf(after)
    assert not window.todo.isAncestorOf(after)
    # And after a run changes the list, the new lines are in the same place.
    with qtbot.waitSignal(window.run_finished, timeout=15000):
        window.check_everything()
    qtbot.waitUntil(lambda: not window.todo._soon.isActive())
    window.json_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(window.json_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.todo.buttons[0]


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space])
def test_return_or_space_on_a_to_do_line_goes_to_its_row(qtbot, judges, isolated_config, key):
    window = finished_window(qtbot, judges, isolated_config)
    qtbot.waitUntil(lambda: not window.todo._soon.isActive())
    pairs = zip(window.todo.entries, window.todo.buttons, strict=True)
    entry, line = next((e, b) for e, b in pairs if e.kind == "check")
    line.setFocus(Qt.FocusReason.TabFocusReason)
    with qtbot.waitSignal(window.todo.go_to) as went:
        qtbot.keyClick(line, key)
    assert went.args == ["check", entry.id]
    assert window.view.row_for(entry.id).isAncestorOf(QApplication.focusWidget())
