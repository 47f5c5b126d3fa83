"""Every signal kept: a rating given late, and "It hurts" against what was just worked, in the
real app with its real history."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gluteapp.app import Gluteapp
from gluteapp.core.advice import advise
from gluteapp.core.assets import builtin_library
from gluteapp.core.history_records import SessionRecord
from gluteapp.core.records import FeltIn, Hurt, HurtChoice, Side
from gluteapp.core.routines import find_routine, parse_routine
from gluteapp.gui.player.dose_plan import DosePlanView
from gluteapp.gui.player.view import PlayerView
from tests.builders import MonoClock
from tests.gui.conftest import StartApp, settle

# prepare 0-5, plank left 5-25, switch 25-30, right 30-50, rest 50-95, set 2 left 95-115,
# switch 115-120, right 120-140, rest before the bridge 140-170, bridge 170-190.
ROUTINE = """
name = "Signals"
prepare_s = 5

[[steps]]
exercise = "side-plank"
sets = 2
hold_s = 20
rest_s = 45
rest_after_s = 30

[[steps]]
exercise = "glute-bridge"
sets = 1
hold_s = 20
"""



def play(app: Gluteapp, tmp_path: Path) -> tuple[PlayerView, MonoClock]:
    routine = parse_routine(ROUTINE, str(tmp_path / "signals.toml"), app.library)
    player = app.controller.play_routine(routine)
    clock = MonoClock(1000.0)
    player.runner.clock = clock
    player.runner.start()
    app.window.activateWindow()
    settle()
    return player, clock


def at(player: PlayerView, clock: MonoClock, seconds: float) -> None:
    clock.now = 1000.0 + seconds
    player.runner.evaluate()
    settle()


def session(app: Gluteapp) -> SessionRecord:
    sessions = app.history.list_sessions()
    assert len(sessions) == 1
    return sessions[0]


def test_set_one_can_be_rated_during_set_two(start_app: StartApp, tmp_path: Path) -> None:
    app = start_app(skip_first_run=True)
    player, clock = play(app, tmp_path)
    at(player, clock, 50.5)  # set 1 done on both sides
    at(player, clock, 100.0)  # well into set 2, left side
    assert player.session.phase.set_number == 2
    assert player.rating.isVisible()  # still offering set 1, right side
    player.rating.pain_group.button(2).click()
    player.rating.felt_group.button(0).click()
    settle()
    right_of_set_one = next(s for s in session(app).sets
                            if (s.set_number, s.side) == (1, Side.RIGHT))
    assert (right_of_set_one.pain, right_of_set_one.felt_in) == (2, FeltIn.GLUTES)
    assert player.rating.saved.text() == "✓ Saved"
    app.controller.leave()


def test_the_last_rating_can_be_given_on_the_summary(start_app: StartApp, tmp_path: Path) -> None:
    app = start_app(skip_first_run=True)
    player, clock = play(app, tmp_path)
    at(player, clock, 50.5)  # set 1 done, its rating on offer, not given
    at(player, clock, 95.5)
    player.runner.end_early()  # 0.5 s into set 2: too short to record, set 1 stays on offer
    settle()
    assert player.pages.currentWidget() is player.summary
    assert player.summary_rating.isVisible()
    assert "set 1" in player.summary_rating.title.text()
    player.summary_rating.pain_group.button(0).click()
    player.summary_rating.felt_group.button(2).click()
    settle()
    rated = [s for s in session(app).sets if s.pain is not None]
    assert [(s.set_number, s.side, s.pain, s.felt_in) for s in rated] == [
        (1, Side.RIGHT, 0, FeltIn.LOWER_BACK)]
    assert player.summary_rating.saved.text() == "✓ Saved"
    app.controller.leave()


def test_a_given_rating_stays_until_the_next_set_and_an_untouched_one_until_replaced(
        start_app: StartApp, tmp_path: Path) -> None:
    app = start_app(skip_first_run=True)
    player, clock = play(app, tmp_path)
    at(player, clock, 26.0)  # left side of set 1 done: switching
    assert player.rating.isVisible()
    at(player, clock, 31.0)  # right side under way, the left still on offer
    assert player.rating.isVisible()
    assert "set 1, left" in player.rating.title.text()
    at(player, clock, 51.0)  # right done: it replaces the left
    assert "set 1, right" in player.rating.title.text()
    player.rating.pain_group.button(1).click()
    at(player, clock, 96.0)  # set 2 starts: a rating given goes away
    assert not player.rating.isVisible()
    app.controller.leave()


def test_it_hurts_by_key_in_a_rest_is_kept_against_the_set_just_done(
        start_app: StartApp, tmp_path: Path) -> None:
    app = start_app(skip_first_run=True)
    player, clock = play(app, tmp_path)
    at(player, clock, 145.0)  # the rest before the bridge, after the plank's last set
    QTest.keyClick(QApplication.focusWidget() or app.window, Qt.Key.Key_H)
    settle()
    assert player.stop_panel.isVisible()
    assert player.session.is_paused
    # What it refers to, and the cautions of the plank, not of the bridge coming next.
    assert player.stop_panel.subject.text() == "Noted for Side plank, set 2, right side."
    plank, bridge = app.library["side-plank"], app.library["glute-bridge"]
    assert plank.cautions[0] in player.stop_panel.text.text()
    assert bridge.cautions[0] not in player.stop_panel.text.text()
    assert player.stop_panel.skip_button.isHidden()  # nothing of the plank is left to skip
    hurts = session(app).hurts
    assert [(h.exercise_id, h.set_number, h.side, h.choice) for h in hurts] == [
        ("side-plank", 2, Side.RIGHT, None)]
    player.stop_panel.end_button.click()
    settle()
    hurt = session(app).hurts[0]
    assert hurt.choice is HurtChoice.END_SESSION
    assert player.pages.currentWidget() is player.summary
    app.controller.leave()


def test_it_hurts_between_sets_can_skip_the_rest_of_that_exercise(
        start_app: StartApp, tmp_path: Path) -> None:
    app = start_app(skip_first_run=True)
    player, clock = play(app, tmp_path)
    at(player, clock, 60.0)  # resting between the plank's sets
    player.hurts_button.click()
    assert not player.stop_panel.skip_button.isHidden()
    player.stop_panel.skip_button.click()
    settle()
    assert player.session.phase.exercise_id == "glute-bridge"  # the plank's set 2 is skipped
    assert [h.choice for h in session(app).hurts] == [HurtChoice.SKIP_EXERCISE]
    app.controller.leave()


def test_it_hurts_before_any_exercise_asks_which_it_was(
        start_app: StartApp, tmp_path: Path) -> None:
    app = start_app(skip_first_run=True)
    player, clock = play(app, tmp_path)
    at(player, clock, 2.0)  # get-ready: nothing worked yet
    player.hurts_button.click()
    assert player.stop_panel.subject.text() == "Which exercise was it?"
    assert player.stop_panel.coming_button.text() == "Side plank"
    assert session(app).hurts == ()  # not noted until answered
    player.stop_panel.none_button.click()
    player.stop_panel.carry_button.click()
    settle()
    hurts = session(app).hurts
    assert len(hurts) == 1
    assert (hurts[0].exercise_id, hurts[0].choice) == (None, HurtChoice.CARRY_ON)
    assert not player.session.is_paused  # carried on
    app.controller.leave()


def test_the_it_hurts_key_is_named_on_its_button_and_announced(
        start_app: StartApp, tmp_path: Path) -> None:
    app = start_app(skip_first_run=True)
    player, clock = play(app, tmp_path)
    at(player, clock, 10.0)
    assert "(H)" in player.hurts_button.text()
    assert "(H)" in player.hurts_button.accessibleName()
    heard: list[str] = []
    player.announced.connect(heard.append)
    QTest.keyClick(QApplication.focusWidget() or app.window, Qt.Key.Key_H)
    # It pauses (said as a phase change), then says what it noted.
    assert heard == ["Paused, Left side, 15 seconds left",
                     "Stop and rest. Noted for Side plank, set 1, left side."]
    stored = session(app).hurts
    assert stored == (Hurt(stored[0].at, "side-plank", 1, Side.LEFT, None),)
    app.controller.leave()


def test_one_click_on_start_session_starts_the_session(start_app: StartApp) -> None:
    app = start_app(skip_first_run=True, view="sessions")
    assert app.sessions is not None
    picker = app.sessions.picker
    picker.select("desk-break")
    picker.start_button.click()
    settle()
    assert app.controller.running  # no second Start in the player
    player = app.controller.player
    assert player is not None
    assert player.play_button.text() == "Pause"
    app.controller.leave()


def test_the_summary_says_what_hurt_and_what_was_chosen(
        start_app: StartApp, tmp_path: Path) -> None:
    app = start_app(skip_first_run=True)
    player, clock = play(app, tmp_path)
    at(player, clock, 60.0)  # resting between the plank's sets
    player.hurts_button.click()
    player.stop_panel.carry_button.click()
    at(player, clock, 60.0 + 40.0)  # set 2, left side
    player.hurts_button.click()
    player.stop_panel.end_button.click()
    settle()
    assert player.pages.currentWidget() is player.summary
    assert player.summary.hurts.isVisible()
    assert player.summary.hurts.text().splitlines() == [
        "It hurt:",
        "• Side plank, set 1, right side: it eased and you carried on",
        "• Side plank, set 2, left side: you ended the session",
    ]
    app.controller.leave()


def test_exercise_names_open_their_library_page(start_app: StartApp, tmp_path: Path) -> None:
    app = start_app(skip_first_run=True, view="sessions")
    assert app.sessions is not None
    picker = app.sessions.picker
    picker.select("desk-break")
    first = picker.routines[picker.list.currentRow()].steps[0].exercise
    picker.steps.linkActivated.emit(f"exercise:{first}")  # a click on its name
    settle()
    assert app.window.current_area() == "library"
    library_view = app.window.page("library").view()  # type: ignore[attr-defined]
    assert library_view.current_exercise.id == first
    # From the player: its "How to do it" pauses the session and opens the page.
    player, clock = play(app, tmp_path)
    at(player, clock, 10.0)
    player.library_button.click()
    settle()
    assert player.session.is_paused
    assert app.window.current_area() == "library"
    assert library_view.current_exercise.id == "side-plank"
    app.controller.leave()


def test_how_to_do_it_shows_the_version_done_today(start_app: StartApp, tmp_path: Path) -> None:
    """A step that does an easier version opens the library at that version's figure and
    words, not at the exercise as described (a person on "From the knees" was shown the full
    side plank); a step without one opens the exercise as described."""
    app = start_app(skip_first_run=True, view="sessions")
    text = ROUTINE.replace('exercise = "side-plank"', 'exercise = "side-plank"\n'
                           'variation = "From the knees"')
    routine = parse_routine(text, str(tmp_path / "easier.toml"), app.library)
    player = app.controller.play_routine(routine)
    clock = MonoClock(1000.0)
    player.runner.clock = clock
    player.runner.start()
    settle()
    at(player, clock, 10.0)
    asked: list[tuple[str, str]] = []
    player.exercise_page_requested.connect(lambda *args: asked.append(args))
    player.library_button.click()
    settle()
    assert asked == [("side-plank", "From the knees")]
    assert app.window.current_area() == "library"
    library_view = app.window.page("library").view()  # type: ignore[attr-defined]
    assert library_view.current_exercise.id == "side-plank"
    movement = library_view.detail.movement
    shown = movement.shown_variation()
    assert shown is not None
    assert shown.name == "From the knees"
    assert "knees" in movement.version.currentText()
    # The exercise as described, when the library is asked for it without a version.
    app.show_exercise("side-plank")
    settle()
    assert movement.shown_variation() is None
    app.controller.leave()


def test_todays_plan_links_each_exercise_to_its_page(qtbot: QtBot) -> None:
    library = builtin_library()
    routine = find_routine("gluteus-medius-a", library)
    view = DosePlanView(advise(routine, library, []), library)
    qtbot.addWidget(view)
    asked: list[str] = []
    view.exercise_requested.connect(asked.append)
    for row in view.rows:
        row.how_link.linkActivated.emit(f"exercise:{row.suggestion.exercise_id}")
    assert asked == [step.exercise for step in routine.steps]
    assert view.rows[0].how_link.text().endswith(
        f">How to do {library.name_of(routine.steps[0].exercise)}</a>")
