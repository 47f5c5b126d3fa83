"""Builders shared by the tests: fake clocks, stored sets and session records. Qt-free."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from msgspec.structs import replace

from gluteapp.core.history_records import SessionRecord, StoredSet
from gluteapp.core.records import FeltIn, SessionStatus, Side

#: A Monday evening, the default moment of every built set and session.
MOMENT = datetime(2025, 9, 1, 18, tzinfo=UTC)


class MonoClock:
    """Monotonic seconds that move only when a test says so (the engine's and runner's `now`)."""

    def __init__(self, start: float = 100.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> float:
        self.now += seconds
        return self.now


class WallClock:
    """A UTC wall clock that only moves when a test moves it (the store's `clock`)."""

    def __init__(self, start: datetime = MOMENT) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


def stored_set(
    exercise_id: str = "glute-bridge",
    side: Side = Side.BOTH,
    *,
    hold: tuple[float | None, float | None] | None = None,
    reps: tuple[int | None, int | None] | None = None,
    pain: int | None = None,
    felt_in: FeltIn | None = None,
    set_number: int = 1,
    at: datetime = MOMENT,
    set_id: int = 0,
    cut_short: bool | None = None,
) -> StoredSet:
    """A set as the history returns it; `hold` and `reps` are (target, achieved); `cut_short`
    as the player stored it (None: a row from before it was stored)."""
    target_hold, achieved_hold = hold or (None, None)
    target_reps, achieved_reps = reps or (None, None)
    return StoredSet(
        id=set_id,
        session_id=0,
        exercise_id=exercise_id,
        set_number=set_number,
        side=side,
        started_at=at,
        ended_at=at,
        target_hold_s=target_hold,
        achieved_hold_s=achieved_hold,
        target_reps=target_reps,
        achieved_reps=achieved_reps,
        pain=pain,
        felt_in=felt_in,
        cut_short=cut_short,
    )


def session_record(
    started_at: datetime,
    *sets: StoredSet,
    routine_id: str = "atrophy-starter",
    routine_name: str | None = None,
    status: SessionStatus = SessionStatus.COMPLETED,
    session_id: int = 0,
    notes: str = "",
    minutes: float = 20,
    renumber: bool = False,
) -> SessionRecord:
    """A finished session of `sets`; with `renumber`, the sets get ids of their own under it."""
    if renumber:
        sets = tuple(replace(s, id=session_id * 100 + n, session_id=session_id)
                     for n, s in enumerate(sets))
    return SessionRecord(
        id=session_id,
        routine_id=routine_id,
        routine_name=routine_name if routine_name is not None else routine_id,
        started_at=started_at,
        ended_at=started_at + timedelta(minutes=minutes),
        status=status,
        notes=notes,
        sets=sets,
    )


#: One of the person's own exercises, as its file in the data folder's exercises/ holds it: a
#: hold per side with the standing hip drive's figure.
WALL_PRESS_TOML = """\
[[exercise]]
id = "own-wall-press"
name = "Wall knee press"
summary = "Press one knee into the wall, as my physiotherapist showed me."
primary_muscles = ["gluteus_maximus"]
position = "standing"
mode = "hold"
per_side = true
dosage = { sets = 2, rest_s = 15, hold_s = { min = 20, max = 40 } }
steps = ["Stand side-on to a wall.", "Press the knee into the wall and hold."]
tips = ["Stand tall."]
cautions = ["Stop if the knee hurts."]
mistakes = []
sources = [{ title = "My physiotherapist", publisher = "your own notes" }]

[picture]
figure = "standing-hip-drive"
"""
