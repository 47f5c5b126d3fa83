"""The History area's numbers from digests: one row per session, not one object per set.

The store keeps a digest of every session and of every exercise in it, current on each write
(storage/digests.py). From those this module makes the same `RangeStats` and `ExerciseSeries`
that `core.stats` makes from full sessions, by the same rules, so History over ten years costs
about what four weeks cost. What only the PDF report needs (every session with its sets, the
doses, left and right of every exercise) is read when first asked for (`LazySeq`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime, time, timedelta, tzinfo
from time import localtime
from typing import NamedTuple, TypeVar, overload

from msgspec import Struct

from gluteapp.core.exercises import Library, Mode
from gluteapp.core.history_records import SessionRecord
from gluteapp.core.records import FeltIn, SessionStatus
from gluteapp.core.stats import (
    DEFAULT_GOAL_PER_WEEK,
    STANDING_BREAK_ID,
    Aggregate,
    ExerciseSeries,
    FeltInPoint,
    HistoryRange,
    Measure,
    PainPoint,
    ProgressPoint,
    RangeStats,
    SidePoint,
    SideSeries,
    Summary,
    Trend,
    WeekCount,
    WeekSums,
    per_week,
    range_stats,
    trend_of,
    week_middle,
    week_start,
    week_streaks,
    weekly_trends,
)

T = TypeVar("T")


class SessionDigest(NamedTuple):
    """One session without its sets: what the History overview needs of it.

    A NamedTuple, not a dataclass: ten years of daily sessions are 3,652 of these.
    """

    id: int
    routine_id: str
    started_at: datetime
    status: SessionStatus
    recorded: int  # set records
    done: int  # sets done (core.stats.sets_done)
    rated_done: int  # sets done with a pain rating on at least one side
    pain_sum: int
    pain_n: int
    pain_max: int | None
    felt: tuple[int, ...]  # sets felt in each place of FeltIn, in its order


FELT_PLACES: tuple[FeltIn, ...] = tuple(FeltIn)


def felt_counts(felt: Sequence[int]) -> dict[FeltIn, int]:
    """The places a session's sets were felt in, those counted only (as core.stats has them)."""
    return {place: count for place, count in zip(FELT_PLACES, felt, strict=True) if count}


class ExerciseDigest(NamedTuple):
    """One exercise in one session: its sets, and its results in both measures.

    The measures are indexed by `MEASURE_FIELDS`: for holds (h) and reps (r), the count, best
    and sum of the results, the count and sum of the targets of sets with a result, and the
    same count, best and sum for the left (l) and the right (r) side alone.
    """

    exercise_id: str
    session_id: int
    started_at: datetime  # the session's start
    groups: int  # recorded sets (set numbers)
    done: int  # of them done
    one_sided: bool  # any record of one side
    newest_kind: str | None  # "hold" or "reps": how its newest measured record was counted
    newest_at: str | None  # that record's start as stored (text order is time order)
    measures: tuple[float | int | None, ...]
    felt: tuple[int, ...]  # as SessionDigest.felt, for this exercise's sets


def _measure_fields(prefix: str) -> list[str]:
    names = [f"{prefix}_n", f"{prefix}_max", f"{prefix}_sum", f"{prefix}_target_n",
             f"{prefix}_target_sum"]
    for side in ("l", "r"):
        names += [f"{prefix}{side}_n", f"{prefix}{side}_max", f"{prefix}{side}_sum"]
    return names


MEASURE_FIELDS: tuple[str, ...] = (*_measure_fields("h"), *_measure_fields("r"))
_AT = {name: index for index, name in enumerate(MEASURE_FIELDS)}


class _Items(Sequence[T]):
    """A sequence made on demand that equals (and hashes as) any sequence of the same items in
    the same order, as the tuple it stands for would."""

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence):
            return tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))


class LazySeq(_Items[T]):
    """A sequence of known length whose items are made when first read (then kept)."""

    def __init__(self, length: int, load: Callable[[], Sequence[T]]) -> None:
        self._length = length
        self._load = load
        self._items: tuple[T, ...] | None = None

    @property
    def loaded(self) -> bool:
        return self._items is not None

    def _all(self) -> tuple[T, ...]:
        if self._items is None:
            self._items = tuple(self._load())
            self._length = len(self._items)
        return self._items

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[T]: ...
    def __getitem__(self, index: int | slice) -> T | Sequence[T]:
        return self._all()[index]

    def __iter__(self) -> Iterator[T]:
        return iter(self._all())

    def __repr__(self) -> str:
        return f"LazySeq({len(self)} items{', loaded' if self.loaded else ''})"


