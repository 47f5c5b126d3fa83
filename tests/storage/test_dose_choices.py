"""Suggested and chosen doses: stored with their session, read back, and used for variations."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from gluteapp.core.records import DoseChoice, Side
from gluteapp.storage import HistoryStore, InvalidRecordError, RecordNotFoundError, open_history
from tests.storage.storage_helpers import T0, FakeClock, a_set


def _choice(step_index: int, exercise_id: str, **fields: object) -> DoseChoice:
    values: dict[str, object] = {
        "unit": "s", "previous": 15, "suggested": 20, "chosen": 20,
        "change": "advance", "reason": "ready",
    }
    values.update(fields)
    return DoseChoice(step_index=step_index, exercise_id=exercise_id, **values)  # type: ignore[arg-type]


def test_choices_round_trip_in_step_order(store: HistoryStore) -> None:
    session = store.start_session("gluteus-medius-a", "Gluteus medius A", T0)
    chosen = [
        _choice(1, "side-plank", chosen=15, chosen_variation=None),
        _choice(0, "single-leg-stand", unit="s", previous=30, suggested=30, chosen=30,
                change="easier", reason="pain_high", suggested_variation="With a hand on a support",
                chosen_variation="With a hand on a support",
                suggested_extra_side=Side.LEFT, chosen_extra_side=Side.LEFT),
    ]
    store.record_dose_choices(session, chosen)
    back = store.dose_choices(session)
    assert [c.step_index for c in back] == [0, 1]
    assert back[0] == chosen[1]
    assert back[0].accepted
    assert back[1] == chosen[0]
    assert not back[1].accepted  # kept 15 s instead of the suggested 20 s


def test_choices_survive_reopening(data_dir: Path, clock: FakeClock) -> None:
    with open_history(data_dir, clock=clock) as first:
        session = first.start_session("r", "R", T0)
        first.record_dose_choices(session, [_choice(0, "side-plank")])
    with open_history(data_dir, clock=clock) as again:
        assert [c.chosen for c in again.dose_choices(session)] == [20]


def test_choices_need_an_existing_session(store: HistoryStore) -> None:
    with pytest.raises(RecordNotFoundError):
        store.record_dose_choices(999, [_choice(0, "side-plank")])
    assert store.dose_choices(999) == []


def test_a_refused_value_stores_nothing(store: HistoryStore) -> None:
    session = store.start_session("r", "R", T0)
    with pytest.raises(InvalidRecordError):
        store.record_dose_choices(session, [_choice(0, "a"), _choice(1, "b", unit="minutes")])
    assert store.dose_choices(session) == []


def test_last_variations_follow_the_latest_session(store: HistoryStore) -> None:
    first = store.start_session("r", "R", T0)
    store.record_dose_choices(first, [
        _choice(0, "side-plank", chosen_variation="On the knees"),
        _choice(1, "bird-dog", chosen_variation="Arms only"),
    ])
    later = store.start_session("r", "R", T0 + timedelta(days=2))
    # Side plank went back to the standard version; bird dog was not in this session.
    store.record_dose_choices(later, [_choice(0, "side-plank", chosen_variation=None)])
    assert store.last_variations() == {"bird-dog": "Arms only"}


def test_latest_sessions_skip_empty_ones_and_keep_the_newest(store: HistoryStore) -> None:
    ids = []
    for day in range(5):
        started = T0 + timedelta(days=day)
        session = store.start_session("r", "R", started)
        ids.append(session)
        if day != 3:
            store.record_set(session, a_set(started_at=started))
    latest = store.latest_sessions(3)
    assert [s.id for s in latest] == [ids[1], ids[2], ids[4]]
    assert all(s.sets for s in latest)


def test_first_started_at(store: HistoryStore) -> None:
    assert store.first_started_at() is None
    store.start_session("r", "R", T0 + timedelta(days=3))
    store.start_session("r", "R", T0)
    assert store.first_started_at() == T0
