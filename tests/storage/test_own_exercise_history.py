"""Your own exercise in a routine: run by the engine, recorded in a real history, charted and
coached; editing it keeps its history, deleting it keeps its name."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import msgspec

from gluteapp.core.advice import advise
from gluteapp.core.assets import builtin_library
from gluteapp.core.engine import Session, SetCompleted
from gluteapp.core.exercises import Range
from gluteapp.core.own_exercises import (
    parse_own_exercise,
    retire_own_exercise,
    save_own_exercise,
)
from gluteapp.core.own_library import CombinedLibrary, combined, routines_using
from gluteapp.core.paths import AppPaths
from gluteapp.core.progression import Change, Reason
from gluteapp.core.records import CompletedSet, FeltIn, SessionStatus, SetRating, Side
from gluteapp.core.routines import load_routine
from gluteapp.core.stats import Measure, exercise_progress, side_balance
from gluteapp.storage import HistoryStore, open_history
from tests.builders import MOMENT, WALL_PRESS_TOML

BUILTIN = builtin_library("en")
OWN = WALL_PRESS_TOML + "end = { left_knee = 15 }\n"
ROUTINE = """\
name = "Physio programme"
prepare_s = 5

[[steps]]
exercise = "own-wall-press"
sets = 2
hold_s = 20

[[steps]]
exercise = "glute-bridge"
sets = 1
reps = 10
"""


def _setup(tmp_path: Path) -> tuple[AppPaths, CombinedLibrary]:
    paths = AppPaths(tmp_path / "data")
    own = parse_own_exercise(OWN, "own-wall-press.toml", BUILTIN.ids)
    save_own_exercise(own, paths.exercises, BUILTIN.ids)
    paths.routines.mkdir(parents=True)
    (paths.routines / "physio.toml").write_text(ROUTINE, encoding="utf-8")
    library, problems = combined(BUILTIN, paths.exercises)
    assert problems == []
    return paths, library


def _run(session: Session) -> list[SetCompleted]:
    """Play the whole session on a hand-moved clock; the self-paced bridge is marked Done."""
    now = 0.0
    session.start(now)
    while not session.is_finished:
        now += 0.25
        if session.phase.exercise_id == "glute-bridge" and session.phase_duration_s is None:
            session.done(now)
        else:
            session.tick(now)
        assert now < 3600, "the session never finished"
    return list(session.completed_sets)


def _record(store: HistoryStore, session: Session, started: datetime) -> int:
    session_id = store.start_session(session.routine.id, session.routine.name, started)
    for done in _run(session):
        set_id = store.record_set(session_id, CompletedSet(
            exercise_id=done.exercise_id, set_number=done.set_number, side=done.side,
            started_at=started + timedelta(seconds=done.started_at_mono),
            ended_at=started + timedelta(seconds=done.ended_at_mono),
            target_reps=done.target_reps, target_hold_s=done.target_hold_s,
            achieved_reps=done.achieved_reps, achieved_hold_s=done.achieved_hold_s,
            cut_short=done.cut_short))
        store.rate_set(set_id, SetRating(pain=0, felt_in=FeltIn.GLUTES))
    store.finish_session(session_id, SessionStatus.COMPLETED, started + timedelta(minutes=10))
    return session_id


def test_a_routine_with_your_exercise_runs_is_recorded_charted_and_coached(
        tmp_path: Path) -> None:
    paths, library = _setup(tmp_path)
    routine = load_routine(paths.routines / "physio.toml", library)
    assert routine.exercise_ids == ["own-wall-press", "glute-bridge"]
    store = open_history(paths.data_dir, daily_backup=False)
    try:
        for day in (0, 2):
            _record(store, Session(routine, library), MOMENT + timedelta(days=day))
        own_sets = store.sets_for_exercise("own-wall-press")
        # 2 sets, left then right, held for the full 20 s, in each of the two sessions.
        assert [(s.set_number, s.side) for s in own_sets[:4]] == [
            (1, Side.LEFT), (1, Side.RIGHT), (2, Side.LEFT), (2, Side.RIGHT)]
        assert len(own_sets) == 8
        assert {s.achieved_hold_s for s in own_sets} == {20.0}
        sessions = store.latest_sessions(10)
        progress = exercise_progress(reversed(sessions), "own-wall-press", Measure.HOLD)
        assert [(p.value, p.target, p.sets) for p in progress] == [(20.0, 20.0, 4)] * 2
        sides = side_balance(list(reversed(sessions)), "own-wall-press", Measure.HOLD)
        assert [p.ratio for p in sides] == [1.0, 1.0]
        advice = advise(routine, library, sessions)
        own = next(s for s in advice.suggestions if s.exercise_id == "own-wall-press")
        # Completed twice, no pain, felt in the glutes: 5 s more, within its 20-40 s range.
        assert (own.change, own.reason) == (Change.ADVANCE, Reason.READY)
        assert (own.last.amount, own.today.amount, own.high) == (20, 25, 40)
    finally:
        store.close(backup=False)


def test_editing_your_exercise_keeps_its_history_and_deleting_keeps_its_name(
        tmp_path: Path) -> None:
    paths, library = _setup(tmp_path)
    routine = load_routine(paths.routines / "physio.toml", library)
    store = open_history(paths.data_dir, daily_backup=False)
    try:
        _record(store, Session(routine, library), MOMENT)
        before = store.sets_for_exercise("own-wall-press")
        own = library.own("own-wall-press")
        assert own is not None
        edited = own.exercise
        edited = msgspec.structs.replace(edited, name="Knee press (wall)", dosage=msgspec.structs
                                         .replace(edited.dosage, hold_s=Range(25, 45)))
        save_own_exercise(type(own)(edited, own.picture), paths.exercises, BUILTIN.ids)
        assert library.reload() == []
        assert library.name_of("own-wall-press") == "Knee press (wall)"
        assert store.sets_for_exercise("own-wall-press") == before  # the same id, the same sets
        again = load_routine(paths.routines / "physio.toml", library)
        assert again.exercise_ids == routine.exercise_ids
        advice = advise(again, library, store.latest_sessions(10))
        own_advice = next(s for s in advice.suggestions if s.exercise_id == "own-wall-press")
        assert own_advice.reason is Reason.ONE_SESSION
        assert own_advice.low == 25

        assert routines_using("own-wall-press", paths.routines, library) == ["Physio programme"]
        (paths.routines / "physio.toml").unlink()
        assert routines_using("own-wall-press", paths.routines, library) == []
        retire_own_exercise("own-wall-press", paths.exercises)
        library.reload()
        assert "own-wall-press" not in library
        assert library.name_of("own-wall-press") == "Knee press (wall)"
        assert len(store.sets_for_exercise("own-wall-press")) == len(before)
    finally:
        store.close(backup=False)
