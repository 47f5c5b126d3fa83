"""Keep the screen awake during a session (freedesktop ScreenSaver inhibit over D-Bus)."""

from __future__ import annotations

import logging
import os
from typing import Any

from PySide6.QtCore import QObject

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.ScreenSaver"
PATH = "/org/freedesktop/ScreenSaver"
CONNECTION = "gluteapp-screen-keeper"


class ScreenKeeper(QObject):
    """Inhibits the screensaver while held; a logged no-op where there is no such service."""

    def __init__(self, parent: QObject | None = None, bus_address: str | None = None) -> None:
        super().__init__(parent)
        self._bus_address = bus_address  # None: the session bus
        self._cookie: int | None = None
        self.last_result = "not requested"

    @property
    def active(self) -> bool:
        return self._cookie is not None

    def inhibit(self, reason: str) -> bool:
        if self._cookie is not None:
            return True
        interface = self._interface()
        if interface is None:
            return False
        reply = interface.call("Inhibit", "Gluteapp", reason)
        arguments = reply.arguments()
        if reply.type().name != "ReplyMessage" or not arguments:
            self.last_result = f"inhibit refused: {reply.errorMessage() or 'no reply'}"
            log.info("screen keep-awake: %s", self.last_result)
            return False
        self._cookie = int(arguments[0])
        self.last_result = "screen kept awake"
        log.info("screen keep-awake on (cookie %s)", self._cookie)
        return True

    def release(self) -> None:
        if self._cookie is None:
            return
        # The inhibition lives on a connection of its own: leaving the bus ends it for certain
        # (the service drops a caller's inhibitions when it disconnects), whatever type the
        # binding gives the cookie in an UnInhibit call.
        from PySide6.QtDBus import QDBusConnection

        QDBusConnection.disconnectFromBus(CONNECTION)
        log.info("screen keep-awake off (cookie %s)", self._cookie)
        self._cookie = None
        self.last_result = "released"

    def _interface(self) -> Any:
        try:
            from PySide6.QtDBus import QDBusConnection, QDBusInterface
        except ImportError:
            self.last_result = "no D-Bus support in this Qt; the screen may sleep"
            log.info("screen keep-awake: %s", self.last_result)
            return None
        address = self._bus_address or os.environ.get("DBUS_SESSION_BUS_ADDRESS", "")
        if not address:
            self.last_result = "no D-Bus session bus; the screen may sleep"
            log.info("screen keep-awake: %s", self.last_result)
            return None
        bus = QDBusConnection.connectToBus(address, CONNECTION)
        if not bus.isConnected():
            self.last_result = (f"cannot reach the D-Bus session bus "
                                f"({bus.lastError().message() or address}); the screen may sleep")
            log.info("screen keep-awake: %s", self.last_result)
            return None
        interface = QDBusInterface(SERVICE, PATH, SERVICE, bus)
        if not interface.isValid():
            self.last_result = "no screensaver service on the session bus; nothing to inhibit"
            log.info("screen keep-awake: %s", self.last_result)
            return None
        return interface
