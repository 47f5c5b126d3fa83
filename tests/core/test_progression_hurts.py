"""'It hurts' counts as pain that stops a set when the next plan is made."""

from __future__ import annotations

from msgspec.structs import replace

from gluteapp.core.history_records import SessionRecord
from gluteapp.core.progression import Change, Reason, suggest_step
from gluteapp.core.records import Hurt, HurtChoice, Side
from tests.core.test_progression import LIBRARY, PLANK_15, plank


def hurt_in(record: SessionRecord, exercise_id: str = "side-plank") -> SessionRecord:
    pressed = Hurt(record.started_at, exercise_id, 2, Side.RIGHT, HurtChoice.CARRY_ON)
    return replace(record, hurts=(pressed,))


def test_it_hurts_last_time_makes_it_easier_even_with_every_set_rated_painless() -> None:
    history = [plank(1, 15), hurt_in(plank(2, 15))]  # done in full, rated 0, but it hurt
    found = suggest_step(0, PLANK_15, LIBRARY["side-plank"], history)
    assert (found.change, found.reason) == (Change.EASIER, Reason.IT_HURT)
    assert found.reason.is_pain  # other exercises for the same muscle are offered too


def test_it_hurts_in_the_last_two_sessions_asks_for_a_professional() -> None:
    history = [hurt_in(plank(1, 15)), hurt_in(plank(2, 15))]
    found = suggest_step(0, PLANK_15, LIBRARY["side-plank"], history)
    assert (found.change, found.reason) == (Change.EASIER, Reason.PAIN_AGAIN)


def test_it_hurts_during_another_exercise_changes_nothing_here() -> None:
    history = [plank(1, 15), hurt_in(plank(2, 15), "glute-bridge")]
    found = suggest_step(0, PLANK_15, LIBRARY["side-plank"], history)
    assert (found.change, found.reason) == (Change.ADVANCE, Reason.READY)


def test_it_hurts_before_the_session_before_is_no_longer_a_signal() -> None:
    history = [hurt_in(plank(1, 15)), plank(2, 15), plank(3, 15)]
    found = suggest_step(0, PLANK_15, LIBRARY["side-plank"], history)
    assert (found.change, found.reason) == (Change.ADVANCE, Reason.READY)
