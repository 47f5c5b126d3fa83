"""The main window: a navigation rail over the three areas, each built when first opened."""

from __future__ import annotations

import logging
from collections.abc import Callable

from msgspec import Struct
from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QFont,
    QIcon,
    QKeySequence,
    QPaintEvent,
    QPalette,
    QShortcut,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)


class Area(Struct, frozen=True):
    key: str
    title: str
    icon: QIcon
    factory: Callable[[], QWidget]


class MainWindow(QMainWindow):
    """Library, Sessions and History, one visible at a time."""

    area_changed = Signal(str)
    first_painted = Signal()  # once: deferred start-up work waits for it
    settings_requested = Signal()
    close_requested = Signal(QCloseEvent)
    closed = Signal()  # the close was accepted: the window and its areas are going away

    def __init__(self, areas: list[Area], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Gluteapp"))
        self.setMinimumSize(QSize(760, 560))
        self._areas = areas
        self._pages: dict[str, QWidget] = {}
        self._painted = False

        self._nav = QListWidget()
        self._nav.setObjectName("area_nav")
        self._nav.setAccessibleName(self.tr("Areas"))
        self._nav.setViewMode(QListWidget.ViewMode.IconMode)
        self._nav.setFlow(QListWidget.Flow.TopToBottom)
        self._nav.setMovement(QListWidget.Movement.Static)
        self._nav.setIconSize(QSize(32, 32))
        self._nav.setGridSize(QSize(96, 76))
        self._nav.setSpacing(4)
        self._nav.setFrameShape(QListWidget.Shape.NoFrame)
        nav_font = QFont(self._nav.font())
        nav_font.setPointSizeF(nav_font.pointSizeF() * 1.05)
        self._nav.setFont(nav_font)

        self._stack = QStackedWidget()
        for index, area in enumerate(areas):
            item = QListWidgetItem(area.icon, area.title)
            item.setData(Qt.ItemDataRole.UserRole, area.key)
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            item.setToolTip(self.tr("{0} (Ctrl+{1})").format(area.title, index + 1))
            self._nav.addItem(item)
            holder = QWidget()
            holder.setObjectName(f"area_{area.key}")
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self._stack.addWidget(holder)
            shortcut = QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self)
            shortcut.activated.connect(lambda key=area.key: self.show_area(key))

        self._settings_button = QPushButton(self.tr("Settings"))
        self._settings_button.setObjectName("settings_button")
        self._settings_button.setAccessibleName(self.tr("Open the settings"))
        self._settings_button.setFlat(True)
        self._settings_button.clicked.connect(self.settings_requested)
        self._rail = QWidget()
        self._rail.setObjectName("navigation_rail")
        self._style_rail()
        rail = QVBoxLayout(self._rail)
        rail.setContentsMargins(0, 0, 0, 8)
        rail.addWidget(self._nav, 1)
        rail.addWidget(self._settings_button)
        self._rail.setFixedWidth(104)
        self._banners = QVBoxLayout()
        self._banners.setContentsMargins(0, 0, 0, 0)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(0)
        right.addLayout(self._banners)
        right.addWidget(self._stack, 1)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._rail)
        layout.addLayout(right, 1)
        self.setCentralWidget(central)

        self._status = QLabel()
        self._status.setObjectName("status_message")
        self.statusBar().addPermanentWidget(self._status)

        self._nav.currentRowChanged.connect(self._on_row_changed)
        if areas:
            self._nav.setCurrentRow(0)

    # --- areas -----------------------------------------------------------------------------
    def area_keys(self) -> list[str]:
        return [a.key for a in self._areas]

    def current_area(self) -> str:
        return self._areas[self._stack.currentIndex()].key

    def page(self, key: str) -> QWidget:
        """The widget of an area, building it if it was never opened."""
        if key not in self._pages:
            index = self.area_keys().index(key)
            area = self._areas[index]
            log.debug("building area %s", key)
            widget = area.factory()
            holder = self._stack.widget(index)
            layout = holder.layout() if holder is not None else None
            assert layout is not None
            layout.addWidget(widget)
            self._pages[key] = widget
        return self._pages[key]

    def built_areas(self) -> list[str]:
        return list(self._pages)

    def show_area(self, key: str) -> QWidget:
        index = self.area_keys().index(key)
        if self._nav.currentRow() != index:
            self._nav.setCurrentRow(index)
        return self.page(key)

    def _on_row_changed(self, row: int) -> None:
        if row < 0:
            return
        key = self._areas[row].key
        self.page(key)
        self._stack.setCurrentIndex(row)
        self.area_changed.emit(key)

    # --- status ----------------------------------------------------------------------------
    def show_status(self, text: str, timeout_ms: int = 0) -> None:
        if timeout_ms:
            self.statusBar().showMessage(text, timeout_ms)
        else:
            self._status.setText(text)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    def bring_to_front(self) -> None:
        """Raise the window over others (another start of the program asked for it)."""
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized
                            | Qt.WindowState.WindowActive)
        self.show()
        self.raise_()
        self.activateWindow()

    def add_banner(self, banner: QWidget) -> None:
        """A strip above the areas, such as the sitting reminder."""
        self._banners.addWidget(banner)

    def _style_rail(self) -> None:
        """Colour the rail from the current palette; again whenever the theme changes.

        A style sheet's `palette(base)` is resolved once, when it is set: written that way,
        the rail stayed white (and its selected label unreadable) after a switch to dark.
        """
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base).name()
        text = palette.color(QPalette.ColorRole.Text).name()
        nav = (
            f"QListWidget#area_nav {{ background: {base}; color: {text}; }}"
            "QListWidget#area_nav::item { border-radius: 8px; padding: 4px; }"
            "QListWidget#area_nav::item:selected { background: rgba(58, 143, 122, 0.22);"
            f" color: {text}; }}"
        )
        highlight = palette.color(QPalette.ColorRole.Highlight).name()
        # The flat Settings button showed no focus at all: Tab from the areas landed on nothing
        # to be seen.
        rail = (f"QWidget#navigation_rail {{ background: {base}; }}"
                "QPushButton#settings_button { border: 2px solid transparent;"
                " border-radius: 6px; padding: 4px; background: transparent; }"
                f"QPushButton#settings_button:focus {{ border-color: {highlight};"
                " outline: none; }")
        if self._nav.styleSheet() != nav:
            self._nav.setStyleSheet(nav)
        if self._rail.styleSheet() != rail:
            self._rail.setStyleSheet(rail)

    def set_focus_mode(self, on: bool) -> None:
        """Full screen for a session: only the current area, no navigation or status bar."""
        self._rail.setVisible(not on)
        self.statusBar().setVisible(not on)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.WindowStateChange:
            self.set_focus_mode(self.isFullScreen())
        super().changeEvent(event)
        palette_changed = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)
        if event.type() in palette_changed and hasattr(self, "_rail"):  # not mid-__init__
            self._style_rail()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.close_requested.emit(event)
        if event.isAccepted():
            super().closeEvent(event)
            self.closed.emit()
