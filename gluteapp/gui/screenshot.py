"""`--screenshot`: the real main window rendered offscreen to a PNG, with no input awaited."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget


def save_window(qt_app: QApplication, window: QWidget, target: Path) -> int:
    """Show the window offscreen, let it lay out and paint, save it; return an exit code."""
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    window.show()
    for _ in range(5):
        qt_app.processEvents()
    image = window.grab()
    target.parent.mkdir(parents=True, exist_ok=True)
    ok = image.save(str(target), "PNG")
    window.close()
    if not ok:
        print(f"gluteapp: could not write {target}", file=sys.stderr)
        return 1
    print(f"{target}: {image.width()}x{image.height()}")
    return 0
