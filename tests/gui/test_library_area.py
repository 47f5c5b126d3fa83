"""The Library area: its search box first, the whole view one turn after the first paint."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QImage, QResizeEvent
from PySide6.QtWidgets import QApplication

from gluteapp.app import Gluteapp
from gluteapp.core.assets import builtin_library
from gluteapp.core.paths import ensure_writable, resolve_paths
from gluteapp.gui.library.area import LibraryArea, LibraryShell
from gluteapp.gui.library.view import LibraryView
from gluteapp.launch import StartupOptions


def make_view() -> LibraryView:
    return LibraryView(builtin_library(), pages=[])


@pytest.fixture
def built() -> list[LibraryView]:
    """Every view the area under test built."""
    return []


@pytest.fixture
def area(qtbot, built: list[LibraryView]) -> LibraryArea:
    def build() -> LibraryView:
        built.append(make_view())
        return built[-1]

    widget = LibraryArea(build)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_shell_shows_only_the_search_box_until_the_view_is_asked_for(
    area: LibraryArea, built: list[LibraryView]
) -> None:
    assert not area.is_built
    assert isinstance(area.shell, LibraryShell)
    assert area.shell.search_edit.isVisible()
    assert area.findChildren(LibraryView) == []
    assert built == []


def test_the_view_replaces_the_shell_once_and_keeps_what_was_typed(
    qtbot, area: LibraryArea, built: list[LibraryView]
) -> None:
    shell = area.shell
    assert shell is not None
    shell.search_edit.setFocus()
    qtbot.keyClicks(shell.search_edit, "bridge")
    shell.search_edit.setCursorPosition(3)
    with qtbot.waitSignal(area.view_built):
        view = area.view()
        shell_hidden = shell.isHidden()
    assert area.view() is view
    assert built == [view]
    assert area.is_built
    assert area.shell is None
    assert shell_hidden
    assert view.isVisible()
    assert view.search_edit.text() == "bridge"
    assert view.search_edit.cursorPosition() == 3
    assert view.search_edit.hasFocus()
    # The search applies: only the bridges are listed, not all of the library.
    assert 0 < view.proxy.rowCount() < len(builtin_library())


def test_a_tab_chosen_in_the_shell_is_the_tab_the_view_opens_on(area: LibraryArea) -> None:
    assert area.shell is not None
    area.shell.tabs.setCurrentIndex(LibraryView.LEARN_TAB)
    assert area.view().tabs.currentIndex() == LibraryView.LEARN_TAB


@pytest.mark.parametrize("size", [(1280, 800), (800, 600)])
def test_the_search_box_does_not_move_when_the_view_arrives(
    qtbot, size: tuple[int, int]
) -> None:
    area = LibraryArea(make_view)
    qtbot.addWidget(area)
    area.resize(*size)
    area.show()
    qtbot.waitExposed(area)
    assert area.shell is not None
    edit = area.shell.search_edit
    before = (edit.mapTo(area, QPoint(0, 0)), edit.height())
    view = area.view()
    QApplication.processEvents()
    after = (view.search_edit.mapTo(area, QPoint(0, 0)), view.search_edit.height())
    assert before == after


class Sizes(QObject):
    """The sizes a widget is given, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[int, int]] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if isinstance(event, QResizeEvent):
            self.seen.append((event.size().width(), event.size().height()))
        return False


def test_the_view_arrives_laid_out_at_its_full_size(qtbot) -> None:
    """Laid out beside the shell it replaced, the view took 485 of 800 pixels, was painted so,
    then laid out (its detail's wrapped text measured again) and painted at its full height."""
    sizes = Sizes()

    def build() -> LibraryView:
        view = make_view()
        view.detail.installEventFilter(sizes)
        return view

    area = LibraryArea(build)
    qtbot.addWidget(area)
    area.resize(1280, 800)
    area.show()
    qtbot.waitExposed(area)
    view = area.view()
    assert view.geometry() == area.rect()  # at once, before any event is processed
    QApplication.processEvents()
    assert view.geometry() == area.rect()
    assert len(sizes.seen) == 1
    assert sizes.seen[0][1] > 700


def _start(qapp: QApplication, tmp_path: Path, **options: object) -> Gluteapp:
    data = tmp_path / "data"
    paths = resolve_paths(data)
    ensure_writable(paths)
    app = Gluteapp(qapp, paths, StartupOptions(data_dir=data, skip_first_run=True,
                                               **options))  # type: ignore[arg-type]
    assert app.start() is None
    return app


def test_a_screenshot_start_builds_the_whole_library_before_anything_is_shown(
    qapp: QApplication, tmp_path: Path
) -> None:
    app = _start(qapp, tmp_path, screenshot=tmp_path / "shot.png")
    try:
        assert app.window is not None
        area = app.window.page("library")
        assert isinstance(area, LibraryArea)
        assert area.is_built
        assert area.view().proxy.rowCount() == len(builtin_library())
    finally:
        app.shutdown()
        if app.window is not None:
            app.window.close()


