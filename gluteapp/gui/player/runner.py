"""Drives a Session from the Qt event loop without drift: timers only ask the engine to look."""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from gluteapp.core.engine import Event, Session, SetKey

log = logging.getLogger(__name__)

Clock = Callable[[], float]

# How often the ring and progress bar repaint between whole seconds while running.
ANIMATION_MS = 100
#: A wake-up that fires this much later than aimed, or whose work takes this long, is a sign
#: that the machine cannot keep up: the in-between repaints thin out, down to one every
#: MAX_ANIMATION_MS, so that whole seconds and cues (never thinned) keep the CPU. They come
#: back, a step at a time, once wake-ups are on time again.
FRAME_MS = 16.0
MAX_ANIMATION_MS = 800.0


class Pacing:
    """How often to wake between whole seconds, from how late and how long the last wake-ups were.

    Doubles the interval after a strained wake-up and shrinks it by a quarter after a calm one,
    between ANIMATION_MS and MAX_ANIMATION_MS: when the machine is oversubscribed the player
    degrades to fewer in-between repaints rather than to late seconds.
    """

    def __init__(self) -> None:
        self.interval_ms = float(ANIMATION_MS)
        self.strained = 0  # wake-ups found strained, for the benchmarks

    def note(self, late_ms: float, work_ms: float) -> None:
        if max(late_ms, work_ms) > FRAME_MS:
            self.strained += 1
            self.interval_ms = min(MAX_ANIMATION_MS, self.interval_ms * 2)
        elif max(late_ms, work_ms) < FRAME_MS / 2:
            self.interval_ms = max(float(ANIMATION_MS), self.interval_ms * 0.75)


class SessionRunner(QObject):
    """Owns one Session; wakes up when the next cue or whole second is due, never counts ticks.

    Each wake-up passes the monotonic clock's `now` to the engine, which derives everything
    from deadlines, so a late or missed timer delays a repaint but never shifts the schedule.
    """

    events = Signal(list)  # list[Event], in order, each stamped with the time it was due
    updated = Signal()  # something visible may have changed

    def __init__(self, session: Session, clock: Clock = time.monotonic,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.clock = clock
        self._timer = QTimer(self)
        self._timer.setObjectName("session_runner_timer")
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._wake)
        self.wakeups = 0
        self.pacing = Pacing()
        # When the timer was meant to fire, on the real clock (the session's may be a test's).
        self._aimed_at: float | None = None
        #: Wake every ANIMATION_MS for a smooth ring; off while nothing of the player is seen,
        #: when only cues and whole seconds (which the recorder and the sound need) wake it.
        self._animating = True

    def set_animating(self, on: bool) -> None:
        """Whether the ring is on screen and wants the in-between repaints."""
        if on != self._animating:
            self._animating = on
            if self._timer.isActive():  # a stopped runner stays stopped
                self._schedule()

    # --- actions ---------------------------------------------------------------------------
    def start(self) -> None:
        self._act(self.session.start)

    def pause(self) -> None:
        self._act(self.session.pause)

    def resume_after(self, done: set[SetKey]) -> None:
        """Start paused at the first set not in `done` (an interrupted session picks up)."""
        self._act(lambda now: self.session.resume_after(now, done))

    def resume(self) -> None:
        self._act(self.session.resume)

    def toggle(self) -> None:
        """Space: start, pause or resume, whichever fits."""
        if self.session.is_finished:
            return
        if not self.session.is_started:
            self.start()
        elif self.session.is_paused:
            self.resume()
        else:
            self.pause()

    def skip(self) -> None:
        """Right: skip a timed phase; in self-paced work it means 'done'."""
        if self.session.is_started and not self.session.phase.kind.is_timed:
            self.done()
        else:
            self._act(self.session.skip)

    def back(self) -> None:
        self._act(self.session.back)

    def skip_exercise(self) -> None:
        self._act(self.session.skip_exercise)

    def end_early(self) -> None:
        self._act(self.session.end_early)

    def done(self, achieved: int | None = None) -> None:
        self._act(lambda now: self.session.done(now, achieved))

    def extend_rest(self, seconds: float = 15.0) -> None:
        self._act(lambda now: self.session.extend_rest(now, seconds))

    def shorten_rest(self, seconds: float = 15.0) -> None:
        self._act(lambda now: self.session.shorten_rest(now, seconds))

    def stop(self) -> None:
        """Stop waking up (the session object keeps its state)."""
        self._timer.stop()

    @property
    def is_running(self) -> bool:
        return self._timer.isActive()

    # --- the loop --------------------------------------------------------------------------
    def _wake(self) -> None:
        """The timer's wake-up: evaluate, and note how late it fired and how long it worked."""
        began = time.monotonic()
        late_ms = (began - self._aimed_at) * 1000 if self._aimed_at is not None else 0.0
        self._aimed_at = None
        self.evaluate()
        self.pacing.note(max(0.0, late_ms), (time.monotonic() - began) * 1000)

    def evaluate(self) -> None:
        """Let the engine catch up to now, publish what happened, and sleep till the next thing."""
        self.wakeups += 1
        now = self.clock()
        self._publish(self.session.tick(now), now)

    def _act(self, action: Callable[[float], list[Event]]) -> None:
        if self.session.is_finished:
            return
        now = self.clock()
        self._publish(action(now), now)

    def _publish(self, events: list[Event], now: float) -> None:
        if events:
            self.events.emit(events)
        self.updated.emit()
        self._schedule(now)

    def _schedule(self, now: float | None = None) -> None:
        """Sleep till the next thing after `now`, the moment what is shown was worked out for.

        Not after the moment the slots finished: on a loaded machine they may end past the
        next whole second, which the display has not shown yet; it is then due at once
        rather than a whole repaint interval (up to MAX_ANIMATION_MS) later.
        """
        session = self.session
        if session.is_finished or not session.is_started or session.is_paused:
            self._timer.stop()
            return
        if now is None:
            now = self.clock()
        due = now + self.pacing.interval_ms / 1000 if self._animating else math.inf
        wakeup = session.next_wakeup()
        if wakeup is not None:
            due = min(due, wakeup)
        remaining = session.remaining_s(now)
        if remaining is not None and remaining > 0:
            # The displayed number changes when the remaining time crosses a whole second.
            to_boundary = remaining - math.floor(remaining - 1e-9)
            due = min(due, now + to_boundary)
        if math.isinf(due):  # a self-counted set, unseen: the next action wakes it
            self._timer.stop()
            return
        delay_ms = max(0, math.ceil((due - self.clock()) * 1000))
        self._aimed_at = time.monotonic() + delay_ms / 1000
        self._timer.start(delay_ms)
