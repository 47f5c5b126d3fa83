"""A side or set ended early is kept as partial, with what was done, and never counted as done."""

from __future__ import annotations

from datetime import timedelta

from msgspec.structs import replace

from gluteapp.core.engine import Session
from gluteapp.core.history_records import StoredSet
from gluteapp.core.records import Side
from gluteapp.core.sides import session_side_ratio, weaker_side
from gluteapp.core.stats import Aggregate, Measure, cut_short, partial, sets_done, side_balance
from tests.builders import MOMENT, session_record, stored_set
from tests.core.test_engine_helpers import make_session

ONE_SET = '[[steps]]\nexercise = "stand"\nsets = 1\nhold_s = 20\n'


def test_ending_during_the_second_side_records_it_as_partial() -> None:
    session: Session = make_session(ONE_SET, prepare_s=5)
    session.start(0.0)
    session.tick(5.0 + 20.0 + 5.0 + 15.0)  # the left side done, 15 s into the right
    events = session.end_early(45.0)
    right = [e for e in session.completed_sets if e.side is Side.RIGHT]
    assert [(s.achieved_hold_s, s.cut_short) for s in right] == [(15.0, True)]
    assert events  # the session ended
    assert [cut_short(s) for s in session.completed_sets] == [False, True]
    # One set with one full side: done once, the cut side does not make it a second.
    assert sets_done(session.completed_sets) == 1


def test_a_set_whose_only_side_was_cut_short_is_not_a_set_done() -> None:
    """Set 2 ended during its left side: kept with its 8 s, not counted as done."""
    record = session_record(
        MOMENT,
        stored_set("stand", Side.LEFT, hold=(20.0, 20.0), set_number=1),
        stored_set("stand", Side.RIGHT, hold=(20.0, 20.0), set_number=1),
        stored_set("stand", Side.LEFT, hold=(20.0, 8.0), set_number=2))
    assert [s.achieved_hold_s for s in record.sets] == [20.0, 20.0, 8.0]
    assert sets_done(record.sets) == 1


def _plank(side: Side, held: float, day: int, *, cut: bool | None, number: int = 1) -> StoredSet:
    return stored_set("side-plank", side, hold=(20.0, held), set_number=number,
                      at=MOMENT + timedelta(days=day), cut_short=cut)


def test_a_side_cut_short_does_not_tip_left_against_right() -> None:
    """Day 0: both sides held 20 s (even). Day 1: left held, right left after 15 s when the
    exercise was ended: that session has no ratio, and day 0's stays as it was."""
    even = session_record(MOMENT, _plank(Side.LEFT, 20.0, 0, cut=False),
                          _plank(Side.RIGHT, 20.0, 0, cut=False), session_id=1)
    ended = session_record(MOMENT + timedelta(days=1), _plank(Side.LEFT, 20.0, 1, cut=False),
                           _plank(Side.RIGHT, 15.0, 1, cut=True), session_id=2)
    points = side_balance([even, ended], "side-plank", Measure.HOLD)
    assert [(p.left, p.right, p.ratio) for p in points] == [
        (20.0, 20.0, 1.0), (20.0, None, None)]
    # Not 20 / 15 = 1.33, and the mean of the sets does not take the cut side either.
    mean = side_balance([ended], "side-plank", Measure.HOLD, Aggregate.MEAN)
    assert [(p.left, p.right) for p in mean] == [(20.0, None)]


def test_the_stored_flag_decides_what_the_results_cannot() -> None:
    """A count short of its target with no flag (an older row) stays a result on its side; the
    same count flagged partial is left out; a hold flagged partial within the tolerance of its
    target reached it."""
    older = stored_set("wall-clamshell", Side.LEFT, reps=(15, 9))
    flagged = stored_set("wall-clamshell", Side.LEFT, reps=(15, 9), cut_short=True)
    nearly = stored_set("side-plank", Side.LEFT, hold=(20.0, 19.7), cut_short=True)
    assert [partial(s) for s in (older, flagged, nearly)] == [False, True, False]
    assert [cut_short(s) for s in (older, flagged, nearly)] == [True, True, False]
    right = stored_set("wall-clamshell", Side.RIGHT, reps=(15, 12), cut_short=False)
    for left, expected in ((older, [(9.0, 12.0)]), (flagged, [(None, 12.0)])):
        record = session_record(MOMENT, left, right)
        got = side_balance([record], "wall-clamshell", Measure.REPS)
        assert [(p.left, p.right) for p in got] == expected


def test_the_engine_flag_of_a_cut_side_reaches_the_ratio() -> None:
    """The engine's own records (ended during the right side) as the recorder stores them."""
    session: Session = make_session(ONE_SET, prepare_s=5)
    session.start(0.0)
    session.tick(5.0 + 20.0 + 5.0 + 15.0)
    session.skip_exercise(45.0)
    stored = tuple(
        stored_set(s.exercise_id, s.side, hold=(s.target_hold_s, s.achieved_hold_s),
                   cut_short=s.cut_short) for s in session.completed_sets)
    points = side_balance([session_record(MOMENT, *stored)], "stand", Measure.HOLD)
    assert [(p.left, p.right, p.ratio) for p in points] == [(20.0, None, None)]


def test_a_side_cut_short_does_not_make_the_other_side_the_weaker_one() -> None:
    """Three sessions, each ending the side plank 8 s into the right side: without the cut
    sides the two are even and no side is called weaker (with them, right read 30 % behind
    and would have been given an extra set)."""
    sessions = [
        session_record(MOMENT + timedelta(days=day),
                       _plank(Side.LEFT, 20.0, day, cut=False),
                       _plank(Side.RIGHT, 20.0, day, cut=False),
                       _plank(Side.LEFT, 20.0, day, cut=False, number=2),
                       _plank(Side.RIGHT, 8.0, day, cut=True, number=2),
                       session_id=day)
        for day in range(3)]
    assert [session_side_ratio(s) for s in sessions] == [1.0, 1.0, 1.0]
    assert weaker_side(sessions) is None
    # The same results stored before the flag (no partial known) still read as before.
    older = [session_record(s.started_at, *(replace(st, cut_short=None) for st in s.sets))
             for s in sessions]
    finding = weaker_side(older)
    assert finding is not None
    assert finding.weaker is Side.RIGHT
