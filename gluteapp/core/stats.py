"""Progress statistics over stored sessions: weekly adherence, doses, sides, pain, felt-in, streaks.

Pure functions over `SessionRecord`s. Calendar questions (which day, which ISO week) are answered
in the person's local time: every function that needs a day takes `tz`, where None means the
system's local zone (so daylight-saving changes are honoured) and tests pass `UTC`.

A session counts towards adherence when at least one set was completed in it, whatever its status:
a session ended early or interrupted after three sets was still a session done, while one started
and abandoned before the first set was not.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum
from statistics import fmean

from gluteapp.core.exercises import Exercise, Mode
from gluteapp.core.history_records import SessionRecord, StoredSet
from gluteapp.core.records import FeltIn, SessionStatus, Side

DEFAULT_GOAL_PER_WEEK = 2


class HistoryRange(StrEnum):
    """How far back the history view looks, in whole ISO weeks ending with the current one."""

    FOUR_WEEKS = "4w"
    THREE_MONTHS = "3m"
    YEAR = "1y"
    ALL = "all"

    @property
    def weeks(self) -> int | None:
        """Number of weeks shown, the current one included; None for the whole history."""
        return _RANGE_WEEKS[self]


_RANGE_WEEKS: dict[HistoryRange, int | None] = {
    HistoryRange.FOUR_WEEKS: 4,
    HistoryRange.THREE_MONTHS: 13,
    HistoryRange.YEAR: 52,
    HistoryRange.ALL: None,
}


class Measure(StrEnum):
    """What an exercise's progress is counted in: seconds held, or reps (or steps)."""

    HOLD = "hold"
    REPS = "reps"


class Aggregate(StrEnum):
    """How one session's sets become one point: the best set, or the mean of the sets."""

    BEST = "best"
    MEAN = "mean"


# -- days and weeks ---------------------------------------------------------------------------


def local_day(moment: datetime, tz: tzinfo | None = None) -> date:
    """The calendar day of an aware datetime in `tz` (None: the system's local time)."""
    return moment.astimezone(tz).date()


def week_start(day: date) -> date:
    """The Monday of the ISO week holding `day`."""
    return day - timedelta(days=day.weekday())


def counts_as_session(session: SessionRecord) -> bool:
    return bool(session.sets)


def first_day(sessions: Iterable[SessionRecord], tz: tzinfo | None = None) -> date | None:
    days = [local_day(s.started_at, tz) for s in sessions if counts_as_session(s)]
    return min(days) if days else None


def range_start(
    history_range: HistoryRange,
    today: date,
    sessions: Iterable[SessionRecord] = (),
    tz: tzinfo | None = None,
) -> date:
    """The Monday the range begins on: N-1 weeks before this week, or the first session's week.

    With no sessions, "all" is just the current week.
    """
    weeks = history_range.weeks
    this_week = week_start(today)
    if weeks is not None:
        return this_week - timedelta(weeks=weeks - 1)
    first = first_day(sessions, tz)
    return week_start(min(first, today)) if first is not None else this_week


def sessions_in_range(
    sessions: Iterable[SessionRecord],
    history_range: HistoryRange,
    today: date,
    tz: tzinfo | None = None,
) -> list[SessionRecord]:
    """Sessions started from the range's first Monday up to the end of `today`, in order given."""
    sessions = list(sessions)
    start = range_start(history_range, today, sessions, tz)
    return [s for s in sessions if start <= local_day(s.started_at, tz) <= today]


# -- adherence --------------------------------------------------------------------------------


@dataclass(frozen=True)
class WeekCount:
    """Sessions in one ISO week (Monday `start`) against the weekly goal."""

    start: date
    sessions: int
    goal: int

    @property
    def met(self) -> bool:
        return self.sessions >= self.goal

    @property
    def iso_week(self) -> tuple[int, int]:
        year, week, _ = self.start.isocalendar()
        return year, week


