"""Domain events the player hands to the history store: sessions and completed sets."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from msgspec import Struct


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


#: Which set of a session: (exercise id, set number, side value), as the history stores it.
SetKey = tuple[str, int, str]


class CompletedSet(Struct, frozen=True):
    """One set (or one side of a set) as it was done; times are aware UTC datetimes.

    `cut_short` is the engine's `SetCompleted.cut_short`: the set or side was left before its
    target (skipped, the exercise or session ended during it) and holds what was done. None
    where it is not known (a row written before it was kept): `core.stats.cut_short` then
    judges it from the results.
    """

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
    cut_short: bool | None = None

    @property
    def key(self) -> SetKey:
        """Which set of its session this is (the engine's `set_key` of its phase)."""
        return (self.exercise_id, self.set_number, self.side.value)


class SetRating(Struct, frozen=True):
    """What a person says after a set, or a set redone after Back; every field is optional.

    `cut_short` comes only with a redo: whether the redone set was left before its target.
    """

    achieved_reps: int | None = None
    achieved_hold_s: float | None = None
    pain: int | None = None
    felt_in: FeltIn | None = None
    cut_short: bool | None = None


class DoseChoice(Struct, frozen=True):
    """What the app suggested for one exercise before a session, and what the person chose.

    Doses are whole seconds for holds and counts for reps and steps (`unit` says which);
    variations are names of the exercise's easier or harder versions, None for the exercise
    itself. `extra_side` is the side given one extra set for being weaker.
    """

    step_index: int
    exercise_id: str
    unit: str
    previous: int
    suggested: int
    chosen: int
    change: str
    reason: str
    suggested_variation: str | None = None
    chosen_variation: str | None = None
    suggested_extra_side: Side | None = None
    chosen_extra_side: Side | None = None

    @property
    def accepted(self) -> bool:
        return (self.chosen, self.chosen_variation, self.chosen_extra_side) == (
            self.suggested, self.suggested_variation, self.suggested_extra_side)


class HurtChoice(StrEnum):
    """What a person chose after pressing "It hurts"."""

    SKIP_EXERCISE = "skip_exercise"
    END_SESSION = "end_session"
    CARRY_ON = "carry_on"


class Hurt(Struct, frozen=True):
    """An "It hurts": when, during which exercise, set and side, and what the person chose.

    `exercise_id` is None when it was not during an exercise (asked before any was worked);
    `choice` is None until the person chose (or when the app stopped before they could).
    """

    at: datetime
    exercise_id: str | None
    set_number: int | None = None
    side: Side | None = None
    choice: HurtChoice | None = None
