"""Ctrl+Tab and Ctrl+Page Down (and back) switch History's and the library's tabs wherever the
focus is in the view: Qt's own keys work only with the focus inside the tabs, so they went dead
after a click on a range, an export button or the exercise's page."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from gluteapp.core.assets import builtin_library
from gluteapp.core.stats import HistoryRange
from gluteapp.gui.history.view import HistoryView
from gluteapp.gui.history_service import HistoryService
from gluteapp.gui.library import LibraryView
from gluteapp.gui.tabs import RoomyTabWidget
from gluteapp.storage import HistoryStore, open_history
from gluteapp.storage.export import fill_demo_history

TODAY = date(2025, 9, 17)
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    fill_demo_history(tmp_path / "data", 0.2, seed=4, until=TODAY)
    opened = open_history(tmp_path / "data", daily_backup=False)
    yield opened
    opened.close(backup=False)


def shown(qtbot: QtBot, view: QWidget) -> None:
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)


def press(qtbot: QtBot, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key, modifiers)


def test_the_tab_keys_work_from_a_range_button_and_an_export_button(
    qtbot: QtBot, store: HistoryStore
) -> None:
    view = HistoryView(HistoryService(store), builtin_library(), 2, today=lambda: TODAY, tz=UTC)
    shown(qtbot, view)
    tabs = view.findChild(RoomyTabWidget, "history_tabs")
    assert tabs is not None
    assert tabs.currentIndex() == 0
    all_button = view.findChild(QPushButton, "range_all")
    assert all_button is not None
    qtbot.mouseClick(all_button, Qt.MouseButton.LeftButton)  # the focus is on the range now
    assert QApplication.focusWidget() is all_button
    assert view.history_range is HistoryRange.ALL
    steps = [
        (Qt.Key.Key_Tab, CTRL, 1),
        (Qt.Key.Key_PageDown, CTRL, 2),
        (Qt.Key.Key_Tab, CTRL, 0),  # round from the last to the first
        (Qt.Key.Key_Backtab, CTRL_SHIFT, 2),  # Ctrl+Shift+Tab: and back
        (Qt.Key.Key_PageUp, CTRL, 1),
        (Qt.Key.Key_Tab, CTRL_SHIFT, 0),  # Ctrl+Shift+Tab as X11 matches it
    ]
    for key, modifiers, expected in steps:
        press(qtbot, key, modifiers)
        assert tabs.currentIndex() == expected, (key, modifiers)
    assert QApplication.focusWidget() is all_button  # the keys did not take the focus
    export = view.findChild(QPushButton, "export_csv")
    assert export is not None
    export.setFocus()
    press(qtbot, Qt.Key.Key_PageUp, CTRL)  # round from the first to the last
    assert tabs.currentIndex() == 2
    # The tab shown is fed as when it is clicked: the list holds the range's sessions.
    assert view.sessions_model.total == len(view.stats.sessions) > 0


def test_the_tab_keys_work_from_the_exercise_page_in_the_library(qtbot: QtBot) -> None:
    view = LibraryView(builtin_library())
    shown(qtbot, view)
    view.detail.setFocus()
    assert QApplication.focusWidget() is view.detail
    assert view.tabs.currentIndex() == 0
    press(qtbot, Qt.Key.Key_Tab, CTRL)
    assert view.tabs.currentIndex() == 1
    press(qtbot, Qt.Key.Key_Backtab, CTRL_SHIFT)
    assert view.tabs.currentIndex() == 0


def test_the_next_tab_passes_over_a_tab_turned_off(qtbot: QtBot) -> None:
    tabs = RoomyTabWidget()
    qtbot.addWidget(tabs)
    for name in ("one", "two", "three"):
        tabs.addTab(QWidget(), name)
    tabs.setTabEnabled(1, False)
    tabs.show_next(1)
    assert tabs.currentIndex() == 2
    tabs.show_next(1)
    assert tabs.currentIndex() == 0
    tabs.show_next(-1)
    assert tabs.currentIndex() == 2
