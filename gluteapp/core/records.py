"""Domain events the player hands to the history store: sessions and completed sets."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Side(StrEnum):
    LEFT = "left"
    RIGHT = "right"
    BOTH = "both"


class FeltIn(StrEnum):
    GLUTES = "glutes"
    HAMSTRINGS = "hamstrings"
    LOWER_BACK = "lower_back"
    NOWHERE = "nowhere"


class SessionStatus(StrEnum):
    RUNNING = "running"
    COMPLETED = "completed"
    ENDED_EARLY = "ended_early"
    INTERRUPTED = "interrupted"


@dataclass(frozen=True)
class CompletedSet:
    """One set (or one side of a set) as it was done; times are aware UTC datetimes."""

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


@dataclass(frozen=True)
class SetRating:
    """What a person says after a set; every field is optional."""

    achieved_reps: int | None = None
    achieved_hold_s: float | None = None
    pain: int | None = None
    felt_in: FeltIn | None = None