class DayCounts(_Items[tuple[date, int]]):
    """Each day from `first` (an ordinal) on with its count, as (day, count) pairs made when
    read: ten years are 3,652 days, of which the calendar shows the last few hundred."""

    __slots__ = ("_counts", "_first")

    def __init__(self, first: int, counts: Sequence[int]) -> None:
        self._first = first
        self._counts = counts

    def __len__(self) -> int:
        return len(self._counts)

    @overload
    def __getitem__(self, index: int) -> tuple[date, int]: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[tuple[date, int]]: ...
    def __getitem__(self, index: int | slice) -> tuple[date, int] | Sequence[tuple[date, int]]:
        ordinals = range(self._first, self._first + len(self._counts))
        if isinstance(index, slice):
            return tuple(zip(map(date.fromordinal, ordinals[index]), self._counts[index],
                             strict=True))
        return date.fromordinal(ordinals[index]), self._counts[index]

    def __iter__(self) -> Iterator[tuple[date, int]]:
        return iter(self[:])

    def __repr__(self) -> str:
        return f"DayCounts({len(self)} days from {date.fromordinal(self._first)})"


def local_days(digests: Sequence[SessionDigest], tz: tzinfo | None) -> list[date]:
    """Each session's calendar day in `tz` (None: the system's local time)."""
    return [digest.started_at.astimezone(tz).date() for digest in digests]


def counts_toward_goal(digest: SessionDigest) -> bool:
    """core.stats.counts_toward_goal for a digest."""
    return digest.recorded > 0 and digest.routine_id != STANDING_BREAK_ID


def _range_start(history_range: HistoryRange, today: date, digests: Sequence[SessionDigest],
                 days: Sequence[date]) -> date:
    """core.stats.range_start for digests."""
    this_week = week_start(today)
    if history_range.weeks is not None:
        return this_week - timedelta(weeks=history_range.weeks - 1)
    recorded = [day for digest, day in zip(digests, days, strict=True) if digest.recorded]
    return week_start(min(min(recorded), today)) if recorded else this_week


class _Inside(Struct, frozen=True):
    digests: list[SessionDigest]
    days: list[date]
    start: date


def _inside(digests: Sequence[SessionDigest], history_range: HistoryRange, today: date,
            tz: tzinfo | None) -> _Inside:
    days = local_days(digests, tz)
    start = _range_start(history_range, today, digests, days)
    kept = [(d, day) for d, day in zip(digests, days, strict=True) if start <= day <= today]
    return _Inside([d for d, _ in kept], [day for _, day in kept], start)


def _weeks(inside: _Inside, today: date, goal: int) -> list[WeekCount]:
    per_week: Counter[date] = Counter(
        week_start(day) for digest, day in zip(inside.digests, inside.days, strict=True)
        if counts_toward_goal(digest)
    )
    weeks: list[WeekCount] = []
    monday, end = inside.start, week_start(today)
    while monday <= end:
        weeks.append(WeekCount(monday, per_week[monday], goal))
        monday += timedelta(weeks=1)
    return weeks


def _calendar(inside: _Inside, start: date, today: date) -> list[tuple[date, int]]:
    per_day: Counter[date] = Counter(
        day for digest, day in zip(inside.digests, inside.days, strict=True)
        if counts_toward_goal(digest)
    )
    first = start.toordinal()
    return [(day, per_day.get(day, 0)) for day in
            map(date.fromordinal, range(first, today.toordinal() + 1))]


def _summary(inside: _Inside, weeks: Sequence[WeekCount]) -> Summary:
    counted = [(d, day) for d, day in zip(inside.digests, inside.days, strict=True)
               if counts_toward_goal(d)]
    statuses = Counter(d.status for d, _ in counted)
    return Summary(
        sessions=len(counted),
        completed=statuses[SessionStatus.COMPLETED],
        ended_early=statuses[SessionStatus.ENDED_EARLY],
        interrupted=statuses[SessionStatus.INTERRUPTED],
        sets=sum(d.done for d in inside.digests),
        active_days=len({day for _, day in counted}),
        weeks=len(weeks),
        weeks_met=sum(1 for w in weeks if w.met),
    )


class ExerciseTotal(NamedTuple):
    """One exercise over a range: its sets done, and whether one side was ever done alone."""

    exercise_id: str
    done: int
    one_sided: bool


