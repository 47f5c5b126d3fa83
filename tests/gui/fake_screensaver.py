"""A stand-in org.freedesktop.ScreenSaver service on a private bus, for the keep-awake test.

Prints 'ready', then a line 'inhibit APP REASON' for each call it receives.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, Slot
from PySide6.QtDBus import QDBusConnection


@ClassInfo({"D-Bus Interface": "org.freedesktop.ScreenSaver"})
class ScreenSaver(QObject):
    @Slot(str, str, result="uint")
    def Inhibit(self, app: str, reason: str) -> int:  # noqa: N802 - the D-Bus method name
        print(f"inhibit {app} {reason}", flush=True)
        return 4242


def main() -> None:
    app = QCoreApplication(sys.argv[:1])
    bus = QDBusConnection.connectToBus(sys.argv[1], "fake-screensaver")
    service = ScreenSaver()
    assert bus.registerService("org.freedesktop.ScreenSaver")
    assert bus.registerObject("/org/freedesktop/ScreenSaver", service,
                              QDBusConnection.RegisterOption.ExportAllSlots)
    print("ready", flush=True)
    app.exec()


if __name__ == "__main__":
    main()
