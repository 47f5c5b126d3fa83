"""Stand-in desktop services on a private D-Bus: the portal (Settings, Inhibit, Notification)
and org.freedesktop.Notifications, for the theme, keep-awake and reminder tests.

Usage: fake_desktop.py BUS_ADDRESS [--portal] [--notifications] [--color-scheme N]
[--answer-delay-ms MS]. Prints 'ready', then one line per call received ('read-all',
'inhibit SIGNATURE FLAGS REASON', 'close HANDLE', 'portal-notify SIGNATURE ID TITLE | BODY',
'notify SIGNATURE APP TITLE | BODY'). A line 'color-scheme N' on stdin changes the portal's
colour scheme (0 no preference, 1 dark, 2 light) and emits SettingChanged, as a desktop does
when the person switches. Written with jeepney, which keeps every D-Bus type as sent.
"""

from __future__ import annotations

import argparse
import queue
import sys
import threading
import time
from typing import Any

from jeepney import (
    DBusAddress,
    HeaderFields,
    MessageType,
    new_error,
    new_method_return,
    new_signal,
)
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

PORTAL = "org.freedesktop.portal.Desktop"
PORTAL_PATH = "/org/freedesktop/portal/desktop"
APPEARANCE = "org.freedesktop.appearance"

PORTAL_XML = """<node>
<interface name="org.freedesktop.portal.Settings">
  <method name="ReadAll"><arg type="as" direction="in"/><arg type="a{sa{sv}}" direction="out"/>
  </method>
  <method name="ReadOne"><arg type="s" direction="in"/><arg type="s" direction="in"/>
    <arg type="v" direction="out"/></method>
  <signal name="SettingChanged"><arg type="s"/><arg type="s"/><arg type="v"/></signal>
</interface>
<interface name="org.freedesktop.portal.Inhibit">
  <method name="Inhibit"><arg type="s" direction="in"/><arg type="u" direction="in"/>
    <arg type="a{sv}" direction="in"/><arg type="o" direction="out"/></method>
</interface>
<interface name="org.freedesktop.portal.Notification">
  <method name="AddNotification"><arg type="s" direction="in"/>
    <arg type="a{sv}" direction="in"/></method>
</interface>
</node>"""


def say(line: str) -> None:
    print(line, flush=True)


class Desktop:
    def __init__(self, portal: bool, notifications: bool, color_scheme: int,
                 delay_s: float) -> None:
        self.portal = portal
        self.notifications = notifications
        self.color_scheme = color_scheme
        self.delay_s = delay_s
        self.requests = 0

    def answer(self, message: Any) -> tuple[str, tuple[Any, ...]] | None:
        """(signature, body) of the reply, or None for an unknown method."""
        fields = message.header.fields
        member = fields.get(HeaderFields.member)
        interface = fields.get(HeaderFields.interface)
        path = fields.get(HeaderFields.path)
        signature = fields.get(HeaderFields.signature, "")
        body = message.body
        if member == "Introspect" and path == PORTAL_PATH and self.portal:
            return "s", (PORTAL_XML,)
        if self.portal and interface == "org.freedesktop.portal.Settings":
            if member == "ReadAll":
                say("read-all")
                return "a{sa{sv}}", ({APPEARANCE: {"color-scheme": ("u", self.color_scheme)}},)
            if member in ("ReadOne", "Read"):
                return "v", (("u", self.color_scheme),)
        if self.portal and interface == "org.freedesktop.portal.Inhibit" and member == "Inhibit":
            _window, flags, options = body
            self.requests += 1
            say(f"inhibit {signature} {flags} {options.get('reason', ('s', ''))[1]}")
            return "o", (f"{PORTAL_PATH}/request/fake/inhibit{self.requests}",)
        if self.portal and interface == "org.freedesktop.portal.Request" and member == "Close":
            say(f"close {path}")
            return "", ()
        if (self.portal and interface == "org.freedesktop.portal.Notification"
                and member == "AddNotification"):
            key, notification = body
            say(f"portal-notify {signature} {key} {notification['title'][1]} | "
                f"{notification['body'][1]}")
            return "", ()
        if (self.notifications and interface == "org.freedesktop.Notifications"
                and member == "Notify"):
            app, _replaces, _icon, title, text, _actions, _hints, _timeout = body
            say(f"notify {signature} {app} {title} | {text}")
            return "u", (7,)
        return None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("address")
    parser.add_argument("--portal", action="store_true")
    parser.add_argument("--notifications", action="store_true")
    parser.add_argument("--color-scheme", type=int, default=0)
    parser.add_argument("--answer-delay-ms", type=int, default=0)
    args = parser.parse_args()
    desktop = Desktop(args.portal, args.notifications, args.color_scheme,
                      args.answer_delay_ms / 1000)
    connection = open_dbus_connection(bus=args.address)
    names = ([PORTAL] if args.portal else []) + (
        ["org.freedesktop.Notifications"] if args.notifications else [])
    for name in names:
        connection.send_and_get_reply(message_bus.RequestName(name), timeout=10)

    commands: queue.Queue[str] = queue.Queue()

    def read_commands() -> None:
        for line in sys.stdin:
            commands.put(line.strip())
        commands.put("quit")

    threading.Thread(target=read_commands, daemon=True).start()
    say("ready")
    while True:
        try:
            command = commands.get_nowait()
        except queue.Empty:
            command = ""
        if command == "quit":
            return
        if command.startswith("color-scheme "):
            desktop.color_scheme = int(command.split()[1])
            changed = new_signal(DBusAddress(PORTAL_PATH, interface="org.freedesktop.portal."
                                             "Settings"), "SettingChanged", "ssv",
                                 (APPEARANCE, "color-scheme", ("u", desktop.color_scheme)))
            connection.send(changed)
            say(f"switched {desktop.color_scheme}")
        try:
            message = connection.receive(timeout=0.05)
        except TimeoutError:
            continue
        if message.header.message_type != MessageType.method_call:
            continue
        reply = desktop.answer(message)
        time.sleep(desktop.delay_s)  # GNOME's portal answers after the window is built
        if reply is None:
            member = message.header.fields.get(HeaderFields.member)
            connection.send(new_error(message, "org.freedesktop.DBus.Error.UnknownMethod",
                                      "s", (f"no {member} here",)))
        else:
            connection.send(new_method_return(message, *reply))


if __name__ == "__main__":
    main()