def test_a_plain_start_fills_the_library_right_after_the_first_paint(
    qtbot, qapp: QApplication, tmp_path: Path
) -> None:
    app = _start(qapp, tmp_path)
    try:
        assert app.window is not None
        area = app.window.page("library")
        assert isinstance(area, LibraryArea)
        assert not area.is_built
        assert app._history is None
        assert app.reminders is None
        with qtbot.waitSignal(area.view_built):
            pass  # the window was shown by start(); its first paint sets the rest going
        view = area.view()
        assert view.proxy.rowCount() == len(builtin_library())
        assert view.current_exercise is not None  # the detail pane shows the first exercise
        qtbot.waitUntil(lambda: app._history is not None and app.reminders is not None)
        assert (tmp_path / "data" / "cache").is_dir()  # the library's validated copy
    finally:
        if app.reminders is not None:
            app.reminders.shutdown()
        app.shutdown()
        if app.window is not None:
            app.window.close()


FIRST_PAINT = """
import json, os, sys, tempfile
from pathlib import Path
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication
from gluteapp.app import Gluteapp
from gluteapp.launch import StartupOptions
from gluteapp.core.paths import ensure_writable, resolve_paths
qt = QApplication([])
data = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp())
paths = resolve_paths(data)
ensure_writable(paths)
app = Gluteapp(qt, paths, StartupOptions(data_dir=data, skip_first_run=True))
seen = {}
def painted():
    seen["at_first_paint"] = sorted(sys.modules)
def built():
    seen["library_rows"] = app.window.page("library").view().proxy.rowCount()
    seen["at_library_built"] = sorted(sys.modules)
    qt.quit()
assert app.start() is None
app.window.first_painted.connect(painted)
app.window.page("library").view_built.connect(built)
qt.exec()
app.shutdown()
print(json.dumps(seen))
"""


def test_the_first_paint_needs_neither_the_library_nor_its_view() -> None:
    ran = subprocess.run([sys.executable, "-c", FIRST_PAINT], capture_output=True, text=True)
    assert ran.returncode == 0, ran.stderr
    seen = json.loads(ran.stdout.strip().splitlines()[-1])
    loaded = set(seen["at_first_paint"])
    # msgspec itself is loaded: the records (settings, paths, sessions) are its Structs. The
    # library's schema, its TOML and its view are not.
    for module in ("tomllib", "gluteapp.core.exercises", "gluteapp.gui.library.view",
                   "gluteapp.gui.library.detail", "gluteapp.gui.reminders", "gluteapp.gui.style",
                   "logging.handlers", "sqlite_utils"):
        assert module not in loaded, f"{module} was loaded before the first paint"
    assert "gluteapp.gui.library.area" in loaded  # the shell was what got painted
    assert seen["library_rows"] == len(builtin_library())


def test_a_start_with_the_librarys_copy_reads_no_toml(tmp_path: Path) -> None:
    """The first start reads the library's TOML and keeps a validated copy; the next ones
    paint the library from that copy without loading a TOML parser or difflib at all."""
    seen = []
    for _ in range(2):
        ran = subprocess.run([sys.executable, "-c", FIRST_PAINT, str(tmp_path)],
                             capture_output=True, text=True)
        assert ran.returncode == 0, ran.stderr
        seen.append(json.loads(ran.stdout.strip().splitlines()[-1]))
    assert "tomllib" in seen[0]["at_library_built"]  # the copy was made from the TOML
    assert list((tmp_path / "cache").glob("library-*.msgpack"))
    for module in ("tomllib", "difflib"):
        assert module not in seen[1]["at_library_built"], f"{module} loaded with a copy"
    assert seen[1]["library_rows"] == seen[0]["library_rows"] == len(builtin_library())


def test_the_shell_speaks_the_views_words() -> None:
    shell = LibraryShell()
    view = make_view()
    try:
        assert shell.search_edit.placeholderText() == view.search_edit.placeholderText()
        assert shell.search_edit.accessibleName() == view.search_edit.accessibleName()
        assert [shell.tabs.tabText(i) for i in range(shell.tabs.count())] == [
            view.tabs.tabText(i) for i in range(view.tabs.count())]
    finally:
        shell.deleteLater()
        view.deleteLater()


def test_the_shell_passes_focus_to_its_search_box(qtbot) -> None:
    area = LibraryArea(make_view)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    area.setFocus(Qt.FocusReason.OtherFocusReason)
    assert area.shell is not None
    qtbot.waitUntil(area.shell.search_edit.hasFocus)


SCREENSHOT = """
import json, sys
from gluteapp.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def test_a_screenshot_of_a_folder_without_a_history_loads_no_storage(tmp_path: Path) -> None:
    data, target = tmp_path / "data", tmp_path / "library.png"
    ran = subprocess.run([sys.executable, "-c", SCREENSHOT, "--data-dir", str(data),
                          "--skip-first-run", "--screenshot", str(target), "--view", "library"],
                         capture_output=True, text=True)
    assert ran.returncode == 0, ran.stderr
    seen = json.loads(ran.stdout.strip().splitlines()[-1])
    assert seen["code"] == 0
    loaded = set(seen["modules"])
    # Nothing to offer or report: neither the history's code nor sqlite-utils is loaded, not
    # even when the window closes, and the folder is left without a history.
    for module in ("sqlite_utils", "gluteapp.storage", "gluteapp.gui.history_service",
                   "PySide6.QtNetwork"):
        assert module not in loaded, f"{module} was loaded for the screenshot"
    assert "gluteapp.gui.library.view" in loaded  # the library was what got painted
    assert not (data / "history.db").exists()
    assert QImage(str(target)).width() == 1280
