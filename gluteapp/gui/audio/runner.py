"""Plays queued cues on time: the core cue queue, woken by a precise single-shot timer."""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from gluteapp.core.cues import Audible, Channel, CueQueue, Utterance
from gluteapp.gui.audio.assets import cue_key, resolve_cue
from gluteapp.gui.audio.service import AudioService

log = logging.getLogger(__name__)


class CueRunner(QObject):
    """Plays queued cues at their due time with a precise single-shot timer.

    The timer only wakes the runner; what plays is decided by `CueQueue.pop_due(now)`, so a late
    wake-up drops stale cues instead of playing them late, and nothing accumulates drift.
    """

    played = Signal(str, float)  # cue key, lateness in ms
    dropped = Signal(str, str)  # cue key, reason

    def __init__(
        self,
        service: AudioService,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._clock = clock
        self._queue = CueQueue()
        self._holding = False
        self._timer = QTimer(self)
        self._timer.setObjectName("cue-runner")
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._wake)
        service.speech.finished.connect(self._on_speech_finished)

    def schedule(
        self,
        cue: Audible | str,
        due_at: float,
        priority: int | None = None,
        stale_after_s: float | None = None,
    ) -> None:
        if not isinstance(cue, Utterance):
            cue = resolve_cue(cue)
        duration_s = self._service.duration_s(cue)
        self._queue.push(cue, due_at, priority, stale_after_s, duration_s=duration_s)
        if not self._holding:
            self._holding = True
            self._service.hold_output()
        self._arm(self._clock())

    def clear(self) -> None:
        """Drop everything queued (skip, stop) and let the output rest."""
        self._queue.clear()
        self._timer.stop()
        self._release()

    def _wake(self) -> None:
        now = self._clock()
        for queued in self._queue.pop_due(now):
            if isinstance(queued.item, Utterance):
                heard = self._service.say(queued.item.text)
            else:
                heard = self._service.play(queued.item)
            if not heard and queued.channel is Channel.VOICE:
                self._queue.voice_finished(now)  # silent speech keeps nothing else waiting
            self.played.emit(cue_key(queued.item), (now - queued.due_at) * 1000)
        for dropped in self._queue.take_dropped():
            log.info("dropped cue %s: %s", dropped.cue.name, dropped.reason.value)
            self.dropped.emit(cue_key(dropped.cue.item), dropped.reason.value)
        self._arm(now)

    def _arm(self, now: float) -> None:
        due = self._queue.next_due_at()
        if due is None:
            self._timer.stop()
            self._release()
            return
        # Round up: a timer that fires a hair early would find nothing due and spin.
        self._timer.start(max(0, math.ceil((due - now) * 1000)))

    def _release(self) -> None:
        if self._holding:
            self._holding = False
            self._service.release_output()

    def _on_speech_finished(self) -> None:
        self._queue.voice_finished(self._clock())
        self._arm(self._clock())
