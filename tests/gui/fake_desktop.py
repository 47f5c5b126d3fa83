"""Stand-in desktop services on a private D-Bus: the portal (Settings, Inhibit, Notification)
and org.freedesktop.Notifications, for the theme, keep-awake and reminder tests.

Usage: fake_desktop.py BUS_ADDRESS [--portal] [--notifications] [--color-scheme N]
[--answer-delay-ms MS]. Prints 'ready', then one line per call received ('read-all',
'inhibit FLAGS REASON', 'close HANDLE', 'portal-notify ID TITLE | BODY', 'notify APP TITLE |
BODY'). A line 'color-scheme N' on stdin changes the portal's colour scheme (0 no preference,
1 dark, 2 light) and emits SettingChanged, as a desktop does when the person switches.
"""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QCoreApplication, QMetaType, QSocketNotifier, QTimer
from PySide6.QtDBus import (
    QDBusArgument,
    QDBusConnection,
    QDBusMessage,
    QDBusObjectPath,
    QDBusVariant,
    QDBusVirtualObject,
)

PORTAL = "org.freedesktop.portal.Desktop"
PORTAL_PATH = "/org/freedesktop/portal/desktop"
APPEARANCE = "org.freedesktop.appearance"

PORTAL_XML = """
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
  <method name="AddNotification"><arg type="s" direction="in"/><arg type="a{sv}" direction="in"/>
  </method>
</interface>
"""

NOTIFICATIONS_XML = """
<interface name="org.freedesktop.Notifications">
  <method name="Notify"><arg type="s" direction="in"/><arg type="u" direction="in"/>
    <arg type="s" direction="in"/><arg type="s" direction="in"/><arg type="s" direction="in"/>
    <arg type="as" direction="in"/><arg type="a{sv}" direction="in"/>
    <arg type="i" direction="in"/><arg type="u" direction="out"/></method>
</interface>
"""


def say(line: str) -> None:
    print(line, flush=True)


class Service(QDBusVirtualObject):
    """Answers every call on its paths from a Python method named after the D-Bus member."""

    def __init__(self, bus: QDBusConnection, xml: str, delay_ms: int = 0) -> None:
        super().__init__()
        self.bus = bus
        self.xml = xml
        self.delay_ms = delay_ms
        self.color_scheme = 0
        self.requests = 0

    def introspect(self, path: str) -> str:
        return self.xml

    def handleMessage(self, message: QDBusMessage, connection: QDBusConnection) -> bool:  # noqa: N802
        handler = getattr(self, f"on_{message.member()}", None)
        if handler is None:
            reply = message.createErrorReply("org.freedesktop.DBus.Error.UnknownMethod",
                                             message.member())
        else:
            reply = message.createReply()
            reply.setArguments(handler(message))
        QTimer.singleShot(self.delay_ms, lambda: self.bus.send(reply))
        return True

    def on_Introspect(self, message: QDBusMessage) -> list[object]:  # noqa: N802
        return [f"<node>{self.xml}</node>"]

    # --- portal: Settings -------------------------------------------------------------------
    def on_ReadAll(self, message: QDBusMessage) -> list[object]:  # noqa: N802
        say("read-all")
        answer = QDBusArgument()
        answer.beginMap(QMetaType(QMetaType.Type.QString), QMetaType(QMetaType.Type.QVariantMap))
        answer.beginMapEntry()
        answer.appendVariant(APPEARANCE)
        answer.beginMap(QMetaType(QMetaType.Type.QString), QMetaType.fromName(b"QDBusVariant"))
        answer.beginMapEntry()
        answer.appendVariant("color-scheme")
        answer << QDBusVariant(self.color_scheme)
        answer.endMapEntry()
        answer.endMap()
        answer.endMapEntry()
        answer.endMap()
        return [answer]

    def on_ReadOne(self, message: QDBusMessage) -> list[object]:  # noqa: N802
        return [QDBusVariant(self.color_scheme)]

    def switch(self, scheme: int) -> None:
        self.color_scheme = scheme
        signal = QDBusMessage.createSignal(PORTAL_PATH, "org.freedesktop.portal.Settings",
                                          "SettingChanged")
        signal.setArguments([APPEARANCE, "color-scheme", QDBusVariant(scheme)])
        self.bus.send(signal)
        say(f"switched {scheme}")

    # --- portal: Inhibit, and closing its request ---------------------------------------------
    def on_Inhibit(self, message: QDBusMessage) -> list[object]:  # noqa: N802
        _window, flags, options = message.arguments()
        self.requests += 1
        handle = f"{PORTAL_PATH}/request/fake/inhibit{self.requests}"
        say(f"inhibit {message.signature()} {flags} {options.get('reason', '')}")
        return [QDBusObjectPath(handle)]

    def on_Close(self, message: QDBusMessage) -> list[object]:  # noqa: N802
        say(f"close {message.path()}")
        return []

    # --- portal: Notification -----------------------------------------------------------------
    def on_AddNotification(self, message: QDBusMessage) -> list[object]:  # noqa: N802
        key, notification = message.arguments()
        say(f"portal-notify {message.signature()} {key} {notification.get('title')} | "
            f"{notification.get('body')}")
        return []

    # --- org.freedesktop.Notifications ---------------------------------------------------------
    def on_Notify(self, message: QDBusMessage) -> list[object]:  # noqa: N802
        app, _replaces, _icon, title, body, _actions, _hints, _timeout = message.arguments()
        say(f"notify {message.signature()} {app} {title} | {body}")
        return [7]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("address")
    parser.add_argument("--portal", action="store_true")
    parser.add_argument("--notifications", action="store_true")
    parser.add_argument("--color-scheme", type=int, default=0)
    parser.add_argument("--answer-delay-ms", type=int, default=0)
    args = parser.parse_args()
    app = QCoreApplication(sys.argv[:1])
    bus = QDBusConnection.connectToBus(args.address, "fake-desktop")
    keep: list[object] = []
    inherit = QDBusConnection.VirtualObjectRegisterOption.SubPath
    portal: Service | None = None
    if args.portal:
        portal = Service(bus, PORTAL_XML, args.answer_delay_ms)
        portal.color_scheme = args.color_scheme
        assert bus.registerVirtualObject(PORTAL_PATH, portal, inherit)
        assert bus.registerService(PORTAL)
        keep.append(portal)
    if args.notifications:
        notifications = Service(bus, NOTIFICATIONS_XML)
        assert bus.registerVirtualObject("/org/freedesktop/Notifications", notifications)
        assert bus.registerService("org.freedesktop.Notifications")
        keep.append(notifications)

    def on_line() -> None:
        line = sys.stdin.readline()
        if not line:
            app.quit()
            return
        words = line.split()
        if portal is not None and words[:1] == ["color-scheme"]:
            portal.switch(int(words[1]))

    reader = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    reader.activated.connect(on_line)
    say("ready")
    app.exec()


if __name__ == "__main__":
    main()
