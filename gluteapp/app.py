"""The composition root: paths, settings, data, services and the main window, wired together."""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from gluteapp import __version__
from gluteapp.core.paths import AppPaths, DataDirError, ensure_writable, resolve_paths
from gluteapp.gui.main_window import Area, MainWindow
from gluteapp.gui.settings import Settings
from gluteapp.gui.single_instance import InstanceServer, hand_over, server_name

log = logging.getLogger("gluteapp")


def configure_logging(paths: AppPaths) -> None:
    handler = logging.handlers.RotatingFileHandler(
        paths.logs / "gluteapp.log", maxBytes=512_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


@dataclass
class StartupOptions:
    data_dir: Path | None = None
    screenshot: Path | None = None
    view: str | None = None
    size: tuple[int, int] | None = None
    routine: str | None = None
    autostart: bool = False
    skip_first_run: bool = False
    extra: dict[str, object] = field(default_factory=dict)

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> StartupOptions:
        return cls(
            data_dir=args.data_dir,
            screenshot=args.screenshot,
            view=args.view,
            size=args.size,
            routine=args.routine,
            autostart=args.autostart,
            skip_first_run=args.skip_first_run,
        )


def _fatal(message: str, headless: bool) -> int:
    """Say why the app cannot start, in a dialog when there is a screen, always on stderr."""
    print(f"gluteapp: {message}", file=sys.stderr)
    if not headless:
        QApplication.instance() or QApplication(sys.argv[:1])
        QMessageBox.critical(None, "Gluteapp cannot start", message)
    return 1


def run_gui(args: argparse.Namespace) -> int:
    return run(StartupOptions.from_args(args))


def run(options: StartupOptions) -> int:
    headless = options.screenshot is not None
    if headless:
        # A screenshot must work on a machine with no display.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    paths = resolve_paths(options.data_dir)
    try:
        ensure_writable(paths)
    except DataDirError as error:
        return _fatal(str(error), headless)
    configure_logging(paths)
    log.info("gluteapp %s starting, data folder %s", __version__, paths.data_dir)

    qt_app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(qt_app, QApplication)
    instance: InstanceServer | None = None
    if not headless:
        name = server_name(paths.data_dir)
        if hand_over(name):
            print("gluteapp: already running with this data folder; brought it to the front.")
            return 0
        instance = InstanceServer(name, qt_app)
        instance.listen()
    app = Gluteapp(qt_app, paths, options)
    problem = app.start()
    if instance is not None and app.window is not None:
        instance.activation_requested.connect(app.bring_to_front)
    if problem:
        return _fatal(problem, headless)
    if options.screenshot is not None:
        return app.take_screenshot(options.screenshot)
    return qt_app.exec()


class Gluteapp:
    """Owns the services and the main window for one run of the program."""

    def __init__(self, qt_app: QApplication, paths: AppPaths, options: StartupOptions) -> None:
        self.qt_app = qt_app
        self.paths = paths
        self.options = options
        self.window: MainWindow | None = None
        self.settings: Settings | None = None

    def start(self) -> str | None:
        """Build everything the first window needs; return a message if the app cannot run."""
        from gluteapp.core.assets import builtin_library
        from gluteapp.core.exercises import LibraryError
        from gluteapp.gui import resources
        from gluteapp.gui.settings import FIRST_RUN_DONE, Settings

        QCoreApplication.setApplicationName("Gluteapp")
        QCoreApplication.setOrganizationName("Gluteapp")
        QCoreApplication.setApplicationVersion(__version__)
        self.qt_app.setWindowIcon(resources.icon("app.svg"))
        self.settings = Settings(self.paths.settings)
        if self.options.skip_first_run:
            self.settings.set(FIRST_RUN_DONE, True)
        try:
            self.library = builtin_library()
        except (LibraryError, FileNotFoundError) as error:
            return f"The exercise library could not be loaded: {error}"
        self.window = self._build_window()
        start_view = self.options.view or ("sessions" if self.options.routine else "library")
        self.window.show_area(start_view)
        size = self.options.size or (1280, 800)
        self.window.resize(QSize(*size))
        if self.options.screenshot is None:
            self.window.show()
            if not self.settings.get(FIRST_RUN_DONE) and not self.options.autostart:
                QTimer.singleShot(0, self.window, self._first_run)
        return None

    def _build_window(self) -> MainWindow:
        from gluteapp.gui import resources

        areas = [
            Area("library", QCoreApplication.translate("MainWindow", "Library"),
                 resources.icon("library.svg"), self._build_library),
            Area("sessions", QCoreApplication.translate("MainWindow", "Sessions"),
                 resources.icon("sessions.svg"), self._build_sessions),
            Area("history", QCoreApplication.translate("MainWindow", "History"),
                 resources.icon("history.svg"), self._build_history),
        ]
        return MainWindow(areas)

    def _build_library(self) -> QWidget:
        from gluteapp.gui.library.view import LibraryView

        return LibraryView(self.library)

    def _build_sessions(self) -> QWidget:
        from gluteapp.gui.sessions_placeholder import SessionsPlaceholder

        return SessionsPlaceholder()

    def _build_history(self) -> QWidget:
        from gluteapp.gui.sessions_placeholder import HistoryPlaceholder

        return HistoryPlaceholder()

    def _first_run(self) -> None:
        from gluteapp.gui.first_run import DisclaimerDialog
        from gluteapp.gui.settings import FIRST_RUN_DONE

        assert self.window is not None and self.settings is not None
        dialog = DisclaimerDialog(self.window)
        if dialog.exec() == DisclaimerDialog.DialogCode.Accepted:
            self.settings.set(FIRST_RUN_DONE, True)
        else:
            self.window.close()

    def bring_to_front(self) -> None:
        if self.window is None:
            return
        self.window.setWindowState(
            self.window.windowState() & ~Qt.WindowState.WindowMinimized
            | Qt.WindowState.WindowActive
        )
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()

    def take_screenshot(self, target: Path) -> int:
        """Render the real main window offscreen to a PNG, without waiting for any input."""
        assert self.window is not None
        window = self.window
        window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        window.show()
        for _ in range(5):
            self.qt_app.processEvents()
        image = window.grab()
        target.parent.mkdir(parents=True, exist_ok=True)
        ok = image.save(str(target), "PNG")
        window.close()
        if not ok:
            print(f"gluteapp: could not write {target}", file=sys.stderr)
            return 1
        print(f"{target}: {image.width()}x{image.height()}")
        return 0
