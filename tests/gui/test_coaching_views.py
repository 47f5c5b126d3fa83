"""The screen before a session and the Plan area, fed by the real coaching rules."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from gluteapp.core.advice import advise
from gluteapp.core.assets import builtin_library
from gluteapp.core.exercises import Library
from gluteapp.core.felt import felt_elsewhere
from gluteapp.core.history_records import SessionRecord, StoredSet
from gluteapp.core.plan import check_in, week_plan
from gluteapp.core.records import FeltIn, SessionStatus, Side
from gluteapp.core.routines import builtin_routines
from gluteapp.core.sides import weaker_side
from gluteapp.gui.plan.view import PlanView
from gluteapp.gui.player.dose_plan import DosePlanView

TODAY = date(2026, 11, 19)  # a Thursday


@pytest.fixture(scope="module")
def library() -> Library:
    return builtin_library()


def _session(number: int, day: date, routine_id: str, sets: list[tuple[str, Side, float, int,
                                                                      FeltIn]]) -> SessionRecord:
    start = datetime(day.year, day.month, day.day, 18, 0, tzinfo=UTC)
    stored = []
    for index, (exercise, side, value, pain, felt) in enumerate(sets):
        at = start + timedelta(minutes=index)
        hold = exercise in ("side-plank", "single-leg-stand")
        stored.append(StoredSet(
            id=number * 100 + index, session_id=number, exercise_id=exercise,
            set_number=index // 2 + 1, side=side, started_at=at, ended_at=at,
            target_hold_s=10.0 if hold else None, target_reps=None if hold else 8,
            achieved_hold_s=value if hold else None,
            achieved_reps=None if hold else int(value), pain=pain, felt_in=felt))
    return SessionRecord(number, routine_id, routine_id, start, start + timedelta(minutes=30),
                         SessionStatus.COMPLETED, sets=tuple(stored))


def _medius_a(number: int, day: date, rdl_left: int = 8,
              rdl_felt: FeltIn = FeltIn.GLUTES) -> SessionRecord:
    sets = []
    for _ in range(3):  # no pain: the one safety rule lets only pain-free sessions move up
        for side in (Side.LEFT, Side.RIGHT):
            sets.append(("side-plank", side, 10.0, 0, FeltIn.GLUTES))
            sets.append(("single-leg-rdl", side, rdl_left if side is Side.LEFT else 8, 0,
                         rdl_felt))
    return _session(number, day, "gluteus-medius-a", sets)


def _history(**kwargs: object) -> list[SessionRecord]:
    days = [TODAY - timedelta(days=d) for d in (40, 38, 5, 3, 1)]
    return [_medius_a(n, day, **kwargs) for n, day in enumerate(days, start=1)]  # type: ignore[arg-type]


def _routine(library: Library, routine_id: str):  # type: ignore[no-untyped-def]
    return next(r for r in builtin_routines(library) if r.id == routine_id)


def test_dose_plan_lists_every_step_with_its_reason(qtbot: QtBot, library: Library,
                                                    tmp_path: Path) -> None:
    advice = advise(_routine(library, "gluteus-medius-a"), library,
                    _history(rdl_left=5, rdl_felt=FeltIn.LOWER_BACK))
    view = DosePlanView(advice, library)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    assert [row.suggestion.exercise_id for row in view.rows] == [
        "side-plank", "single-leg-squat", "single-leg-rdl"]
    plank = view.rows[0]
    assert plank.headline.text() == "Side plank: 15 s today, up from 10 s"
    assert plank.use_button.isVisible()
    assert plank.use_button.isChecked()
    # The squat was never done: nothing to choose.
    squat = view.rows[1]
    assert squat.suggestion.reason.value == "no_history"
    assert not squat.use_button.isVisible()
    rdl = view.rows[2]
    assert rdl.felt_label is not None
    assert "lower back" in rdl.felt_label.text()
    assert "Check: " in rdl.felt_label.text()
    assert "left" in view.side_label.text()
    view.grab().save(str(tmp_path / "dose-plan.png"))

    plank.keep_button.setChecked(True)
    with qtbot.waitSignal(view.start_requested) as signal:
        view.start_button.click()
    routine, choices = signal.args
    assert routine.steps[0].hold_s == 10  # kept
    assert choices[0].chosen == 10
    assert choices[0].suggested == 15
    assert routine.steps[0].extra_side is Side.LEFT


def test_plan_view_shows_the_week_the_next_routine_and_the_check_in(
        qtbot: QtBot, library: Library, tmp_path: Path) -> None:
    sessions = _history(rdl_left=5)

    def load(today: date):  # type: ignore[no-untyped-def]
        return (week_plan(sessions, today, 3, tz=UTC), check_in(sessions, today, tz=UTC),
                weaker_side(sessions), felt_elsewhere(sessions, library))

    names = {r.id: r.name for r in builtin_routines(library)}
    view = PlanView(library, names.__getitem__, load, today=lambda: TODAY)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    assert view.plan is not None
    # Monday 16th to today: sessions on the 16th (3 days ago) and the 18th (yesterday).
    assert view.plan.done == 2
    assert view.week_text.text().startswith("2 of 3 done")
    assert view.next_name.text() == "Gluteus medius B"
    assert "left side" in view.notes_text.text()
    assert view.check_text.text().startswith("Week 5")
    with qtbot.waitSignal(view.start_routine_requested) as signal:
        view.next_button.click()
    assert signal.args == ["gluteus-medius-b"]
    view.grab().save(str(tmp_path / "plan.png"))


def test_plan_view_with_no_history(qtbot: QtBot, library: Library) -> None:
    def load(today: date):  # type: ignore[no-untyped-def]
        return week_plan([], today, 2), None, None, []

    view = PlanView(library, lambda routine_id: routine_id, load, today=lambda: TODAY)
    qtbot.addWidget(view)
    view.show()
    assert view.week_text.text().startswith("0 of 2 done")
    assert view.next_name.text() == "gluteus-medius-a"
    assert not view.notes_card.isVisibleTo(view)
    assert "After four weeks" in view.check_text.text()


def test_the_player_names_todays_variation(qtbot: QtBot, library: Library) -> None:
    from msgspec.structs import replace

    from gluteapp.core.engine import Session
    from gluteapp.gui.player.runner import SessionRunner
    from gluteapp.gui.player.view import PlayerView

    routine = _routine(library, "gluteus-medius-a")
    eased = replace(routine.steps[0], variation="From the knees")
    routine = type(routine)(routine.id, routine.name, routine.prepare_s,
                            (eased, *routine.steps[1:]), routine.description)
    runner = SessionRunner(Session(routine, library))
    view = PlayerView(runner, library)
    runner.setParent(view)
    qtbot.addWidget(view)
    view.refresh()
    assert view.exercise_label.text() == "Side plank: From the knees"
    how = next(v.how for v in library["side-plank"].easier if v.name == "From the knees")
    assert view.tip_label.text() == f"Today's version: {how}"


def test_plan_view_explains_a_next_routine_chosen_for_the_equipment(qtbot: QtBot,
                                                                   library: Library) -> None:
    from msgspec.structs import replace

    def load(today: date):  # type: ignore[no-untyped-def]
        return replace(week_plan([], today, 2), next_routine_id="desk-break"), None, None, []

    names = {r.id: r.name for r in builtin_routines(library)}
    view = PlanView(library, names.__getitem__, load, today=lambda: TODAY)
    qtbot.addWidget(view)
    view.show()
    assert view.next_name.text() == "Desk break"
    assert "equipment" in view.next_text.text()
    with qtbot.waitSignal(view.start_routine_requested) as signal:
        view.next_button.click()
    assert signal.args == ["desk-break"]


def test_a_dose_already_at_its_lowest_is_not_called_down(qapp: object) -> None:
    """"It hurts" on the wall lean at 10 s, its range's low end with no easier version: the
    plan said "10 s today, down from 10 s" (German: "weniger als bisher 10 s")."""
    from gluteapp.core.exercises import Mode
    from gluteapp.core.progression import Change, DoseSuggestion, Reason, StepDose
    from gluteapp.gui.player.dose_plan import headline

    def easier(before: int, after: int) -> str:
        last = StepDose(None, Mode.HOLD, before, 2, True)
        today = StepDose(None, Mode.HOLD, after, 2, True)
        return headline(DoseSuggestion(0, "wall-lean", last, today, Change.EASIER,
                                       Reason.IT_HURT, low=10, high=30), "Wall lean")

    assert easier(10, 10) == "Wall lean: 10 s today, already its lowest dose"
    assert easier(20, 15) == "Wall lean: 15 s today, down from 20 s"
