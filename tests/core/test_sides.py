"""The weaker side: left/right ratios per session and the three-session rule, on hand-made data."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import pytest

from gluteapp.core.history_records import SessionRecord, StoredSet
from gluteapp.core.records import Side
from gluteapp.core.sides import SideFinding, session_side_ratio, weaker_side
from tests.builders import session_record

START = datetime(2025, 9, 1, 18, tzinfo=UTC)
L, R, BOTH = Side.LEFT, Side.RIGHT, Side.BOTH


def hold(side: Side, seconds: float | None, exercise_id: str = "single-leg-stand") -> StoredSet:
    return StoredSet(
        id=0,
        session_id=0,
        exercise_id=exercise_id,
        set_number=1,
        side=side,
        started_at=START,
        ended_at=START,
        target_hold_s=30,
        achieved_hold_s=seconds,
    )


def reps(side: Side, count: int | None, exercise_id: str = "fire-hydrant") -> StoredSet:
    return StoredSet(
        id=0,
        session_id=0,
        exercise_id=exercise_id,
        set_number=1,
        side=side,
        started_at=START,
        ended_at=START,
        target_reps=10,
        achieved_reps=count,
    )


def session(day: int, *sets: StoredSet) -> SessionRecord:
    """A session `day` days after the first one."""
    return session_record(START + timedelta(days=day), *sets, routine_id="gluteus-medius-a",
                          routine_name="Gluteus medius A", session_id=day)


def pair(left: float, right: float, exercise_id: str = "single-leg-stand") -> tuple[StoredSet, ...]:
    return hold(L, left, exercise_id), hold(R, right, exercise_id)


# -- one session ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sets", "expected"),
    [
        pytest.param((), None, id="no-sets"),
        pytest.param((hold(BOTH, 30), hold(BOTH, 20)), None, id="both-sides-sets-only"),
        pytest.param((hold(L, 20), hold(L, 25)), None, id="left-only"),
        pytest.param((hold(L, None), hold(R, 30)), None, id="left-not-measured"),
        pytest.param((reps(L, None), reps(R, None)), None, id="nothing-measured"),
        pytest.param((hold(L, 0), hold(R, 30)), None, id="zero-cannot-be-a-ratio"),
        pytest.param(pair(27, 30), 0.9, id="hold-left-weaker"),
        pytest.param((reps(L, 10), reps(R, 8)), 1.25, id="reps-right-weaker"),
        pytest.param((hold(L, 20), hold(L, None), hold(R, 25)), 0.8, id="unmeasured-set-ignored"),
        pytest.param((hold(BOTH, 90), *pair(24, 30)), 0.8, id="both-sides-set-ignored"),
        pytest.param(
            (hold(L, 20), hold(L, 20), hold(L, 20), hold(R, 20), hold(R, 20)),
            1.0,
            id="extra-set-does-not-tilt",
        ),
        pytest.param(
            (hold(L, 20), hold(L, 30), hold(R, 25), hold(R, 25)), 1.0, id="mean-of-each-side"
        ),
        pytest.param(
            (*pair(24, 30), reps(L, 10), reps(R, 8)), 1.0, id="geometric-mean-of-two-exercises"
        ),
        pytest.param(
            (*pair(15, 30), reps(L, 8), reps(R, 10)), math.sqrt(0.4), id="two-weak-exercises"
        ),
    ],
)
def test_session_side_ratio(sets: tuple[StoredSet, ...], expected: float | None) -> None:
    ratio = session_side_ratio(session(0, *sets))
    if expected is None:
        assert ratio is None
    else:
        assert ratio == pytest.approx(expected)


# -- the three-session rule -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("history", "weaker", "ratios"),
    [
        pytest.param([], None, None, id="no-history"),
        pytest.param([session(0, *pair(20, 30))], None, None, id="one-session"),
        pytest.param(
            [session(0, *pair(20, 30)), session(2, *pair(20, 30))], None, None, id="two-sessions"
        ),
        pytest.param(
            [session(0, *pair(24, 30)), session(2, *pair(17, 20)), session(4, *pair(21, 30))],
            L,
            (0.7, 0.85, 0.8),
            id="left-weaker-three-times",
        ),
        pytest.param(
            [session(0, *pair(30, 24)), session(2, *pair(40, 30)), session(4, *pair(30, 25.5))],
            R,
            (0.85, 0.75, 0.8),
            id="right-weaker-three-times",
        ),
        pytest.param(
            [session(0, *pair(20, 30)), session(2, *pair(20, 30)), session(4, *pair(30, 20))],
            None,
            None,
            id="left-twice-then-right",
        ),
        pytest.param(
            [session(0, *pair(20, 30)), session(2, *pair(20, 30)), session(4, *pair(29, 30))],
            None,
            None,
            id="newest-within-ten-percent",
        ),
        pytest.param(
            [session(0, *pair(27, 30)), session(2, *pair(18, 20)), session(4, *pair(9, 10))],
            None,
            None,
            id="left-exactly-ten-percent",
        ),
        pytest.param(
            [session(0, *pair(30, 27)), session(2, *pair(20, 18)), session(4, *pair(10, 9))],
            None,
            None,
            id="right-exactly-ten-percent",
        ),
        pytest.param(
            [session(0, *pair(26.7, 30)), session(2, *pair(17.8, 20)), session(4, *pair(8.9, 10))],
            L,
            (0.89, 0.89, 0.89),
            id="left-just-over-ten-percent",
        ),
        pytest.param(
            [
                session(0, *pair(20, 30)),
                session(2, *pair(20, 30)),
                session(4, *pair(20, 30)),
                session(6, hold(BOTH, 30)),
                session(8, hold(L, None), hold(R, 30)),
            ],
            L,
            (2 / 3, 2 / 3, 2 / 3),
            id="sessions-without-a-ratio-skipped",
        ),
        pytest.param(
            [
                session(0, *pair(20, 30)),
                session(2, *pair(20, 30)),
                session(4, *pair(20, 30)),
                session(6, *pair(30, 30)),
            ],
            None,
            None,
            id="newest-balanced-session-ends-it",
        ),
        pytest.param(
            [
                session(0, *pair(30, 20)),
                session(2, *pair(24, 30)),
                session(4, *pair(24, 30)),
                session(6, *pair(24, 30)),
            ],
            L,
            (0.8, 0.8, 0.8),
            id="older-right-gap-outside-window",
        ),
        pytest.param(
            [session(6, *pair(21, 30)), session(0, *pair(24, 30)), session(4, *pair(17, 20))],
            L,
            (0.7, 0.85, 0.8),
            id="any-input-order",
        ),
    ],
)
def test_weaker_side(
    history: list[SessionRecord], weaker: Side | None, ratios: tuple[float, ...] | None
) -> None:
    finding = weaker_side(history)
    if weaker is None:
        assert finding is None
        return
    assert finding is not None
    assert finding.weaker is weaker
    assert finding.ratios == pytest.approx(ratios)


def test_the_window_and_threshold_can_be_changed() -> None:
    history = [session(0, *pair(27, 30)), session(2, *pair(27, 30))]
    assert weaker_side(history) is None
    assert weaker_side(history, window=2) is None  # 10 % is not more than 10 %
    finding = weaker_side(history, window=2, threshold=0.05)
    assert finding is not None
    assert finding.weaker is L
    assert finding.ratios == pytest.approx((0.9, 0.9))


@pytest.mark.parametrize(
    ("window", "threshold"),
    [
        pytest.param(0, 0.1, id="window-zero"),
        pytest.param(3, 0.0, id="threshold-zero"),
        pytest.param(3, 1.0, id="threshold-whole"),
    ],
)
def test_nonsense_settings_are_refused(window: int, threshold: float) -> None:
    with pytest.raises(ValueError, match="must be"):
        weaker_side([], window=window, threshold=threshold)


def test_exercises_named_are_those_behind_in_every_session_they_were_done() -> None:
    history = [
        session(
            4,  # newest: 0.8, 1.0 and 0.7 -> about 0.82
            *pair(24, 30),
            *pair(30, 30, "side-plank"),
            reps(L, 7, "fire-hydrant"),
            reps(R, 10, "fire-hydrant"),
        ),
        session(
            2,  # 0.85, 0.8 and 0.75 -> about 0.80
            *pair(25.5, 30),
            *pair(24, 30, "side-plank"),
            reps(L, 6, "bird-dog"),
            reps(R, 8, "bird-dog"),
        ),
        session(
            0,  # 0.8 everywhere
            *pair(24, 30),
            *pair(24, 30, "side-plank"),
            reps(L, 8, "bird-dog"),
            reps(R, 10, "bird-dog"),
        ),
    ]
    finding = weaker_side(history)
    assert finding is not None
    assert finding.weaker is L
    # bird-dog (0.775 on average) is further behind than single-leg-stand (0.817); side-plank was
    # even once; fire-hydrant was done in one session only.
    assert finding.exercise_ids == ("bird-dog", "single-leg-stand")
    assert finding.ratios == pytest.approx(
        ((0.8 * 1.0 * 0.7) ** (1 / 3), (0.85 * 0.8 * 0.75) ** (1 / 3), 0.8)
    )


def test_exercises_named_for_a_weaker_right_side() -> None:
    history = [session(day, *pair(30, 24), *pair(10, 10, "side-plank")) for day in (0, 2, 4)]
    finding = weaker_side(history, threshold=0.05)
    assert finding is not None
    assert finding.weaker is R
    assert finding.exercise_ids == ("single-leg-stand",)


@pytest.mark.parametrize(
    ("ratios", "gap"),
    [
        pytest.param((0.8, 0.85, 0.81), 18.0, id="eighteen-percent"),
        pytest.param((0.5,), 50.0, id="half"),
        pytest.param((), 0.0, id="nothing"),
    ],
)
def test_gap_percent(ratios: tuple[float, ...], gap: float) -> None:
    assert SideFinding(L, (), ratios).gap_percent == pytest.approx(gap)
