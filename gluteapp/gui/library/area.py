"""The Library area of the main window: its search box at once, the whole view a moment later.

The first paint of the window needs only the tabs and the search box, which cost next to
nothing; the exercise list, the filters, the detail pane and the body diagram need the library
loaded and a few dozen widgets built. `LibraryArea` shows the first and builds the second when
`view()` is first called: at start-up one event-loop turn after the first paint, or at once
where nothing waits for a paint (a screenshot, a test). Whatever was typed meanwhile is kept.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLineEdit, QSplitter, QVBoxLayout, QWidget

from gluteapp.gui.tabs import RoomyTabWidget

if TYPE_CHECKING:  # the view, the library and msgspec load when the view is built
    from gluteapp.gui.library.view import LibraryView


def left_width(total: int, minimum: int) -> int:
    """The width of the list column that LibraryView gives itself until the user drags it."""
    return max(minimum, min(380, round(total * 0.3)))


class LibraryShell(QWidget):
    """The library's tabs and search box where the view has them, and nothing else yet."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("library_shell")
        # The view's own translation context: the shell shows exactly the view's words.
        translate = QCoreApplication.translate
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(
            translate("LibraryView", "Search exercises, muscles, equipment…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName(translate("LibraryView", "Search exercises"))
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(10, 10, 8, 10)
        column.addWidget(self.search_edit)
        column.addStretch(1)
        self.tabs = RoomyTabWidget()  # as the view's, so nothing moves when the view arrives
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(page, translate("LibraryView", "Exercises"))
        self.tabs.addTab(QWidget(), translate("LibraryView", "Learn"))
        self.tabs.setMinimumWidth(290)
        self.splitter = QSplitter()
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(QWidget())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.setFocusProxy(self.search_edit)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        width = event.size().width()
        if width > 0:
            left = left_width(width, self.tabs.minimumWidth())
            self.splitter.setSizes([left, max(1, width - left)])


class LibraryArea(QWidget):
    """Holds the library view, and the shell until the view is built."""

    view_built = Signal()

    def __init__(
        self, build_view: Callable[[], LibraryView], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("library_area")
        self._build_view = build_view
        self._view: LibraryView | None = None
        self.shell: LibraryShell | None = LibraryShell()
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.shell)
        self.setFocusProxy(self.shell)

    @property
    def is_built(self) -> bool:
        return self._view is not None

    def view(self) -> LibraryView:
        """The library view, built now (replacing the shell) if it was not built yet."""
        if self._view is None:
            view = self._build_view()
            shell = self.shell
            assert shell is not None
            text = shell.search_edit.text()
            if text:
                view.search_edit.setText(text)
                view.search_edit.setCursorPosition(shell.search_edit.cursorPosition())
            view.tabs.setCurrentIndex(shell.tabs.currentIndex())
            had_focus = shell.search_edit.hasFocus()
            # The shell leaves the layout before the view joins it, and the layout is applied
            # at once: sharing the area with the shell, the view was laid out below it (458 of
            # 800 pixels), painted so, then laid out and painted again at its full height.
            self._layout.removeWidget(shell)
            shell.hide()
            self._layout.addWidget(view)
            self.setFocusProxy(view)
            if self.isVisible():
                view.show()
                self._layout.activate()
            if had_focus:
                view.search_edit.setFocus()
            shell.deleteLater()
            self.shell = None
            self._view = view
            self.view_built.emit()
        return self._view
