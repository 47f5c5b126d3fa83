"""Progress statistics over stored sessions: weekly adherence, doses, sides, pain, felt-in, streaks.

Pure functions over `SessionRecord`s, and the one definition of what counts, used by the History
area, the report, the Plan and the session summary alike:

- A set done: one set of one exercise (`set_number`), its sides together, that reached its target
  on at least one side. A set left before its target on every side recorded (skipped, or the
  session ended during it) was not done, though what was held or counted still shows in the
  progress charts. A side left early is `partial`: it never makes a set done, and it is left
  out of left against right (a side stopped halfway is not a weaker side). A set redone after
  Back counts once, as its later record (the rule progression follows too). Counting only:
  charts and ratings keep every record, so no pain rating is ever dropped. At least one side,
  not every side: the weaker side falling short while the other reaches its target is the very
  case this app is for.
- A session towards the weekly goal: one with at least one recorded set, whatever its status (a
  session ended early or interrupted after three sets was still a session done, one abandoned
  before the first set was not), other than the two-minute standing break, which is good for a
  desk day but is not one of the week's sessions.

Calendar questions (which day, which ISO week) are answered in the person's local time: every
function that needs a day takes `tz`, where None means the system's local zone (so
daylight-saving changes are honoured) and tests pass `UTC`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from statistics import fmean
from typing import NamedTuple, Protocol, TypeVar

from msgspec import Struct, field

from gluteapp.core.exercises import Exercise, Library, Mode
from gluteapp.core.history_records import SessionRecord, StoredSet
from gluteapp.core.progression import HOLD_TOLERANCE_S
from gluteapp.core.records import FeltIn, SessionStatus, Side

DEFAULT_GOAL_PER_WEEK = 2
#: The two-minute routine the sitting reminder offers: logged, but not one of the week's sessions.
STANDING_BREAK_ID = "standing-break"


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


# -- what counts ------------------------------------------------------------------------------


class RecordedSet(Protocol):
    """What a stored set and the engine's `SetCompleted` both carry: enough to judge a set."""

    @property
    def exercise_id(self) -> str: ...
    @property
    def set_number(self) -> int: ...
    @property
    def side(self) -> Side: ...
    @property
    def target_reps(self) -> int | None: ...
    @property
    def target_hold_s(self) -> float | None: ...
    @property
    def achieved_reps(self) -> int | None: ...
    @property
    def achieved_hold_s(self) -> float | None: ...
    @property
    def cut_short(self) -> bool | None: ...


S = TypeVar("S", bound=RecordedSet)


def cut_short(recorded: RecordedSet) -> bool:
    """Short of its target: `partial` (left early), or fewer seconds held or reps done than set.

    A set that ran its time holds or counts exactly its target; a hold left within
    `HOLD_TOLERANCE_S` of its target reached it, as progression judges it. A set without a
    target or without a result cannot fall short. Such a set or side is never a set done.
    """
    if _held_to_target(recorded):
        return False
    if partial(recorded):
        return True
    if recorded.target_hold_s is not None and recorded.achieved_hold_s is not None:
        return True  # held, and not to its target
    if recorded.target_reps is not None and recorded.achieved_reps is not None:
        return recorded.achieved_reps < recorded.target_reps
    return False


def partial(recorded: RecordedSet) -> bool:
    """Left early: skipped, or the exercise or session ended during it (what was done is kept).

    The engine's `SetCompleted.cut_short` as it was stored with the set, but a hold left within
    `HOLD_TOLERANCE_S` of its target reached it. A row that fell short before the flag was kept
    says nothing either way (left early, or all the weaker side could do) and is read as a
    result, as it always was.
    """
    if _held_to_target(recorded):
        return False
    return bool(recorded.cut_short)


def _held_to_target(recorded: RecordedSet) -> bool:
    """A hold with a target and a result that came within `HOLD_TOLERANCE_S` of it."""
    return (recorded.target_hold_s is not None and recorded.achieved_hold_s is not None
            and recorded.achieved_hold_s >= recorded.target_hold_s - HOLD_TOLERANCE_S)


def standing_sets(sets: Iterable[S]) -> list[S]:
    """Each exercise's set and side once, as its later record: a set redone after Back."""
    latest: dict[tuple[str, int, Side], S] = {}
    for recorded in sets:
        key = (recorded.exercise_id, recorded.set_number, recorded.side)
        latest.pop(key, None)  # the redone set takes the place of the first, in time order
        latest[key] = recorded
    return list(latest.values())


