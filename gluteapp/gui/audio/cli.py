"""`python -m gluteapp.gui.audio`: report the chosen backend and why, or play a cue schedule.

`info` prints the backend and text-to-speech engine, and why each was chosen; `play SPEC` plays a
schedule such as `sounds/prepare_tick@0,sounds/go@1` and prints when each cue started (used by
the recording tests and benchmarks/cue_onsets.py). Both wait for the backend to finish loading
(the service's `ready` signal) inside the program's one event loop, then print a JSON report.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import QApplication

from gluteapp.core.cues import Cue, Phrase
from gluteapp.gui.audio.assets import resolve_cue
from gluteapp.gui.audio.choice import BACKEND_ORDER
from gluteapp.gui.audio.runner import CueRunner
from gluteapp.gui.audio.service import AudioService, create_audio_service


def parse_schedule(spec: str) -> list[tuple[float, Cue | Phrase]]:
    """`sounds/go@1.5,voice/three` as (offset s, cue) pairs; an offset defaults to 0."""
    schedule = []
    for part in spec.split(","):
        name, _, offset = part.partition("@")
        schedule.append((float(offset or 0), resolve_cue(name.strip())))
    return schedule


class ScheduledPlay(QObject):
    """Plays a schedule on the service from `start`, then emits `finished` with `report` set."""

    finished = Signal()

    def __init__(
        self,
        service: AudioService,
        schedule: list[tuple[float, Cue | Phrase]],
        lead_in_s: float,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._schedule = schedule
        self._lead_in_s = lead_in_s
        self._runner = CueRunner(service, parent=self)
        self._started: list[float] = []
        self._dropped: list[str] = []
        self._flashed: list[str] = []
        self._origin = 0.0
        self._end = QTimer(self)
        self._end.setObjectName("end of the schedule")
        self._end.setSingleShot(True)
        self._end.timeout.connect(self._finish)
        self._runner.played.connect(self._on_played)
        self._runner.dropped.connect(self._on_dropped)
        service.visual_cue.connect(self._flashed.append)
        self.report: dict[str, Any] = {}

    def start(self) -> None:
        self._origin = time.monotonic() + self._lead_in_s
        for offset, item in self._schedule:
            # Every cue is due exactly once and must play; nothing is stale in a clean run.
            self._runner.schedule(item, self._origin + offset, stale_after_s=0.5)
        end_s = max(offset + self._service.duration_s(item) for offset, item in self._schedule)
        self._end.start(round((self._origin + end_s + 0.3 - time.monotonic()) * 1000))

    def _on_played(self, _key: str, _lateness_ms: float) -> None:
        self._started.append(time.monotonic() - self._origin)

    def _on_dropped(self, key: str, why: str) -> None:
        self._dropped.append(f"{key}: {why}")

    def _finish(self) -> None:
        self._runner.clear()
        self.report = {
            "backend_name": self._service.backend_name,
            "backend_reason": self._service.backend_reason,
            "scheduled_s": [offset for offset, _ in self._schedule],
            "started_s": self._started,
            "dropped": self._dropped,
            "visual_cues": self._flashed,
        }
        self.finished.emit()


def when_ready(service: AudioService, step: Callable[[], None]) -> None:
    """Run `step` from the event loop once the service can play (at once if it already can)."""
    if service.is_ready:
        QTimer.singleShot(0, step)
    else:
        service.ready.connect(step, Qt.ConnectionType.SingleShotConnection)


def info_report(service: AudioService) -> dict[str, Any]:
    return {
        "backend_name": service.backend_name,
        "backend_reason": service.backend_reason,
        "speech_name": service.speech_name,
        "speech_reason": service.speech_reason,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gluteapp.gui.audio", description=__doc__)
    parser.add_argument("--backend", choices=BACKEND_ORDER, default=None)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("info", help="print the chosen backend and text-to-speech, and why")
    play = commands.add_parser("play", help="play a schedule: sounds/go@0,voice/three@1.5")
    play.add_argument("schedule")
    play.add_argument("--lead-in", type=float, default=0.5, help="seconds before the first cue")
    args = parser.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    if QThread.currentThread().loopLevel() > 0:
        raise RuntimeError("main() runs its own event loop; call it from a program's top level")
    service = create_audio_service(app, args.backend)
    report: dict[str, Any] = {}

    def report_info() -> None:
        report.update(info_report(service))
        app.quit()

    if args.command == "info":
        when_ready(service, report_info)
    else:
        scheduled = ScheduledPlay(service, parse_schedule(args.schedule), args.lead_in, service)
        scheduled.finished.connect(lambda: (report.update(scheduled.report), app.quit()))
        when_ready(service, scheduled.start)
    app.exec()  # this program's own (top-level) event loop; it ends with app.quit() above
    service.close()
    print(json.dumps(report))
    return 0