def range_window(
    history_range: HistoryRange, today: date, tz: tzinfo | None = None
) -> tuple[datetime | None, datetime]:
    """The starts to read for a range: from its first Monday (None: all) to the end of today.

    Exactly the sessions `core.stats.sessions_in_range` keeps, but for those of "all" that
    come before the first session with a set (they are read, and left out by the day).
    """
    end = local_midnight(today + timedelta(days=1), tz)
    if history_range.weeks is None:
        return None, end
    return local_midnight(week_start(today) - timedelta(weeks=history_range.weeks - 1), tz), end


def local_midnight(day: date, tz: tzinfo | None) -> datetime:
    """The start of `day` in `tz` (None: the system's zone, summer time and all)."""
    if tz is not None:
        return datetime.combine(day, time(), tz)
    return datetime.combine(day, time()).astimezone()


def _full_on_demand(load_sessions: Callable[[], Sequence[SessionRecord]], library: Library,
                    history_range: HistoryRange, today: date, goal: int,
                    tz: tzinfo | None) -> Callable[[], RangeStats]:
    """`core.stats.range_stats` over every set, made the first time it is asked for (what only
    the report reads: the sessions with their sets, the doses, the sides)."""
    full: list[RangeStats] = []

    def full_stats() -> RangeStats:
        if not full:
            full.append(range_stats(load_sessions(), library, history_range, today, goal, tz))
        return full[0]

    return full_stats


def digest_range_stats(
    digests: Sequence[SessionDigest],
    exercises: Sequence[ExerciseTotal],
    library: Library,
    history_range: HistoryRange,
    today: date,
    goal: int = DEFAULT_GOAL_PER_WEEK,
    tz: tzinfo | None = None,
    *,
    load_sessions: Callable[[], Sequence[SessionRecord]],
) -> RangeStats:
    """`core.stats.range_stats` from digests: the same numbers, the heavy parts on demand.

    `digests` are the sessions read for `range_window`, `exercises` the totals of the same;
    `load_sessions` reads the same sessions with their sets, which `sessions`, `doses` and
    `sides` of the result read when first used.
    """
    inside = _inside(digests, history_range, today, tz)
    weeks = _weeks(inside, today, goal)
    # The trends are made from plain lists; the points themselves (for the report) on demand.
    rated = [d for d in inside.digests if d.pain_n]
    felt_in = [d for d in inside.digests if any(d.felt)]
    glutes = FELT_PLACES.index(FeltIn.GLUTES)
    if per_week(len(weeks)):
        pain_trend, felt_trend = weekly_trends(_week_sums(fold_weeks(inside.digests, tz)), tz)
    else:
        pain_trend = trend_of([d.started_at for d in rated],
                              [d.pain_sum / d.pain_n for d in rated],
                              [float(d.pain_max or 0) for d in rated])
        felt_trend = trend_of([d.started_at for d in felt_in],
                              [100.0 * (d.felt[glutes] / sum(d.felt)) for d in felt_in])
    full_stats = _full_on_demand(load_sessions, library, history_range, today, goal, tz)

    return RangeStats(
        history_range=history_range,
        today=today,
        goal=goal,
        sessions=LazySeq(len(inside.digests), lambda: full_stats().sessions),
        weeks=tuple(weeks),
        streaks=week_streaks(weeks),
        summary=_summary(inside, weeks),
        calendar=tuple(_calendar(inside, weeks[0].start, today)),
        pain=LazySeq(len(rated), lambda: [
            PainPoint(d.id, d.started_at, d.pain_sum / d.pain_n, d.pain_max or 0, d.pain_n)
            for d in rated]),
        pain_trend=pain_trend,
        pain_rated_sets=sum(d.rated_done for d in inside.digests),
        felt=LazySeq(len(felt_in), lambda: [
            FeltInPoint(d.id, d.started_at, felt_counts(d.felt)) for d in felt_in]),
        felt_trend=felt_trend,
        exercises=tuple(sorted(((e.exercise_id, e.done) for e in exercises),
                               key=lambda item: (-item[1], item[0]))),
        doses=LazySeq(len(exercises), lambda: full_stats().doses),
        sides=LazySeq(sum(e.one_sided for e in exercises), lambda: full_stats().sides),
        tz=tz,
    )


def _glute_trend(points: Sequence[FeltInPoint], *, weekly: bool = False) -> Trend | None:
    return trend_of([p.started_at for p in points], [100.0 * p.glute_share for p in points],
                    per_week=weekly)


