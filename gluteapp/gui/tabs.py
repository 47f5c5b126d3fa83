"""Tab widgets whose tabs leave room above the text for capital accents ("Übungen")."""

from __future__ import annotations

from PySide6.QtCore import QSize
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
