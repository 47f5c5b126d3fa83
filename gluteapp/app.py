"""The composition root: paths, settings, data, services and the main window, wired together."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from gluteapp import __version__
from gluteapp.core.paths import AppPaths, DataDirError, ensure_writable, resolve_paths
from gluteapp.gui.main_window import Area, MainWindow

if TYPE_CHECKING:  # the rest loads when the area that needs it first opens
    from datetime import date

    from gluteapp.core.advice import SessionAdvice
    from gluteapp.core.cues import CueSettings
    from gluteapp.core.engine import SessionOptions
    from gluteapp.core.exercises import Library
    from gluteapp.core.felt import FeltElsewhere
    from gluteapp.core.history_records import SessionRecord
    from gluteapp.core.plan import CheckIn, WeekPlan
    from gluteapp.core.records import DoseChoice, Side
    from gluteapp.core.routines import Routine
    from gluteapp.core.sides import SideFinding
    from gluteapp.gui.audio import AudioService
    from gluteapp.gui.history_service import HistoryService
    from gluteapp.gui.library.view import LibraryView
    from gluteapp.gui.player.inhibit import ScreenKeeper
    from gluteapp.gui.player.recorder import SessionRecorder
    from gluteapp.gui.player.runner import SessionRunner
    from gluteapp.gui.player.sessions import SessionsView
    from gluteapp.gui.player.view import PlayerView
    from gluteapp.gui.reminders import ReminderService
    from gluteapp.gui.settings import Settings
    from gluteapp.gui.single_instance import InstanceServer

log = logging.getLogger("gluteapp")


def configure_logging(paths: AppPaths) -> None:
    import logging.handlers  # socket, pickle and queue: only `run` needs them, not `Gluteapp`

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
    from gluteapp.gui.single_instance import InstanceServer, hand_over, server_name

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
    code = qt_app.exec()
    if app.restart_wanted:
        if instance is not None:
            instance.close()  # or the new copy would hand over to this one and exit
        return relaunch(options)
    return code


def relaunch_command(options: StartupOptions) -> list[str]:
    """The command that starts this program again, on the same data folder."""
    if getattr(sys, "frozen", False):  # a PyInstaller bundle is its own executable
        command = [sys.executable]
    else:
        command = [sys.executable, "-m", "gluteapp"]
    if options.data_dir is not None:
        command += ["--data-dir", str(options.data_dir)]
    return command


def relaunch(options: StartupOptions) -> int:
    """Start a new copy of the program that outlives this one (Settings, Restart now)."""
    import subprocess

    command = relaunch_command(options)
    log.info("restarting: %s", command)
    try:
        subprocess.Popen(command, stdin=subprocess.DEVNULL, start_new_session=True)
    except OSError as error:
        print(f"gluteapp: could not start again ({error}); please start it yourself.",
              file=sys.stderr)
        return 1
    return 0


class Gluteapp:
    """Owns the services and the main window for one run of the program."""

    def __init__(self, qt_app: QApplication, paths: AppPaths, options: StartupOptions) -> None:
        self.qt_app = qt_app
        self.paths = paths
        self.options = options
        self.headless = options.screenshot is not None
        self.window: MainWindow | None = None
        self.settings: Settings | None = None
        self.history: HistoryService | None = None
        self.sessions: SessionsView | None = None
        self.player: PlayerView | None = None
        self.recorder: SessionRecorder | None = None
        self.keeper: ScreenKeeper | None = None
        self.reminders: ReminderService | None = None
        self.audio: AudioService | None = None
        self.plan_view: QWidget | None = None  # today's doses, shown before a session
        self._library: Library | None = None
        #: A plain start paints the window first and builds the library view a turn later.
        self._library_waits_for_paint = False
        #: The first-run questions wait for a session started from the command line to end.
        self.first_run_waiting = False
        #: Set by `restart`: `run` starts the program again once this copy has quit.
        self.restart_wanted = False
        self.first_run_dialog: QWidget | None = None

    # --- start-up ---------------------------------------------------------------------------
    def start(self) -> str | None:
        """Build everything the first window needs; return a message if the app cannot run."""
        from gluteapp.gui import resources
        from gluteapp.gui.i18n import install_translator
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
        self._translators = install_translator(self.qt_app, self.settings.get(LANGUAGE))
        follow_theme_setting(self.qt_app, self.settings)
        start_view = self.options.view or ("sessions" if self.options.routine else "library")
        # A plain start paints the window with the library's search box first; the library,
        # its view, the history and the reminders follow right after the first paint.
        plain_start = not (self.headless or self.options.routine or start_view != "library")
        if plain_start:
            self._library_waits_for_paint = True
        else:
            problem = self._load_library() or self._open_history()
            if problem:
                return problem
        self.window = self._build_window()
        self.window.close_requested.connect(self._on_close_requested)
        self.window.settings_requested.connect(self.open_settings)
        self.qt_app.aboutToQuit.connect(self.shutdown)
        self.window.show_area(start_view)
        size = self.options.size or (1280, 800)
        self.window.resize(QSize(*size))
        if self.options.routine:
            problem = self.open_routine(self.options.routine, autostart=self.options.autostart)
            if problem:
                return problem
        if not self.headless:
            if plain_start:
                self.window.first_painted.connect(
                    lambda: QTimer.singleShot(0, self.window, self._finish_plain_start))
            else:
                self._start_reminders()
                # The history is open; what it has to report waits for the first paint.
                self.window.first_painted.connect(lambda: QTimer.singleShot(
                    0, self.window, self._open_history_after_first_paint))
            self.window.show()
            if not self.settings.get(FIRST_RUN_DONE):
                if self.session_running():  # --autostart: ask once the session is over
                    self.first_run_waiting = True
                else:
                    QTimer.singleShot(0, self.window, self._first_run)
        return None

    @property
    def library(self) -> Library:
        """The exercise library, loaded (through its validated cache) when first needed."""
        if self._library is None:
            problem = self._load_library()
            if problem:
                raise RuntimeError(problem)
        assert self._library is not None
        return self._library

    def _load_library(self) -> str | None:
        from gluteapp.core.assets import assets_dir
        from gluteapp.core.exercises import LibraryError
        from gluteapp.core.library_cache import load_library_cached

        if self._library is None:
            try:
                self._library = load_library_cached(assets_dir() / "exercises.toml",
                                                    self.paths.cache)
            except (LibraryError, FileNotFoundError) as error:
                return f"The exercise library could not be loaded: {error}"
        return None

    def _finish_plain_start(self) -> None:
        """One event-loop turn after the first paint: the library view, then the rest.

        The view is painted before this returns: Qt paints at low priority, after any queued
        call, and the history's imports (sqlite-utils) would otherwise hold the list back.
        """
        from gluteapp.gui.library.area import LibraryArea

        assert self.window is not None
        self._library_waits_for_paint = False
        problem = self._load_library()
        if problem:
            _fatal(problem, headless=False)
            self.qt_app.exit(1)
            return
        area = self.window.page("library")
        if isinstance(area, LibraryArea) and not area.is_built:
            area.view().repaint()
        self._start_reminders()
        # The history (and sqlite-utils) is not needed for the library either.
        QTimer.singleShot(0, self.window, self._open_history_after_first_paint)

    def _open_history(self) -> str | None:
        from gluteapp.gui.history_service import HistoryService
        from gluteapp.storage import NewerDatabaseError, StorageError, open_history

        try:
            store = open_history(self.paths.data_dir, daily_backup=not self.headless)
        except NewerDatabaseError as error:
            return str(error)
        except StorageError as error:
            return f"The history could not be opened: {error}"
        self.history = HistoryService(store)
        report = store.startup_report
        if report.needs_attention:
            log.warning("history start-up: %s", report.message)
            if self.headless:
                print(f"gluteapp: {report.message}", file=sys.stderr)
        if not self.headless:
            # Only a copy that holds the single-instance lock may decide a session was cut off.
            interrupted = store.mark_interrupted()
            if interrupted:
                log.info("marked %d running sessions as interrupted", len(interrupted))
        return None

    def _open_history_after_first_paint(self) -> None:
        if self.history is None:
            problem = self._open_history()
            if problem:
                _fatal(problem, headless=False)
                self.qt_app.exit(1)
                return
        self._report_storage_startup()

    def history_service(self) -> HistoryService:
        """The history, opened now if the deferred open has not happened yet."""
        if self.history is None:
            problem = self._open_history()
            if problem:
                raise RuntimeError(problem)
        assert self.history is not None
        return self.history

    def _report_storage_startup(self) -> None:
        assert self.window is not None
        report = self.history_service().store.startup_report
        if report.needs_attention:
            box = QMessageBox(QMessageBox.Icon.Warning, "Gluteapp", report.message,
                              QMessageBox.StandardButton.Ok, self.window)
            box.open()
            self.window.show_status(report.message)

    def _build_window(self) -> MainWindow:
        from gluteapp.gui import resources

        areas = [
            Area("library", QCoreApplication.translate("MainWindow", "Library"),
                 resources.icon("library.svg"), self._build_library),
            Area("sessions", QCoreApplication.translate("MainWindow", "Sessions"),
                 resources.icon("sessions.svg"), self._build_sessions),
            Area("plan", QCoreApplication.translate("MainWindow", "Plan"),
                 resources.icon("plan.svg"), self._build_plan),
            Area("history", QCoreApplication.translate("MainWindow", "History"),
                 resources.icon("history.svg"), self._build_history),
        ]
        return MainWindow(areas)

    def _build_library(self) -> QWidget:
        from gluteapp.gui.library.area import LibraryArea

        area = LibraryArea(self._build_library_view)
        if not self._library_waits_for_paint:
            area.view()
        return area

    def _build_library_view(self) -> LibraryView:
        from gluteapp.gui.library.view import LibraryView

        assert self.settings is not None
        view = LibraryView(self.library)
        view.follow_equipment(self.settings)
        return view

    def _build_sessions(self) -> QWidget:
        from gluteapp.gui.player.sessions import SessionsView

        view = SessionsView(self.library)
        view.picker.start_requested.connect(lambda routine: self.start_routine(routine))
        view.picker.new_routine_requested.connect(lambda: self.open_builder(None))
        view.picker.edit_requested.connect(self.open_builder)
        view.resume_banner.resume_requested.connect(self.resume_interrupted)
        view.resume_banner.close_requested.connect(self.close_interrupted)
        self.sessions = view
        assert self.settings is not None
        self.settings.changed.connect(self._on_setting_changed)
        self.reload_routines()
        self._offer_resume()
        return view

    def _build_history(self) -> QWidget:
        from gluteapp.gui.history.view import HistoryView
        from gluteapp.gui.settings import GOAL_PER_WEEK

        assert self.settings is not None
        return HistoryView(self.history_service(), self.library, self.settings.get(GOAL_PER_WEEK))

    def _build_plan(self) -> QWidget:
        from gluteapp.gui.plan.view import PlanView

        view = PlanView(self.library, self._routine_name, self._load_plan)
        view.start_routine_requested.connect(lambda routine_id: self.open_routine(routine_id))
        self.history_service().history_changed.connect(view.mark_dirty)
        return view

    def _routine_name(self, routine_id: str) -> str:
        from gluteapp.core.routines import RoutineError, find_routine

        try:
            return find_routine(routine_id, self.library, self.paths.routines).name
        except RoutineError:
            return routine_id

    def _load_plan(self, today: date) -> tuple[WeekPlan, CheckIn | None, SideFinding | None,
                                               list[FeltElsewhere]]:
        """What the Plan area shows, read from the recent history and the first fortnight."""
        from dataclasses import replace
        from datetime import UTC, datetime, timedelta

        from gluteapp.core.advice import SESSIONS_NEEDED
        from gluteapp.core.felt import felt_elsewhere
        from gluteapp.core.plan import check_in, week_plan
        from gluteapp.core.routines import builtin_routines
        from gluteapp.core.sides import weaker_side
        from gluteapp.gui.settings import GOAL_PER_WEEK, equipment_at_hand

        assert self.settings is not None
        store = self.history_service().store
        now = datetime.now(UTC)
        recent = store.list_sessions(since=now - timedelta(days=42))
        first = store.first_started_at()
        early = (store.list_sessions(since=first, until=first + timedelta(days=21))
                 if first is not None else [])
        seen = {s.id for s in recent}
        sessions = [s for s in early if s.id not in seen] + recent
        latest = store.latest_sessions(SESSIONS_NEEDED)
        plan = week_plan(sessions, today, self.settings.get(GOAL_PER_WEEK))
        # The same next routine as the Sessions list: the A/B turn, if the equipment allows.
        suggested = self._suggested_routine_id(builtin_routines(self.library), latest, today)
        if suggested is not None:
            plan = replace(plan, next_routine_id=suggested)
        return (
            plan,
            check_in(sessions, today),
            weaker_side(latest),
            felt_elsewhere(latest, self.library, equipment_at_hand(self.settings)),
        )

    # --- routines and sessions --------------------------------------------------------------
    def reload_routines(self) -> None:
        from datetime import date

        from gluteapp.core.advice import SESSIONS_NEEDED
        from gluteapp.core.routines import builtin_routines, user_routines
        from gluteapp.gui.settings import equipment_at_hand

        assert self.sessions is not None and self.settings is not None
        history = self.history_service()
        found = user_routines(self.paths.routines, self.library)
        latest = history.store.latest_sessions(SESSIONS_NEEDED)
        builtin = builtin_routines(self.library)
        self.sessions.picker.set_routines(
            builtin, found.routines, found.errors,
            suggested_id=self._suggested_routine_id(builtin, latest, date.today()),
            at_hand=equipment_at_hand(self.settings))

    def _suggested_routine_id(self, builtin: list[Routine], latest: list[SessionRecord],
                              today: date) -> str | None:
        """Next in the medius A/B turn (as the Plan counts it), or what the equipment allows."""
        from gluteapp.core.next_routine import suggest_routine_id
        from gluteapp.core.plan import last_in_pair
        from gluteapp.gui.settings import equipment_at_hand

        assert self.settings is not None
        return suggest_routine_id(builtin, self.library, equipment_at_hand(self.settings),
                                  last_in_pair(latest, today))

    def _on_setting_changed(self, key: str) -> None:
        from gluteapp.gui.settings import EQUIPMENT

        if key == EQUIPMENT.key and self.sessions is not None:
            self.reload_routines()  # the suggestion and the "Needs:" notes follow the answer

    def open_routine(self, id_or_file: str, autostart: bool = False) -> str | None:
        from gluteapp.core.routines import RoutineError, find_routine

        try:
            routine = find_routine(id_or_file, self.library, self.paths.routines)
        except RoutineError as error:
            return str(error)
        assert self.window is not None
        self.window.show_area("sessions")
        self.start_routine(routine, autostart=autostart)
        return None

    def session_options(self, weaker: Side | None = None) -> SessionOptions:
        """The settings as engine options; a weaker side found in the history wins."""
        from gluteapp.core.engine import SessionOptions
        from gluteapp.core.records import Side
        from gluteapp.gui.settings import SWITCH_SIDES_S, WEAKER_SIDE

        assert self.settings is not None
        setting = self.settings.get(WEAKER_SIDE)
        if weaker is None and setting in ("left", "right"):
            weaker = Side(setting)
        return SessionOptions(weaker_side=weaker, switch_sides_s=self.settings.get(SWITCH_SIDES_S))

    def advice_for(self, routine: Routine) -> SessionAdvice | None:
        """The coach's suggestions for a routine from the recent history; None if unreadable."""
        from gluteapp.core.advice import SESSIONS_NEEDED, advise
        from gluteapp.gui.settings import equipment_at_hand
        from gluteapp.storage import StorageError

        assert self.settings is not None
        store = self.history_service().store
        try:
            sessions = store.latest_sessions(SESSIONS_NEEDED)
            variations = store.last_variations()
        except StorageError as error:
            log.error("no dose suggestions: %s", error)
            return None
        advice = advise(routine, self.library, sessions, variations,
                        equipment_at_hand(self.settings))
        for s in advice.suggestions:
            log.info("dose suggested: %s %s %s%s -> %s%s (%s)", s.exercise_id, s.change.value,
                     s.previous, s.unit, s.suggested, s.unit,
                     s.reason.value + (f", variation {s.variation}" if s.variation else ""))
        if advice.side is not None:
            log.info("weaker side: %s, %.0f %% behind", advice.side.weaker.value,
                     advice.side.gap_percent)
        return advice

    def start_routine(self, routine: Routine, autostart: bool = False,
                      resume: SessionRecord | None = None) -> QWidget:
        """Show today's plan for the routine first when the history has something to say.

        A resumed session keeps the doses it was started with. A session started straight
        away (autostart, the sitting-break reminder) takes only the suggestions that make an
        exercise easier, since nobody is there to choose.
        """
        from gluteapp.core.advice import choose, safe_defaults

        if resume is not None:
            return self.play_routine(routine, resume=resume)
        advice = self.advice_for(routine)
        if advice is None:
            return self.play_routine(routine, autostart=autostart)
        weaker = advice.side.weaker if advice.side is not None else None
        if autostart or not advice.worth_showing:
            accepted = safe_defaults(advice) if autostart else {
                s.step_index for s in advice.suggestions}
            chosen, choices = choose(advice, accepted)
            return self.play_routine(chosen, autostart=autostart, choices=choices,
                                     weaker=weaker)
        return self._show_dose_plan(advice)

    def _show_dose_plan(self, advice: SessionAdvice) -> QWidget:
        from gluteapp.gui.player.dose_plan import DosePlanView

        assert self.window is not None
        if self.sessions is None:
            self.window.page("sessions")
        assert self.sessions is not None
        self.end_current_session()
        view = DosePlanView(advice, self.library)
        weaker = advice.side.weaker if advice.side is not None else None
        view.start_requested.connect(
            lambda routine, choices: self.play_routine(
                routine, autostart=True, choices=choices, weaker=weaker))
        view.cancel_requested.connect(self.leave_player)
        self.sessions.show_player(view)
        self.plan_view = view
        return view

    def play_routine(self, routine: Routine, autostart: bool = False,
                     resume: SessionRecord | None = None,
                     choices: list[DoseChoice] | None = None,
                     weaker: Side | None = None) -> PlayerView:
        from gluteapp.core.engine import Session
        from gluteapp.gui.player.recorder import SessionRecorder
        from gluteapp.gui.player.runner import SessionRunner
        from gluteapp.gui.player.view import PlayerView

        assert self.window is not None
        history = self.history_service()
        if self.sessions is None:
            self.window.page("sessions")
        assert self.sessions is not None
        self.end_current_session()
        session = Session(routine, self.library, self.session_options(weaker))
        runner = SessionRunner(session)
        player = PlayerView(runner, self.library)
        runner.setParent(player)
        recorder = SessionRecorder(history, routine.id, routine.name, runner.clock(),
                                   resume_session_id=resume.id if resume else None,
                                   choices=choices, parent=player)
        player.events_emitted.connect(recorder.on_events)
        player.rating_given.connect(recorder.rate)
        self._connect_audio(player, runner)
        player.session_finished.connect(lambda _event: self._session_over())
        player.leave_requested.connect(self.leave_player)
        player.history_requested.connect(self._show_history_after_session)
        runner.updated.connect(lambda: self._on_runner_update(runner))
        self.player, self.recorder = player, recorder
        self.plan_view = None
        self.sessions.show_player(player)
        if resume is not None:
            self._seek_after(runner, resume)
        elif autostart:
            self.begin(runner)
        return player

    def audio_service(self) -> AudioService:
        """Sound, loaded when the first session starts (QtMultimedia is slow to import)."""
        if self.audio is None:
            from gluteapp.gui.audio import create_audio_service

            self.audio = create_audio_service(self.qt_app, settings=self.cue_settings())
            log.info("audio: %s (%s)", self.audio.backend_name, self.audio.backend_reason)
            assert self.settings is not None
            self.settings.changed.connect(
                lambda _key: self.audio.apply_settings(self.cue_settings()) if self.audio else None)
        return self.audio

    def cue_settings(self) -> CueSettings:
        from gluteapp.core.cues import CueSettings
        from gluteapp.gui.settings import BEEPS, HALFWAY_CUE, MUTED, TICK_LAST_S, VOICE, VOLUME

        assert self.settings is not None
        return CueSettings(
            beeps_on=self.settings.get(BEEPS), voice_on=self.settings.get(VOICE),
            tick_last_s=self.settings.get(TICK_LAST_S), halfway_cue=self.settings.get(HALFWAY_CUE),
            volume=self.settings.get(VOLUME) / 100, muted=self.settings.get(MUTED))

    def _connect_audio(self, player: PlayerView, runner: SessionRunner) -> None:
        from gluteapp.core.cue_policy import CuePolicy, SpokenSetup
        from gluteapp.gui.player.cue_player import CuePlayer
        from gluteapp.gui.settings import MUTED, SPEAK_SETUP, TICK_LAST_S, VOLUME

        assert self.settings is not None
        settings = self.settings
        audio = self.audio_service()

        def describe(exercise_id: str) -> SpokenSetup | None:
            exercise = self.library.get(exercise_id)
            if exercise is None:
                return None
            return SpokenSetup(exercise.name, exercise.steps[0], exercise.tips[0])

        policy = CuePolicy(describe, tick_last_s=settings.get(TICK_LAST_S),
                           speak_setup=settings.get(SPEAK_SETUP))
        cues = CuePlayer(audio, policy, runner.clock, parent=player)
        player.events_emitted.connect(cues.on_events)
        audio.visual_cue.connect(player.flash)
        player.set_muted(settings.get(MUTED), notify=False)
        player.set_volume(settings.get(VOLUME))
        player.mute_toggled.connect(lambda muted: settings.set(MUTED, muted))
        player.volume_changed.connect(lambda percent: settings.set(VOLUME, percent))

    def begin(self, runner: SessionRunner) -> None:
        runner.start()

    def _on_runner_update(self, runner: SessionRunner) -> None:
        if runner.session.is_started and not runner.session.is_finished:
            if self.recorder is not None and self.recorder.session_id is None:
                self.recorder.ensure_session()
                if self.reminders is not None:
                    self.reminders.session_started()
            self._keep_awake(True)

    def _seek_after(self, runner: SessionRunner, record: SessionRecord) -> None:
        """Put a fresh session, paused, at the first set the interrupted one did not finish."""
        session = runner.session
        done = {(s.exercise_id, s.set_number, s.side.value) for s in record.sets}
        now = runner.clock()
        # Straight on the engine, unpublished: nothing is recorded or cued while seeking.
        session.start(now)
        session.pause(now)
        while not session.is_finished:
            phase = session.phase
            if (phase.kind.is_work and phase.exercise_id is not None and phase.side is not None
                    and (phase.exercise_id, phase.set_number, phase.side.value) not in done):
                break
            session.skip(now)
        runner.updated.emit()

    def _keep_awake(self, on: bool) -> None:
        from gluteapp.gui.player.inhibit import ScreenKeeper

        if self.keeper is None:
            self.keeper = ScreenKeeper(self.qt_app)
        if on and not self.keeper.active and self.keeper.last_result == "not requested":
            self.keeper.inhibit("A guided exercise session is running")
        elif not on:
            self.keeper.release()
            self.keeper.last_result = "not requested"

    def _session_over(self) -> None:
        self._keep_awake(False)
        self._first_run_after_session()
        if self.reminders is not None:
            self.reminders.session_ended()
        if self.sessions is not None:
            self.reload_routines()

    def _show_history_after_session(self) -> None:
        self.leave_player()
        if self.window is not None:
            self.window.show_area("history")

    def leave_player(self) -> None:
        self.end_current_session()
        self.plan_view = None
        self._first_run_after_session()
        if self.sessions is not None:
            self.sessions.close_player()

    def end_current_session(self) -> None:
        """End a running session early (its finished sets are already saved)."""
        if self.player is not None:
            runner = self.player.runner
            if runner.session.is_started and not runner.session.is_finished:
                runner.end_early()
            runner.stop()
        self.player = None
        self.recorder = None
        self._keep_awake(False)

    def session_running(self) -> bool:
        if self.player is None:
            return False
        session = self.player.runner.session
        return session.is_started and not session.is_finished

    def _offer_resume(self) -> None:
        assert self.sessions is not None
        pending = self.history_service().store.resumable_sessions()
        if pending:
            log.info("offering to resume session %d (%d sets saved)", pending[-1].id,
                     len(pending[-1].sets))
        self.sessions.resume_banner.offer(pending[-1] if pending else None)

    def resume_interrupted(self, record: SessionRecord) -> None:
        from gluteapp.core.routines import RoutineError, find_routine

        assert self.sessions is not None
        try:
            routine = find_routine(record.routine_id, self.library, self.paths.routines)
        except RoutineError as error:
            self.sessions.resume_banner.text.setText(
                f"This session's routine can no longer be found ({error}). You can close it.")
            self.sessions.resume_banner.resume_button.hide()
            return
        self.history_service().store.resume_session(record.id)
        self.sessions.resume_banner.offer(None)
        self.start_routine(routine, resume=record)

    def close_interrupted(self, record: SessionRecord) -> None:
        self.history_service().close_session(record.id)
        self._offer_resume()

    def open_builder(self, routine: Routine | None) -> None:
        try:
            from gluteapp.gui.player.builder import RoutineBuilder
        except ImportError:
            return
        assert self.window is not None
        dialog = RoutineBuilder(self.library, self.paths.routines, routine, self.window)
        dialog.routine_saved.connect(lambda _path: self.reload_routines())
        dialog.open()

    # --- first run, closing -----------------------------------------------------------------
    def _first_run(self) -> None:
        """The disclaimer and the questions, over the window; Quit on the disclaimer quits."""
        from gluteapp.gui.first_run import FirstRunDialog
        from gluteapp.gui.settings import FIRST_RUN_DONE

        assert self.window is not None and self.settings is not None
        if self.first_run_dialog is not None or self.settings.get(FIRST_RUN_DONE):
            return
        dialog = FirstRunDialog(self.settings, self.window)
        dialog.rejected.connect(self.window.close)
        dialog.finished.connect(lambda _result: setattr(self, "first_run_dialog", None))
        dialog.finished.connect(dialog.deleteLater)
        self.first_run_dialog = dialog
        dialog.open()  # not exec(): a nested event loop would hold up everything queued

    def _first_run_after_session(self) -> None:
        """Ask the first-run questions now if they waited for an autostarted session."""
        if self.first_run_waiting and not self.session_running() and self.window is not None:
            self.first_run_waiting = False
            QTimer.singleShot(0, self.window, self._first_run)

    def _start_reminders(self) -> None:
        from gluteapp.gui.reminders import BREAK_ROUTINE_ID, ReminderBanner, ReminderService

        assert self.window is not None and self.settings is not None
        self.reminders = ReminderService(self.settings, self.window)
        self.window.add_banner(ReminderBanner(self.reminders))
        self.reminders.start_break_requested.connect(
            lambda: self.open_routine(BREAK_ROUTINE_ID, autostart=True))
        self.reminders.show_window_requested.connect(self.bring_to_front)
        self.qt_app.aboutToQuit.connect(self.reminders.shutdown)
        self.reminders.start()

    def open_settings(self) -> None:
        from gluteapp.gui.settings_dialog import SettingsDialog

        assert self.window is not None and self.settings is not None
        dialog = SettingsDialog(self.settings, self.window)
        audio = self.audio_service()
        dialog.set_audio_status(f"{audio.backend_name} ({audio.backend_reason}); "
                                f"speech: {audio.speech_name} ({audio.speech_reason})")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        window = self.window

        def restart_now() -> None:
            dialog.reject()
            QTimer.singleShot(0, window, self.restart)

        dialog.restart_requested.connect(restart_now)
        dialog.open()

    def restart(self) -> None:
        """Quit (asking first if a session is running) and have `run` start the app again."""
        assert self.window is not None
        self.restart_wanted = True
        # Closing the last window quits the event loop; a refused close keeps everything.
        if not self.window.close():
            self.restart_wanted = False

    def _on_close_requested(self, event: QCloseEvent) -> None:
        if not self.session_running() or self.headless:
            return
        answer = QMessageBox.question(
            self.window, "Gluteapp",
            QCoreApplication.translate(
                "Gluteapp", "A session is running. Quit anyway? The sets you finished are saved."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            event.ignore()

    def shutdown(self) -> None:
        self.end_current_session()
        if self.history is not None and not self.history.store.closed:
            self.history.store.close(backup=not self.headless)

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
        self.shutdown()
        if not ok:
            print(f"gluteapp: could not write {target}", file=sys.stderr)
            return 1
        print(f"{target}: {image.width()}x{image.height()}")
        return 0
