"""GUI test fixtures: offscreen Qt, a fresh data folder, and no timer left running."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


@pytest.fixture(autouse=True)
def _no_dangling_timers(qapp: QApplication):
    """A test that leaves an active QTimer behind fails (the way napari checks it)."""
    yield
    QApplication.processEvents()
    live = [t for t in qapp.findChildren(QTimer) if t.isActive()]
    for widget in QApplication.topLevelWidgets():
        live += [t for t in widget.findChildren(QTimer) if t.isActive()]
        widget.close()
        widget.deleteLater()
    QApplication.processEvents()
    assert not live, f"QTimers still running after the test: {[t.objectName() for t in live]}"