def sessions_per_week(
    sessions: Iterable[SessionRecord],
    today: date,
    history_range: HistoryRange = HistoryRange.ALL,
    goal: int = DEFAULT_GOAL_PER_WEEK,
    tz: tzinfo | None = None,
) -> list[WeekCount]:
    """One entry per ISO week of the range, weeks without sessions included, oldest first."""
    sessions = list(sessions)
    start = range_start(history_range, today, sessions, tz)
    end = week_start(today)
    per_week: Counter[date] = Counter(
        week_start(day)
        for s in sessions
        if counts_as_session(s) and start <= (day := local_day(s.started_at, tz)) <= today
    )
    weeks: list[WeekCount] = []
    monday = start
    while monday <= end:
        weeks.append(WeekCount(monday, per_week[monday], goal))
        monday += timedelta(weeks=1)
    return weeks


@dataclass(frozen=True)
class Streaks:
    """Consecutive weeks meeting the goal, and where the current week stands.

    `reaches_start` says the current streak runs back to the first week looked at, so over a
    limited range it may really be longer.
    """

    current_weeks: int
    longest_weeks: int
    this_week_sessions: int
    goal: int
    reaches_start: bool = False

    @property
    def this_week_met(self) -> bool:
        return self.this_week_sessions >= self.goal


def week_streaks(weeks: Sequence[WeekCount]) -> Streaks:
    """Streaks over `weeks` (oldest first, the last one being the current week).

    The current week is still under way: it extends the current streak once it meets the goal,
    and does not break it before then.
    """
    if not weeks:
        return Streaks(0, 0, 0, DEFAULT_GOAL_PER_WEEK)
    longest = run = 0
    for week in weeks:
        run = run + 1 if week.met else 0
        longest = max(longest, run)
    this_week = weeks[-1]
    current = 0
    broken = False
    for week in reversed(weeks[:-1]):
        if not week.met:
            broken = True
            break
        current += 1
    if this_week.met:
        current += 1
    reaches_start = current > 0 and not broken
    return Streaks(current, longest, this_week.sessions, this_week.goal, reaches_start)


def active_days(sessions: Iterable[SessionRecord], tz: tzinfo | None = None) -> dict[date, int]:
    """Sessions per local day, for days with at least one; the calendar's data."""
    return dict(
        sorted(
            Counter(local_day(s.started_at, tz) for s in sessions if counts_as_session(s)).items()
        )
    )


def activity_calendar(
    sessions: Iterable[SessionRecord], start: date, end: date, tz: tzinfo | None = None
) -> list[tuple[date, int]]:
    """Every day from `start` to `end` inclusive with its number of sessions (zero included)."""
    per_day = active_days(sessions, tz)
    days: list[tuple[date, int]] = []
    day = start
    while day <= end:
        days.append((day, per_day.get(day, 0)))
        day += timedelta(days=1)
    return days


@dataclass(frozen=True)
class Summary:
    """Counts for a range: the headline numbers of the view and the report."""

    sessions: int
    completed: int
    ended_early: int
    interrupted: int
    sets: int
    active_days: int
    weeks: int
    weeks_met: int

    @property
    def sessions_per_week(self) -> float:
        return self.sessions / self.weeks if self.weeks else 0.0


def summarize(
    weeks: Sequence[WeekCount], sessions: Iterable[SessionRecord], tz: tzinfo | None = None
) -> Summary:
    """Headline counts for sessions already limited to the range that `weeks` covers."""
    counted = [s for s in sessions if counts_as_session(s)]
    statuses = Counter(s.status for s in counted)
    return Summary(
        sessions=len(counted),
        completed=statuses[SessionStatus.COMPLETED],
        ended_early=statuses[SessionStatus.ENDED_EARLY],
        interrupted=statuses[SessionStatus.INTERRUPTED],
        sets=sum(len(s.sets) for s in counted),
        active_days=len({local_day(s.started_at, tz) for s in counted}),
        weeks=len(weeks),
        weeks_met=sum(1 for w in weeks if w.met),
    )


# -- exercises --------------------------------------------------------------------------------


def achieved(stored: StoredSet, measure: Measure) -> float | None:
    if measure is Measure.HOLD:
        return stored.achieved_hold_s
    return float(stored.achieved_reps) if stored.achieved_reps is not None else None


def target(stored: StoredSet, measure: Measure) -> float | None:
    if measure is Measure.HOLD:
        return stored.target_hold_s
    return float(stored.target_reps) if stored.target_reps is not None else None


