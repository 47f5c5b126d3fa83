"""Tab from the navigation rail: the next stop, the Settings button, shows that it has the focus.

(The other stops draw their focus with the platform's style, which the offscreen platform does
not show; the player's controls have their own frame, tested in test_player_keys.py.)"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from tests.gui.conftest import StartApp, settle
from tests.gui.test_player_keys import focus_frame_shows


@pytest.mark.parametrize("view", ["sessions", "library"])
def test_the_tab_stop_after_the_rail_shows_its_focus(start_app: StartApp, view: str) -> None:
    app = start_app(skip_first_run=True, view=view)
    window = app.window
    window.activateWindow()
    nav = window.findChild(QWidget, "area_nav")
    assert nav is not None
    nav.setFocus(Qt.FocusReason.TabFocusReason)
    settle()
    QTest.keyClick(nav, Qt.Key.Key_Tab)
    settle()
    focused = QApplication.focusWidget()
    assert focused is not None
    assert focused.objectName() == "settings_button"
    assert focus_frame_shows(focused)
