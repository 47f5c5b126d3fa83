"""The audio thread and the look-ahead: cues played off the GUI thread, each exactly once.

In-process and silent (a backend that records what it is asked): the real stream into a null
sink, with the GUI thread blocked, is tested in test_audio_recording.py.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer
from PySide6.QtWidgets import QApplication

from gluteapp.core.assets import builtin_library
from gluteapp.core.cue_policy import CuePolicy, PlannedCue, SpokenSetup
from gluteapp.core.cues import Cue, CueSettings, Phrase
from gluteapp.core.engine import Session
from gluteapp.core.routines import parse_routine
from gluteapp.gui.audio import AudioBackend, AudioService, AudioThread, CueRunner
from gluteapp.gui.player.cue_player import LOOK_AHEAD_S, CuePlayer

ROUTINE = """
name = "Look-ahead"
prepare_s = 4

[[steps]]
exercise = "glute-bridge"
sets = 2
hold_s = 6
rest_s = 5
"""


class TimedBackend(AudioBackend):
    """Notes what it plays, when, and on which thread."""

    name = "timed"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__("notes calls", parent)
        self.played: list[tuple[Cue | Phrase, float, bool]] = []  # cue, when, on the GUI thread
        self.lock = threading.Lock()

    def play(self, item: Cue | Phrase) -> None:
        on_gui = QThread.currentThread() is QApplication.instance().thread()  # type: ignore[union-attr]
        with self.lock:
            self.played.append((item, time.monotonic(), on_gui))


def start_thread() -> tuple[AudioThread, list[TimedBackend]]:
    made: list[TimedBackend] = []

    def make(owner: QObject, settings: CueSettings) -> AudioService:
        backend = TimedBackend()
        made.append(backend)
        service = AudioService(backend, settings=settings, parent=owner)
        backend.setParent(service)
        return service

    return AudioThread(make), made


def test_a_cue_due_while_the_gui_thread_sleeps_plays_on_time_on_the_audio_thread(
    qtbot: Any,
) -> None:
    audio, [backend] = start_thread()
    try:
        flashed: list[str] = []
        audio.visual_cue.connect(flashed.append)
        block: dict[str, float] = {}

        def block_the_gui_thread() -> None:
            block["start"] = time.monotonic()
            time.sleep(1.0)
            block["end"] = time.monotonic()

        due = time.monotonic() + 0.5
        audio.add([PlannedCue(Cue.GO, due)])
        QTimer.singleShot(100, block_the_gui_thread)
        qtbot.waitUntil(lambda: "end" in block and flashed == ["sounds/go"], timeout=5000)
        with backend.lock:
            [(item, played_at, on_gui_thread)] = backend.played
        assert item is Cue.GO
        assert on_gui_thread is False
        assert block["start"] < played_at < block["end"]  # not after the GUI thread woke
        assert played_at >= due
    finally:
        audio.close()
    assert audio.audio_thread.isFinished()


def test_the_thread_takes_settings_and_reports_drops(qtbot: Any) -> None:
    audio, [backend] = start_thread()
    try:
        audio.apply_settings(CueSettings(muted=True))
        flashed: list[str] = []
        audio.visual_cue.connect(flashed.append)
        with qtbot.waitSignal(audio.dropped) as dropped:
            audio.add([PlannedCue(Cue.PREPARE_TICK, time.monotonic() - 1.0),
                       PlannedCue(Cue.GO, time.monotonic())])
        assert dropped.args == ["sounds/prepare_tick", "stale"]
        qtbot.waitUntil(lambda: flashed == ["sounds/go"])
        assert backend.played == []  # muted: flashed, not sounded
        assert audio.settings.muted
    finally:
        audio.close()


# --- The look-ahead, on a fake clock ---------------------------------------------------------


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class RecordingBackend(AudioBackend):
    name = "recording"

    def __init__(self) -> None:
        super().__init__("records calls")
        self.played: list[tuple[Cue | Phrase, float]] = []
        self.clock: FakeClock | None = None

    def play(self, item: Cue | Phrase) -> None:
        assert self.clock is not None
        self.played.append((item, self.clock.now))


def look_ahead_player(qtbot: Any) -> tuple[Session, CuePlayer, RecordingBackend, FakeClock]:
    library = builtin_library()
    session = Session(parse_routine(ROUTINE, "look-ahead.toml", library), library)
    clock = FakeClock()
    backend = RecordingBackend()
    backend.clock = clock
    service = AudioService(backend, settings=CueSettings(voice_on=False), clock=clock)
    policy = CuePolicy(lambda exercise_id: SpokenSetup(library[exercise_id].name))
    cues = CuePlayer(service, policy, clock)
    return session, cues, backend, clock


def run_for(session: Session, cues: CuePlayer, clock: FakeClock, seconds: float,
            *, report: bool = True, step_s: float = 0.1) -> None:
    """Advance the clock; the runner wakes each step, the engine reports only if `report`."""
    runner = cues.runner
    assert isinstance(runner, CueRunner)
    end = clock.now + seconds
    while clock.now < end - 1e-9:
        clock.now += step_s
        if report:
            cues.on_events(session.tick(clock.now))
            cues.look_ahead(session)
        runner._wake()


def test_the_look_ahead_plays_cues_the_engine_has_not_reported_yet(qtbot: Any) -> None:
    session, cues, backend, clock = look_ahead_player(qtbot)
    cues.on_events(session.start(clock.now))
    cues.look_ahead(session)
    started = clock.now
    # The GUI thread stalls for 5 s: no tick, no report; the runner still plays the countdown
    # and "go" at their times.
    run_for(session, cues, clock, 5.0, report=False)
    beeps = [(item, round(at - started, 1)) for item, at in backend.played if isinstance(item, Cue)]
    assert beeps == [(Cue.PREPARE_TICK, 1.0), (Cue.PREPARE_TICK, 2.0), (Cue.PREPARE_TICK, 3.0),
                     (Cue.GO, 4.0)]
    # The engine catches up and reports all of it: nothing is played twice.
    cues.on_events(session.tick(clock.now))
    cues.look_ahead(session)
    run_for(session, cues, clock, 0.5)
    assert [item for item, _ in backend.played].count(Cue.GO) == 1
    cues.stop()


def test_every_cue_of_a_session_plays_once_with_the_look_ahead(qtbot: Any) -> None:
    session, cues, backend, clock = look_ahead_player(qtbot)
    plain_session, plain, plain_backend, plain_clock = look_ahead_player(qtbot)
    cues.on_events(session.start(clock.now))
    plain.on_events(plain_session.start(plain_clock.now))
    for _ in range(40):
        run_for(session, cues, clock, 1.0)
        plain.on_events(plain_session.tick(plain_clock.now + 1.0))
        run_for(plain_session, plain, plain_clock, 1.0, report=False)
    assert session.is_finished
    heard = [(item, round(at - 1000.0, 1)) for item, at in backend.played]
    # The same as without a look-ahead, where each cue is played when the engine reports it.
    assert heard == [(item, round(at - 1000.0, 1)) for item, at in plain_backend.played]
    assert heard.count((Cue.SESSION_COMPLETE, heard[-1][1])) == 1
    cues.stop()
    plain.stop()


def test_pausing_takes_back_the_foreseen_cues(qtbot: Any) -> None:
    session, cues, backend, clock = look_ahead_player(qtbot)
    cues.on_events(session.start(clock.now))
    cues.look_ahead(session)
    runner = cues.runner
    assert isinstance(runner, CueRunner)
    run_for(session, cues, clock, 0.5)  # "get ready" and the exercise's name are said
    played = list(backend.played)
    assert runner.pending >= 4  # the countdown and "go" at least, within LOOK_AHEAD_S
    cues.on_events(session.pause(clock.now))
    cues.look_ahead(session)
    assert runner.pending == 0
    run_for(session, cues, clock, LOOK_AHEAD_S, report=False)
    assert backend.played == played
    cues.stop()
