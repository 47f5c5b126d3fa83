"""An exception in a slot: logged with its traceback, told in plain words, and the app goes on."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from gluteapp.gui.errors import ErrorReporter, no_display_problem, no_window_message


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "logs" / "gluteapp.log"
    path.parent.mkdir()
    handler = logging.FileHandler(path, encoding="utf-8")
    logger = logging.getLogger("gluteapp")
    logger.addHandler(handler)
    yield path
    logger.removeHandler(handler)
    handler.close()


@pytest.fixture
def reporter(qapp: QApplication, log_file: Path,
             monkeypatch: pytest.MonkeyPatch) -> Iterator[ErrorReporter]:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    made = ErrorReporter(log_file, headless=False)
    made.install()
    yield made
    if made.box is not None:
        made.box.close()
        made.box.deleteLater()


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_logged_and_said_without_a_traceback(
        qtbot: QtBot, reporter: ErrorReporter, log_file: Path) -> None:
    button = QPushButton("History")
    qtbot.addWidget(button)
    button.show()
    ran_after: list[str] = []

    def open_history() -> None:
        raise ModuleNotFoundError("No module named 'PySide6.QtOpenGL'")

    button.clicked.connect(open_history)
    button.clicked.connect(lambda: ran_after.append("next slot"))
    button.click()
    assert ran_after == ["next slot"], "the program went on"

    log = log_file.read_text(encoding="utf-8")
    assert "unhandled exception" in log
    assert "Traceback (most recent call last)" in log
    assert "in open_history" in log
    box = reporter.box
    assert box is not None
    assert box.isVisible()
    assert not box.isModal()
    assert box.windowModality() == Qt.WindowModality.NonModal
    assert box.icon() == QMessageBox.Icon.Warning
    assert str(log_file) in box.text()
    assert "No module named 'PySide6.QtOpenGL'" in box.informativeText()
    for shown in (box.text(), box.informativeText()):
        assert "Traceback" not in shown
        assert "File \"" not in shown

    button.click()  # a second time: the same message, counting, never a pile of windows
    assert reporter.box is box
    assert "happened 2 times" in box.text()
    messages = [w for w in QApplication.topLevelWidgets()
                if isinstance(w, QMessageBox) and w.isVisible()]
    assert messages == [box]


def test_no_display_is_said_before_qt_aborts() -> None:
    assert no_display_problem({}, "linux") is not None
    assert no_display_problem({"DISPLAY": ":0"}, "linux") is None
    assert no_display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert no_display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert no_display_problem({}, "win32") is None
    assert no_display_problem({}, "darwin") is None


def test_why_no_window_opens_is_said_plainly() -> None:
    unreachable = no_window_message(["could not connect to display :5",
                                     "From 6.5.0, xcb-cursor0 or libxcb-cursor0 is needed"])
    assert "':5' cannot be reached" in unreachable
    missing_library = no_window_message(
        ["From 6.5.0, xcb-cursor0 or libxcb-cursor0 is needed to load the Qt xcb plugin."])
    assert "libxcb-cursor0" in missing_library
    assert "cannot be reached" not in missing_library