# --- one exercise ------------------------------------------------------------------------------


def digest_measure(rows: Sequence[ExerciseDigest], exercise_id: str, library: Library) -> Measure:
    """core.stats.measure_for: how the newest measured set was counted, else by the library."""
    newest: tuple[str, str] | None = None
    for row in rows:
        if row.newest_kind is not None and row.newest_at is not None and (
                newest is None or row.newest_at >= newest[0]):
            newest = (row.newest_at, row.newest_kind)
    if newest is not None:
        return Measure.HOLD if newest[1] == "hold" else Measure.REPS
    exercise = library.get(exercise_id)
    if exercise is not None:
        return Measure.HOLD if exercise.mode is Mode.HOLD else Measure.REPS
    return Measure.REPS


def _combined(row: ExerciseDigest, key: str, aggregate: Aggregate) -> float | None:
    count = row.measures[_AT[f"{key}_n"]]
    if not count:
        return None
    if aggregate is Aggregate.BEST:
        return float(row.measures[_AT[f"{key}_max"]] or 0.0)
    return float(row.measures[_AT[f"{key}_sum"]] or 0.0) / int(count)


def digest_exercise_series(
    rows: Sequence[ExerciseDigest],
    exercise_id: str,
    library: Library,
    aggregate: Aggregate = Aggregate.BEST,
    *,
    weekly: bool = False,
) -> ExerciseSeries:
    """core.stats.exercise_series from one exercise's digests, in session order.

    `weekly`: the rows are weeks (`fold_exercise_weeks`, or the store's `exercise_weeks`), so
    each point is a week's best set or the mean of its sets.
    """
    rows = [row for row in rows if row.exercise_id == exercise_id]
    measure = digest_measure(rows, exercise_id, library)
    key = "h" if measure is Measure.HOLD else "r"
    progress: list[ProgressPoint] = []
    sides: list[SidePoint] = []
    felt: list[FeltInPoint] = []
    for row in rows:
        value = _combined(row, key, aggregate)
        if value is not None:
            targets = int(row.measures[_AT[f"{key}_target_n"]] or 0)
            mean_target = (float(row.measures[_AT[f"{key}_target_sum"]] or 0.0) / targets
                           if targets else None)
            count = int(row.measures[_AT[f"{key}_n"]] or 0)
            progress.append(ProgressPoint(row.session_id, row.started_at, value, mean_target,
                                          count))
        left = _combined(row, f"{key}l", aggregate)
        right = _combined(row, f"{key}r", aggregate)
        if left is not None or right is not None:
            sides.append(SidePoint(row.session_id, row.started_at, left, right))
        if any(row.felt):
            felt.append(FeltInPoint(row.session_id, row.started_at, felt_counts(row.felt)))
    one_sided = any(row.one_sided for row in rows)
    return ExerciseSeries(
        exercise_id=exercise_id,
        measure=measure,
        progress=tuple(progress),
        sides=SideSeries(exercise_id, measure, tuple(sides)) if one_sided else None,
        felt=_glute_trend(felt, weekly=weekly),
        per_week=weekly,
    )


# --- long ranges, a row a week ----------------------------------------------------------------


class WeekDigest(NamedTuple):
    """One local week (Monday to Sunday) of sessions, summed: what a long range reads.

    Ten years of daily sessions are 522 of these instead of 3,652 session digests.
    """

    monday: date
    sessions: int  # every session started in the week
    recorded: int  # of them, those with a set recorded
    counted: int  # of them, those toward the goal (counts_toward_goal)
    completed: int  # of those counted, by status
    ended_early: int
    interrupted: int
    done: int  # sets done in every session of the week
    rated_done: int
    pain_sum: int
    pain_n: int
    pain_max: int | None
    felt: tuple[int, ...]  # sets felt in each place of FeltIn, in its order
    rated_sessions: int  # sessions with a pain rating
    felt_sessions: int  # sessions with a felt-in answer
    per_day: tuple[int, ...]  # sessions toward the goal on each day, Monday first


