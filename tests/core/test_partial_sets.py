"""A side or set ended early is kept as partial, with what was done, and never counted as done."""

from __future__ import annotations

from gluteapp.core.engine import Session
from gluteapp.core.records import Side
from gluteapp.core.stats import cut_short, sets_done
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
