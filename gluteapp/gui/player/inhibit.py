"""Keep the screen awake during a session: the desktop portal, else the ScreenSaver service."""

from __future__ import annotations

import logging
import os
from typing import Any

from PySide6.QtCore import QObject

from gluteapp.gui.desktop_bus import BusError, Connection, in_sandbox, portal_inhibit

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.ScreenSaver"
PATH = "/org/freedesktop/ScreenSaver"
CONNECTION = "gluteapp-screen-keeper"


class ScreenKeeper(QObject):
    """Inhibits the screensaver while held; a logged no-op where nothing can.

    The portal (`org.freedesktop.portal.Inhibit`) is asked first: it is the one way out of a
    Flatpak sandbox, and GNOME and KDE answer it for other programs too. Outside a sandbox,
    a desktop without the portal is asked through `org.freedesktop.ScreenSaver`.
    """

    def __init__(self, parent: QObject | None = None, bus_address: str | None = None) -> None:
        super().__init__(parent)
        self._bus_address = bus_address  # None: the session bus
        self._cookie: int | None = None
        self._portal: tuple[Connection, str] | None = None  # the connection and the request
        self.last_result = "not requested"
        #: "portal" or "screensaver" while active.
        self.method = ""

    @property
    def active(self) -> bool:
        return self._cookie is not None or self._portal is not None

    def inhibit(self, reason: str) -> bool:
        if self.active:
            return True
        address = self._bus_address or os.environ.get("DBUS_SESSION_BUS_ADDRESS", "")
        if not address:
            return self._refused("no D-Bus session bus; the screen may sleep")
        if self._inhibit_through_portal(address, reason):
            return True
        if in_sandbox():
            return self._refused(f"the desktop portal refused ({self.last_result}); "
                                 "the screen may sleep")
        return self._inhibit_through_screensaver(address, reason)

    def _refused(self, why: str) -> bool:
        self.last_result = why
        log.info("screen keep-awake: %s", why)
        return False

    def _inhibit_through_portal(self, address: str, reason: str) -> bool:
        try:
            connection = Connection.open(address)
        except BusError as error:
            self.last_result = str(error)
            return False
        try:
            handle = portal_inhibit(connection, reason)
        except BusError as error:
            connection.close()
            self.last_result = f"no desktop portal ({error})"
            log.info("screen keep-awake: %s; trying the screensaver service", self.last_result)
            return False
        self._portal = (connection, handle)
        self.method = "portal"
        self.last_result = "screen kept awake"
        log.info("screen keep-awake on through the desktop portal (%s)", handle)
        return True

    def _inhibit_through_screensaver(self, address: str, reason: str) -> bool:
        interface = self._interface(address)
        if interface is None:
            return False
        reply = interface.call("Inhibit", "Gluteapp", reason)
        arguments = reply.arguments()
        if reply.type().name != "ReplyMessage" or not arguments:
            return self._refused(f"inhibit refused: {reply.errorMessage() or 'no reply'}")
        self._cookie = int(arguments[0])
        self.method = "screensaver"
        self.last_result = "screen kept awake"
        log.info("screen keep-awake on (cookie %s)", self._cookie)
        return True

    def release(self) -> None:
        if self._portal is not None:
            connection, handle = self._portal
            self._portal = None
            try:
                from gluteapp.gui.desktop_bus import portal_release

                portal_release(connection, handle)
            except BusError as error:
                log.info("screen keep-awake: closing %s: %s", handle, error)
            finally:
                connection.close()  # the portal also ends what a departed caller asked for
            log.info("screen keep-awake off (%s)", handle)
        elif self._cookie is not None:
            # The inhibition lives on a connection of its own: leaving the bus ends it for
            # certain (the service drops a caller's inhibitions when it disconnects), whatever
            # type the binding gives the cookie in an UnInhibit call.
            from PySide6.QtDBus import QDBusConnection

            QDBusConnection.disconnectFromBus(CONNECTION)
            log.info("screen keep-awake off (cookie %s)", self._cookie)
            self._cookie = None
        else:
            return
        self.method = ""
        self.last_result = "released"

    def _interface(self, address: str) -> Any:
        try:
            from PySide6.QtDBus import QDBusConnection, QDBusInterface
        except ImportError:
            self._refused("no D-Bus support in this Qt; the screen may sleep")
            return None
        bus = QDBusConnection.connectToBus(address, CONNECTION)
        if not bus.isConnected():
            self._refused(f"cannot reach the D-Bus session bus "
                          f"({bus.lastError().message() or address}); the screen may sleep")
            return None
        interface = QDBusInterface(SERVICE, PATH, SERVICE, bus)
        if not interface.isValid():
            self._refused("no screensaver service on the session bus; nothing to inhibit")
            return None
        return interface
