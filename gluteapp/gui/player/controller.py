"""The session lifecycle: today's plan, the player, its runner, recorder, cues and keep-awake."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from gluteapp.core.records import Side

# Nothing that loads the library schema or the database here: the app builds this controller
# before its first paint, and the engine and the history load with the first session.
if TYPE_CHECKING:
    from gluteapp.core.advice import SessionAdvice
    from gluteapp.core.cues import CueSettings
    from gluteapp.core.engine import Event, SessionOptions
    from gluteapp.core.exercises import Library
    from gluteapp.core.history_records import SessionRecord
    from gluteapp.core.records import DoseChoice
    from gluteapp.core.routines import Routine
    from gluteapp.gui.audio import AudioService, AudioThread
    from gluteapp.gui.history_service import HistoryService
    from gluteapp.gui.player.dose_plan import DosePlanView
    from gluteapp.gui.player.inhibit import ScreenKeeper
    from gluteapp.gui.player.recorder import SessionRecorder
    from gluteapp.gui.player.resume_banner import ResumeBanner
    from gluteapp.gui.player.runner import SessionRunner
    from gluteapp.gui.player.sessions import SessionsView
    from gluteapp.gui.player.view import PlayerView
    from gluteapp.gui.settings import Settings

log = logging.getLogger(__name__)


class _StillClock:
    """A clock that moves only when told (the preview stands at one moment)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class SessionController(QObject):
    """Owns the one session that may run: from the routine picked to the last set saved.

    The composition root hands it the library, the history, the settings and the Sessions
    area; it builds the player with its runner, recorder, cue player and screen keeper, and says
    when a session starts and ends. Everything it writes goes through the history service.
    """

    session_started = Signal()  # a session began (or resumed): reminders wait, the screen stays on
    session_ended = Signal()  # the running session finished or was ended early
    player_closed = Signal()  # back on the routine list: the player or today's plan was left
    history_requested = Signal()  # the person asked for the History area from the summary
    player_shown = Signal()  # today's plan or the player is on the Sessions page: show it
    # An exercise id and the version to show ("" as described): show its page in the library.
    exercise_page_requested = Signal(str, str)

    def __init__(self, library: Callable[[], Library], history: Callable[[], HistoryService],
                 settings: Settings, routines_dir: Path, sessions: Callable[[], SessionsView],
                 audio: AudioService | AudioThread | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._history = history
        self._settings = settings
        self._routines_dir = routines_dir
        self._sessions = sessions
        self._audio = audio  # made on first use unless given
        self.player: PlayerView | None = None
        self.recorder: SessionRecorder | None = None
        self.plan_view: DosePlanView | None = None  # today's doses, shown before a session
        self._keeper: ScreenKeeper | None = None
        self._resume_banner: ResumeBanner | None = None

    # --- state ------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        """A session has started and not yet finished."""
        if self.player is None:
            return False
        session = self.player.runner.session
        return session.is_started and not session.is_finished

    @property
    def runner(self) -> SessionRunner | None:
        return self.player.runner if self.player is not None else None

    # --- starting ---------------------------------------------------------------------------
    def open_routine(self, id_or_file: str, autostart: bool = False) -> str | None:
        """Start a routine by id or file; return a message if it cannot be found or read."""
        from gluteapp.core.routines import RoutineError, find_routine

        try:
            routine = find_routine(id_or_file, self._library(), self._routines_dir)
        except RoutineError as error:
            return str(error)
        self.start_routine(routine, autostart=autostart)
        return None

    def start_routine(self, routine: Routine, autostart: bool = False,
                      start_now: bool = False) -> None:
        """Show today's plan first when the history has something to say, else play at once.

        `start_now`: the person asked to start (one click on "Start session"): the session
        starts without a second Start, once today's plan (if shown) is accepted.

        A session started straight away (autostart, the sitting-break reminder) takes only the
        suggestions that make an exercise easier, since nobody is there to choose.
        """
        from gluteapp.core.advice import choose, safe_defaults

        advice = self._advice_for(routine)
        if advice is None:
            self.play_routine(routine, autostart=autostart or start_now)
            return
        weaker = advice.side.weaker if advice.side is not None else None
        if autostart or not advice.worth_showing:
            accepted = safe_defaults(advice) if autostart else {
                s.step_index for s in advice.suggestions}
            chosen, choices = choose(advice, accepted)
            self.play_routine(chosen, autostart=autostart or start_now, choices=choices,
                              weaker=weaker)
            return
        self._show_dose_plan(advice)

    def _advice_for(self, routine: Routine) -> SessionAdvice | None:
        from gluteapp.core.coaching import advice_for
        from gluteapp.gui.history_service import StorageError
        from gluteapp.gui.settings import equipment_at_hand

        try:
            return advice_for(self._history(), routine, self._library(),
                              equipment_at_hand(self._settings))
        except StorageError as error:
            log.error("no dose suggestions: %s", error)
            return None

    def _show_dose_plan(self, advice: SessionAdvice) -> None:
        from gluteapp.gui.player.dose_plan import DosePlanView

        self.end()
        view = DosePlanView(advice, self._library())
        weaker = advice.side.weaker if advice.side is not None else None
        view.start_requested.connect(
            lambda routine, choices: self.play_routine(
                routine, autostart=True, choices=choices, weaker=weaker))
        view.cancel_requested.connect(self.leave)
        view.exercise_requested.connect(
            lambda exercise_id: self.exercise_page_requested.emit(exercise_id, ""))
        self._sessions().show_player(view)
        self.plan_view = view
        self.player_shown.emit()

    def play_routine(self, routine: Routine, autostart: bool = False,
                     resume: SessionRecord | None = None,
                     choices: list[DoseChoice] | None = None,
                     weaker: Side | None = None) -> PlayerView:
        """Build the player for a routine; start it, or seek to where `resume` stopped."""
        from gluteapp.core.engine import Session
        from gluteapp.core.routines import routine_to_toml
        from gluteapp.gui.player.recorder import SessionRecorder
        from gluteapp.gui.player.runner import SessionRunner
        from gluteapp.gui.player.view import PlayerView

        history = self._history()
        sessions = self._sessions()
        self.end()
        session = Session(routine, self._library(), self.session_options(weaker))
        runner = SessionRunner(session)
        recorder = SessionRecorder(history, routine.id, routine.name, runner.clock(),
                                   resume_session_id=resume.id if resume else None,
                                   choices=choices, parent=runner,
                                   routine_toml=routine_to_toml(routine))
        # Slots run in the order they were connected: the recorder hears the engine first, so a
        # set is saved before the player, the cues or anything else reacts to it.
        runner.events.connect(recorder.on_events)
        runner.events.connect(self._on_events)
        player = PlayerView(runner, self._library())
        runner.setParent(player)
        player.figure.follow(self._settings)  # reduced motion: still pictures
        player.rating_given.connect(
            lambda done, rating: player.confirm_rating(recorder.rate(done, rating)))
        player.hurt_reported.connect(recorder.report_hurt)
        player.hurt_resolved.connect(recorder.resolve_hurt)
        player.exercise_page_requested.connect(self.exercise_page_requested)
        # The summary says a set is saved only when no finished set waits (a full disk).
        history.unsaved_changed.connect(player.summary.show_unsaved)
        player.summary.show_unsaved(history.unsaved_sets())
        self._connect_audio(player, runner)
        player.leave_requested.connect(self.leave)
        player.history_requested.connect(self._show_history)
        self.player, self.recorder = player, recorder
        self.plan_view = None
        sessions.show_player(player)
        self.player_shown.emit()
        if resume is not None:
            player.earlier_sets = tuple(s.as_completed_set() for s in resume.sets)
            player.resumed = True
            runner.resume_after({s.key for s in resume.sets})
        elif autostart:
            runner.start()
        return player

    def session_options(self, weaker: Side | None = None) -> SessionOptions:
        """The settings as engine options; a weaker side found in the history wins."""
        from gluteapp.core.engine import SessionOptions
        from gluteapp.gui.settings import SWITCH_SIDES_S, WEAKER_SIDE

        setting = self._settings.get(WEAKER_SIDE)
        if weaker is None and setting in ("left", "right"):
            weaker = Side(setting)
        return SessionOptions(weaker_side=weaker,
                              switch_sides_s=self._settings.get(SWITCH_SIDES_S))

    def audio(self) -> AudioService | AudioThread:
        """Sound, loaded when the first session starts (QtMultimedia is slow to import).

        It plays from a thread of its own, so that a busy window never delays a cue.
        """
        if self._audio is None:
            from gluteapp.gui.audio import start_audio_thread

            audio = start_audio_thread(self, settings=self.cue_settings())
            log.info("audio: %s (%s)", audio.backend_name, audio.backend_reason)
            # The sounds may fail to load after this; the log then names the backend that plays.
            audio.backend_changed.connect(
                lambda name, reason: log.info("audio: %s (%s)", name, reason))
            self._settings.changed.connect(lambda _key: audio.apply_settings(self.cue_settings()))
            self._audio = audio
        return self._audio

    def cue_settings(self) -> CueSettings:
        from gluteapp.core.cues import CueSettings
        from gluteapp.gui.settings import BEEPS, HALFWAY_CUE, MUTED, TICK_LAST_S, VOICE, VOLUME

        get = self._settings.get
        return CueSettings(
            beeps_on=get(BEEPS), voice_on=get(VOICE), tick_last_s=get(TICK_LAST_S),
            halfway_cue=get(HALFWAY_CUE), volume=get(VOLUME) / 100, muted=get(MUTED))

    def _connect_audio(self, player: PlayerView, runner: SessionRunner) -> None:
        from gluteapp.core.cue_policy import CuePolicy, SpokenSetup
        from gluteapp.gui.player.cue_player import CuePlayer
        from gluteapp.gui.settings import MUTED, SPEAK_SETUP, TICK_LAST_S, VOLUME

        settings = self._settings
        audio = self.audio()
        library = self._library()

        def describe(exercise_id: str) -> SpokenSetup | None:
            exercise = library.get(exercise_id)
            if exercise is None:
                return None
            return SpokenSetup(exercise.name, exercise.steps[0], exercise.tips[0])

        policy = CuePolicy(describe, tick_last_s=settings.get(TICK_LAST_S),
                           speak_setup=settings.get(SPEAK_SETUP))
        cues = CuePlayer(audio, policy, runner.clock, parent=player)
        cues.follow(runner)  # the engine's events, and the cues it foresees
        audio.visual_cue.connect(player.flash)
        player.set_muted(settings.get(MUTED), notify=False)
        player.set_volume(settings.get(VOLUME))
        player.mute_toggled.connect(lambda muted: settings.set(MUTED, muted))
        player.volume_changed.connect(lambda percent: settings.set(VOLUME, percent))

    # --- while it runs ----------------------------------------------------------------------
    def _on_events(self, events: list[Event]) -> None:
        from gluteapp.core.engine import SessionFinished, SessionStarted

        for event in events:
            if isinstance(event, SessionStarted):
                self._keep_awake(True)
                self.session_started.emit()
            elif isinstance(event, SessionFinished):
                self._keep_awake(False)
                self.session_ended.emit()

    def _keep_awake(self, on: bool) -> None:
        from gluteapp.gui.player.inhibit import ScreenKeeper

        if self._keeper is None:
            self._keeper = ScreenKeeper(self)
        if on and not self._keeper.active and self._keeper.last_result == "not requested":
            self._keeper.inhibit(QCoreApplication.translate(
                "SessionController", "A guided exercise session is running"))
        elif not on:
            self._keeper.release()
            self._keeper.last_result = "not requested"

    # --- ending -----------------------------------------------------------------------------
    def end(self) -> None:
        """End a running session early (its finished sets are already saved) and drop it."""
        was_running = self.running
        if self.player is not None:
            runner = self.player.runner
            if was_running:
                runner.end_early()  # publishes SessionFinished: recorded, and session_ended
            runner.stop()
        self.player = None
        self.recorder = None
        self._keep_awake(False)

    def leave(self) -> None:
        """Back to the routine list, ending the session if one runs."""
        self.end()
        self.plan_view = None
        self._sessions().close_player()
        self.player_closed.emit()

    def _show_history(self) -> None:
        self.leave()
        self.history_requested.emit()

    # --- a preview on a simulated clock -----------------------------------------------------
    def preview(self, id_or_file: str, at_s: float, paused: bool = False) -> str | None:
        """Show the player `at_s` seconds after Start on a clock that stands still there.

        Nothing is recorded and nothing sounds: this is `gluteapp --screenshot --at`.
        Returns a message if the routine cannot be found or read.
        """
        from gluteapp.core.engine import Session
        from gluteapp.core.routines import RoutineError, find_routine
        from gluteapp.gui.player.runner import SessionRunner
        from gluteapp.gui.player.view import PlayerView

        try:
            routine = find_routine(id_or_file, self._library(), self._routines_dir)
        except RoutineError as error:
            return str(error)
        self.end()
        clock = _StillClock()
        runner = SessionRunner(Session(routine, self._library(), self.session_options()), clock)
        player = PlayerView(runner, self._library())
        runner.setParent(player)
        player.figure.follow(self._settings)  # reduced motion: still pictures
        player.leave_requested.connect(self.leave)
        from gluteapp.gui.settings import MUTED, VOLUME

        player.set_muted(self._settings.get(MUTED), notify=False)  # as a session shows them
        player.set_volume(self._settings.get(VOLUME))
        self._sessions().show_player(player)
        self.player_shown.emit()
        runner.start()
        clock.now += max(0.0, at_s)
        runner.evaluate()
        if paused:
            runner.pause()
        runner.stop()
        self.player = player
        return None

    # --- an interrupted session -------------------------------------------------------------
    def resume_banner(self) -> ResumeBanner:
        """The offer to resume, shown above whichever area is open (the app places it)."""
        if self._resume_banner is None:
            from gluteapp.gui.player.resume_banner import ResumeBanner

            self._resume_banner = ResumeBanner()
            self._resume_banner.resume_requested.connect(self.resume_interrupted)
            self._resume_banner.close_requested.connect(self.close_interrupted)
        return self._resume_banner

    def offer_resume(self) -> None:
        """Show the newest interrupted session, if any, for resuming or closing."""
        from gluteapp.gui.history_service import StorageError

        try:
            pending = self._history().resumable_sessions()
        except StorageError as error:
            log.error("could not look for interrupted sessions: %s", error)
            pending = []
        banner = self.resume_banner()
        offered = banner.record.id if banner.record is not None else None
        if pending and pending[-1].id != offered:
            log.info("offering to resume session %d (%d sets saved)", pending[-1].id,
                     len(pending[-1].sets))
        banner.offer(pending[-1] if pending else None)

    def resume_interrupted(self, record: SessionRecord) -> None:
        """Play an interrupted session on from its first set not done, as it was played."""
        from msgspec.structs import replace

        from gluteapp.core.routines import RoutineError, find_routine, parse_routine
        from gluteapp.gui.words import routine_title

        banner = self.resume_banner()
        try:
            if record.routine_toml:  # the routine as played: from a file, today's doses and all
                played = parse_routine(record.routine_toml, f"{record.routine_id}.toml",
                                       self._library())
                # A built-in one by its name in today's language, not in that of its day.
                routine = replace(played, name=routine_title(record.routine_id, played.name))
            else:  # a session from before the routine was kept with it
                routine = find_routine(record.routine_id, self._library(), self._routines_dir)
        except RoutineError as error:
            log.warning("cannot resume session %d: %s", record.id, error)
            banner.cannot_resume()
            return
        if self._history().resume_session(record.id) is None:
            return  # the failure was announced; the offer stays
        banner.offer(None)
        self.play_routine(routine, resume=record)

    def close_interrupted(self, record: SessionRecord) -> None:
        self._history().close_session(record.id)
        self.offer_resume()