def recorded_sets(sets: Iterable[S]) -> list[tuple[S, ...]]:
    """The sets of one session, each with its sides' standing records, in the order begun."""
    grouped: dict[tuple[str, int], list[S]] = {}
    for recorded in standing_sets(sets):
        grouped.setdefault((recorded.exercise_id, recorded.set_number), []).append(recorded)
    return [tuple(sides) for sides in grouped.values()]


def is_done(one_set: Sequence[RecordedSet]) -> bool:
    """A set (its sides' records) counts as done when at least one side reached its target."""
    return any(not cut_short(side) for side in one_set)


def done_sets(sets: Iterable[S]) -> list[tuple[S, ...]]:
    """The sets done among one session's records (see the module's docstring)."""
    return [one_set for one_set in recorded_sets(sets) if is_done(one_set)]


def sets_done(sets: Iterable[RecordedSet]) -> int:
    """How many sets one session's records add up to: the one count of "sets done"."""
    return len(done_sets(sets))


def counts_toward_goal(session: SessionRecord) -> bool:
    """A session of the week: at least one set recorded, and not the standing break."""
    return bool(session.sets) and session.routine_id != STANDING_BREAK_ID


def goal_sessions(
    sessions: Iterable[SessionRecord], today: date, tz: tzinfo | None = None
) -> list[tuple[date, SessionRecord]]:
    """Sessions towards the goal up to the end of `today`, oldest first, with their local days."""
    kept = [
        (day, s)
        for s in sessions
        if counts_toward_goal(s) and (day := local_day(s.started_at, tz)) <= today
    ]
    kept.sort(key=lambda item: item[1].started_at)
    return kept


def sessions_this_week(
    sessions: Iterable[SessionRecord], today: date, tz: tzinfo | None = None
) -> list[tuple[date, SessionRecord]]:
    """The sessions towards the goal in the ISO week holding `today`, up to today."""
    monday = week_start(today)
    return [(day, s) for day, s in goal_sessions(sessions, today, tz) if day >= monday]


def first_day(sessions: Iterable[SessionRecord], tz: tzinfo | None = None) -> date | None:
    """The day of the first session with a recorded set: where "all" of the history begins."""
    days = [local_day(s.started_at, tz) for s in sessions if s.sets]
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


class WeekCount(Struct, frozen=True):
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
        week_start(day) for day, _ in goal_sessions(sessions, today, tz) if day >= start
    )
    weeks: list[WeekCount] = []
    monday = start
    while monday <= end:
        weeks.append(WeekCount(monday, per_week[monday], goal))
        monday += timedelta(weeks=1)
    return weeks


