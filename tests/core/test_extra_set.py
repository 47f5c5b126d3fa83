"""The one-sided extra set a step may add: its phases, its duration, the set the engine records."""

from __future__ import annotations

from gluteapp.core.engine import PhaseKind, SetCompleted
from gluteapp.core.records import SessionStatus, Side
from gluteapp.core.timeline import compile_timeline, routine_duration_s
from tests.core.test_engine import run_to_end
from tests.core.test_engine_helpers import LIBRARY, FakeClock, make_routine, make_session, timeline

STAND_TWO_SETS = '[[steps]]\nexercise = "stand"\nsets = 2\nhold_s = 4\nrest_s = 3\n'


def shape(steps: str) -> list[tuple[str, int, int, str | None]]:
    """(kind, set number, set count, side) of every phase."""
    return [
        (p.kind.value, p.set_number, p.set_count, p.side.value if p.side else None)
        for p in compile_timeline(make_routine(steps, prepare_s=2), LIBRARY)
    ]


def test_the_extra_set_follows_a_rest_on_its_side_only() -> None:
    assert shape(STAND_TWO_SETS + 'extra_side = "right"\n') == [
        ("prepare", 0, 3, None),
        ("hold", 1, 3, "left"),
        ("switch_sides", 1, 3, "right"),
        ("hold", 1, 3, "right"),
        ("rest_set", 1, 3, None),
        ("hold", 2, 3, "left"),
        ("switch_sides", 2, 3, "right"),
        ("hold", 2, 3, "right"),
        ("rest_set", 2, 3, None),
        ("hold", 3, 3, "right"),
        ("done", 0, 0, None),
    ]


def test_without_an_extra_side_nothing_changes() -> None:
    assert shape(STAND_TWO_SETS) == [
        ("prepare", 0, 2, None),
        ("hold", 1, 2, "left"),
        ("switch_sides", 1, 2, "right"),
        ("hold", 1, 2, "right"),
        ("rest_set", 1, 2, None),
        ("hold", 2, 2, "left"),
        ("switch_sides", 2, 2, "right"),
        ("hold", 2, 2, "right"),
        ("done", 0, 0, None),
    ]


def test_the_rest_before_the_next_exercise_counts_its_extra_set() -> None:
    steps = (
        '[[steps]]\nexercise = "bridge"\nsets = 1\nhold_s = 5\nrest_after_s = 10\n'
        '\n[[steps]]\nexercise = "clam"\nsets = 1\nreps = 12\nextra_side = "left"\n'
    )
    assert shape(steps) == [
        ("prepare", 0, 1, None),
        ("hold", 1, 1, "both"),
        ("rest_exercise", 0, 2, None),
        ("reps", 1, 2, "left"),
        ("switch_sides", 1, 2, "right"),
        ("reps", 1, 2, "right"),
        ("rest_set", 1, 2, None),
        ("reps", 2, 2, "left"),
        ("done", 0, 0, None),
    ]


def test_the_extra_set_adds_a_rest_and_one_hold_to_the_duration() -> None:
    plain = routine_duration_s(make_routine(STAND_TWO_SETS, prepare_s=2), LIBRARY)
    extra = routine_duration_s(
        make_routine(STAND_TWO_SETS + 'extra_side = "left"\n', prepare_s=2), LIBRARY
    )
    # get ready 2, two sets of 4 s a side with a 5 s switch, one 3 s rest; then 3 s rest and 4 s
    assert plain == 2 + 2 * (4 + 5 + 4) + 3
    assert extra == plain + 3 + 4


def test_the_engine_records_the_extra_set_on_its_side() -> None:
    clock = FakeClock()
    session = make_session(STAND_TWO_SETS + 'extra_side = "left"\n', prepare_s=1, switch_sides_s=2)
    events = session.start(clock.now) + run_to_end(session, clock)
    starts = [(t, text) for t, text in timeline(events) if text.startswith(("start", "set"))]
    assert starts == [
        (0, "start prepare stand"),
        (1, "start hold stand 1/3 left"),
        (5, "set stand 1 left held 4/4s"),
        (5, "start switch_sides stand 1/3 right"),
        (7, "start hold stand 1/3 right"),
        (11, "set stand 1 right held 4/4s"),
        (11, "start rest_set stand 1/3"),
        (14, "start hold stand 2/3 left"),
        (18, "set stand 2 left held 4/4s"),
        (18, "start switch_sides stand 2/3 right"),
        (20, "start hold stand 2/3 right"),
        (24, "set stand 2 right held 4/4s"),
        (24, "start rest_set stand 2/3"),
        (27, "start hold stand 3/3 left"),
        (31, "set stand 3 left held 4/4s"),
    ]
    extra = [e for e in events if isinstance(e, SetCompleted)][-1]
    assert (extra.set_number, extra.set_count, extra.side, extra.cut_short) == (
        3,
        3,
        Side.LEFT,
        False,
    )
    assert session.status is SessionStatus.COMPLETED
    assert session.phase.kind is PhaseKind.DONE
    totals = session.summary().per_exercise[0]
    assert (totals.sets_done, totals.sets_planned) == (3, 3)
