"""The composition root: paths, settings, the history, services, the window, and their wiring."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from gluteapp import __version__
from gluteapp.gui.main_window import Area, MainWindow
from gluteapp.gui.startup_data import StartupError, load_library, open_history

if TYPE_CHECKING:  # the rest loads when the area that needs it first opens
    from gluteapp.core.exercises import Library
    from gluteapp.core.paths import AppPaths
    from gluteapp.core.routines import Routine
    from gluteapp.gui.audio import AudioService, AudioThread
    from gluteapp.gui.first_run_gate import FirstRunGate
    from gluteapp.gui.history.view import HistoryView
    from gluteapp.gui.history_service import HistoryService
    from gluteapp.gui.library.own_actions import OwnExerciseActions
    from gluteapp.gui.player.controller import SessionController
    from gluteapp.gui.player.sessions import SessionsView
    from gluteapp.gui.problem_banner import ProblemBanner
    from gluteapp.gui.reminders import ReminderService
    from gluteapp.gui.routine_catalog import RoutineCatalog
    from gluteapp.gui.settings import Settings
    from gluteapp.launch import StartupOptions

log = logging.getLogger("gluteapp")

#: The window's size where the screen has room for it, its title bar and borders.
DEFAULT_SIZE = QSize(1280, 800)
#: Room left for a window manager's frame: a title bar of up to some 40 px and thin borders.
FRAME_ALLOWANCE = QSize(16, 48)


class Gluteapp:
    """Owns the settings, the library, the history, the services and the window for one run."""

    def __init__(self, qt_app: QApplication, paths: AppPaths, options: StartupOptions,
                 audio: AudioService | AudioThread | None = None) -> None:
        self.qt_app = qt_app
        self._audio = audio  # tests and benchmarks bring their own; else made on first use
        self.paths = paths
        self.options = options
        self.headless = options.screenshot is not None
        self.window: MainWindow
        self.settings: Settings
        self.controller: SessionController
        self.catalog: RoutineCatalog
        self.problems: ProblemBanner  # what could not be saved, above every area
        self.sessions: SessionsView | None = None
        self.reminders: ReminderService | None = None
        self._history: HistoryService | None = None
        self._library: Library | None = None
        #: A plain start paints the window first and builds the library view a turn later.
        self._library_waits_for_paint = False
        self.first_run: FirstRunGate
        #: Set by `restart`: `run` starts the program again once this copy has quit.
        self.restart_wanted = False

    # --- start-up ---------------------------------------------------------------------------
    def start(self) -> str | None:
        """Build everything the first window needs; return a message if the app cannot run."""
        from gluteapp.gui import resources
        from gluteapp.gui.first_run_gate import FirstRunGate
        from gluteapp.gui.i18n import install_translator
        from gluteapp.gui.library.own_actions import install_own_actions
        from gluteapp.gui.player.controller import SessionController
        from gluteapp.gui.problem_banner import ProblemBanner
        from gluteapp.gui.routine_catalog import RoutineCatalog
        from gluteapp.gui.settings import FIRST_RUN_DONE, LANGUAGE, Settings
        from gluteapp.gui.theme import follow_theme_setting

        QCoreApplication.setApplicationName("Gluteapp")
        QCoreApplication.setOrganizationName("Gluteapp")
        QCoreApplication.setApplicationVersion(__version__)
        self.qt_app.setWindowIcon(resources.icon("app.svg"))
        self.settings = Settings(self.paths.settings)
        if self.options.skip_first_run:
            self.settings.set(FIRST_RUN_DONE, True)
        # Before any widget exists: widgets translate their text when they are built.
        # `--lang` chooses the language for this run only; the setting stays as it is.
        self._translators = install_translator(
            self.qt_app, self.options.language or self.settings.get(LANGUAGE))
        follow_theme_setting(self.qt_app, self.settings)
        self.problems = ProblemBanner()
        for not_used in self.settings.problems():  # a settings file or value that is not used
            log.warning("%s", not_used)
            self.problems.note(not_used)
        start_view = self.options.view or ("sessions" if self.options.routine else "library")
        # A plain start paints the window with the library's search box first; the library,
        # its view, the history and the reminders follow right after the first paint.
        plain_start = not (self.headless or self.options.routine or start_view != "library")
        self._library_waits_for_paint = plain_start
        if not plain_start:
            try:
                self.library  # noqa: B018 - loads it, or says why it cannot
                if self._history_to_show():
                    self.history  # noqa: B018
            except StartupError as error:
                return str(error)
        library, history = (lambda: self.library), (lambda: self.history)
        self.controller = SessionController(library, history, self.settings, self.paths.routines,
                                            self._sessions_view, self._audio, self.qt_app)
        self.catalog = RoutineCatalog(library, history, self.settings, self.paths.routines)
        self.own: OwnExerciseActions = install_own_actions(
            library, self.paths.routines, lambda: self._history, self.problems.note,
            self.reload_routines)
        self.window = self._build_window()
        self.window.add_banner(self.problems)
        # An interrupted session is offered above every area, whichever opens first.
        self.window.add_banner(self.controller.resume_banner())
        self.first_run = FirstRunGate(self.settings, self.window)
        self._wire()
        self.window.show_area(start_view)
        self.window.resize(QSize(*self.options.size) if self.options.size else self._first_size())
        if self._history is not None:
            self.controller.offer_resume()  # the history is open already
        routine = self.options.routine
        at_s = self.options.extra.get("at")
        if routine and self.headless and isinstance(at_s, int | float):
            # `--screenshot --routine --at`: the player that far in, on a still clock.
            if problem := self.controller.preview(routine, float(at_s),
                                                  bool(self.options.extra.get("paused"))):
                return problem
        elif routine and (problem := self.controller.open_routine(routine,
                                                                  self.options.autostart)):
            return problem
        if not self.headless:
            after_paint = self._finish_plain_start if plain_start else self._after_first_paint
            self.window.first_painted.connect(lambda: QTimer.singleShot(0, self.window,
                                                                        after_paint))
            if not plain_start:
                self._start_reminders()
            if self.options.size is None and self._screen_too_small():
                self.window.showMaximized()  # the window manager fits it, title bar and all
            else:
                self.window.show()
            self.first_run.ask(session_running=self.controller.running)
        return None

    def _screen_room(self) -> QSize | None:
        """The screen's free area (no panels) less a window manager's title bar and borders;
        None on the offscreen platform, whose screen nobody sees."""
        if QGuiApplication.platformName() == "offscreen":
            return None
        screen = self.window.screen()
        return None if screen is None else screen.availableGeometry().size() - FRAME_ALLOWANCE

    def _first_size(self) -> QSize:
        """1280x800, or less on a screen where that and its frame would not fit."""
        room = self._screen_room()
        return DEFAULT_SIZE if room is None else DEFAULT_SIZE.boundedTo(room)

    def _screen_too_small(self) -> bool:
        """Whether 1280x800 and its frame are more than the screen holds (a 13-inch laptop's
        1280x800, or 1366x768): the window then opens maximized. At 1280x800 it stood 20 px
        below the screen's edge with a title bar, the library's scroll arrow cut in half."""
        return self._first_size() != DEFAULT_SIZE

    def _wire(self) -> None:
        window, controller = self.window, self.controller
        window.close_requested.connect(self._on_close_requested)
        window.settings_requested.connect(self.open_settings)
        self.qt_app.aboutToQuit.connect(self.shutdown)
        controller.session_started.connect(
            lambda: self.reminders.session_started() if self.reminders else None)
        controller.session_ended.connect(self._after_session)
        controller.player_closed.connect(self._after_session)
        controller.history_requested.connect(lambda: window.show_area("history"))
        controller.player_shown.connect(lambda: window.show_area("sessions"))
        controller.exercise_page_requested.connect(self.show_exercise)

    @property
    def library(self) -> Library:
        """The exercise library, loaded when first needed."""
        if self._library is None:
            self._library = load_library(self.paths.cache, self.paths.exercises)
            for problem in getattr(self._library, "problems", []):  # your own exercises
                self.problems.note(problem)
        return self._library

    @property
    def history(self) -> HistoryService:
        """The one door to the history, opened when first needed."""
        if self._history is None:
            self._history = open_history(self.paths.data_dir, headless=self.headless)
            self.problems.watch(self._history)  # failed saves, sets waiting, damaged rows
        return self._history

    def _history_to_show(self) -> bool:
        """Whether start-up opens the history before the window is shown: always, except for a
        screenshot of a data folder that has none (and no sets waiting). There it could offer
        or report nothing, and a screenshot never makes one; an area that reads the history
        still opens it when built."""
        database = self.paths.database
        return not self.headless or any(
            path.exists() for path in (database, database.with_name(database.name + ".pending")))

    def _finish_plain_start(self) -> None:
        """One event-loop turn after the first paint: the library view, then the rest.

        The view is painted before this returns: Qt paints at low priority, after any queued
        call, and the history's imports (sqlite-utils) would otherwise hold the list back.
        """
        from gluteapp.gui.library.area import LibraryArea

        self._library_waits_for_paint = False
        if not self._load_or_quit(lambda: self.library):
            return
        area = self.window.page("library")
        if isinstance(area, LibraryArea) and not area.is_built:
            area.view().repaint()
        self._start_reminders()
        QTimer.singleShot(0, self.window, self._after_first_paint)

    def _after_first_paint(self) -> None:
        """The history (and sqlite-utils) is not needed for the first paint: open it now."""
        if not self._load_or_quit(lambda: self.history):
            return
        self.controller.offer_resume()
        report = self.history.startup_report
        if report.needs_attention:
            QMessageBox(QMessageBox.Icon.Warning, "Gluteapp", report.message,
                        QMessageBox.StandardButton.Ok, self.window).open()
            self.window.show_status(report.message)

    def _load_or_quit(self, load: Callable[[], object]) -> bool:
        from gluteapp.launch import fatal

        try:
            load()
        except StartupError as problem:
            fatal(str(problem), headless=False)
            self.qt_app.exit(1)
            return False
        return True

    # --- the areas --------------------------------------------------------------------------
    def _build_window(self) -> MainWindow:
        from gluteapp.gui import resources

        def area(key: str, title: str, factory: Callable[[], QWidget]) -> Area:
            return Area(key, title, resources.icon(f"{key}.svg"), factory)

        translate = QCoreApplication.translate
        return MainWindow([
            area("library", translate("MainWindow", "Library"), self._build_library),
            area("sessions", translate("MainWindow", "Sessions"), self._build_sessions),
            area("plan", translate("MainWindow", "Plan"), self._build_plan),
            area("history", translate("MainWindow", "History"), self._build_history),
        ])

    def _build_library(self) -> QWidget:
        from gluteapp.gui.library.area import LibraryArea

        area = LibraryArea(lambda: self.own.library_view(self.settings))
        if not self._library_waits_for_paint:
            area.view()
        return area

    def _sessions_view(self) -> SessionsView:
        if self.sessions is None:
            self.window.page("sessions")  # builds the area, which sets self.sessions
        assert self.sessions is not None
        return self.sessions

    def _build_sessions(self) -> QWidget:
        from gluteapp.gui.player.sessions import SessionsView
        from gluteapp.gui.programme_dialog import install_programme_actions
        from gluteapp.gui.settings import EQUIPMENT

        view = SessionsView(self.library)
        controller = self.controller
        # One click starts: no second Start in the player (today's plan, if shown, starts it).
        view.picker.start_requested.connect(
            lambda routine: controller.start_routine(routine, start_now=True))
        view.picker.new_routine_requested.connect(lambda: self.open_builder(None))
        view.picker.edit_requested.connect(self.open_builder)
        install_programme_actions(view.picker, self.paths.data_dir, self.own)  # export, import
        view.picker.exercise_requested.connect(self.show_exercise)
        self.sessions = view
        # The suggestion and the "Needs:" notes follow the equipment answer.
        self.settings.changed.connect(
            lambda key: self.reload_routines() if key == EQUIPMENT.key else None)
        self.reload_routines()
        return view

    def _build_history(self) -> QWidget:
        from gluteapp.gui.history.view import HistoryView
        from gluteapp.gui.settings import GOAL_PER_WEEK

        view: HistoryView = HistoryView(self.history, self.library,
                                        self.settings.get(GOAL_PER_WEEK))
        view.follow_goal(self.settings)
        self.window.closed.connect(view.release_charts)  # before Qt deletes it: see there
        return view

    def _build_plan(self) -> QWidget:
        from gluteapp.gui.plan.view import PlanView

        view = PlanView(self.library, self.catalog.name, self.catalog.plan_picture)
        view.start_routine_requested.connect(self._open_routine)
        self.history.history_changed.connect(view.mark_dirty)
        return view

    def show_exercise(self, exercise_id: str, version: str = "") -> None:
        """An exercise's page in the library (from a routine or the player), showing the
        easier or harder `version` named, if any."""
        from gluteapp.gui.library.area import LibraryArea

        area = self.window.show_area("library")
        if isinstance(area, LibraryArea):
            area.view().show_exercise(exercise_id, version or None)

    def reload_routines(self) -> None:
        if self.sessions is not None:
            self.catalog.fill(self.sessions.picker)

    def _open_routine(self, id_or_file: str, autostart: bool = False) -> None:
        if problem := self.controller.open_routine(id_or_file, autostart):
            self.problems.note(problem)  # a routine that cannot be read: nothing failed to save

    def open_builder(self, routine: Routine | None) -> None:
        dialog = self.own.builder(routine, self.window)
        dialog.routine_saved.connect(lambda _path: self.reload_routines())
        dialog.open()

    def _after_session(self) -> None:
        """The session ended or the player was left: ask what waited, refresh the list."""
        if not self.controller.running:
            if self.reminders is not None:
                self.reminders.session_ended()
            self.first_run.session_over()
        if self.sessions is not None:
            self.reload_routines()

    # --- reminders, settings ---------------------------------------------------------------
    def _start_reminders(self) -> None:
        from gluteapp.gui.training_reminder import install_reminders  # and the training days

        self.reminders = install_reminders(self.settings, self.window, self.controller,
                                           self.catalog, lambda: self.history, self._open_routine)

    def open_settings(self) -> None:
        from gluteapp.gui.backup_dialog import BackupHost
        from gluteapp.gui.settings_dialog import open_settings_dialog

        host = BackupHost(self.paths, lambda: self.history, lambda: self.controller.running)
        open_settings_dialog(self.settings, self.window, self.controller.audio(),
                             lambda: QTimer.singleShot(0, self.window, self.restart), host)

    def restart(self) -> None:
        """Quit (asking first if a session is running) and have `run` start the app again."""
        self.restart_wanted = True
        # Closing the last window quits the event loop; a refused close keeps everything.
        if not self.window.close():
            self.restart_wanted = False

    # --- closing ----------------------------------------------------------------------------
    def _on_close_requested(self, event: QCloseEvent) -> None:
        if self.headless:  # a screenshot closes its window unasked
            return
        from gluteapp.gui.quit_guard import may_quit

        if not may_quit(self.window, self._history, self.controller.running):
            event.ignore()

    def shutdown(self) -> None:
        self.controller.end()
        if self._history is not None:
            self._history.close(backup=not self.headless)

    def take_screenshot(self, target: Path) -> int:
        """Render the real main window offscreen to a PNG, without waiting for any input."""
        from gluteapp.gui.screenshot import save_window

        try:
            return save_window(self.qt_app, self.window, target)
        finally:
            self.shutdown()
