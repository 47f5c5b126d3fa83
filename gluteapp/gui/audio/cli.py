"""`python -m gluteapp.gui.audio`: report the chosen backend and why, or play a cue schedule.

`info` prints the backend and text-to-speech engine, and why each was chosen; `play SPEC` plays a
schedule such as `sounds/prepare_tick@0,sounds/go@1` and prints when each cue started (used by
the recording tests and benchmarks/cue_onsets.py). Both wait for the backend to finish loading
(the service's `ready` signal) inside the program's one event loop, then print a JSON report.

`play` uses the audio thread, as the app does (`--runner gui` plays from the GUI thread, as
before the audio thread existed, for comparison), and can stall the GUI thread while it plays:
`--stall-at 0.7 --stall-s 1.0` blocks it for a second from 0.7 s after the first cue's time,
sleeping (`--stall-kind sleep`) or running Python (`busy`, which holds the interpreter lock),
and repeats every `--stall-every` seconds if given.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

from msgspec import Struct
from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import QApplication

from gluteapp.core.cue_policy import PlannedCue
from gluteapp.core.cues import Cue, CueSettings, Phrase
from gluteapp.gui.audio.assets import clip_duration_s, cue_key, resolve_cue
from gluteapp.gui.audio.choice import BACKEND_ORDER
from gluteapp.gui.audio.runner import CueRunner
from gluteapp.gui.audio.service import AudioService, create_audio_service
from gluteapp.gui.audio.thread import AudioThread

Audio = AudioService | AudioThread


def parse_schedule(spec: str) -> list[tuple[float, Cue | Phrase]]:
    """`sounds/go@1.5,voice/three` as (offset s, cue) pairs; an offset defaults to 0."""
    schedule = []
    for part in spec.split(","):
        name, _, offset = part.partition("@")
        schedule.append((float(offset or 0), resolve_cue(name.strip())))
    return schedule


class Stalls(Struct, frozen=True):
    """When the GUI thread is kept busy: from `at_s` after the origin, for `length_s`."""

    at_s: float | None = None
    length_s: float = 1.0
    every_s: float | None = None
    kind: str = "sleep"  # "sleep" lets other threads run Python; "busy" holds the lock


NO_STALLS = Stalls()


class ScheduledPlay(QObject):
    """Plays a schedule from `start`, then emits `finished` with `report` set.

    The cues play on the audio thread when `audio` is an `AudioThread`, else from a runner on
    this (the GUI) thread. Stalls, if asked for, block the GUI thread meanwhile.
    """

    finished = Signal()

    def __init__(
        self,
        audio: Audio,
        schedule: list[tuple[float, Cue | Phrase]],
        lead_in_s: float,
        stalls: Stalls = NO_STALLS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._audio = audio
        self._schedule = schedule
        self._lead_in_s = lead_in_s
        self._stalls = stalls
        self._runner: CueRunner | AudioThread = (
            audio if isinstance(audio, AudioThread) else CueRunner(audio, parent=self)
        )
        self._played: list[tuple[str, float]] = []  # cue key, lateness in ms
        self._dropped: list[str] = []
        self._flashed: list[str] = []
        self._stalled: list[tuple[float, float]] = []
        self._origin = 0.0
        self._end = QTimer(self)
        self._end.setObjectName("end of the schedule")
        self._end.setSingleShot(True)
        self._end.timeout.connect(self._finish)
        self._stall_timer = QTimer(self)
        self._stall_timer.setObjectName("stall the GUI thread")
        self._stall_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._stall_timer.setSingleShot(True)
        self._stall_timer.timeout.connect(self._stall)
        self._runner.played.connect(self._on_played)
        self._runner.dropped.connect(self._on_dropped)
        audio.visual_cue.connect(self._flashed.append)
        self.report: dict[str, Any] = {}

    def start(self) -> None:
        self._origin = time.monotonic() + self._lead_in_s
        # Every cue is due exactly once and must play; nothing is stale in a clean run.
        self._runner.add([PlannedCue(item, self._origin + offset, stale_after_s=0.5)
                          for offset, item in self._schedule])
        end_s = max(offset + clip_duration_s(item) for offset, item in self._schedule)
        self._end.start(round((self._origin + end_s + 0.3 - time.monotonic()) * 1000))
        if self._stalls.at_s is not None:
            self._arm_stall(self._stalls.at_s)

    def _arm_stall(self, at_s: float) -> None:
        self._stall_timer.start(max(0, round((self._origin + at_s - time.monotonic()) * 1000)))

    def _stall(self) -> None:
        began = time.monotonic()
        until = began + self._stalls.length_s
        if self._stalls.kind == "busy":
            while time.monotonic() < until:
                pass
        else:
            time.sleep(self._stalls.length_s)
        ended = time.monotonic()
        self._stalled.append((began - self._origin, ended - self._origin))
        if self._stalls.every_s is not None:
            self._arm_stall(began - self._origin + self._stalls.every_s)

    def _on_played(self, key: str, lateness_ms: float) -> None:
        # From the lateness, not the arrival of this signal, which a stall delays.
        self._played.append((key, lateness_ms))

    def _started_s(self) -> list[float]:
        """When each cue that played started, in the schedule's order (seconds from origin)."""
        started: dict[int, float] = {}
        for key, lateness_ms in self._played:
            index = next(i for i, (_, item) in enumerate(self._schedule)
                         if i not in started and cue_key(item) == key)
            started[index] = self._schedule[index][0] + lateness_ms / 1000
        return [started[i] for i in sorted(started)]

    def _on_dropped(self, key: str, why: str) -> None:
        self._dropped.append(f"{key}: {why}")

    def _finish(self) -> None:
        self._stall_timer.stop()
        self._runner.clear()
        self.report = {
            "backend_name": self._audio.backend_name,
            "backend_reason": self._audio.backend_reason,
            "runner": "thread" if isinstance(self._audio, AudioThread) else "gui",
            "scheduled_s": [offset for offset, _ in self._schedule],
            "started_s": self._started_s(),
            "dropped": self._dropped,
            "visual_cues": self._flashed,
            "stalls_s": self._stalled,
        }
        self.finished.emit()


