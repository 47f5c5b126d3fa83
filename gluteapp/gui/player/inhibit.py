"""Keep the screen awake during a session (freedesktop ScreenSaver inhibit over D-Bus)."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.ScreenSaver"
PATH = "/org/freedesktop/ScreenSaver"


class ScreenKeeper(QObject):
    """Inhibits the screensaver while held; a logged no-op where there is no such service."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
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
        interface = self._interface()
        if interface is not None:
            interface.call("UnInhibit", self._cookie)
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
        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            self.last_result = "no D-Bus session bus; the screen may sleep"
            log.info("screen keep-awake: %s", self.last_result)
            return None
        interface = QDBusInterface(SERVICE, PATH, SERVICE, bus)
        if not interface.isValid():
            self.last_result = "no screensaver service on the session bus; nothing to inhibit"
            log.info("screen keep-awake: %s", self.last_result)
            return None
        return interface
