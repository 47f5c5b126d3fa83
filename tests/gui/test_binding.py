"""Guards the Qt binding itself: PySide6 6.12.0 on Python 3.11 leaked a reference to None on
every call that returns nothing, and crashed the interpreter after about ten thousand label
updates, which a forty-minute session easily makes. This keeps a broken build from returning."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_widget_calls_do_not_leak_references_to_none(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for number in range(20_000):
        label.setText(str(number))
        label.update()
    drift = sys.getrefcount(None) - before
    # Unrelated code may hold a few more references; a leak here would be about -40000.
    assert abs(drift) < 100
