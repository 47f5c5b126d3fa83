"""Plays queued cues on time: the core cue queue, woken by a precise single-shot timer."""

from __future__ import annotations

import logging
import math
import time
from collections import Counter
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from gluteapp.core.cue_policy import PlannedCue
from gluteapp.core.cues import Audible, Channel, CueQueue, QueuedCue, Utterance
from gluteapp.gui.audio.assets import cue_key, resolve_cue
from gluteapp.gui.audio.service import AudioService

log = logging.getLogger(__name__)

#: How long a cue that was played or dropped is remembered, so that the engine's own report of
#: an event the runner already played from a look-ahead does not play it twice.
REMEMBER_S = 120.0

#: A cue's identity: its key and its due time in microseconds. The look-ahead and the engine
#: compute `at` from the same deadlines, so the same event has the same time in both.
CueId = tuple[str, int]


def cue_id(item: Audible, due_at: float) -> CueId:
    return cue_key(item), round(due_at * 1_000_000)


class CueRunner(QObject):
    """Plays queued cues at their due time with a precise single-shot timer.

    The timer only wakes the runner; what plays is decided by `CueQueue.pop_due(now)`, so a late
    wake-up drops stale cues instead of playing them late, and nothing accumulates drift.

    Cues come one at a time (`schedule`) or as a plan (`add`, `replace_after`): a plan may
    announce a cue twice, first foreseen by a look-ahead and then reported by the engine when it
    happens; the second is recognised by its identity (`cue_id`) and not played again.
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
        self._known: Counter[CueId] = Counter()  # queued, played or dropped
        self._known_until: dict[CueId, float] = {}  # when to forget each
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
        self._push(cue, due_at, priority, stale_after_s)
        self._arm(self._clock())

    def add(self, planned: Sequence[PlannedCue]) -> None:
        """Queue the cues of a plan, except those already queued, played or dropped."""
        seen: Counter[CueId] = Counter()
        for cue in planned:
            identity = cue_id(cue.item, cue.due_at)
            seen[identity] += 1
            if seen[identity] > self._known[identity]:
                self._push(cue.item, cue.due_at, cue.priority, cue.stale_after_s)
        if planned:
            self._arm(self._clock())

    def replace_after(self, after: float, planned: Sequence[PlannedCue]) -> None:
        """Withdraw the cues due after `after` that have not started, then `add` the plan.

        The look-ahead's way to follow the engine: a pause, a skip or a longer rest changes
        what is due next, and the new plan replaces the old one from `after` on.
        """
        for withdrawn in self._queue.withdraw_after(after):
            self._forget(cue_id(withdrawn.item, withdrawn.due_at))
        for item, due_at in self._service.cancel_after(after):  # handed over, not yet heard
            self._forget(cue_id(item, due_at))
        self.add(planned)
        self._arm(self._clock())

    def clear(self) -> None:
        """Drop everything queued (skip, stop) and let the output rest."""
        self._queue.clear()
        self._service.cancel_after(-math.inf)
        self._known.clear()
        self._known_until.clear()
        self._timer.stop()
        self._release()

    @property
    def pending(self) -> int:
        """Cues waiting for their time (for tests and the benchmarks)."""
        return len(self._queue)

    def _push(
        self, cue: Audible, due_at: float, priority: int | None, stale_after_s: float | None
    ) -> None:
        duration_s = self._service.duration_s(cue)
        self._queue.push(cue, due_at, priority, stale_after_s, duration_s=duration_s)
        identity = cue_id(cue, due_at)
        self._known[identity] += 1
        self._known_until[identity] = due_at + REMEMBER_S
        if not self._holding:
            self._holding = True
            self._service.hold_output()

    def _forget(self, identity: CueId) -> None:
        self._known[identity] -= 1
        if self._known[identity] <= 0:
            del self._known[identity]
            self._known_until.pop(identity, None)

    def _wake(self) -> None:
        now = self._clock()
        lead_s = self._service.lead_s
        # Hand over every cue due within the backend's lead, each at the moment it can start:
        # its due time, or later if the voice is busy or the backend cannot be sooner. The
        # queue decides at that moment, as if the runner had woken exactly then.
        for _ in range(len(self._queue) + 1):  # each round starts or drops at least one cue
            due = self._queue.next_due_at()
            if due is None or due > now + lead_s:
                break
            at = max(due, self._service.earliest_start() if lead_s > 0 else now)
            for queued in self._queue.pop_due(at):
                self._play(queued, at, now)
        for dropped in self._queue.take_dropped():
            log.info("dropped cue %s: %s", dropped.cue.name, dropped.reason.value)
            self.dropped.emit(cue_key(dropped.cue.item), dropped.reason.value)
        self._forget_old(now)
        self._arm(now)

    def _play(self, queued: QueuedCue, at: float, now: float) -> None:
        item = queued.item
        if isinstance(item, Utterance):
            # Speech cannot be scheduled: it is started at its time, from this thread.
            heard = self._say_at(item.text, at, now)
            start = at
        else:
            heard = self._service.settings.allows(item)
            start = self._service.play_at(item, at)
        if not heard and queued.channel is Channel.VOICE:
            self._queue.voice_finished(at)  # silent speech keeps nothing else waiting
        self.played.emit(cue_key(item), (start - queued.due_at) * 1000)

    def _say_at(self, text: str, at: float, now: float) -> bool:
        if at <= now:
            return self._service.say(text)
        if not self._service.speech.available:
            self._service.say(text)  # flashes; the clips say the rest
            return False
        QTimer.singleShot(round((at - now) * 1000), self, lambda: self._service.say(text))
        return True

    def _forget_old(self, now: float) -> None:
        old = [identity for identity, until in self._known_until.items() if until < now]
        for identity in old:
            del self._known_until[identity]
            self._known.pop(identity, None)

    def _arm(self, now: float) -> None:
        due = self._queue.next_due_at()
        if due is None:
            self._timer.stop()
            self._release()
            return
        # Round up: a timer that fires a hair early would find nothing due and spin.
        wake = due - self._service.lead_s
        self._timer.start(max(0, math.ceil((wake - now) * 1000)))

    def _release(self) -> None:
        if self._holding:
            self._holding = False
            self._service.release_output()

    def _on_speech_finished(self) -> None:
        self._queue.voice_finished(self._clock())
        self._arm(self._clock())
