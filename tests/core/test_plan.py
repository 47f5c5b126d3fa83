"""The weekly plan and the check-in, over hand-made histories with numbers worked out by hand."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from gluteapp.core.history_records import SessionRecord, StoredSet
from gluteapp.core.plan import ExerciseChange, check_in, week_plan
from gluteapp.core.records import FeltIn, SessionStatus, Side
from tests.builders import session_record, stored_set

# ISO week 38 of 2025 runs from Monday 15 to Sunday 21 September.
MONDAY = date(2025, 9, 15)
SUNDAY = date(2025, 9, 21)
WEDNESDAY = date(2025, 9, 17)
A, B = "gluteus-medius-a", "gluteus-medius-b"
BREAK = "standing-break"


def a_set(
    exercise_id: str = "glute-bridge",
    *,
    hold: float | None = None,
    target_hold: float | None = None,
    reps: int | None = None,
    pain: int | None = None,
    felt_in: FeltIn | None = None,
    side: Side = Side.BOTH,
) -> StoredSet:
    return stored_set(exercise_id, side, hold=(target_hold, hold),
                      reps=(10 if reps is not None else None, reps), pain=pain, felt_in=felt_in,
                      at=datetime(2025, 9, 1, tzinfo=UTC))


def session(
    day: date, routine_id: str = "atrophy-starter", *sets: StoredSet, hour: int = 18
) -> SessionRecord:
    """A session with one plain set unless sets are given; `routine_id` "empty-..." has none."""
    if not sets and not routine_id.startswith("empty-"):
        sets = (a_set(hold=20),)
    started = datetime(day.year, day.month, day.day, hour, tzinfo=UTC)
    return session_record(started, *sets, routine_id=routine_id.removeprefix("empty-"),
                          routine_name=routine_id,
                          status=SessionStatus.COMPLETED if sets else SessionStatus.ENDED_EARLY)


def days(n: int) -> timedelta:
    return timedelta(days=n)


# -- the week ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "history", "done", "days_done", "days_left"),
    [
        pytest.param(WEDNESDAY, [], 0, (), 5, id="no-history"),
        pytest.param(
            MONDAY,
            [session(MONDAY - days(1)), session(MONDAY)],
            1,
            (MONDAY,),
            7,
            id="monday-leaves-out-sunday-before",
        ),
        pytest.param(
            SUNDAY,
            [session(MONDAY - days(1)), session(MONDAY), session(SUNDAY, hour=23)],
            2,
            (MONDAY, SUNDAY),
            1,
            id="sunday-keeps-monday-and-itself",
        ),
        pytest.param(
            WEDNESDAY,
            [session(MONDAY, hour=7), session(MONDAY, hour=19)],
            2,
            (MONDAY,),
            5,
            id="two-on-one-day",
        ),
        pytest.param(
            WEDNESDAY,
            [session(MONDAY, BREAK), session(MONDAY + days(1), BREAK), session(WEDNESDAY)],
            1,
            (WEDNESDAY,),
            5,
            id="standing-break-does-not-count",
        ),
        pytest.param(
            WEDNESDAY,
            [session(MONDAY, "empty-atrophy-starter"), session(WEDNESDAY)],
            1,
            (WEDNESDAY,),
            5,
            id="session-without-sets-does-not-count",
        ),
        pytest.param(
            WEDNESDAY,
            [session(WEDNESDAY), session(WEDNESDAY + days(1))],
            1,
            (WEDNESDAY,),
            5,
            id="after-today-ignored",
        ),
    ],
)
def test_week_counts(
    today: date,
    history: list[SessionRecord],
    done: int,
    days_done: tuple[date, ...],
    days_left: int,
) -> None:
    plan = week_plan(history, today, tz=UTC)
    assert plan.week_start == MONDAY
    assert plan.goal == 2
    assert plan.done == done
    assert plan.days_done == days_done
    assert plan.days_left == days_left


@pytest.mark.parametrize(
    ("tz", "done"),
    [
        pytest.param(UTC, 0, id="utc-sunday-evening"),
        pytest.param(timezone(timedelta(hours=2)), 1, id="already-monday-two-hours-east"),
    ],
)
def test_week_uses_local_days(tz: timezone, done: int) -> None:
    late_sunday = session(MONDAY - days(1), hour=23)
    assert week_plan([late_sunday], WEDNESDAY, tz=tz).done == done


@pytest.mark.parametrize(
    ("today", "goal", "sessions_done", "remaining", "met", "on_track"),
    [
        pytest.param(MONDAY, 2, 0, 2, False, True, id="monday-nothing-yet"),
        pytest.param(SUNDAY - days(1), 2, 0, 2, False, True, id="saturday-two-days-for-two"),
        pytest.param(SUNDAY, 2, 0, 2, False, False, id="sunday-one-day-for-two"),
        pytest.param(SUNDAY, 2, 1, 1, False, True, id="sunday-one-to-go"),
        pytest.param(WEDNESDAY, 2, 2, 0, True, True, id="goal-met"),
        pytest.param(WEDNESDAY, 2, 3, 0, True, True, id="beyond-the-goal"),
        pytest.param(SUNDAY - days(2), 3, 1, 2, False, True, id="goal-of-three"),
    ],
)
def test_week_against_the_goal(
    today: date, goal: int, sessions_done: int, remaining: int, met: bool, on_track: bool
) -> None:
    history = [session(MONDAY, hour=6 + n) for n in range(sessions_done)]
    plan = week_plan(history, today, goal=goal, tz=UTC)
    assert plan.goal == goal
    assert plan.done == sessions_done
    assert plan.remaining == remaining
    assert plan.met is met
    assert plan.on_track is on_track


@pytest.mark.parametrize(
    ("routines", "next_id"),
    [
        pytest.param([], A, id="none-then-a"),
        pytest.param([A], B, id="a-then-b"),
        pytest.param([B], A, id="b-then-a"),
        pytest.param([A, B], A, id="a-b-then-a"),
        pytest.param([B, "glute-amnesia-wake-up"], A, id="other-routine-in-between"),
        pytest.param([A, "glute-amnesia-wake-up", "desk-break"], B, id="two-others-in-between"),
        pytest.param([A, BREAK], B, id="standing-break-in-between"),
        pytest.param([A, "empty-" + B], B, id="medius-without-sets-ignored"),
        pytest.param(["glute-amnesia-wake-up"], A, id="only-others"),
    ],
)
def test_medius_alternation(routines: list[str], next_id: str) -> None:
    # Three weeks back, one session a day, so the pair carries over from earlier weeks too.
    start = MONDAY - days(21)
    history = [session(start + days(n), routine) for n, routine in enumerate(routines)]
    assert week_plan(history, WEDNESDAY, tz=UTC).next_routine_id == next_id
    assert week_plan(list(reversed(history)), WEDNESDAY, tz=UTC).next_routine_id == next_id


def test_alternation_goes_by_time_within_a_day() -> None:
    history = [session(MONDAY, B, hour=19), session(MONDAY, A, hour=8)]
    assert week_plan(history, WEDNESDAY, tz=UTC).next_routine_id == A


# -- the check-in -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first_back", "weeks", "due"),
    [
        pytest.param(27, None, None, id="27-days-too-early"),
        pytest.param(28, 4, True, id="28-days-due"),
        pytest.param(41, 5, True, id="week-5"),
        pytest.param(48, 6, True, id="last-day-of-week-6"),
        pytest.param(49, 7, False, id="7-weeks-not-due"),
        pytest.param(120, 17, False, id="months-later"),
    ],
)
def test_check_in_timing(first_back: int, weeks: int | None, due: bool | None) -> None:
    history = [session(WEDNESDAY - days(first_back)), session(WEDNESDAY)]
    result = check_in(history, WEDNESDAY, tz=UTC)
    if weeks is None:
        assert result is None
        return
    assert result is not None
    assert result.weeks == weeks
    assert result.due is due
    assert result.first.start == WEDNESDAY - days(first_back)
    assert result.first.end == WEDNESDAY - days(first_back - 13)
    assert (result.latest.start, result.latest.end) == (WEDNESDAY - days(13), WEDNESDAY)


@pytest.mark.parametrize(
    "history",
    [
        pytest.param([], id="no-history"),
        pytest.param(
            [session(WEDNESDAY - days(40), BREAK), session(WEDNESDAY - days(20))],
            id="standing-break-is-not-the-first-session",
        ),
        pytest.param(
            [session(WEDNESDAY - days(40), "empty-atrophy-starter")],
            id="session-without-sets-is-not-the-first-session",
        ),
        pytest.param([session(WEDNESDAY + days(1))], id="only-a-session-after-today"),
    ],
)
def test_no_check_in(history: list[SessionRecord]) -> None:
    assert check_in(history, WEDNESDAY, tz=UTC) is None


@pytest.mark.parametrize(
    ("tz", "expected_weeks"),
    [
        pytest.param(UTC, 4, id="utc-28-days"),
        pytest.param(timezone(timedelta(hours=2)), None, id="east-27-days"),
    ],
)
def test_check_in_counts_local_days(tz: timezone, expected_weeks: int | None) -> None:
    history = [session(WEDNESDAY - days(28), hour=23)]
    result = check_in(history, WEDNESDAY, tz=tz)
    assert (result.weeks if result else None) == expected_weeks


def test_fortnight_numbers() -> None:
    first_day = WEDNESDAY - days(35)  # 13 August; the first fortnight ends on 26 August
    latest_start = WEDNESDAY - days(13)  # 4 September
    history = [
        session(
            first_day,
            "atrophy-starter",
            a_set(hold=20, target_hold=40, pain=2, felt_in=FeltIn.GLUTES),
            a_set(hold=25, target_hold=40, pain=4, felt_in=FeltIn.LOWER_BACK),
            a_set("fire-hydrant", reps=8, side=Side.LEFT, felt_in=FeltIn.GLUTES),
            a_set("fire-hydrant", reps=10, side=Side.RIGHT),
            a_set("side-plank", target_hold=30),  # no result: no best
        ),
        session(first_day + days(7), BREAK, a_set("single-leg-stand", hold=30, pain=9)),
        session(first_day + days(13), A, a_set(hold=22, pain=0, felt_in=FeltIn.NOWHERE)),
        session(first_day + days(14), A, a_set(hold=60, pain=8)),  # between the two
        session(latest_start - days(1), B, a_set(hold=99)),  # between the two
        session(
            latest_start,
            B,
            a_set(hold=30, target_hold=45, pain=1, felt_in=FeltIn.GLUTES),
            a_set("fire-hydrant", reps=9, side=Side.LEFT, felt_in=FeltIn.GLUTES),
            a_set("side-plank", hold=20),
        ),
        session(
            WEDNESDAY,
            A,
            a_set(hold=28, pain=4, felt_in=FeltIn.GLUTES),
            a_set("bird-dog", reps=12),
            hour=23,
        ),
        session(WEDNESDAY + days(1), B, a_set(hold=100)),  # tomorrow
    ]
    result = check_in(history, WEDNESDAY, tz=UTC)
    assert result is not None
    assert (result.weeks, result.due) == (5, True)

    first = result.first
    assert (first.start, first.end) == (first_day, date(2025, 8, 26))
    assert first.sessions == 2
    # Sets done: the bridge fell short of 40 s (twice: the same set redone, counted once), the
    # hydrant reached 10 on its right side, the plank had no result to fall short of, and the
    # bridge on day 13 had no target.
    assert first.sets == 3
    assert first.mean_pain == pytest.approx(2.0)  # 2, 4 and 0
    assert first.glute_share == pytest.approx(0.5)  # glutes, back, glutes, nowhere
    assert first.best == {"glute-bridge": 25.0, "fire-hydrant": 10.0}

    latest = result.latest
    assert (latest.start, latest.end) == (latest_start, WEDNESDAY)
    assert latest.sessions == 2
    # The bridge (30 of 45 s) and the hydrant (left only, 9 of 10) fell short.
    assert latest.sets == 3
    assert latest.mean_pain == pytest.approx(2.5)  # 1 and 4
    assert latest.glute_share == pytest.approx(1.0)
    assert latest.best == {
        "glute-bridge": 30.0,
        "fire-hydrant": 9.0,
        "side-plank": 20.0,
        "bird-dog": 12.0,
    }

    assert result.changes == (
        ExerciseChange("glute-bridge", 25.0, 30.0),
        ExerciseChange("fire-hydrant", 10.0, 9.0),
    )
    assert [c.change_percent for c in result.changes] == pytest.approx([20.0, -10.0])


def test_fortnight_without_ratings() -> None:
    history = [session(WEDNESDAY - days(30)), session(WEDNESDAY, A, a_set(hold=24))]
    result = check_in(history, WEDNESDAY, tz=UTC)
    assert result is not None
    assert (result.first.mean_pain, result.first.glute_share) == (None, None)
    assert result.changes == (ExerciseChange("glute-bridge", 20.0, 24.0),)


def test_empty_latest_fortnight() -> None:
    history = [session(WEDNESDAY - days(40)), session(WEDNESDAY - days(35))]
    result = check_in(history, WEDNESDAY, tz=UTC)
    assert result is not None
    assert (result.first.sessions, result.first.sets) == (2, 2)
    assert (result.latest.sessions, result.latest.sets, result.latest.best) == (0, 0, {})
    assert result.changes == ()


def test_changes_largest_improvement_first() -> None:
    first_sets = (a_set(hold=20), a_set("bird-dog", reps=10), a_set("frog-pump", reps=0))
    latest_sets = (a_set(hold=22), a_set("bird-dog", reps=15), a_set("frog-pump", reps=5))
    history = [
        session(WEDNESDAY - days(30), A, *first_sets),
        session(WEDNESDAY, B, *latest_sets),
    ]
    result = check_in(history, WEDNESDAY, tz=UTC)
    assert result is not None
    # Frog pump went from zero reps: no percentage can say how much better that is.
    assert [c.exercise_id for c in result.changes] == ["bird-dog", "glute-bridge"]
    assert [c.change_percent for c in result.changes] == pytest.approx([50.0, 10.0])


@pytest.mark.parametrize(
    ("first", "latest", "percent"),
    [
        pytest.param(20.0, 25.0, 25.0, id="better"),
        pytest.param(10.0, 9.0, -10.0, id="worse"),
        pytest.param(12.0, 12.0, 0.0, id="same"),
        pytest.param(0.0, 5.0, 0.0, id="from-zero"),
    ],
)
def test_change_percent(first: float, latest: float, percent: float) -> None:
    assert ExerciseChange("glute-bridge", first, latest).change_percent == pytest.approx(percent)


def test_last_in_pair_agrees_with_the_week_plan() -> None:
    from gluteapp.core.plan import last_in_pair

    today = date(2025, 9, 10)
    sessions = [
        session(date(2025, 9, 1), "gluteus-medius-a"),
        session(date(2025, 9, 3), "gluteus-medius-b"),
        session(date(2025, 9, 5), "standing-break"),
        session(date(2025, 9, 6), "desk-break"),
    ]
    assert last_in_pair(sessions, today, tz=UTC) == "gluteus-medius-b"
    assert week_plan(sessions, today, tz=UTC).next_routine_id == "gluteus-medius-a"
    assert last_in_pair([], today, tz=UTC) is None
