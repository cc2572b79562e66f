"""One Device Check per user and config folder: a second start tells the first to show its window, then
exits. A local socket (QLocalServer) named from the user and the config folder, so two users, or two tests
with different DEVICECHECK_CONFIG_DIR, never meet."""

from __future__ import annotations

import getpass
import hashlib

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from checks.paths import config_dir

CONNECT_TIMEOUT_MS = 1000


def server_name() -> str:
    try:
        user = getpass.getuser()
    except Exception:  # no login name in some containers
        user = "user"
    folder = str(config_dir().resolve())
    return "devicecheck-" + hashlib.sha256(f"{user}\0{folder}".encode()).hexdigest()[:20]


def tell_running(message: str = "show", name: str | None = None) -> bool:
    """Send a message to a running Device Check; False when none answers."""
    sock = QLocalSocket()
    sock.connectToServer(name or server_name())
    if not sock.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    sock.write(message.encode() + b"\n")
    sock.flush()
    sock.waitForBytesWritten(CONNECT_TIMEOUT_MS)
    sock.disconnectFromServer()
    return True


class SingleInstance(QObject):
    """`claim()` is True for the first instance, which then emits `show_requested` when another starts."""

    show_requested = Signal()

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name or server_name()
        self.server: QLocalServer | None = None

    def claim(self, message: str = "show") -> bool:
        """True: we are the first. False: another answered and was sent `message` ("show", or "tray" from
        the login item, which only checks that one runs)."""
        if tell_running(message, self.name):
            return False
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            # A socket file left by a crash: nobody answered on it, so it is safe to remove and retry.
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                return True  # cannot guard: better to run than to refuse to start
        server.newConnection.connect(self._incoming)
        self.server = server
        return True

    def _incoming(self) -> None:
        assert self.server is not None
        while (conn := self.server.nextPendingConnection()) is not None:
            conn.readyRead.connect(lambda c=conn: self._read(c))
            conn.disconnected.connect(conn.deleteLater)
            if conn.bytesAvailable():
                self._read(conn)

    def _read(self, conn: QLocalSocket) -> None:
        while conn.canReadLine():
            if bytes(conn.readLine().data()).strip() == b"show":
                self.show_requested.emit()

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