def when_ready(audio: Audio, step: Callable[[], None]) -> None:
    """Run `step` from the event loop once the audio can play (at once if it already can)."""
    if audio.is_ready:
        QTimer.singleShot(0, step)
    else:
        audio.ready.connect(step, Qt.ConnectionType.SingleShotConnection)


def info_report(audio: Audio) -> dict[str, Any]:
    return {
        "backend_name": audio.backend_name,
        "backend_reason": audio.backend_reason,
        "speech_name": audio.speech_name,
        "speech_reason": audio.speech_reason,
    }


def make_audio(app: QApplication, backend: str | None, runner: str) -> Audio:
    if runner == "gui":
        return create_audio_service(app, backend)

    def make(owner: QObject, settings: CueSettings) -> AudioService:
        return create_audio_service(owner, backend, settings)

    return AudioThread(make, parent=app)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gluteapp.gui.audio", description=__doc__)
    parser.add_argument("--backend", choices=BACKEND_ORDER, default=None)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("info", help="print the chosen backend and text-to-speech, and why")
    play = commands.add_parser("play", help="play a schedule: sounds/go@0,voice/three@1.5")
    play.add_argument("schedule")
    play.add_argument("--lead-in", type=float, default=0.5, help="seconds before the first cue")
    play.add_argument("--runner", choices=("thread", "gui"), default="thread",
                      help="play from the audio thread (as the app does) or the GUI thread")
    play.add_argument("--stall-at", type=float, default=None,
                      help="block the GUI thread from this many seconds after the first cue")
    play.add_argument("--stall-s", type=float, default=1.0, help="for this long")
    play.add_argument("--stall-every", type=float, default=None, help="and again this often")
    play.add_argument("--stall-kind", choices=("sleep", "busy"), default="sleep")
    args = parser.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    if QThread.currentThread().loopLevel() > 0:
        raise RuntimeError("main() runs its own event loop; call it from a program's top level")
    audio = make_audio(app, args.backend, getattr(args, "runner", "thread"))
    report: dict[str, Any] = {}

    def report_info() -> None:
        report.update(info_report(audio))
        app.quit()

    if args.command == "info":
        when_ready(audio, report_info)
    else:
        stalls = Stalls(args.stall_at, args.stall_s, args.stall_every, args.stall_kind)
        scheduled = ScheduledPlay(audio, parse_schedule(args.schedule), args.lead_in, stalls,
                                  app)
        scheduled.finished.connect(lambda: (report.update(scheduled.report), app.quit()))
        when_ready(audio, scheduled.start)
    app.exec()  # this program's own (top-level) event loop; it ends with app.quit() above
    audio.close()
    print(json.dumps(report))
    return 0