def measure_for(exercise: Exercise | None, sets: Iterable[StoredSet] = ()) -> Measure:
    """Holds for a timed-hold exercise, else reps; unknown exercises are judged by their data."""
    if exercise is not None:
        return Measure.HOLD if exercise.mode is Mode.HOLD else Measure.REPS
    for stored in sets:
        if stored.achieved_hold_s is not None or stored.target_hold_s is not None:
            return Measure.HOLD
        if stored.achieved_reps is not None or stored.target_reps is not None:
            return Measure.REPS
    return Measure.REPS


def exercises_done(sessions: Iterable[SessionRecord]) -> list[tuple[str, int]]:
    """Exercise ids with their number of sets, most sets first (ties by id)."""
    counts = Counter(st.exercise_id for s in sessions for st in s.sets)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def has_sides(sessions: Iterable[SessionRecord], exercise_id: str) -> bool:
    """Whether this exercise was done one side at a time in any of these sessions."""
    return any(
        st.exercise_id == exercise_id and st.side is not Side.BOTH
        for s in sessions
        for st in s.sets
    )


def _combine(values: Sequence[float], aggregate: Aggregate) -> float:
    return max(values) if aggregate is Aggregate.BEST else fmean(values)


@dataclass(frozen=True)
class ProgressPoint:
    """One session's result for one exercise: its best or mean set, and the mean target."""

    session_id: int
    started_at: datetime
    value: float
    target: float | None
    sets: int


def exercise_progress(
    sessions: Iterable[SessionRecord],
    exercise_id: str,
    measure: Measure,
    aggregate: Aggregate = Aggregate.BEST,
) -> list[ProgressPoint]:
    """Per session with a measured set of this exercise (both sides together), in session order."""
    points: list[ProgressPoint] = []
    for session in sessions:
        values: list[float] = []
        targets: list[float] = []
        for stored in session.sets:
            if stored.exercise_id != exercise_id:
                continue
            value = achieved(stored, measure)
            if value is None:
                continue
            values.append(value)
            wanted = target(stored, measure)
            if wanted is not None:
                targets.append(wanted)
        if values:
            points.append(
                ProgressPoint(
                    session.id,
                    session.started_at,
                    _combine(values, aggregate),
                    fmean(targets) if targets else None,
                    len(values),
                )
            )
    return points


@dataclass(frozen=True)
class SidePoint:
    """One session's left and right results for a one-sided exercise."""

    session_id: int
    started_at: datetime
    left: float | None
    right: float | None

    @property
    def ratio(self) -> float | None:
        """left / right: below 1 the left side is weaker; None unless both sides are measured."""
        if self.left is None or self.right is None or self.right <= 0:
            return None
        return self.left / self.right


def side_balance(
    sessions: Iterable[SessionRecord],
    exercise_id: str,
    measure: Measure,
    aggregate: Aggregate = Aggregate.BEST,
) -> list[SidePoint]:
    """Per session with a measured left or right set of this exercise, in session order."""
    points: list[SidePoint] = []
    for session in sessions:
        by_side: dict[Side, list[float]] = {Side.LEFT: [], Side.RIGHT: []}
        for stored in session.sets:
            if stored.exercise_id != exercise_id or stored.side is Side.BOTH:
                continue
            value = achieved(stored, measure)
            if value is not None:
                by_side[stored.side].append(value)
        left, right = by_side[Side.LEFT], by_side[Side.RIGHT]
        if left or right:
            points.append(
                SidePoint(
                    session.id,
                    session.started_at,
                    _combine(left, aggregate) if left else None,
                    _combine(right, aggregate) if right else None,
                )
            )
    return points


@dataclass(frozen=True)
class ExerciseDose:
    """Dose done against dose prescribed for one exercise over a range."""

    exercise_id: str
    measure: Measure
    sets: int
    sets_with_target: int
    sets_at_target: int
    mean_target: float | None
    mean_achieved: float | None
    first_target: float | None
    last_target: float | None

    @property
    def share_at_target(self) -> float | None:
        """Share of the sets with a target whose achieved value reached it."""
        return self.sets_at_target / self.sets_with_target if self.sets_with_target else None

    @property
    def achieved_of_target(self) -> float | None:
        """Mean achieved over mean target, for the sets that have both."""
        if self.mean_target is None or self.mean_achieved is None or self.mean_target <= 0:
            return None
        return self.mean_achieved / self.mean_target


