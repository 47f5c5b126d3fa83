"""Every "It hurts" is kept with its session, and a session keeps the routine it played."""

from __future__ import annotations

import csv
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from gluteapp.core.records import Hurt, HurtChoice, Side
from gluteapp.storage import HistoryStore, RecordNotFoundError, open_history
from gluteapp.storage.export import export_csv
from tests.storage.storage_helpers import T0, a_set

ROUTINE = 'name = "Mine"\n\n[[steps]]\nexercise = "glute-bridge"\nsets = 2\nhold_s = 20\n'


def test_an_it_hurts_is_stored_at_once_and_its_choice_when_made(store: HistoryStore) -> None:
    session = store.start_session("mine", "Mine", T0)
    store.record_set(session, a_set(side=Side.LEFT))
    hurt_id = store.record_hurt(session, Hurt(T0 + timedelta(seconds=50), "side-plank", 1,
                                              Side.LEFT))
    pressed = store.get_session(session).hurts
    assert pressed == (Hurt(T0 + timedelta(seconds=50), "side-plank", 1, Side.LEFT, None),)
    store.set_hurt_choice(hurt_id, HurtChoice.SKIP_EXERCISE)
    assert store.get_session(session).hurts[0].choice is HurtChoice.SKIP_EXERCISE


def test_an_it_hurts_outside_an_exercise_keeps_no_exercise(store: HistoryStore) -> None:
    session = store.start_session("mine", "Mine", T0)
    store.record_hurt(session, Hurt(T0, None, choice=HurtChoice.END_SESSION))
    hurts = store.list_sessions()[0].hurts
    assert hurts == (Hurt(T0, None, None, None, HurtChoice.END_SESSION),)


def test_each_session_has_its_own_hurts_in_order(store: HistoryStore) -> None:
    first = store.start_session("a", "A", T0)
    second = store.start_session("b", "B", T0 + timedelta(days=1))
    store.record_hurt(second, Hurt(T0 + timedelta(days=1), "frog-pump", 2, Side.BOTH))
    store.record_hurt(first, Hurt(T0, "side-plank", 1, Side.RIGHT))
    store.record_hurt(first, Hurt(T0 + timedelta(minutes=3), "side-plank", 2, Side.RIGHT))
    sessions = store.list_sessions()
    assert [[h.set_number for h in s.hurts] for s in sessions] == [[1, 2], [2]]


def test_a_choice_for_a_hurt_that_does_not_exist_is_refused(store: HistoryStore) -> None:
    with pytest.raises(RecordNotFoundError, match="no 'It hurts' with id 99"):
        store.set_hurt_choice(99, HurtChoice.CARRY_ON)


def test_a_session_keeps_its_routine_for_an_interrupted_session_to_resume(
        data_dir: Path, store: HistoryStore) -> None:
    session = store.start_session("mine", "Mine", T0)
    store.set_routine_toml(session, ROUTINE)
    store.record_set(session, a_set())
    store.close(backup=False)
    # A crash: the next start finds it running, marks it interrupted and offers it.
    again = open_history(data_dir, daily_backup=False)
    try:
        interrupted = again.mark_interrupted()
        assert [r.routine_toml for r in interrupted] == [ROUTINE]
        assert again.resumable_sessions()[0].routine_toml == ROUTINE
    finally:
        again.close(backup=False)


def test_sessions_from_before_keep_no_routine_text(store: HistoryStore) -> None:
    session = store.start_session("mine", "Mine", T0)
    assert store.get_session(session).routine_toml == ""
    with pytest.raises(RecordNotFoundError, match="no session with id 42"):
        store.set_routine_toml(42, ROUTINE)


def test_a_damaged_hurt_is_left_out_and_reported(data_dir: Path, store: HistoryStore) -> None:
    session = store.start_session("mine", "Mine", T0)
    store.record_hurt(session, Hurt(T0, "side-plank", 1, Side.LEFT))
    with sqlite3.connect(data_dir / "history.db") as db:
        db.execute("INSERT INTO hurts (session_id, at) VALUES (?, 'not a time')", (session,))
    assert len(store.get_session(session).hurts) == 1
    assert [row.table for row in store.row_report.rows] == ["hurts"]


def test_the_csv_export_marks_the_set_that_hurt_and_keeps_one_with_no_set(
        store: HistoryStore, tmp_path: Path) -> None:
    session = store.start_session("mine", "Mine", T0)
    store.record_set(session, a_set("side-plank", 1, Side.LEFT))
    store.record_set(session, a_set("side-plank", 1, Side.RIGHT))
    hurt = store.record_hurt(session, Hurt(T0, "side-plank", 1, Side.RIGHT))
    store.set_hurt_choice(hurt, HurtChoice.END_SESSION)
    store.record_hurt(session, Hurt(T0, None))  # before any exercise, no choice made
    target = tmp_path / "history.csv"
    assert export_csv(store, target) == 2  # sets
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["exercise_id"], r["side"], r["it_hurt"]) for r in rows] == [
        ("side-plank", "left", ""), ("side-plank", "right", "end_session"), ("", "", "no_choice")]
    assert rows[2]["id"] == ""  # not a set
    assert rows[2]["routine_name"] == "Mine"
