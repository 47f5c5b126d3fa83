"""Tab widgets whose tabs leave room above the text for capital accents ("Übungen")."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QTabBar, QTabWidget, QWidget

#: Pixels added to a tab's height. Fusion draws a tab that is not selected lower and clips its
#: text to what is left: the dots of a capital "Ü" were cut off ("Ubungen").
ACCENT_ROOM_PX = 4


class RoomyTabBar(QTabBar):
    """A tab bar a few pixels taller than the style asks, whatever the style."""

    def tabSizeHint(self, index: int) -> QSize:  # noqa: N802 - Qt override
        size = super().tabSizeHint(index)
        return QSize(size.width(), size.height() + ACCENT_ROOM_PX)


class RoomyTabWidget(QTabWidget):
    """A QTabWidget with a RoomyTabBar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabBar(RoomyTabBar(self))

    def switch_keys_in(self, scope: QWidget) -> None:
        """Ctrl+Tab and Ctrl+Page Down show the next tab, Ctrl+Shift+Tab and Ctrl+Page Up the
        one before, wherever the focus is in `scope`: Qt's own keys work only with the focus
        inside the tabs, and went dead after a click on a button beside them."""
        keys = (
            (QKeySequence.keyBindings(QKeySequence.StandardKey.NextChild), 1),
            ([QKeySequence("Ctrl+PgDown")], 1),
            (QKeySequence.keyBindings(QKeySequence.StandardKey.PreviousChild), -1),
            # X11 says Ctrl+Shift+Tab as "Backtab" with Shift, and matches it to this only.
            ([QKeySequence("Ctrl+Shift+Tab"), QKeySequence("Ctrl+PgUp")], -1),
        )
        for sequences, step in keys:
            shortcut = QShortcut(scope)
            shortcut.setKeys(sequences)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self.show_next(step))

    def show_next(self, step: int) -> None:
        """Show the tab `step` places on (-1: the one before), round from the last to the first
        and back, passing over tabs that are turned off."""
        count = self.count()
        index = self.currentIndex()
        for _ in range(count):
            index = (index + step) % count
            if self.isTabEnabled(index) and self.isTabVisible(index):
                self.setCurrentIndex(index)
                return
