"""Hands each completed set to the history the moment the engine reports it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QObject

from gluteapp.core.engine import Event, SessionFinished, SessionStarted, SetCompleted
from gluteapp.core.player_display import HurtSubject
from gluteapp.core.records import (
    CompletedSet,
    DoseChoice,
    Hurt,
    HurtChoice,
    SessionStatus,
    SetRating,
)
from gluteapp.gui.history_service import HistoryService

log = logging.getLogger(__name__)

WallClock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


class SessionRecorder(QObject):
    """Turns engine events into history rows: one session row, one row per completed set.

    Engine times are monotonic seconds; they are turned into UTC by the offset between the two
    clocks taken when the recorder starts, so a wall-clock change mid-session cannot reorder
    sets.
    """

    def __init__(self, history: HistoryService, routine_id: str, routine_name: str,
                 mono_now: float, wall: WallClock = utc_now,
                 resume_session_id: int | None = None,
                 choices: list[DoseChoice] | None = None, parent: QObject | None = None,
                 *, routine_toml: str = "") -> None:
        super().__init__(parent)
        self.history = history
        self.routine_id = routine_id
        self.routine_name = routine_name
        self._wall_at_start = wall()
        self._mono_at_start = mono_now
        self._wall = wall
        self.session_id: int | None = resume_session_id
        self.set_ids: dict[tuple[int, int, str], int] = {}
        # What was suggested and chosen before the session: stored with the session's row.
        self.choices = list(choices or [])
        # The routine as played, kept with the session so that it can always be resumed.
        self.routine_toml = routine_toml
        self.hurt_id: int | None = None  # the "It hurts" waiting for the person's choice

    def to_wall(self, mono: float) -> datetime:
        return self._wall_at_start + timedelta(seconds=mono - self._mono_at_start)

    def on_events(self, events: list[Event]) -> None:
        for event in events:
            if isinstance(event, SessionStarted) and not event.resumed:
                self.ensure_session()
            elif isinstance(event, SetCompleted):
                self.record(event)
            elif isinstance(event, SessionFinished):
                self.finish(event)

    def ensure_session(self) -> int | None:
        if self.session_id is None:
            self.session_id = self.history.start_session(
                self.routine_id, self.routine_name, self._wall_at_start)
            if self.session_id is not None and self.choices:
                self.history.record_dose_choices(self.session_id, self.choices)
            if self.session_id is not None and self.routine_toml:
                self.history.set_routine_toml(self.session_id, self.routine_toml)
        return self.session_id

    def report_hurt(self, subject: HurtSubject | None) -> int | None:
        """Store an "It hurts" now, against what it refers to (None: not during an exercise)."""
        session_id = self.ensure_session()
        if session_id is None:
            return None
        hurt = Hurt(self._wall(), subject.exercise_id if subject else None,
                    subject.set_number if subject else None, subject.side if subject else None)
        self.hurt_id = self.history.record_hurt(session_id, hurt)
        log.info("it hurts: session=%d exercise=%s set=%s side=%s", session_id,
                 hurt.exercise_id, hurt.set_number, hurt.side.value if hurt.side else None)
        return self.hurt_id

    def resolve_hurt(self, choice: str) -> None:
        """What the person chose after it hurt: skip the exercise, end, or carry on."""
        if self.hurt_id is None or self.session_id is None:
            return
        self.history.set_hurt_choice(self.session_id, self.hurt_id, HurtChoice(choice))
        log.info("after it hurt: %s", choice)
        self.hurt_id = None

    def record(self, done: SetCompleted) -> int | None:
        session_id = self.ensure_session()
        if session_id is None:
            return None
        key = (done.step_index, done.set_number, done.side.value)
        if key in self.set_ids:
            # The set was redone after 'back': the later result stands.
            earlier = self.set_ids[key]
            self.history.rate_set(earlier, SetRating(
                achieved_reps=done.achieved_reps, achieved_hold_s=done.achieved_hold_s,
                cut_short=done.cut_short))
            return earlier
        row = CompletedSet(
            exercise_id=done.exercise_id,
            set_number=done.set_number,
            side=done.side,
            started_at=self.to_wall(done.started_at_mono),
            ended_at=self.to_wall(done.ended_at_mono),
            target_reps=done.target_reps,
            target_hold_s=done.target_hold_s,
            achieved_reps=done.achieved_reps,
            achieved_hold_s=done.achieved_hold_s,
            cut_short=done.cut_short,
        )
        set_id = self.history.record_set(session_id, row)
        if set_id is not None:
            self.set_ids[key] = set_id
            # A negative id is provisional: the set waits in the journal until it can be written.
            log.info("set %s: id=%d session=%d exercise=%s set=%d side=%s",
                     "saved" if set_id > 0 else "waiting to be saved", set_id, session_id,
                     done.exercise_id, done.set_number, done.side.value)
        return set_id

    def rate(self, done: SetCompleted, rating: SetRating) -> bool:
        """Store a rating; whether the history has it now."""
        set_id = self.set_ids.get((done.step_index, done.set_number, done.side.value))
        if set_id is None:
            log.warning("rating for a set that was not saved: %s", done)
            return False
        return self.history.rate_set(set_id, rating) is not None

    def finish(self, finished: SessionFinished) -> None:
        session_id = self.ensure_session()
        if session_id is None:
            return
        status = (SessionStatus.COMPLETED if finished.status is SessionStatus.COMPLETED
                  else SessionStatus.ENDED_EARLY)
        self.history.finish_session(session_id, status, self.to_wall(finished.at))
        log.info("session %d finished: %s", session_id, status.value)
