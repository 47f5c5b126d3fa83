"""Talking to the desktop over D-Bus: its portal (which a Flatpak sandbox allows) or its services.

QtDBus cannot send an unsigned integer from Python, and both the portal's Inhibit and the
notification service's Notify take one, so these calls go through jeepney (pure Python D-Bus).
"""

from __future__ import annotations

import logging
import os
from typing import Any

from msgspec import Struct

log = logging.getLogger(__name__)

PORTAL = "org.freedesktop.portal.Desktop"
PORTAL_PATH = "/org/freedesktop/portal/desktop"
#: Seconds to wait for the desktop's answer; a portal started on demand takes a moment.
TIMEOUT_S = 3.0
#: org.freedesktop.portal.Inhibit flags: keep the session from going idle (screen blanking).
INHIBIT_IDLE = 8


def in_sandbox() -> bool:
    """Inside Flatpak only the portal is reachable; outside, the services themselves too."""
    return bool(os.environ.get("FLATPAK_ID")) or os.path.exists("/.flatpak-info")


class BusError(Exception):
    """The bus or the service is not there, or refused; `str()` says which, in a phrase."""


class Connection(Struct):
    """One connection to the session bus. An inhibition lasts as long as its connection."""

    bus: Any  # jeepney.io.blocking.DBusConnection

    @classmethod
    def open(cls, address: str | None = None) -> Connection:
        address = address or os.environ.get("DBUS_SESSION_BUS_ADDRESS", "")
        if not address:
            raise BusError("no D-Bus session bus")
        try:
            from jeepney.io.blocking import open_dbus_connection
        except ImportError:
            raise BusError("jeepney is not installed") from None
        try:
            return cls(open_dbus_connection(bus=address))
        except (OSError, ValueError) as error:
            raise BusError(f"cannot reach the D-Bus session bus ({error})") from None

    def call(self, service: str, path: str, interface: str, method: str,
             signature: str | None = None, body: tuple[Any, ...] = ()) -> tuple[Any, ...]:
        """Call and wait for the answer; raise BusError with the service's own words."""
        from jeepney import DBusAddress, HeaderFields, MessageType, new_method_call

        address = DBusAddress(path, bus_name=service, interface=interface)
        message = new_method_call(address, method, signature, body)
        try:
            reply = self.bus.send_and_get_reply(message, timeout=TIMEOUT_S)
        except TimeoutError:
            raise BusError(f"{service} did not answer") from None
        except OSError as error:
            raise BusError(f"the D-Bus connection failed ({error})") from None
        if reply.header.message_type == MessageType.error:
            name = reply.header.fields.get(HeaderFields.error_name, "error")
            detail = reply.body[0] if reply.body else ""
            raise BusError(f"{name}: {detail}".rstrip(": "))
        return tuple(reply.body)

    def close(self) -> None:
        self.bus.close()


def portal_inhibit(connection: Connection, reason: str) -> str:
    """Ask the portal to keep the screen on; returns the request handle that ends it."""
    (handle,) = connection.call(PORTAL, PORTAL_PATH, "org.freedesktop.portal.Inhibit",
                                "Inhibit", "sua{sv}", ("", INHIBIT_IDLE,
                                                       {"reason": ("s", reason)}))
    return str(handle)


def portal_release(connection: Connection, handle: str) -> None:
    connection.call(PORTAL, handle, "org.freedesktop.portal.Request", "Close")


def notify(title: str, body: str, *, key: str = "reminder",
           address: str | None = None) -> str:
    """Show a desktop notification: through the portal, else (outside a sandbox) the service.

    Returns how it went, in a phrase for the log. Raises BusError when neither took it.
    """
    connection = Connection.open(address)
    try:
        try:
            connection.call(PORTAL, PORTAL_PATH, "org.freedesktop.portal.Notification",
                            "AddNotification", "sa{sv}",
                            (key, {"title": ("s", title), "body": ("s", body),
                                   "priority": ("s", "normal")}))
            return "shown through the desktop portal"
        except BusError as portal_error:
            if in_sandbox():
                raise
            log.info("notification portal: %s; asking the notification service", portal_error)
        connection.call("org.freedesktop.Notifications", "/org/freedesktop/Notifications",
                        "org.freedesktop.Notifications", "Notify", "susssasa{sv}i",
                        ("Gluteapp", 0, "org.gluteapp.gluteapp", title, body, [], {}, -1))
        return "shown by the notification service"
    finally:
        connection.close()
