"""One running copy per data folder: a second start hands over to the first and exits."""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

ACTIVATE = b"activate\n"


def folder_identity(data_dir: Path) -> str:
    """What makes a data folder the same folder, whatever path reaches it.

    The device and inode number: a symbolic link, `..`, a different spelling or a bind mount
    all lead to the same pair, where comparing path strings (even resolved ones: a bind mount
    has no link to resolve) would let two copies write one history. Ask once the folder exists
    (the app creates it first); one that cannot be looked at falls back to its resolved path.
    """
    try:
        info = os.stat(data_dir)
    except OSError:
        return "path:" + os.fsencode(data_dir.resolve()).decode("utf-8", "replace")
    return f"inode:{info.st_dev}:{info.st_ino}"


def server_name(data_dir: Path) -> str:
    """A per-user, per-data-folder name, short enough for a Unix socket path."""
    digest = hashlib.sha1(folder_identity(data_dir).encode()).hexdigest()[:12]
    return f"gluteapp-{digest}"


def hand_over(name: str, timeout_ms: int = 800) -> bool:
    """Ask a running copy to come to the front; True if one answered."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(ACTIVATE)
    socket.flush()
    socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return True


class InstanceServer(QObject):
    """Listens for later starts; a stale socket left by a killed copy is removed first."""

    activation_requested = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_connection)
        self.recovered_stale = False

    def listen(self) -> bool:
        if self._server.listen(self.name):
            return True
        if self._server.serverError() == QAbstractSocket.SocketError.AddressInUseError:
            # Nobody answered hand_over, so the socket file is a leftover of a crash.
            QLocalServer.removeServer(self.name)
            self.recovered_stale = True
            log.info("removed a stale single-instance socket %s", self.name)
            return self._server.listen(self.name)
        log.warning("single-instance server not started: %s", self._server.errorString())
        return False

    def close(self) -> None:
        self._server.close()

    def _on_connection(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        data = bytes(socket.readAll().data())
        if ACTIVATE.strip() in data:
            log.info("another start asked this copy to come to the front")
            self.activation_requested.emit()
