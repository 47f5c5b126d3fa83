"""What the history store hands back: stored sessions and sets, as plain dataclasses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from gluteapp.core.records import CompletedSet, FeltIn, SessionStatus, Side


@dataclass(frozen=True)
class StoredSet:
    """A completed set as stored, with its id and session; times are aware UTC datetimes."""

    id: int
    session_id: int
    exercise_id: str
    set_number: int
    side: Side
    started_at: datetime
    ended_at: datetime
    target_reps: int | None = None
    target_hold_s: float | None = None
    achieved_reps: int | None = None
    achieved_hold_s: float | None = None
    pain: int | None = None
    felt_in: FeltIn | None = None

    def as_completed_set(self) -> CompletedSet:
        return CompletedSet(
            exercise_id=self.exercise_id,
            set_number=self.set_number,
            side=self.side,
            started_at=self.started_at,
            ended_at=self.ended_at,
            target_reps=self.target_reps,
            target_hold_s=self.target_hold_s,
            achieved_reps=self.achieved_reps,
            achieved_hold_s=self.achieved_hold_s,
            pain=self.pain,
            felt_in=self.felt_in,
        )


@dataclass(frozen=True)
class SessionRecord:
    """One session with its sets in the order they were completed.

    An interrupted session whose `ended_at` is None is still waiting for the person to resume
    or close it.
    """

    id: int
    routine_id: str
    routine_name: str
    started_at: datetime
    ended_at: datetime | None
    status: SessionStatus
    notes: str = ""
    sets: tuple[StoredSet, ...] = ()

    @property
    def last_set(self) -> StoredSet | None:
        """The set completed last: where a resumed session picks up."""
        return self.sets[-1] if self.sets else None

    @property
    def awaiting_resume(self) -> bool:
        return self.status == SessionStatus.INTERRUPTED and self.ended_at is None
