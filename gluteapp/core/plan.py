"""The weekly plan (goal, sessions done, the routine next) and the four-to-six-week check-in.

Sessions and sets are counted as `core.stats` defines them, the same as the History area: the
two-minute standing break is not one of the week's sessions, so it neither counts towards the
goal nor moves the medius A/B alternation, and the check-in leaves it out. Days are local days
(`tz` None: the system's zone); sessions after `today` are ignored.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, timedelta, tzinfo
from statistics import fmean

from msgspec import Struct

from gluteapp.core.history_records import SessionRecord, StoredSet
from gluteapp.core.records import FeltIn
from gluteapp.core.routines import MEDIUS_PAIR, next_in_pair
from gluteapp.core.stats import (
    DEFAULT_GOAL_PER_WEEK,
    STANDING_BREAK_ID,
    Measure,
    achieved,
    goal_sessions,
    measure_for,
    sessions_this_week,
    sets_done,
    week_start,
)

__all__ = [
    "STANDING_BREAK_ID", "CheckIn", "ExerciseChange", "Fortnight", "WeekPlan", "check_in",
    "last_in_pair", "week_plan",
]

FORTNIGHT_DAYS = 14
CHECK_IN_FIRST_WEEK = 4
CHECK_IN_LAST_WEEK = 6


# -- the week ---------------------------------------------------------------------------------


class WeekPlan(Struct, frozen=True):
    """This ISO week against the goal, and the routine to do next."""

    week_start: date
    goal: int
    done: int
    days_done: tuple[date, ...]
    next_routine_id: str
    days_left: int

    @property
    def remaining(self) -> int:
        return max(0, self.goal - self.done)

    @property
    def met(self) -> bool:
        return self.done >= self.goal

    @property
    def on_track(self) -> bool:
        """Whether the sessions still needed fit in the days left, one a day, today included."""
        return self.remaining <= self.days_left


def last_in_pair(
    sessions: Iterable[SessionRecord], today: date, tz: tzinfo | None = None
) -> str | None:
    """The medius routine done last (A or B), by the same rule as the week plan's next one."""
    full = goal_sessions(sessions, today, tz)
    return next((s.routine_id for _, s in reversed(full) if s.routine_id in MEDIUS_PAIR), None)


def week_plan(
    sessions: Iterable[SessionRecord],
    today: date,
    goal: int = DEFAULT_GOAL_PER_WEEK,
    tz: tzinfo | None = None,
) -> WeekPlan:
    """The week holding `today`: sessions done so far and the medius routine due next."""
    sessions = list(sessions)
    this_week = [day for day, _ in sessions_this_week(sessions, today, tz)]
    last_pair = last_in_pair(sessions, today, tz)
    return WeekPlan(
        week_start=week_start(today),
        goal=goal,
        done=len(this_week),
        days_done=tuple(sorted(set(this_week))),
        next_routine_id=next_in_pair(last_pair),
        days_left=7 - today.weekday(),
    )


# -- the check-in -----------------------------------------------------------------------------


class Fortnight(Struct, frozen=True):
    """Fourteen days (`end` included) summed up for the check-in."""

    start: date
    end: date
    sessions: int
    sets: int
    mean_pain: float | None
    glute_share: float | None
    best: dict[str, float]


class ExerciseChange(Struct, frozen=True):
    """One exercise's best set in the first fortnight against the latest one."""

    exercise_id: str
    first: float
    latest: float

    @property
    def change_percent(self) -> float:
        """Relative change, e.g. 25.0 for 20 s to 25 s; 0.0 when the first best was zero."""
        if self.first <= 0:
            return 0.0
        return (self.latest - self.first) / self.first * 100.0


class CheckIn(Struct, frozen=True):
    """The first fortnight against the latest, once there are four weeks to compare."""

    weeks: int
    due: bool
    first: Fortnight
    latest: Fortnight
    changes: tuple[ExerciseChange, ...]


def _fortnight(
    full: Sequence[tuple[date, SessionRecord]],
    start: date,
    measures: dict[str, Measure],
) -> Fortnight:
    end = start + timedelta(days=FORTNIGHT_DAYS - 1)
    inside = [s for day, s in full if start <= day <= end]
    sets = [st for s in inside for st in s.sets]
    done = sum(sets_done(s.sets) for s in inside)
    pains = [st.pain for st in sets if st.pain is not None]
    felt = Counter(st.felt_in for st in sets if st.felt_in is not None)
    rated = felt.total()
    best: dict[str, float] = {}
    for stored in sets:
        value = achieved(stored, measures[stored.exercise_id])
        if value is not None:
            best[stored.exercise_id] = max(value, best.get(stored.exercise_id, value))
    return Fortnight(
        start=start,
        end=end,
        sessions=len(inside),
        sets=done,
        mean_pain=fmean(pains) if pains else None,
        glute_share=felt[FeltIn.GLUTES] / rated if rated else None,
        best=best,
    )


def check_in(
    sessions: Iterable[SessionRecord], today: date, tz: tzinfo | None = None
) -> CheckIn | None:
    """Compare the 14 days from the first session with the 14 days ending today.

    None until the first session is at least 28 days back, so the two fortnights never overlap.
    The check-in is due from week 4 to week 6; later it is still returned, just not due.
    """
    full = goal_sessions(sessions, today, tz)
    if not full:
        return None
    first_day = full[0][0]
    days = (today - first_day).days
    if days < 2 * FORTNIGHT_DAYS:
        return None
    weeks = days // 7
    latest_start = today - timedelta(days=FORTNIGHT_DAYS - 1)
    first_end = first_day + timedelta(days=FORTNIGHT_DAYS - 1)
    by_exercise: dict[str, list[StoredSet]] = {}
    for day, s in full:
        if day <= first_end or day >= latest_start:
            for stored in s.sets:
                by_exercise.setdefault(stored.exercise_id, []).append(stored)
    # One measure per exercise over both fortnights, so that the two bests are comparable.
    measures = {exercise_id: measure_for(None, sets) for exercise_id, sets in by_exercise.items()}
    first = _fortnight(full, first_day, measures)
    latest = _fortnight(full, latest_start, measures)
    changes = [
        ExerciseChange(exercise_id, first.best[exercise_id], latest.best[exercise_id])
        for exercise_id in first.best
        if exercise_id in latest.best and first.best[exercise_id] > 0
    ]
    changes.sort(key=lambda change: (-change.change_percent, change.exercise_id))
    return CheckIn(
        weeks=weeks,
        due=CHECK_IN_FIRST_WEEK <= weeks <= CHECK_IN_LAST_WEEK,
        first=first,
        latest=latest,
        changes=tuple(changes),
    )