def dose_summary(
    sessions: Iterable[SessionRecord],
    measure_of: Callable[[str, Sequence[StoredSet]], Measure],
) -> list[ExerciseDose]:
    """Per exercise, most sets first. `measure_of(exercise_id, its_sets)` picks holds or reps.

    The means (and the achieved-of-target share) use only sets with both a target and a result,
    so an unmeasured set does not look like a missed one.
    """
    by_exercise: dict[str, list[StoredSet]] = {}
    for session in sessions:
        for stored in session.sets:
            by_exercise.setdefault(stored.exercise_id, []).append(stored)
    doses: list[ExerciseDose] = []
    for exercise_id, sets in by_exercise.items():
        measure = measure_of(exercise_id, sets)
        pairs = [
            (wanted, got)
            for st in sets
            if (wanted := target(st, measure)) is not None
            and (got := achieved(st, measure)) is not None
        ]
        targets = [wanted for st in sets if (wanted := target(st, measure)) is not None]
        doses.append(
            ExerciseDose(
                exercise_id=exercise_id,
                measure=measure,
                sets=len(sets),
                sets_with_target=len(pairs),
                sets_at_target=sum(1 for wanted, got in pairs if got >= wanted),
                mean_target=fmean(w for w, _ in pairs) if pairs else None,
                mean_achieved=fmean(g for _, g in pairs) if pairs else None,
                first_target=targets[0] if targets else None,
                last_target=targets[-1] if targets else None,
            )
        )
    doses.sort(key=lambda d: (-d.sets, d.exercise_id))
    return doses


# -- how it felt ------------------------------------------------------------------------------


@dataclass(frozen=True)
class PainPoint:
    """Pain over one session's rated sets (0-10)."""

    session_id: int
    started_at: datetime
    mean: float
    max: int
    rated: int


def pain_over_time(sessions: Iterable[SessionRecord]) -> list[PainPoint]:
    """Per session with at least one set rated for pain; unrated sets are left out, not zero."""
    points: list[PainPoint] = []
    for session in sessions:
        ratings = [st.pain for st in session.sets if st.pain is not None]
        if ratings:
            points.append(
                PainPoint(
                    session.id, session.started_at, fmean(ratings), max(ratings), len(ratings)
                )
            )
    return points


@dataclass(frozen=True)
class FeltInPoint:
    """Where one session's rated sets were felt."""

    session_id: int
    started_at: datetime
    counts: Mapping[FeltIn, int] = field(default_factory=dict)

    @property
    def rated(self) -> int:
        return sum(self.counts.values())

    @property
    def glutes(self) -> int:
        return self.counts.get(FeltIn.GLUTES, 0)

    @property
    def glute_share(self) -> float:
        """Share (0-1) of the rated sets felt in the glutes."""
        return self.glutes / self.rated if self.rated else 0.0


def felt_in_over_time(sessions: Iterable[SessionRecord]) -> list[FeltInPoint]:
    """Per session with at least one set rated for where it was felt."""
    points: list[FeltInPoint] = []
    for session in sessions:
        counts = Counter(st.felt_in for st in session.sets if st.felt_in is not None)
        if counts:
            points.append(FeltInPoint(session.id, session.started_at, dict(counts)))
    return points


def first_and_last(values: Sequence[float], count: int) -> tuple[float, float] | None:
    """Mean of the first `count` values and of the last `count` (a trend in two numbers)."""
    if not values:
        return None
    count = max(1, min(count, len(values)))
    return fmean(values[:count]), fmean(values[-count:])


def rolling_mean(values: Sequence[float], window: int) -> list[float]:
    """Trailing mean over up to `window` values: a readable trend through noisy points."""
    if window < 1:
        raise ValueError(f"window must be at least 1, got {window}")
    means: list[float] = []
    total = 0.0
    for index, value in enumerate(values):
        total += value
        if index >= window:
            total -= values[index - window]
        means.append(total / min(index + 1, window))
    return means
