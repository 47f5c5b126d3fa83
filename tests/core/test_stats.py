"""Progress statistics over hand-made histories, checked against numbers worked out by hand."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from gluteapp.core.assets import builtin_library
from gluteapp.core.history_records import SessionRecord, StoredSet
from gluteapp.core.records import FeltIn, SessionStatus, Side
from gluteapp.core.stats import (
    Aggregate,
    HistoryRange,
    Measure,
    WeekCount,
    active_days,
    activity_calendar,
    counts_toward_goal,
    cut_short,
    done_sets,
    dose_summary,
    exercise_progress,
    exercise_series,
    exercises_done,
    felt_in_over_time,
    first_and_last,
    has_sides,
    measure_for,
    pain_over_time,
    range_start,
    range_stats,
    recorded_sets,
    rolling_mean,
    sessions_in_range,
    sessions_per_week,
    sessions_this_week,
    sets_done,
    side_balance,
    standing_sets,
    summarize,
    trend_of,
    trend_window,
    week_streaks,
)
from tests.builders import session_record, stored_set

# Wednesday 17 September 2025; its ISO week (38) starts on Monday 15 September.
TODAY = date(2025, 9, 17)
MONDAY = date(2025, 9, 15)

_ids = iter(range(1, 1_000_000))


def at(day: date, hour: int = 18) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def a_set(
    exercise_id: str = "glute-bridge",
    side: Side = Side.BOTH,
    *,
    hold: tuple[float | None, float | None] | None = None,
    reps: tuple[int | None, int | None] | None = None,
    pain: int | None = None,
    felt_in: FeltIn | None = None,
    set_number: int = 1,
) -> StoredSet:
    """`hold` and `reps` are (target, achieved)."""
    return stored_set(exercise_id, side, hold=hold, reps=reps, pain=pain, felt_in=felt_in,
                      set_number=set_number, at=at(TODAY), set_id=next(_ids))


def session(
    day: date,
    *sets: StoredSet,
    status: SessionStatus = SessionStatus.COMPLETED,
    hour: int = 18,
    notes: str = "",
) -> SessionRecord:
    if not sets:
        sets = (a_set(),)
    return session_record(at(day, hour), *sets, routine_id="basics", routine_name="Basics",
                          status=status, session_id=next(_ids), notes=notes)


# -- ranges and weeks -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("history_range", "first_monday"),
    [
        (HistoryRange.FOUR_WEEKS, date(2025, 8, 25)),
        (HistoryRange.THREE_MONTHS, date(2025, 6, 23)),
        (HistoryRange.YEAR, date(2024, 9, 23)),
    ],
)
def test_range_starts_on_the_monday_n_minus_one_weeks_back(
    history_range: HistoryRange, first_monday: date
) -> None:
    start = range_start(history_range, TODAY)
    assert start == first_monday
    assert start.weekday() == 0
    assert (MONDAY - start).days // 7 + 1 == history_range.weeks


def test_all_starts_on_the_monday_of_the_first_session() -> None:
    sessions = [session(date(2025, 7, 3)), session(date(2025, 9, 1))]  # a Thursday first
    assert range_start(HistoryRange.ALL, TODAY, sessions, UTC) == date(2025, 6, 30)
    assert range_start(HistoryRange.ALL, TODAY, [], UTC) == MONDAY


def test_sessions_in_range_keeps_the_first_monday_and_today_and_drops_the_rest() -> None:
    before = session(date(2025, 8, 24))  # Sunday before the 4-week range
    first = session(date(2025, 8, 25))
    last = session(TODAY, hour=23)
    tomorrow = session(TODAY + timedelta(days=1))
    kept = sessions_in_range([before, first, last, tomorrow], HistoryRange.FOUR_WEEKS, TODAY, UTC)
    assert kept == [first, last]


def test_days_are_counted_in_the_given_time_zone() -> None:
    # 23:30 UTC on Sunday 14 September is already Monday 15 September in UTC+2.
    late = SessionRecord(
        1,
        "r",
        "R",
        datetime(2025, 9, 14, 23, 30, tzinfo=UTC),
        None,
        SessionStatus.COMPLETED,
        sets=(a_set(),),
    )
    plus_two = timezone(timedelta(hours=2))
    assert [
        w.sessions for w in sessions_per_week([late], TODAY, HistoryRange.FOUR_WEEKS, 2, UTC)
    ] == [0, 0, 1, 0]
    assert [
        w.sessions for w in sessions_per_week([late], TODAY, HistoryRange.FOUR_WEEKS, 2, plus_two)
    ] == [0, 0, 0, 1]


def test_sessions_per_week_lists_empty_weeks_and_judges_each_against_the_goal() -> None:
    sessions = [
        session(date(2025, 8, 25)),  # week 35: two
        session(date(2025, 8, 28)),
        # week 36: none
        session(date(2025, 9, 8)),  # week 37: three, one of them a desk break on Sunday
        session(date(2025, 9, 10)),
        session(date(2025, 9, 14)),
        session(date(2025, 9, 16)),  # week 38 (this one): one so far
    ]
    weeks = sessions_per_week(sessions, TODAY, HistoryRange.FOUR_WEEKS, goal=2, tz=UTC)
    assert [(w.start, w.sessions, w.met) for w in weeks] == [
        (date(2025, 8, 25), 2, True),
        (date(2025, 9, 1), 0, False),
        (date(2025, 9, 8), 3, True),
        (date(2025, 9, 15), 1, False),
    ]
    assert [w.iso_week for w in weeks] == [(2025, 35), (2025, 36), (2025, 37), (2025, 38)]
    three = sessions_per_week(sessions, TODAY, HistoryRange.FOUR_WEEKS, goal=3, tz=UTC)
    assert [w.met for w in three] == [False, False, True, False]


def test_a_session_without_a_completed_set_does_not_count() -> None:
    empty = SessionRecord(1, "r", "R", at(MONDAY), None, SessionStatus.INTERRUPTED, sets=())
    interrupted = session(MONDAY, status=SessionStatus.INTERRUPTED)
    weeks = sessions_per_week([empty, interrupted], TODAY, HistoryRange.FOUR_WEEKS, 2, UTC)
    assert weeks[-1].sessions == 1
    assert active_days([empty, interrupted], UTC) == {MONDAY: 1}


def test_weeks_span_the_year_boundary_by_iso_week() -> None:
    # Monday 29 December 2025 belongs to ISO week 1 of 2026.
    today = date(2026, 1, 7)
    sessions = [session(date(2025, 12, 31)), session(date(2026, 1, 2)), session(date(2026, 1, 5))]
    weeks = sessions_per_week(sessions, today, HistoryRange.FOUR_WEEKS, 2, UTC)
    assert [(w.iso_week, w.sessions) for w in weeks] == [
        ((2025, 51), 0),
        ((2025, 52), 0),
        ((2026, 1), 2),
        ((2026, 2), 1),
    ]


# -- streaks, calendar, summary -------------------------------------------------------------


def weeks_of(*counts: int, goal: int = 2) -> list[WeekCount]:
    start = MONDAY - timedelta(weeks=len(counts) - 1)
    return [WeekCount(start + timedelta(weeks=i), c, goal) for i, c in enumerate(counts)]


def test_streaks_count_weeks_at_the_goal_and_the_current_week_does_not_break_them() -> None:
    streaks = week_streaks(weeks_of(2, 3, 2, 0, 2, 2, 1))
    assert (streaks.current_weeks, streaks.longest_weeks) == (2, 3)
    assert streaks.this_week_sessions == 1
    assert not streaks.this_week_met
    assert not streaks.reaches_start


def test_the_current_week_extends_the_streak_once_it_meets_the_goal() -> None:
    streaks = week_streaks(weeks_of(0, 2, 2, 3))
    assert (streaks.current_weeks, streaks.longest_weeks) == (3, 3)
    assert streaks.this_week_met


def test_a_streak_back_to_the_first_week_is_flagged_as_possibly_longer() -> None:
    assert week_streaks(weeks_of(2, 2, 2, 0)).reaches_start
    assert week_streaks(weeks_of(2, 2, 2, 0)).current_weeks == 3
    assert not week_streaks(weeks_of(1, 2, 2, 0)).reaches_start
    assert week_streaks(weeks_of(1, 1, 1)).current_weeks == 0
    assert week_streaks([]).current_weeks == 0


def test_activity_calendar_has_every_day_with_its_session_count() -> None:
    sessions = [
        session(MONDAY, hour=8),
        session(MONDAY, hour=19),
        session(date(2025, 9, 16)),
    ]
    calendar = activity_calendar(sessions, date(2025, 9, 14), TODAY, UTC)
    assert calendar == [
        (date(2025, 9, 14), 0),
        (date(2025, 9, 15), 2),
        (date(2025, 9, 16), 1),
        (date(2025, 9, 17), 0),
    ]


def test_summary_counts_statuses_sets_days_and_weeks() -> None:
    sessions = [
        session(date(2025, 9, 1), a_set(), a_set(set_number=2)),
        session(date(2025, 9, 3), status=SessionStatus.ENDED_EARLY),
        session(date(2025, 9, 3), status=SessionStatus.INTERRUPTED, hour=20),
        session(MONDAY),
    ]
    weeks = sessions_per_week(sessions, TODAY, HistoryRange.FOUR_WEEKS, 2, UTC)
    summary = summarize(weeks, sessions, UTC)
    assert summary.sessions == 4
    assert (summary.completed, summary.ended_early, summary.interrupted) == (2, 1, 1)
    assert summary.sets == 5
    assert summary.active_days == 3
    assert (summary.weeks, summary.weeks_met) == (4, 1)
    assert summary.sessions_per_week == pytest.approx(1.0)


# -- exercises ------------------------------------------------------------------------------


def test_progress_is_the_best_or_mean_set_per_session_with_the_mean_target() -> None:
    first = session(
        date(2025, 9, 1),
        a_set("side-plank", Side.LEFT, hold=(20, 12)),
        a_set("side-plank", Side.RIGHT, hold=(20, 18)),
        a_set("glute-bridge", hold=(30, 30)),
    )
    second = session(
        date(2025, 9, 4),
        a_set("side-plank", Side.LEFT, hold=(25, 25)),
        a_set("side-plank", Side.RIGHT, hold=(25, 22)),
        a_set("side-plank", Side.RIGHT, hold=(None, 20), set_number=2),
    )
    without = session(date(2025, 9, 6), a_set("glute-bridge", hold=(30, 30)))
    best = exercise_progress([first, second, without], "side-plank", Measure.HOLD)
    assert [(p.session_id, p.value, p.target, p.sets) for p in best] == [
        (first.id, 18.0, 20.0, 2),
        (second.id, 25.0, 25.0, 3),
    ]
    mean = exercise_progress([first, second], "side-plank", Measure.HOLD, Aggregate.MEAN)
    assert [p.value for p in mean] == [15.0, pytest.approx(67 / 3)]


def test_progress_in_reps_skips_sets_without_a_result() -> None:
    sessions = [
        session(MONDAY, a_set("frog-pump", reps=(15, 12)), a_set("frog-pump", reps=(15, None))),
        session(TODAY, a_set("frog-pump", reps=(15, None))),
    ]
    points = exercise_progress(sessions, "frog-pump", Measure.REPS, Aggregate.MEAN)
    assert [(p.value, p.target, p.sets) for p in points] == [(12.0, 15.0, 1)]


def test_side_balance_gives_left_right_and_their_ratio_per_session() -> None:
    sessions = [
        session(
            date(2025, 9, 1),
            a_set("wall-clamshell", Side.LEFT, reps=(15, 9)),
            a_set("wall-clamshell", Side.RIGHT, reps=(15, 12)),
            a_set("wall-clamshell", Side.LEFT, reps=(15, 10), set_number=2),
            a_set("wall-clamshell", Side.RIGHT, reps=(15, 14), set_number=2),
        ),
        session(date(2025, 9, 4), a_set("wall-clamshell", Side.LEFT, reps=(15, 15))),
        session(date(2025, 9, 6), a_set("wall-clamshell", Side.BOTH, reps=(15, 15))),
    ]
    best = side_balance(sessions, "wall-clamshell", Measure.REPS)
    assert [(p.left, p.right) for p in best] == [(10.0, 14.0), (15.0, None)]
    assert best[0].ratio == pytest.approx(10 / 14)
    assert best[1].ratio is None
    mean = side_balance(sessions, "wall-clamshell", Measure.REPS, Aggregate.MEAN)
    assert (mean[0].left, mean[0].right) == (9.5, 13.0)
    assert mean[0].ratio == pytest.approx(9.5 / 13)


def test_exercises_done_and_sides_and_measures() -> None:
    sessions = [
        session(
            MONDAY,
            a_set("side-plank", Side.LEFT, hold=(20, 20)),
            a_set("side-plank", Side.RIGHT, hold=(20, 20)),
            a_set("side-plank", Side.LEFT, hold=(20, 14), set_number=2),
            a_set("side-plank", Side.RIGHT, hold=(20, 20), set_number=2),
            a_set("glute-bridge", hold=(30, 30)),
            a_set("custom-thing", reps=(10, 8)),
        )
    ]
    # Sets done, both sides of a set together; the custom thing's only set fell short.
    assert exercises_done(sessions) == [("side-plank", 2), ("glute-bridge", 1), ("custom-thing", 0)]
    assert has_sides(sessions, "side-plank")
    assert not has_sides(sessions, "glute-bridge")
    library = builtin_library()
    assert measure_for(library["side-plank"]) is Measure.HOLD
    assert measure_for(library["wall-clamshell"]) is Measure.REPS
    assert measure_for(library["lateral-band-walk"]) is Measure.REPS  # steps are counted
    assert measure_for(None, sessions[0].sets[:1]) is Measure.HOLD
    assert measure_for(None, sessions[0].sets[5:]) is Measure.REPS


def test_dose_summary_compares_done_with_prescribed_per_exercise() -> None:
    sessions = [
        session(
            date(2025, 9, 1),
            a_set("side-plank", Side.LEFT, hold=(20, 15)),
            a_set("side-plank", Side.RIGHT, hold=(20, 20)),
            a_set("frog-pump", reps=(15, 15)),
        ),
        session(
            date(2025, 9, 4),
            a_set("side-plank", Side.LEFT, hold=(25, 25)),
            a_set("side-plank", Side.RIGHT, hold=(25, None)),  # not measured: left out
            a_set("side-plank", Side.LEFT, hold=(25, 10), set_number=2),  # short on both
            a_set("side-plank", Side.RIGHT, hold=(25, 12), set_number=2),  # sides: not done
        ),
    ]
    measures = {"side-plank": Measure.HOLD, "frog-pump": Measure.REPS}
    doses = dose_summary(sessions, lambda exercise_id, _sets: measures[exercise_id])
    plank, pump = doses
    assert plank.exercise_id == "side-plank"
    # Three plank sets were given a target; two were done (one side at its target is enough).
    assert (plank.sets, plank.sets_with_target, plank.sets_at_target) == (2, 3, 2)
    assert plank.mean_target == pytest.approx(115 / 5)
    assert plank.mean_achieved == pytest.approx(82 / 5)
    assert plank.achieved_of_target == pytest.approx(82 / 115)
    assert plank.share_at_target == pytest.approx(2 / 3)
    assert (plank.first_target, plank.last_target) == (20.0, 25.0)
    assert (pump.exercise_id, pump.measure, pump.sets, pump.achieved_of_target) == (
        "frog-pump",
        Measure.REPS,
        1,
        1.0,
    )


# -- how it felt ----------------------------------------------------------------------------


def test_pain_uses_only_rated_sets() -> None:
    sessions = [
        session(MONDAY, a_set(pain=4), a_set(pain=1), a_set(pain=None)),
        session(date(2025, 9, 16), a_set(pain=None)),
        session(TODAY, a_set(pain=0), a_set(pain=2)),
    ]
    points = pain_over_time(sessions)
    assert [(p.session_id, p.mean, p.max, p.rated) for p in points] == [
        (sessions[0].id, 2.5, 4, 2),
        (sessions[2].id, 1.0, 2, 2),
    ]


def test_glute_share_is_of_the_sets_rated_for_where_they_were_felt() -> None:
    sessions = [
        session(
            MONDAY,
            a_set(felt_in=FeltIn.GLUTES),
            a_set(felt_in=FeltIn.LOWER_BACK),
            a_set(felt_in=FeltIn.HAMSTRINGS),
            a_set(felt_in=FeltIn.GLUTES),
            a_set(felt_in=None),
        ),
        session(date(2025, 9, 16), a_set(felt_in=None)),
        session(TODAY, a_set(felt_in=FeltIn.NOWHERE)),
    ]
    points = felt_in_over_time(sessions)
    assert [(p.glutes, p.rated, p.glute_share) for p in points] == [(2, 4, 0.5), (0, 1, 0.0)]
    assert points[0].counts == {FeltIn.GLUTES: 2, FeltIn.LOWER_BACK: 1, FeltIn.HAMSTRINGS: 1}


def test_rolling_mean_and_first_and_last() -> None:
    assert rolling_mean([2, 4, 6, 8, 10], 3) == [2.0, 3.0, 4.0, 6.0, 8.0]
    assert rolling_mean([], 3) == []
    with pytest.raises(ValueError, match="window"):
        rolling_mean([1], 0)
    assert first_and_last([1, 2, 3, 4, 5, 6], 2) == (1.5, 5.5)
    assert first_and_last([3, 5], 4) == (4.0, 4.0)
    assert first_and_last([], 4) is None


# -- what counts: a set done, a session towards the goal ------------------------------------


def test_a_set_done_is_one_set_with_its_sides_that_reached_its_target_on_one_side() -> None:
    sets = [
        a_set("glute-bridge", hold=(30, 30)),  # 1: done
        a_set("glute-bridge", hold=(30, 12), set_number=2),  # 2: cut short
        a_set("side-plank", Side.LEFT, hold=(20, 14)),  # 3: the weaker side fell short,
        a_set("side-plank", Side.RIGHT, hold=(20, 20)),  # the other did not: done
        a_set("side-plank", Side.LEFT, hold=(20, 10), set_number=2),  # 4: ended during it
        a_set("frog-pump", reps=(15, 15)),  # 5: done, then redone after Back and cut short
        a_set("wall-clamshell", Side.LEFT, reps=(15, 9)),  # 6: cut short, then redone in full
        a_set("frog-pump", reps=(15, 9)),
        a_set("wall-clamshell", Side.LEFT, reps=(15, 15)),
        a_set("custom-thing"),  # 7: no target, nothing to fall short of: done
    ]
    assert [cut_short(s) for s in sets] == [
        False, True, True, False, True, False, True, True, False, False,
    ]
    # Half a second short of a hold still reached it, as progression judges it.
    assert not cut_short(a_set(hold=(30, 29.6)))
    assert cut_short(a_set(hold=(30, 29.4)))
    assert len(recorded_sets(sets)) == 7
    done = done_sets(sets)
    assert [(one[0].exercise_id, one[0].set_number, len(one)) for one in done] == [
        ("glute-bridge", 1, 1),
        ("side-plank", 1, 2),
        ("wall-clamshell", 1, 1),
        ("custom-thing", 1, 1),
    ]
    assert sets_done(sets) == 4
    # The redone sets stand as their later records.
    assert standing_sets(sets)[-3:] == [sets[7], sets[8], sets[9]]


def _engine_set_counts() -> tuple[list[bool], list[bool], int, int]:
    """Run a real session: a hold redone after Back and cut short, reps short of the target."""
    from gluteapp.core.engine import PhaseKind
    from tests.core.test_engine_helpers import FakeClock, make_session

    steps = """