def fold_weeks(
    digests: Sequence[SessionDigest], tz: tzinfo | None = None
) -> list[WeekDigest]:
    """Session digests summed per local week, oldest first: what the store's week read gives."""
    sums: dict[date, list[int]] = {}
    felt: dict[date, list[int]] = {}
    per_day: dict[date, list[int]] = {}
    worst: dict[date, int] = {}
    for digest, day in zip(digests, local_days(digests, tz), strict=True):
        monday = week_start(day)
        counted = counts_toward_goal(digest)
        per_day.setdefault(monday, [0] * 7)[day.weekday()] += counted
        row = (1, digest.recorded > 0, counted,
               counted and digest.status is SessionStatus.COMPLETED,
               counted and digest.status is SessionStatus.ENDED_EARLY,
               counted and digest.status is SessionStatus.INTERRUPTED,
               digest.done, digest.rated_done, digest.pain_sum, digest.pain_n,
               digest.pain_n > 0, any(digest.felt))
        week = sums.setdefault(monday, [0] * len(row))
        for index, value in enumerate(row):
            week[index] += int(value)
        places = felt.setdefault(monday, [0] * len(FELT_PLACES))
        for index, count in enumerate(digest.felt):
            places[index] += count
        if digest.pain_max is not None:
            worst[monday] = max(worst.get(monday, 0), digest.pain_max)
    return [
        WeekDigest(monday, w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8], w[9],
                   worst.get(monday), tuple(felt[monday]), w[10], w[11],
                   tuple(per_day[monday]))
        for monday, w in sorted(sums.items())
    ]


