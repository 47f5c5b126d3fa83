"""GUI test fixtures: offscreen Qt, a fresh data folder, and no timer left running."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from gluteapp.app import Gluteapp
from gluteapp.core.paths import ensure_writable, resolve_paths
from gluteapp.gui.audio import AudioService, VisualBackend
from gluteapp.gui.i18n import install_plural_forms, install_translator
from gluteapp.gui.player.cue_player import CuePlayer
from gluteapp.launch import StartupOptions


@pytest.fixture(autouse=True, scope="session")
def _english_plural_forms(qapp: QApplication) -> None:
    """"1 set", not "1 sets": the English forms of "%n sets", as the app installs them."""
    install_plural_forms(qapp)


@pytest.fixture(autouse=True)
def _no_dangling_timers(qapp: QApplication):
    """A test that leaves an active QTimer behind fails (the way napari checks it)."""
    yield
    QApplication.processEvents()
    live = [t for t in qapp.findChildren(QTimer) if t.isActive()]
    for widget in QApplication.topLevelWidgets():
        live += [t for t in widget.findChildren(QTimer) if t.isActive()]
        if widget.isVisible():  # pyqtgraph's PlotWidget cannot be closed twice
            widget.close()
        widget.deleteLater()
    QApplication.processEvents()
    assert not live, f"QTimers still running after the test: {[t.objectName() for t in live]}"


@pytest.fixture(autouse=True)
def _history_views_outlive_the_test(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A History view given to qtbot stays alive until pytest-qt has closed it.

    pytest-qt holds widgets weakly. A shown History view whose Python object was kept only by
    a cycle (signals to its own methods) was freed by a garbage collection that happened to run
    inside its own repaint, as pytest-qt processed events after the test: Qt destroyed the
    widget it was painting ("Cannot destroy paint device that is being painted") and the
    process died. Kept, it is closed first, which empties its charts (HistoryView.closeEvent),
    the way the app's window lets it go. In the app every view has a parent that owns it.
    """
    from gluteapp.gui.history.view import HistoryView

    kept: list[QWidget] = []
    add_widget = QtBot.addWidget

    def keep(self: QtBot, widget: QWidget, *args: object, **kwargs: object) -> None:
        if isinstance(widget, HistoryView):
            kept.append(widget)
        add_widget(self, widget, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(QtBot, "addWidget", keep)
    yield
    kept.clear()  # pytest-qt has closed them by now


StartApp = Callable[..., Gluteapp]


@pytest.fixture
def start_app(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[StartApp]:
    """Build and start Gluteapp the way `run()` does, minus the event loop and single instance."""
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)  # no screensaver to inhibit
    started: list[Gluteapp] = []

    def start(**options: object) -> Gluteapp:
        data = tmp_path / "data"
        paths = resolve_paths(data)
        ensure_writable(paths)
        # Cues flash instead of sounding, and no speech engine is probed.
        app = Gluteapp(qapp, paths, StartupOptions(data_dir=data, **options),  # type: ignore[arg-type]
                       audio=AudioService(VisualBackend("a test has no sound device")))
        assert app.start() is None
        started.append(app)
        settle()
        return app

    yield start
    for app in started:
        app.shutdown()  # ends a running session, which tells the reminders it ended
        if app.reminders is not None:
            app.reminders.shutdown()
        for cues in app.window.findChildren(CuePlayer):
            cues.stop()  # the cues of a session's end are still queued
        app.window.close()
    if started:  # an app started in German leaves no German behind for the next test
        install_translator(qapp, "en")


@contextmanager
def in_language(qapp: QApplication, language: str) -> Iterator[None]:
    """The app's words in `language` for the block; English and the locale as they were after."""
    default = QLocale()
    install_translator(qapp, language)
    try:
        yield
    finally:
        install_translator(qapp, "en")
        QLocale.setDefault(default)


def settle() -> None:
    """Let queued calls and repaints run."""
    for _ in range(5):
        QApplication.processEvents()