[[steps]]
exercise = "bridge"
sets = 2
hold_s = 6
rest_s = 4

[[steps]]
exercise = "pump"
sets = 2
reps = 15
rest_s = 4
"""
    clock = FakeClock()
    session = make_session(steps, prepare_s=3)
    session.start(clock.now)
    session.tick(clock.advance(9.5))  # set 1 held in full; its rest began half a second ago
    session.back(clock.now)  # within the grace: set 1 again
    session.skip(clock.advance(3))  # ... cut short after 3 s
    for achieved in (15, 10):
        while session.phase.kind is not PhaseKind.REPS:
            session.tick(clock.advance(0.5))
        session.done(clock.advance(1), achieved)
    assert session.is_finished
    recorded = list(session.completed_sets)
    return (
        [s.cut_short for s in recorded],
        [cut_short(s) for s in recorded],
        sets_done(recorded),
        session.summary().sets_done,
    )


def test_the_engine_and_the_stored_rows_judge_a_set_alike() -> None:
    engine_says, rows_say, done, engine_total = _engine_set_counts()
    # Bridge 1 in full, bridge 1 redone and cut short, bridge 2, pump 1, pump 2 (10 of 15).
    assert engine_says == [False, True, False, False, True]
    assert rows_say == engine_says
    # Sets done: bridge 2 and pump 1. The engine's own total counts every set begun.
    assert done == 2
    assert engine_total == 4


def _week(routine_id: str, day: date, *sets: StoredSet, hour: int = 18,
          status: SessionStatus = SessionStatus.COMPLETED) -> SessionRecord:
    return SessionRecord(next(_ids), routine_id, routine_id, at(day, hour), None, status,
                         sets=sets)


def seeded_week() -> list[SessionRecord]:
    """This week (Monday 15 to today, Wednesday 17 September) with everything that may count."""
    sunday = MONDAY - timedelta(days=1)
    return [
        _week("gluteus-medius-b", sunday, a_set(), hour=23),  # Monday in UTC+2
        _week("gluteus-medius-a", MONDAY, a_set()),
        _week("standing-break", MONDAY, a_set("single-leg-stand"), hour=11),
        _week("gluteus-medius-b", date(2025, 9, 16), a_set(hold=(30, 12)),
              status=SessionStatus.ENDED_EARLY),  # its only set cut short: still a session
        _week("gluteus-medius-a", TODAY, hour=9, status=SessionStatus.ENDED_EARLY),  # no set
        _week("gluteus-medius-a", TODAY, a_set(), status=SessionStatus.INTERRUPTED),
        _week("gluteus-medius-b", TODAY + timedelta(days=1), a_set()),  # tomorrow
    ]


@pytest.mark.parametrize(("tz", "this_week"), [(UTC, 3), (timezone(timedelta(hours=2)), 4)])
def test_the_plan_and_the_history_count_the_same_week(tz: timezone, this_week: int) -> None:
    from gluteapp.core.plan import week_plan

    sessions = seeded_week()
    plan = week_plan(sessions, TODAY, goal=4, tz=tz)
    stats = range_stats(sessions, builtin_library(), HistoryRange.FOUR_WEEKS, TODAY, 4, tz)
    assert plan.done == this_week
    assert stats.weeks[-1].sessions == this_week
    assert stats.streaks.this_week_sessions == this_week
    assert stats.weeks[-1].met is plan.met is (this_week >= 4)
    counted = sessions_this_week(sessions, TODAY, tz)
    assert len(counted) == this_week
    assert plan.days_done == tuple(sorted({day for day, _ in counted}))
    assert not counts_toward_goal(sessions[2])  # the standing break
    assert not counts_toward_goal(sessions[4])  # no set


# -- what the History area and the report draw ----------------------------------------------


def test_range_stats_prepares_every_series_from_one_definition() -> None:
    library = builtin_library()
    first = session(
        date(2025, 9, 1),
        a_set("side-plank", Side.LEFT, hold=(20, 14), pain=3, felt_in=FeltIn.LOWER_BACK),
        a_set("side-plank", Side.RIGHT, hold=(20, 20), pain=1, felt_in=FeltIn.GLUTES),
        a_set("glute-bridge", hold=(30, 10), pain=6),  # cut short
        notes="left side tired",
    )
    second = session(
        date(2025, 9, 4),
        a_set("side-plank", Side.LEFT, hold=(20, 18), felt_in=FeltIn.GLUTES),
        a_set("side-plank", Side.RIGHT, hold=(20, 20), felt_in=FeltIn.GLUTES),
        a_set("glute-bridge", hold=(30, 30), pain=2),
        a_set("glute-bridge", hold=(30, 30), set_number=2),
    )
    desk = _week("standing-break", MONDAY, a_set("single-leg-stand", Side.LEFT, hold=(30, 30)))
    old = session(date(2025, 6, 2))  # before the four weeks
    stats = range_stats([old, first, second, desk], library, HistoryRange.FOUR_WEEKS, TODAY, 2,
                        UTC)

    assert stats.sessions == (first, second, desk)
    assert stats.start == date(2025, 8, 25)
    assert [w.sessions for w in stats.weeks] == [0, 2, 0, 0]  # the standing break is not one
    assert stats.summary.sessions == 2
    # Sets done, the standing break's included: 1 + 3 + 1; they add up per exercise too.
    assert stats.summary.sets == 5
    assert stats.exercises == (("glute-bridge", 2), ("side-plank", 2), ("single-leg-stand", 1))
    assert sum(n for _, n in stats.exercises) == stats.summary.sets
    assert sum(d.sets for d in stats.doses) == stats.summary.sets
    assert sum(n for _, n in stats.calendar) == stats.summary.sessions
    assert len(stats.calendar) == (TODAY - stats.start).days + 1

    assert stats.pain_trend is not None
    assert stats.pain_trend.values == pytest.approx((10 / 3, 2.0))
    assert stats.pain_trend.worst == (6.0, 2.0)
    assert len(stats.pain_trend.trend) == len(stats.pain_trend.at) == 2
    # Sets done with a pain rating: the plank in the first session, the bridge in the second.
    assert stats.pain_rated_sets == 2
    assert stats.felt_trend is not None
    assert stats.felt_trend.values == (50.0, 100.0)

    assert [(s.exercise_id, s.left, s.right) for s in stats.sides] == [
        ("side-plank", (14.0, 18.0), (20.0, 20.0)),
        ("single-leg-stand", (30.0,), (None,)),
    ]
    assert stats.sides[0].has_ratio
    assert not stats.sides[1].has_ratio

    plank = exercise_series(stats.sessions, "side-plank", library, Aggregate.MEAN)
    assert plank.measure is Measure.HOLD
    assert [p.value for p in plank.progress] == [17.0, 19.0]
    assert plank.sides is not None
    assert plank.felt is not None
    assert plank.felt.values == (50.0, 100.0)
    bridge = exercise_series(stats.sessions, "glute-bridge", library)
    assert bridge.sides is None
    assert bridge.felt is None


def test_an_empty_range_has_its_weeks_and_nothing_else() -> None:
    stats = range_stats([], builtin_library(), HistoryRange.FOUR_WEEKS, TODAY, 3, UTC)
    assert len(stats.weeks) == 4
    assert stats.goal == 3
    assert (stats.pain_trend, stats.felt_trend, stats.exercises, stats.sides) == (
        None, None, (), ())
    assert stats.recorded == ()


def test_trend_window_grows_with_the_points() -> None:
    assert [trend_window(n) for n in (1, 100, 200, 1000)] == [5, 5, 10, 30]
    assert trend_of([], []) is None


# -- a point a week over long ranges ----------------------------------------------------------


def _rated(at: datetime, *ratings: tuple[int | None, FeltIn | None]) -> SessionRecord:
    from tests.builders import session_record, stored_set

    return session_record(at, *(stored_set(pain=pain, felt_in=felt, set_number=n + 1, at=at)
                                for n, (pain, felt) in enumerate(ratings)))


def test_a_weeks_point_is_the_mean_of_its_ratings_and_its_worst() -> None:
    from gluteapp.core.stats import week_middle, week_sums, weekly_trends

    monday = datetime(2026, 3, 23, 9, 0, tzinfo=UTC)
    sessions = [
        _rated(monday, (2, FeltIn.GLUTES), (4, FeltIn.LOWER_BACK)),
        _rated(monday + timedelta(days=3), (6, FeltIn.GLUTES), (None, FeltIn.GLUTES)),
        _rated(monday + timedelta(days=7), (None, None)),  # nothing rated: no point that week
        _rated(monday + timedelta(days=14), (1, None)),
    ]
    sums = week_sums(sessions, UTC)
    assert [(w.monday, w.pain_sum, w.pain_n, w.pain_max, w.glutes, w.felt) for w in sums] == [
        (date(2026, 3, 23), 12, 3, 6, 3, 4), (date(2026, 4, 6), 1, 1, 1, 0, 0)]
    pain, felt = weekly_trends(sums, UTC)
    assert pain is not None
    assert felt is not None
    assert pain.per_week
    assert felt.per_week
    # The mean of the week's three ratings, not the mean of its two sessions' means (3 and 6).
    assert pain.values == (4.0, 1.0)
    assert pain.worst == (6.0, 1.0)
    assert pain.at == (week_middle(date(2026, 3, 23), UTC), week_middle(date(2026, 4, 6), UTC))
    assert pain.at[0] == datetime(2026, 3, 26, 12, 0, tzinfo=UTC)
    assert felt.values == (75.0,)


def test_ranges_over_half_a_year_are_drawn_a_point_a_week() -> None:
    from gluteapp.core.stats import WEEKLY_AFTER_WEEKS, per_week

    today = date(2026, 4, 8)
    sessions = [_rated(datetime(2026, 4, 6, 9, 0, tzinfo=UTC) - timedelta(days=3 * n),
                       (n % 5, FeltIn.GLUTES)) for n in range(120)]
    library = builtin_library()
    short = range_stats(sessions, library, HistoryRange.THREE_MONTHS, today, tz=UTC)
    long = range_stats(sessions, library, HistoryRange.YEAR, today, tz=UTC)
    assert not per_week(WEEKLY_AFTER_WEEKS)
    assert per_week(WEEKLY_AFTER_WEEKS + 1)
    assert short.pain_trend is not None
    assert not short.pain_trend.per_week
    assert len(short.pain_trend.values) == len(short.pain) == 29  # a point a session
    assert long.pain_trend is not None
    assert long.pain_trend.per_week
    assert long.felt_trend is not None
    assert long.felt_trend.per_week
    assert len(long.pain_trend.values) == 52  # a point a week (the latest week is empty)