def _day_counts(weeks: Sequence[WeekDigest], first: date, today: date) -> list[int]:
    """Sessions toward the goal on each day from `first` (a Monday) to `today`, every day, in
    order: each week's seven days laid in place, as ten years are 522 weeks and 3,652 days."""
    start = first.toordinal()
    counts = [0] * ((today.toordinal() - start) // 7 * 7 + 7)
    for week in weeks:
        at = week.monday.toordinal() - start
        counts[at : at + len(week.per_day)] = week.per_day
    del counts[today.toordinal() - start + 1 :]
    if None in counts:  # a damaged week's day (a sum of nothing in SQL): none counted
        counts = [count or 0 for count in counts]
    return counts


def _week_sums(weeks: Sequence[WeekDigest]) -> list[WeekSums]:
    glutes = FELT_PLACES.index(FeltIn.GLUTES)
    return [WeekSums(w.monday, w.pain_sum, w.pain_n, w.pain_max, w.felt[glutes], sum(w.felt))
            for w in weeks]


def week_range_stats(
    weeks: Sequence[WeekDigest],
    exercises: Sequence[ExerciseTotal],
    library: Library,
    history_range: HistoryRange,
    today: date,
    goal: int = DEFAULT_GOAL_PER_WEEK,
    tz: tzinfo | None = None,
    *,
    load_sessions: Callable[[], Sequence[SessionRecord]],
) -> RangeStats | None:
    """`core.stats.range_stats` from a row a week (`fold_weeks`, or the store's `week_digests`):
    the same numbers.

    None when the range is drawn a point a session (`core.stats.per_week`), which weeks cannot
    give: read the session digests for `digest_range_stats` then.
    """
    this_week = week_start(today)
    if history_range.weeks is not None:
        start = this_week - timedelta(weeks=history_range.weeks - 1)
    else:
        recorded = [w.monday for w in weeks if w.recorded]
        start = min(recorded[0], this_week) if recorded else this_week
    if not per_week((this_week - start).days // 7 + 1):
        return None
    inside = [w for w in weeks if start <= w.monday <= this_week]
    counted = [0] * ((this_week - start).days // 7 + 1)
    for week in inside:
        counted[(week.monday - start).days // 7] = week.counted
    week_counts = [WeekCount(start + timedelta(weeks=n), count, goal)
                   for n, count in enumerate(counted)]
    per_day = _day_counts(inside, start, today)
    pain_trend, felt_trend = weekly_trends(_week_sums(inside), tz)
    full_stats = _full_on_demand(load_sessions, library, history_range, today, goal, tz)

    first = start.toordinal()
    return RangeStats(
        history_range=history_range,
        today=today,
        goal=goal,
        sessions=LazySeq(sum(w.sessions for w in inside), lambda: full_stats().sessions),
        weeks=tuple(week_counts),
        streaks=week_streaks(week_counts),
        summary=Summary(
            sessions=sum(w.counted for w in inside),
            completed=sum(w.completed for w in inside),
            ended_early=sum(w.ended_early for w in inside),
            interrupted=sum(w.interrupted for w in inside),
            sets=sum(w.done for w in inside),
            active_days=len(per_day) - per_day.count(0),
            weeks=len(week_counts),
            weeks_met=sum(1 for w in week_counts if w.met),
        ),
        calendar=DayCounts(first, per_day),
        pain=LazySeq(sum(w.rated_sessions for w in inside), lambda: full_stats().pain),
        pain_trend=pain_trend,
        pain_rated_sets=sum(w.rated_done for w in inside),
        felt=LazySeq(sum(w.felt_sessions for w in inside), lambda: full_stats().felt),
        felt_trend=felt_trend,
        exercises=tuple(sorted(((e.exercise_id, e.done) for e in exercises),
                               key=lambda item: (-item[1], item[0]))),
        doses=LazySeq(len(exercises), lambda: full_stats().doses),
        sides=LazySeq(sum(e.one_sided for e in exercises), lambda: full_stats().sides),
        tz=tz,
    )


def fold_exercise_weeks(
    rows: Sequence[ExerciseDigest], tz: tzinfo | None = None
) -> list[ExerciseDigest]:
    """One exercise's session digests summed per local week, as the store's `exercise_weeks`
    gives them: counts and sums added, bests the best, the newest measured record the newest;
    each week's row at its middle (`core.stats.week_middle`) under its latest session's id."""
    by_week: dict[date, list[ExerciseDigest]] = {}
    for row in rows:
        by_week.setdefault(week_start(row.started_at.astimezone(tz).date()), []).append(row)
    folded: list[ExerciseDigest] = []
    for monday, week in sorted(by_week.items()):
        measures = tuple(_folded(name, [r.measures[i] for r in week])
                         for i, name in enumerate(MEASURE_FIELDS))
        newest = max((r for r in week if r.newest_at is not None),
                     key=lambda r: r.newest_at or "", default=None)
        folded.append(ExerciseDigest(
            week[0].exercise_id, max(r.session_id for r in week), week_middle(monday, tz),
            sum(r.groups for r in week), sum(r.done for r in week),
            any(r.one_sided for r in week),
            newest.newest_kind if newest is not None else None,
            newest.newest_at if newest is not None else None,
            measures, tuple(map(sum, zip(*(r.felt for r in week), strict=True)))))
    return folded


def _folded(name: str, values: Sequence[float | int | None]) -> float | int | None:
    known = [v for v in values if v is not None]
    if name.endswith("_max"):
        return max(known) if known else None
    if name.endswith("_n"):
        return sum(int(v) for v in known)
    return sum(known) if known else None


# --- local weeks in SQL -----------------------------------------------------------------------

#: How far apart two changes of a zone's offset can be and both be found (see zone_offsets):
#: summer time is months long, and the shortest break from it (Morocco's, for Ramadan) weeks.
_PROBE_S = 14 * 86400


def _offset_at(tz: tzinfo | None) -> Callable[[int], int]:
    """The offset from UTC (seconds) of `tz` (None: the system's zone) at a second since 1970
    UTC. The system's is the C library's, which `datetime.astimezone()` asks too, at a third of
    the cost of making a datetime for it."""
    if tz is None:
        return lambda second: localtime(second).tm_gmtoff

    def at(second: int) -> int:
        offset = datetime.fromtimestamp(second, tz).utcoffset()
        return int(offset.total_seconds()) if offset is not None else 0

    return at


def zone_offsets(
    first: datetime, last: datetime, tz: tzinfo | None = None
) -> list[tuple[int, int]]:
    """The offsets from UTC (seconds) of `tz` (None: the system's zone) from `first` to `last`,
    as (from, offset) pairs, `from` in seconds since 1970 UTC, the first from `first`.

    What SQL needs to tell a session's local day from its UTC start: a start at or after a
    pair's `from` (and before the next's) is `offset` seconds ahead in local time. Found by
    looking every two weeks and narrowing each change down to the second, so two changes less
    than two weeks apart (no zone has them) would be missed. In whole seconds throughout: a
    zone's offset changes at a whole second, so a moment has the offset of its second.
    """
    offset_at = _offset_at(tz)
    second = int(first.timestamp())
    last_second = int(max(first, last).timestamp())
    pairs = [(second, offset_at(second))]
    while second < last_second:
        step = min(second + _PROBE_S, last_second)
        offset = offset_at(step)
        if offset != pairs[-1][1]:
            low, high = second, step
            while high - low > 1:  # the last second with the old offset, and the first new
                middle = (low + high) // 2
                if offset_at(middle) == pairs[-1][1]:
                    low = middle
                else:
                    high = middle
            pairs.append((high, offset))
        second = step
    return pairs
