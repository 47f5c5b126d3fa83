"""Where exercises were felt: glute share per exercise over time, and exercises felt elsewhere.

The alternatives come from the real library (assets/exercises.toml). Frog pump works the gluteus
maximus alone, has the easier "Glute bridge hold", and the other maximus exercises in library order
are standing-hip-drive (wall), banded-half-squat (mini band), bird-dog, glute-bridge,
single-leg-rdl, single-leg-glute-bridge, ... Single-leg RDL works the maximus and the medius, as do
donkey-kick and squat-side-step, which therefore rank before single-leg-stand (medius only) even
though that comes first in the library.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from gluteapp.core.assets import builtin_library
from gluteapp.core.exercises import Equipment
from gluteapp.core.felt import FeltElsewhere, FeltShare, felt_elsewhere, felt_in_by_exercise
from gluteapp.core.history_records import SessionRecord, StoredSet
from gluteapp.core.records import FeltIn, Side
from tests.builders import session_record

START = datetime(2025, 9, 1, 18, tzinfo=UTC)
G, LB, HAM, NOWHERE = FeltIn.GLUTES, FeltIn.LOWER_BACK, FeltIn.HAMSTRINGS, FeltIn.NOWHERE


def rated(exercise_id: str, *answers: FeltIn | None) -> tuple[StoredSet, ...]:
    """One set of the exercise per answer (None: the set was not rated)."""
    return tuple(
        StoredSet(
            id=0,
            session_id=0,
            exercise_id=exercise_id,
            set_number=number,
            side=Side.BOTH,
            started_at=START,
            ended_at=START,
            achieved_reps=10,
            felt_in=answer,
        )
        for number, answer in enumerate(answers, start=1)
    )


def session(day: int, *sets: StoredSet, hour: int = 18) -> SessionRecord:
    """A session `day` days after 1 September 2025."""
    return session_record(START.replace(hour=hour) + timedelta(days=day), *sets,
                          routine_name="Atrophy starter", session_id=day)


# -- share over time --------------------------------------------------------------------------


def test_share_over_time_per_exercise_oldest_first() -> None:
    history = [
        session(3, *rated("frog-pump", G, G, LB), *rated("bird-dog", None, None)),
        session(0, *rated("frog-pump", LB, HAM, NOWHERE, None), *rated("bird-dog", G)),
        session(1, *rated("bird-dog", None)),
    ]
    shares = felt_in_by_exercise(history, UTC)
    assert list(shares) == ["frog-pump", "bird-dog"]
    assert shares["frog-pump"] == [
        FeltShare(date(2025, 9, 1), "frog-pump", rated=3, glutes=0, lower_back=1, hamstrings=1),
        FeltShare(date(2025, 9, 4), "frog-pump", rated=3, glutes=2, lower_back=1, hamstrings=0),
    ]
    # The sessions where bird-dog was done but not rated leave no point.
    assert shares["bird-dog"] == [
        FeltShare(date(2025, 9, 1), "bird-dog", rated=1, glutes=1, lower_back=0, hamstrings=0)
    ]
    assert [point.glute_share for point in shares["frog-pump"]] == pytest.approx([0.0, 2 / 3])


@pytest.mark.parametrize(
    "history",
    [
        pytest.param([], id="no-history"),
        pytest.param([session(0)], id="session-without-sets"),
        pytest.param([session(0, *rated("frog-pump", None, None))], id="nothing-rated"),
    ],
)
def test_no_share_without_ratings(history: list[SessionRecord]) -> None:
    assert felt_in_by_exercise(history, UTC) == {}


@pytest.mark.parametrize(
    ("tz", "day"),
    [
        pytest.param(UTC, date(2025, 9, 1), id="utc"),
        pytest.param(timezone(timedelta(hours=2)), date(2025, 9, 2), id="two-hours-east"),
    ],
)
def test_share_days_are_local_days(tz: timezone, day: date) -> None:
    shares = felt_in_by_exercise([session(0, *rated("frog-pump", G), hour=23)], tz)
    assert shares["frog-pump"][0].day == day


@pytest.mark.parametrize(
    ("rated_sets", "glutes", "share"),
    [
        pytest.param(0, 0, None, id="none-rated"),
        pytest.param(4, 1, 0.25, id="a-quarter"),
        pytest.param(2, 2, 1.0, id="all"),
    ],
)
def test_glute_share(rated_sets: int, glutes: int, share: float | None) -> None:
    point = FeltShare(date(2025, 9, 1), "frog-pump", rated_sets, glutes, 0, 0)
    assert point.glute_share == share


# -- felt elsewhere ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "history",
    [
        pytest.param([], id="no-history"),
        pytest.param([session(0, *rated("frog-pump", LB, LB))], id="fewer-than-three-rated"),
        pytest.param(
            [session(0, *rated("frog-pump", LB, None, None, HAM, None))],
            id="ratings-missing-leave-too-few",
        ),
        pytest.param([session(0, *rated("frog-pump", LB, HAM, G, G))], id="exactly-half"),
        pytest.param(
            [session(0, *rated("frog-pump", LB, NOWHERE, G))], id="nowhere-is-not-elsewhere"
        ),
        pytest.param(
            [
                session(0, *rated("frog-pump", LB, LB, LB, LB, LB)),
                session(1, *rated("frog-pump", G)),
                session(2, *rated("frog-pump", G)),
                session(3, *rated("frog-pump", G, None)),
            ],
            id="older-than-the-window",
        ),
        pytest.param([session(0, *rated("no-such-exercise", LB, LB, LB))], id="not-in-the-library"),
    ],
)
def test_nothing_felt_elsewhere(history: list[SessionRecord]) -> None:
    assert felt_elsewhere(history, builtin_library()) == []


@pytest.mark.parametrize(
    ("history", "region", "share", "rated_sets"),
    [
        pytest.param([session(0, *rated("frog-pump", LB, LB, G))], LB, 2 / 3, 3, id="lower-back"),
        pytest.param(
            [session(0, *rated("frog-pump", HAM, HAM, LB, G, None))],
            HAM,
            3 / 4,
            4,
            id="hamstrings-larger",
        ),
        pytest.param(
            [session(0, *rated("frog-pump", HAM, LB, G, NOWHERE, HAM))],
            HAM,
            3 / 5,
            5,
            id="nowhere-counts-as-rated",
        ),
        pytest.param(
            [session(0, *rated("frog-pump", HAM, LB, LB, HAM))], LB, 1.0, 4, id="tie-is-lower-back"
        ),
        pytest.param(
            [
                session(0, *rated("frog-pump", LB)),
                session(1, *rated("frog-pump", LB)),
                session(2, *rated("frog-pump", G, None)),
            ],
            LB,
            2 / 3,
            3,
            id="summed-over-sessions",
        ),
        pytest.param(
            [
                session(0, *rated("frog-pump", G, G, G, G, G)),
                session(1, *rated("frog-pump", LB, LB)),
                session(2, *rated("glute-bridge", G, G, G)),
                session(3, *rated("frog-pump", G)),
                session(4, *rated("glute-bridge", G, G, G)),
                session(5, *rated("frog-pump", LB)),
            ],
            LB,
            3 / 4,
            4,
            id="window-counts-sessions-with-the-exercise",
        ),
    ],
)
def test_felt_elsewhere_finding(
    history: list[SessionRecord], region: FeltIn, share: float, rated_sets: int
) -> None:
    found = felt_elsewhere(history, builtin_library())
    assert len(found) == 1
    finding = found[0]
    assert finding.exercise_id == "frog-pump"
    assert finding.region is region
    assert finding.share == pytest.approx(share)
    assert finding.rated == rated_sets
    assert finding.easier == "Glute bridge hold"


@pytest.mark.parametrize(
    ("at_hand", "others", "alternatives"),
    [
        pytest.param(
            None,
            (),
            ("standing-hip-drive", "banded-half-squat", "bird-dog"),
            id="no-equipment-filter",
        ),
        pytest.param((), (), ("bird-dog", "glute-bridge", "single-leg-rdl"), id="nothing-at-hand"),
        pytest.param(
            (Equipment.WALL,),
            (),
            ("standing-hip-drive", "bird-dog", "glute-bridge"),
            id="a-wall",
        ),
        pytest.param(
            (),
            rated("glute-bridge", LB, HAM),
            ("bird-dog", "single-leg-rdl", "single-leg-glute-bridge"),
            id="alternative-felt-elsewhere-left-out",
        ),
        pytest.param(
            (),
            rated("glute-bridge", LB, G, G),
            ("bird-dog", "glute-bridge", "single-leg-rdl"),
            id="alternative-felt-in-glutes-kept",
        ),
    ],
)
def test_alternatives(
    at_hand: tuple[Equipment, ...] | None,
    others: tuple[StoredSet, ...],
    alternatives: tuple[str, ...],
) -> None:
    history = [session(0, *rated("frog-pump", LB, LB, LB), *others)]
    (finding,) = felt_elsewhere(history, builtin_library(), at_hand)
    assert finding.alternatives == alternatives


def test_alternatives_share_the_most_primary_muscles_first() -> None:
    history = [session(0, *rated("single-leg-rdl", HAM, HAM, HAM))]
    assert felt_elsewhere(history, builtin_library(), at_hand=()) == [
        FeltElsewhere(
            exercise_id="single-leg-rdl",
            region=HAM,
            share=1.0,
            rated=3,
            easier="With a hand on a support",
            alternatives=("donkey-kick", "squat-side-step", "single-leg-stand"),
        )
    ]


def test_highest_share_first_and_each_other_left_out_of_alternatives() -> None:
    history = [
        session(
            0,
            *rated("frog-pump", LB, LB, G),
            *rated("glute-bridge", LB, LB, LB, G),
            *rated("bird-dog", HAM, HAM, HAM, HAM),
        )
    ]
    found = felt_elsewhere(history, builtin_library(), at_hand=())
    assert [(f.exercise_id, f.share) for f in found] == [
        ("bird-dog", 1.0),
        ("glute-bridge", 0.75),
        ("frog-pump", pytest.approx(2 / 3)),
    ]
    assert found[2].alternatives == ("single-leg-rdl", "single-leg-glute-bridge", "donkey-kick")
    # Glute bridge has no easier variation.
    assert found[1].easier is None


@pytest.mark.parametrize(
    ("window", "min_rated", "expected"),
    [
        pytest.param(1, 3, [], id="newest-session-only-too-few"),
        pytest.param(1, 1, ["frog-pump"], id="newest-session-only-enough"),
        pytest.param(2, 3, ["frog-pump"], id="two-sessions"),
        pytest.param(3, 3, [], id="three-sessions-tip-it-back"),
    ],
)
def test_window_and_min_rated(window: int, min_rated: int, expected: list[str]) -> None:
    history = [
        session(0, *rated("frog-pump", G, G, G)),
        session(1, *rated("frog-pump", LB, G)),
        session(2, *rated("frog-pump", HAM)),
    ]
    found = felt_elsewhere(history, builtin_library(), window=window, min_rated=min_rated)
    assert [f.exercise_id for f in found] == expected
