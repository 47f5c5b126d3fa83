"""`--screenshot`: the real main window rendered offscreen to a PNG, with no input awaited."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

#: Qt's PNG quality, which sets zlib's level: at 70 the library's 1280x800 screenshot is written
#: in 40 ms as 180 KB, at the default in 64 ms as 191 KB (at 90, 32 ms but 3 MB).
PNG_QUALITY = 70


def save_window(qt_app: QApplication, window: QWidget, target: Path) -> int:
    """Show the window offscreen, let it lay out and paint, save it; return an exit code."""
    offscreen = QGuiApplication.platformName() == "offscreen"
    if not offscreen:  # a display was asked for (QT_QPA_PLATFORM): never flash a window on it
        window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    window.show()
    for _ in range(5):
        qt_app.processEvents()
    image = as_painted(window) if offscreen else window.grab()
    target.parent.mkdir(parents=True, exist_ok=True)
    ok = image.save(str(target), "PNG", PNG_QUALITY)
    window.close()
    if not ok:
        print(f"gluteapp: could not write {target}", file=sys.stderr)
        return 1
    print(f"{target}: {image.width()}x{image.height()}")
    return 0


def as_painted(window: QWidget) -> QPixmap:
    """The window as it was just painted: the offscreen platform keeps that picture, so it is
    copied (3-4 ms at 1280x800) instead of painted a second time by `grab` (25-35 ms)."""
    screen = window.screen()
    painted = screen.grabWindow(window.winId()) if screen is not None else QPixmap()
    return window.grab() if painted.isNull() else painted