class Streaks(Struct, frozen=True):
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
    """Sessions towards the goal per local day, for days with at least one; the calendar's data."""
    return dict(
        sorted(
            Counter(local_day(s.started_at, tz) for s in sessions if counts_toward_goal(s)).items()
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


class Summary(Struct, frozen=True):
    """Counts for a range: the headline numbers of the view and the report.

    Sessions, statuses and days are of the sessions towards the goal; `sets` are the sets done
    in every session of the range, the standing break's included, so that they add up to the
    per-exercise counts.
    """

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
    sessions = list(sessions)
    counted = [s for s in sessions if counts_toward_goal(s)]
    statuses = Counter(s.status for s in counted)
    return Summary(
        sessions=len(counted),
        completed=statuses[SessionStatus.COMPLETED],
        ended_early=statuses[SessionStatus.ENDED_EARLY],
        interrupted=statuses[SessionStatus.INTERRUPTED],
        sets=sum(sets_done(s.sets) for s in sessions),
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
    """How the newest of these sets was counted, held or in reps: an easier or harder version
    has its own kind (side planks become top-leg lifts). Without such a set: holds for a
    timed-hold exercise, else reps."""
    newest: tuple[datetime, Measure] | None = None
    for stored in sets:
        if stored.achieved_hold_s is not None or stored.target_hold_s is not None:
            kind = Measure.HOLD
        elif stored.achieved_reps is not None or stored.target_reps is not None:
            kind = Measure.REPS
        else:
            continue
        if newest is None or stored.started_at >= newest[0]:
            newest = (stored.started_at, kind)
    if newest is not None:
        return newest[1]
    if exercise is not None:
        return Measure.HOLD if exercise.mode is Mode.HOLD else Measure.REPS
    return Measure.REPS


def exercises_done(sessions: Iterable[SessionRecord]) -> list[tuple[str, int]]:
    """Exercise ids with their number of sets done, most first (ties by id).

    Every exercise with a recorded set is listed, one whose every set fell short with 0.
    """
    counts: Counter[str] = Counter()
    for session in sessions:
        for one_set in recorded_sets(session.sets):
            counts[one_set[0].exercise_id] += is_done(one_set)
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


class ProgressPoint(Struct, frozen=True):
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


class SidePoint(Struct, frozen=True):
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
    """Per session with a measured left or right set of this exercise, in session order.

    A side cut short is left out: stopped halfway, it says nothing of which side is weaker.
    """
    points: list[SidePoint] = []
    for session in sessions:
        by_side: dict[Side, list[float]] = {Side.LEFT: [], Side.RIGHT: []}
        for stored in session.sets:
            if (stored.exercise_id != exercise_id or stored.side is Side.BOTH
                    or partial(stored)):
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


class ExerciseDose(Struct, frozen=True):
    """Dose done against dose prescribed for one exercise over a range.

    `sets` are the sets done; `sets_with_target` the recorded sets given a target and
    `sets_at_target` those of them done. The means are over the sides' records.
    """

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
        """Share of the sets with a target that were done."""
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
    """Per exercise, most sets done first. `measure_of(exercise_id, its_sets)` picks holds or reps.

    The means (and the achieved-of-target share) use only side records with both a target and a
    result, so an unmeasured set does not look like a missed one.
    """
    by_exercise: dict[str, list[tuple[StoredSet, ...]]] = {}
    for session in sessions:
        for one_set in recorded_sets(session.sets):
            by_exercise.setdefault(one_set[0].exercise_id, []).append(one_set)
    doses: list[ExerciseDose] = []
    for exercise_id, groups in by_exercise.items():
        sets = [side for one_set in groups for side in one_set]
        measure = measure_of(exercise_id, sets)
        pairs = [
            (wanted, got)
            for st in sets
            if (wanted := target(st, measure)) is not None
            and (got := achieved(st, measure)) is not None
        ]
        targets = [wanted for st in sets if (wanted := target(st, measure)) is not None]
        given = [g for g in groups if any(target(st, measure) is not None for st in g)]
        doses.append(
            ExerciseDose(
                exercise_id=exercise_id,
                measure=measure,
                sets=sum(1 for g in groups if is_done(g)),
                sets_with_target=len(given),
                sets_at_target=sum(1 for g in given if is_done(g)),
                mean_target=fmean(w for w, _ in pairs) if pairs else None,
                mean_achieved=fmean(g for _, g in pairs) if pairs else None,
                first_target=targets[0] if targets else None,
                last_target=targets[-1] if targets else None,
            )
        )
    doses.sort(key=lambda d: (-d.sets, d.exercise_id))
    return doses


# -- how it felt ------------------------------------------------------------------------------


class PainPoint(Struct, frozen=True):
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


class FeltInPoint(Struct, frozen=True):
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


def felt_in_over_time(
    sessions: Iterable[SessionRecord], exercise_id: str | None = None
) -> list[FeltInPoint]:
    """Per session with a set (of `exercise_id`, if given) rated for where it was felt."""
    points: list[FeltInPoint] = []
    for session in sessions:
        counts = Counter(
            st.felt_in
            for st in session.sets
            if st.felt_in is not None and exercise_id in (None, st.exercise_id)
        )
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


# -- what the History area and the report draw ------------------------------------------------


def trend_window(count: int) -> int:
    """Sessions averaged in a trend line: a handful for a month, more for years."""
    return max(5, min(30, count // 20))


class Trend(Struct, frozen=True):
    """Per-session values over time and their trailing mean: what a trend chart draws.

    `worst` is a second series at the same times (the worst pain of each session), or empty.
    `per_week`: each value is a week's (see `WEEKLY_AFTER_WEEKS`), drawn at the week's middle.
    """

    at: tuple[datetime, ...]
    values: tuple[float, ...]
    trend: tuple[float, ...]
    worst: tuple[float, ...] = ()
    per_week: bool = False


def trend_of(
    at: Sequence[datetime], values: Sequence[float], worst: Sequence[float] = (),
    *, per_week: bool = False,
) -> Trend | None:
    """The trend through `values`; None when there is nothing to draw."""
    if not values:
        return None
    mean = rolling_mean(values, trend_window(len(values)))
    return Trend(tuple(at), tuple(values), tuple(mean), tuple(worst), per_week)


#: Ranges of more weeks than this draw pain, felt-in and an exercise's results as one point a
#: week: half a year of daily sessions is already 180 dots on a chart a few hundred pixels wide,
#: ten years 3,652, and a week's mean reads where a cloud of dots does not.
WEEKLY_AFTER_WEEKS = 26


def per_week(weeks: int) -> bool:
    """Whether a range of `weeks` weeks is drawn one point a week."""
    return weeks > WEEKLY_AFTER_WEEKS


def week_middle(monday: date, tz: tzinfo | None = None) -> datetime:
    """Where a week's point is drawn: its Thursday at noon, local time (None: the system's)."""
    noon = datetime.combine(monday + timedelta(days=3), time(12))
    return noon.replace(tzinfo=tz) if tz is not None else noon.astimezone()


class WeekSums(NamedTuple):
    """A week's pain ratings and felt-in answers, summed: what its trend points are made of.

    Whole numbers, so that a week summed in SQL and one summed here are the same.
    """

    monday: date
    pain_sum: int
    pain_n: int  # ratings given (each record of each side)
    pain_max: int | None
    glutes: int  # sets felt in the glutes
    felt: int  # sets rated for where they were felt


def weekly_trends(
    weeks: Sequence[WeekSums], tz: tzinfo | None = None
) -> tuple[Trend | None, Trend | None]:
    """Pain (each week's mean rating and its worst) and the share felt in the glutes (%), one
    point a week with a rating; weeks in order."""
    rated = [w for w in weeks if w.pain_n]
    felt = [w for w in weeks if w.felt]
    middle = {w.monday: week_middle(w.monday, tz) for w in weeks if w.pain_n or w.felt}
    pain = trend_of([middle[w.monday] for w in rated],
                    [w.pain_sum / w.pain_n for w in rated],
                    [float(w.pain_max or 0) for w in rated], per_week=True)
    glutes = trend_of([middle[w.monday] for w in felt],
                      [100.0 * (w.glutes / w.felt) for w in felt], per_week=True)
    return pain, glutes


def week_sums(sessions: Iterable[SessionRecord], tz: tzinfo | None = None) -> list[WeekSums]:
    """Each week of `sessions` with a pain rating or a felt-in answer, summed, oldest first."""
    sums: dict[date, list[int]] = {}
    worst: dict[date, int] = {}
    for session in sessions:
        ratings = [st.pain for st in session.sets if st.pain is not None]
        places = [st.felt_in for st in session.sets if st.felt_in is not None]
        if not ratings and not places:
            continue
        monday = week_start(local_day(session.started_at, tz))
        week = sums.setdefault(monday, [0, 0, 0, 0])
        week[0] += sum(ratings)
        week[1] += len(ratings)
        week[2] += sum(1 for place in places if place is FeltIn.GLUTES)
        week[3] += len(places)
        if ratings:
            worst[monday] = max(worst.get(monday, 0), *ratings)
    return [WeekSums(monday, s[0], s[1], worst.get(monday), s[2], s[3])
            for monday, s in sorted(sums.items())]


class SideSeries(Struct, frozen=True):
    """Left against right for one one-sided exercise, one point per session."""

    exercise_id: str
    measure: Measure
    points: tuple[SidePoint, ...]

    @property
    def at(self) -> tuple[datetime, ...]:
        return tuple(p.started_at for p in self.points)

    @property
    def left(self) -> tuple[float | None, ...]:
        return tuple(p.left for p in self.points)

    @property
    def right(self) -> tuple[float | None, ...]:
        return tuple(p.right for p in self.points)

    @property
    def ratio(self) -> tuple[float | None, ...]:
        return tuple(p.ratio for p in self.points)

    @property
    def has_ratio(self) -> bool:
        """Whether any session measured both sides, so there is a ratio to draw."""
        return any(r is not None for r in self.ratio)


class ExerciseSeries(Struct, frozen=True):
    """Everything the exercise tab draws for one exercise over a range."""

    exercise_id: str
    measure: Measure
    progress: tuple[ProgressPoint, ...]
    sides: SideSeries | None  # None: the exercise works both sides at once
    felt: Trend | None  # % of its rated sets felt in the glutes, per session
    per_week: bool = False  # a point a week (its best set, or the mean of its sets)


def _measure_of(library: Library) -> Callable[[str, Sequence[StoredSet]], Measure]:
    def measure(exercise_id: str, sets: Sequence[StoredSet] = ()) -> Measure:
        return measure_for(library.get(exercise_id), sets)

    return measure


def _sets_of(sessions: Iterable[SessionRecord], exercise_id: str) -> list[StoredSet]:
    return [st for s in sessions for st in s.sets if st.exercise_id == exercise_id]


def _side_series(
    sessions: Sequence[SessionRecord], exercise_id: str, measure: Measure, aggregate: Aggregate
) -> SideSeries | None:
    if not has_sides(sessions, exercise_id):
        return None
    points = side_balance(sessions, exercise_id, measure, aggregate)
    return SideSeries(exercise_id, measure, tuple(points))


def _glute_trend(points: Sequence[FeltInPoint]) -> Trend | None:
    return trend_of([p.started_at for p in points], [100.0 * p.glute_share for p in points])


def exercise_series(
    sessions: Sequence[SessionRecord],
    exercise_id: str,
    library: Library,
    aggregate: Aggregate = Aggregate.BEST,
) -> ExerciseSeries:
    """Progress, left against right and the glute share of one exercise in `sessions`."""
    measure = _measure_of(library)(exercise_id, _sets_of(sessions, exercise_id))
    return ExerciseSeries(
        exercise_id=exercise_id,
        measure=measure,
        progress=tuple(exercise_progress(sessions, exercise_id, measure, aggregate)),
        sides=_side_series(sessions, exercise_id, measure, aggregate),
        felt=_glute_trend(felt_in_over_time(sessions, exercise_id)),
    )


class RangeStats(Struct, frozen=True):
    """Every number and series the History overview and the report show for one range.

    Made once per range by `range_stats` and read by both, so that they cannot disagree.
    """

    history_range: HistoryRange
    today: date
    goal: int
    # Every session of the range, sets or not, in order read (read when first used when the
    # numbers come from digests: core.history_digest).
    sessions: Sequence[SessionRecord]
    weeks: tuple[WeekCount, ...]
    streaks: Streaks
    summary: Summary
    calendar: Sequence[tuple[date, int]]  # every day from `start` to `today`, and its count
    pain: Sequence[PainPoint]
    pain_trend: Trend | None  # session means, their trend, and each session's worst
    pain_rated_sets: int  # sets done with a pain rating on at least one side
    felt: Sequence[FeltInPoint]
    felt_trend: Trend | None  # % of rated sets felt in the glutes
    exercises: tuple[tuple[str, int], ...]  # exercise id and sets done, most first
    doses: Sequence[ExerciseDose]
    sides: Sequence[SideSeries]  # every one-sided exercise, best set per session, most sets first
    tz: tzinfo | None = None  # the zone its days were counted in (None: the system's)

    @property
    def start(self) -> date:
        """The Monday the range begins on."""
        return self.weeks[0].start

    @property
    def recorded(self) -> tuple[SessionRecord, ...]:
        """The sessions of the range with at least one recorded set."""
        return tuple(s for s in self.sessions if s.sets)


def range_stats(
    sessions: Iterable[SessionRecord],
    library: Library,
    history_range: HistoryRange,
    today: date,
    goal: int = DEFAULT_GOAL_PER_WEEK,
    tz: tzinfo | None = None,
) -> RangeStats:
    """Limit `sessions` to the range ending `today` and prepare everything drawn of it."""
    inside = sessions_in_range(sessions, history_range, today, tz)
    weeks = sessions_per_week(inside, today, history_range, goal, tz)
    weekly = weekly_trends(week_sums(inside, tz), tz) if per_week(len(weeks)) else None
    pain = pain_over_time(inside)
    felt = felt_in_over_time(inside)
    exercises = exercises_done(inside)
    measure_of = _measure_of(library)
    sides: list[SideSeries] = []
    for exercise_id, _done in exercises:
        measure = measure_of(exercise_id, _sets_of(inside, exercise_id))
        series = _side_series(inside, exercise_id, measure, Aggregate.BEST)
        if series is not None:
            sides.append(series)
    return RangeStats(
        history_range=history_range,
        today=today,
        goal=goal,
        sessions=tuple(inside),
        weeks=tuple(weeks),
        streaks=week_streaks(weeks),
        summary=summarize(weeks, inside, tz),
        calendar=tuple(activity_calendar(inside, weeks[0].start, today, tz)),
        pain=tuple(pain),
        pain_trend=weekly[0] if weekly else trend_of(
            [p.started_at for p in pain], [p.mean for p in pain], [float(p.max) for p in pain]
        ),
        pain_rated_sets=sum(
            1
            for s in inside
            for one_set in done_sets(s.sets)
            if any(side.pain is not None for side in one_set)
        ),
        felt=tuple(felt),
        felt_trend=weekly[1] if weekly else _glute_trend(felt),
        exercises=tuple(exercises),
        doses=tuple(dose_summary(inside, measure_of)),
        sides=tuple(sides),
        tz=tz,
    )
