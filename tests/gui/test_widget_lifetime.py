"""A window given to qtbot lives until pytest-qt closes it, even if only a cycle holds it."""

from __future__ import annotations

import gc
import weakref

from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot


class Looped(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.label = QLabel("held by a cycle", self)
        self.me = self  # as a view's signals to its own methods hold it


def test_a_window_held_only_by_a_cycle_is_not_collected_mid_test(qtbot: QtBot) -> None:
    window = Looped()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    kept = weakref.ref(window)
    del window
    gc.collect()  # as a collection may run inside a repaint after the test body
    alive = kept()
    assert alive is not None  # without tests/gui/conftest.py's fixture: None, the window gone
    assert alive.isVisible()
