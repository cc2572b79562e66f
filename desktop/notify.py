"""Desktop notifications with a "Quit <app>" action.

Linux: org.freedesktop.Notifications on the session bus (Desktop Notifications Specification). The call
is made with jeepney (pure Python; keyring already depends on it on Linux) because PySide6's QtDBus cannot
send a D-Bus uint32 from Python: its ints go out as int32 and servers reject Notify's `replaces_id`
("(sisssasa{sv}i) does not match (susssasa{sv}i)"). The bus socket is watched by a QSocketNotifier, so
ActionInvoked arrives on the GUI thread with no extra thread and no polling.

Elsewhere (and on Linux with no notification service): the tray icon's balloon, where one exists.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, Signal
from PySide6.QtWidgets import QSystemTrayIcon

APP_NAME = "Device Check"
BUS_NAME = "org.freedesktop.Notifications"
OBJECT_PATH = "/org/freedesktop/Notifications"


class Notifier(QObject):
    """Shows a notification; emits `action(key, action_id)` when the candidate picks one of its actions."""

    action = Signal(str, str)

    def notify(self, key: str, title: str, body: str, actions: list[tuple[str, str]] | None = None) -> bool:
        raise NotImplementedError

    def close(self) -> None:
        """Let go of any connection."""


class FreedesktopNotifier(Notifier):
    def __init__(self, fallback: Notifier | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from jeepney import DBusAddress, MatchRule, message_bus
        from jeepney.io.blocking import open_dbus_connection

        self._conn = open_dbus_connection(bus="SESSION")
        self._address = DBusAddress(OBJECT_PATH, bus_name=BUS_NAME, interface=BUS_NAME)
        for member in ("ActionInvoked", "NotificationClosed"):
            rule = MatchRule(type="signal", interface=BUS_NAME, member=member, path=OBJECT_PATH)
            self._conn.send_and_get_reply(message_bus.AddMatch(rule), timeout=3)
        self._fallback = fallback  # used when the bus answers "no notification service here"
        self._pending: dict[int, tuple[str, str, str, list[tuple[str, str]] | None]] = {}  # serial -> call
        self._ids: dict[int, str] = {}  # notification id -> key
        self._serial = 10_000  # our own serials for Notify calls (jeepney counts from 1 for its own)
        self._watch = QSocketNotifier(self._conn.sock.fileno(), QSocketNotifier.Type.Read, self)
        self._watch.activated.connect(self._readable)
        self.sent: list[tuple[str, str]] = []

    def notify(self, key: str, title: str, body: str, actions: list[tuple[str, str]] | None = None) -> bool:
        from jeepney import new_method_call

        flat: list[str] = []
        for action_id, label in actions or []:
            flat += [action_id, label]
        msg = new_method_call(
            self._address,
            "Notify",
            "susssasa{sv}i",
            (APP_NAME, 0, "dialog-information", title, body, flat, {"desktop-entry": ("s", "devicecheck")}, -1),
        )
        self._serial += 1
        self._pending[self._serial] = (key, title, body, actions)
        try:
            self._conn.send(msg, serial=self._serial)
        except OSError:
            return False
        self.sent.append((key, title))
        return True

    def _readable(self) -> None:
        from jeepney import HeaderFields, MessageType
        from jeepney.io.blocking import unwrap_read

        try:
            data = unwrap_read(self._conn.sock.recv(65536))
        except (OSError, EOFError):
            self._watch.setEnabled(False)  # the bus went away: stop watching rather than spin
            return
        self._conn.parser.add_data(data)
        while (msg := self._conn.parser.get_next_message()) is not None:
            fields = msg.header.fields
            if msg.header.message_type is MessageType.method_return:
                call = self._pending.pop(fields.get(HeaderFields.reply_serial, -1), None)
                if call is not None and msg.body:
                    self._ids[int(msg.body[0])] = call[0]
            elif msg.header.message_type is MessageType.error:
                call = self._pending.pop(fields.get(HeaderFields.reply_serial, -1), None)
                if call is not None and self._fallback is not None:
                    self._fallback.notify(*call)
            elif fields.get(HeaderFields.member) == "ActionInvoked":
                nid, action_id = msg.body
                if nid in self._ids:
                    self.action.emit(self._ids[nid], str(action_id))
            elif fields.get(HeaderFields.member) == "NotificationClosed":
                self._ids.pop(msg.body[0], None)

    def close(self) -> None:
        self._watch.setEnabled(False)
        self._conn.close()


class TrayBalloonNotifier(Notifier):
    """The tray icon's own message. A click on it stands for the first action of the latest message."""

    def __init__(self, tray: QSystemTrayIcon | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tray = tray
        self._last: tuple[str, str] | None = None
        self.sent: list[tuple[str, str]] = []
        if tray is not None:
            tray.messageClicked.connect(self._clicked)

    def notify(self, key: str, title: str, body: str, actions: list[tuple[str, str]] | None = None) -> bool:
        if self._tray is None or not self._tray.isVisible():
            return False
        self._last = (key, actions[0][0]) if actions else None
        hint = f"\n\nClick here to {actions[0][1][0].lower()}{actions[0][1][1:]}." if actions else ""
        self._tray.showMessage(title, body + hint, QSystemTrayIcon.MessageIcon.Information, 15_000)
        self.sent.append((key, title))
        return True

    def _clicked(self) -> None:
        if self._last:
            self.action.emit(*self._last)


def make_notifier(tray: QSystemTrayIcon | None, on_problem: Callable[[str], Any] | None = None) -> Notifier:
    """The best notifier here: the desktop's notification service on Linux, else the tray balloon."""
    balloon = TrayBalloonNotifier(tray)
    if sys.platform.startswith("linux"):
        try:
            notifier = FreedesktopNotifier(fallback=balloon)
            balloon.setParent(notifier)  # kept alive with it
            balloon.action.connect(notifier.action)
            return notifier
        except Exception as exc:  # no session bus, or jeepney missing from a broken install
            if on_problem:
                on_problem(f"Desktop notifications are not available ({type(exc).__name__}); using the tray instead.")
    return balloon
