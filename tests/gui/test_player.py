"""The player: what it shows in each phase, its keys and buttons, and a real QTimer run."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from gluteapp.core.assets import builtin_library
from gluteapp.core.engine import PhaseKind, PhaseStarted, Session, SessionOptions
from gluteapp.core.exercises import Library
from gluteapp.core.records import FeltIn, SessionStatus, Side
from gluteapp.core.routines import Routine, load_routine, parse_routine
from gluteapp.gui.history_service import HistoryService
from gluteapp.gui.player.recorder import SessionRecorder
from gluteapp.gui.player.runner import SessionRunner
from gluteapp.gui.player.view import PlayerView
from gluteapp.storage import open_history
from tests.builders import MonoClock
from tests.gui.conftest import in_language

PLANK = """
name = "Plank practice"
prepare_s = 5

[[steps]]
exercise = "side-plank"
sets = 2
hold_s = 20
rest_s = 45

[[steps]]
exercise = "frog-pump"
sets = 1
reps = 12
"""



@pytest.fixture(scope="module")
def library() -> Library:
    return builtin_library()


def make_player(qtbot: QtBot, library: Library, text: str = PLANK,
                options: SessionOptions | None = None) -> tuple[PlayerView, MonoClock]:
    routine = parse_routine(text, "plank.toml", library)
    clock = MonoClock(500.0)
    runner = SessionRunner(Session(routine, library, options), clock=clock)
    view = PlayerView(runner, library)
    runner.setParent(view)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    return view, clock


def advance(view: PlayerView, clock: MonoClock, seconds: float) -> None:
    clock.now += seconds
    view.runner.evaluate()


def press(view: PlayerView, key: Qt.Key) -> None:
    """A key press on the player, as from the keyboard (pytest-qt's keyClick is untyped)."""
    QTest.keyClick(view, key)


def test_before_start_it_invites_to_press_start(qtbot: QtBot, library: Library) -> None:
    view, _ = make_player(qtbot, library)
    assert view.play_button.text() == "Start"
    assert view.phase_label.text() == "Press Start"
    assert view.ring.text() == "5"
    assert not view.skip_button.isEnabled()


def test_hold_shows_countdown_side_set_and_tip(qtbot: QtBot, library: Library) -> None:
    view, clock = make_player(qtbot, library)
    press(view, Qt.Key.Key_Space)
    assert view.runner.session.is_started
    assert view.play_button.text() == "Pause"
    assert view.phase_label.text() == "Get ready"
    advance(view, clock, 5.0 + 0.4)  # 0.4 s into the first 20 s hold
    assert view.exercise_label.text() == "Side plank"
    assert view.phase_label.text() == "Hold"
    assert view.ring.text() == "20"  # 19.6 s left shows as 20
    assert view.side_label.text() == "Left side"
    assert view.detail_label.text() == "Set 1 of 2 · hold 20 s"
    assert view.tip_label.text().startswith("Tip: ")
    assert view.next_label.text() == "Next: Frog pump"
    assert not view.longer_button.isEnabled()
    advance(view, clock, 1.0)
    assert view.ring.text() == "19"
    view.runner.stop()


def test_weaker_side_goes_first(qtbot: QtBot, library: Library) -> None:
    view, clock = make_player(qtbot, library, options=SessionOptions(weaker_side=Side.RIGHT))
    view.runner.start()
    advance(view, clock, 5.5)
    assert view.side_label.text() == "Right side"
    view.runner.stop()


def test_switch_rest_and_rest_controls(qtbot: QtBot, library: Library) -> None:
    view, clock = make_player(qtbot, library)
    view.runner.start()
    advance(view, clock, 5 + 20 + 1)
    assert view.phase_label.text() == "Switch"
    assert view.side_label.text() == "Right side"
    assert view.ring.kind() == "switch"
    advance(view, clock, 4 + 20 + 1)  # rest after set 1 (both sides)
    assert view.phase_label.text() == "Rest"
    assert view.ring.text() == "44"
    assert view.rating.isVisible()
    assert view.rating.isEnabled()
    assert view.longer_button.isEnabled()
    view.longer_button.click()
    assert view.ring.text() == "59"
    press(view, Qt.Key.Key_Minus)
    assert view.ring.text() == "44"
    assert view.next_label.text() == "Next: set 2 of 2"
    view.runner.stop()


def test_pause_resume_skip_and_back_keys(qtbot: QtBot, library: Library) -> None:
    view, clock = make_player(qtbot, library)
    view.runner.start()
    advance(view, clock, 5 + 3)
    press(view, Qt.Key.Key_Space)
    assert view.runner.session.is_paused
    assert view.play_button.text() == "Resume"
    assert view.ring.kind() == "paused"
    assert view.phase_label.text() == "Paused"
    clock.now += 100  # time passes while paused: nothing moves
    view.refresh()
    assert view.ring.text() == "17"
    press(view, Qt.Key.Key_Space)
    advance(view, clock, 1)
    assert view.ring.text() == "16"
    press(view, Qt.Key.Key_Right)  # skip the rest of the left hold
    assert view.phase_label.text() == "Switch"
    advance(view, clock, 3)
    press(view, Qt.Key.Key_Left)  # restart the switch phase
    assert view.ring.text() == "5"
    press(view, Qt.Key.Key_Left)  # at once again: back to the hold
    assert view.phase_label.text() == "Hold"
    assert view.ring.text() == "20"
    view.runner.stop()


def test_self_paced_reps_show_the_target_and_done(qtbot: QtBot, library: Library) -> None:
    view, clock = make_player(qtbot, library)
    view.runner.start()
    session = view.runner.session
    while session.phase.kind is not PhaseKind.REPS:
        view.runner.session.skip(clock.now)
    view.refresh()
    assert view.done_button.isVisible()
    assert view.ring.text() == "12"
    with qtbot.waitSignal(view.session_finished) as finished:
        press(view, Qt.Key.Key_Return)
    assert finished.args[0].status is SessionStatus.COMPLETED
    assert view.pages.currentWidget() is view.summary
    # The end was reached with the side plank skipped: finished, not complete.
    assert view.summary.title.text() == "Session finished. Well done!"
    assert view.summary.totals.text().startswith("1 of 3 sets")


def test_every_set_done_is_a_session_complete(qtbot: QtBot, library: Library) -> None:
    view, clock = make_player(qtbot, library)
    view.runner.start()
    session = view.runner.session
    while session.phase.kind is not PhaseKind.REPS:
        advance(view, clock, 0.5)
    with qtbot.waitSignal(view.session_finished) as finished:
        press(view, Qt.Key.Key_Return)
    assert finished.args[0].status is SessionStatus.COMPLETED
    assert view.summary.totals.text().startswith("3 of 3 sets")
    assert view.summary.title.text() == "Session complete. Well done!"
    assert "in total" in view.summary.totals.text()
    # Resumed after a kill that came before any set was saved: only the part since the resume
    # was timed, and the summary says so (it said "in total").
    view.resumed = True
    view.summary.show_result(finished.args[0], view.session, view.earlier_sets,
                             resumed=view.resumed)
    assert "since you resumed" in view.summary.totals.text()
    assert "in total" not in view.summary.totals.text()


VERSIONS = """
name = "Versions"
prepare_s = 1

[[steps]]
exercise = "side-plank"
variation = "From the knees"
sets = 1
hold_s = 5

[[steps]]
exercise = "glute-bridge"
sets = 1
hold_s = 5
"""


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_summary_names_the_version_each_exercise_was_done_in(
        qtbot: QtBot, language: str) -> None:
    """As the player's title named it while it ran: the easier side plank is not the side
    plank (the summary said "Side plank", a resumed session's too)."""
    library = builtin_library(language)
    view, _ = make_player(qtbot, library, VERSIONS)
    view.runner.start()
    title = view.exercise_label.text()  # the side plank's get-ready
    session = view.runner.session
    with qtbot.waitSignal(view.session_finished):
        while not session.is_finished:
            view.runner.skip()
    plank, bridge = library["side-plank"], library["glute-bridge"]
    knees = plank.easier[0]
    assert knees.name == "From the knees"
    names = [view.summary.table.item(row, 0).text() for row in range(2)]
    assert names == [f"{plank.name}: {knees.shown_name}", bridge.name]
    assert names[0] == title


STEPS_AND_REPS = """
name = "Steps and reps"
prepare_s = 1

[[steps]]
exercise = "squat-side-step"
sets = 2
steps_count = 5

[[steps]]
exercise = "glute-bridge"
sets = 1
reps = 12
"""


@pytest.mark.parametrize(("language", "steps_word", "reps_word"),
                         [("en", "steps", "reps"), ("de", "Schritte", "Wiederholungen")])
def test_the_summary_counts_side_steps_as_steps(qtbot: QtBot, language: str, steps_word: str,
                                               reps_word: str, qapp: QApplication) -> None:
    """Two sets of five side steps and twelve bridges: "10 steps" and "12 reps", where the
    summary said "22 reps" and put a bare 10 under Reps."""
    with in_language(qapp, language):
        view, _ = make_player(qtbot, builtin_library(language), STEPS_AND_REPS)
        view.runner.start()
        session = view.runner.session
        with qtbot.waitSignal(view.session_finished):
            while not session.is_finished:
                view.runner.skip()  # in a set counted by hand: done, at its target
        totals = view.summary.totals.text()
        assert f"12 {reps_word}" in totals
        assert f"10 {steps_word}" in totals
        assert "22" not in totals
        cells = [view.summary.table.item(row, 3).text() for row in range(2)]
        assert cells == [f"10 {steps_word}", "12"]


def test_escape_asks_before_ending(qtbot: QtBot, library: Library) -> None:
    view, clock = make_player(qtbot, library)
    view.runner.start()
    advance(view, clock, 5 + 20 + 5 + 20.5)  # both sides of set 1 done
    press(view, Qt.Key.Key_Escape)
    box = view._confirm
    assert isinstance(box, QMessageBox)
    assert box.isVisible()
    assert not view.runner.session.is_finished  # still running while the question is open
    with qtbot.waitSignal(view.session_finished) as finished:
        box.button(QMessageBox.StandardButton.Yes).click()
    assert finished.args[0].status is SessionStatus.ENDED_EARLY
    assert view.summary.title.text() == "Session ended early"
    assert view.summary.totals.text().startswith("1 of 3 sets")


def test_it_hurts_pauses_and_offers_a_way_out(qtbot: QtBot, library: Library) -> None:
    view, clock = make_player(qtbot, library)
    view.runner.start()
    advance(view, clock, 7)
    view.hurts_button.click()
    assert view.runner.session.is_paused
    assert view.stop_panel.isVisible()
    caution = library["side-plank"].cautions[0]
    assert caution in view.stop_panel.text.text()
    assert "physiotherapist" in view.stop_panel.text.text()
    view.stop_panel.skip_button.click()
    assert view.runner.session.phase.exercise_id == "frog-pump"
    assert not view.stop_panel.isVisible()


def test_pain_of_five_or_more_opens_the_stop_panel(qtbot: QtBot, library: Library) -> None:
    view, clock = make_player(qtbot, library)
    view.runner.start()
    advance(view, clock, 5 + 20 + 5 + 20.5)
    assert view.rating.isEnabled()
    view.rating.pain_group.button(6).click()
    assert view.stop_panel.isVisible()
    assert view.runner.session.is_paused
    view.runner.stop()


def test_every_control_has_an_accessible_name(qtbot: QtBot, library: Library) -> None:
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox

    view, _ = make_player(qtbot, library)
    controls = view.findChildren(QAbstractButton) + view.findChildren(QAbstractSpinBox)
    assert len(controls) > 20
    mine = [c for c in controls if not c.objectName().startswith("qt_")]
    assert [c for c in mine if not c.accessibleName()] == []


def test_fonts_are_large_enough_to_read_from_three_metres(qtbot: QtBot, library: Library) -> None:
    view, clock = make_player(qtbot, library)
    view.runner.start()
    advance(view, clock, 6)
    QApplication.processEvents()  # the layout follows the phase (the steps left with get-ready)
    view.ring.grab()  # painted: its digits are measured as drawn
    # The countdown's digits stand taller than the phase word's capitals (about 85 px), even
    # with a lying figure (the plank) under the ring, which then gives it a third of its height.
    assert view.ring.digit_height() >= 90
    assert view.phase_label.used_px() >= 110
    view.runner.stop()


FAST = """
name = "Fast check"
prepare_s = 1

[[steps]]
exercise = "glute-bridge"
sets = 2
hold_s = 1
rest_s = 1
rest_after_s = 1

[[steps]]
exercise = "side-plank"
sets = 1
hold_s = 1
rest_after_s = 2

[[steps]]
exercise = "single-leg-squat"
sets = 1
reps = 1
tempo = "1-0-1"
per_side = false
rest_after_s = 1

[[steps]]
exercise = "frog-pump"
sets = 1
reps = 2
"""


def test_a_user_routine_runs_on_the_real_timer_to_the_summary(
        qtbot: QtBot, library: Library, tmp_path: Path) -> None:
    """Start to summary with 1-2 s phases, the real QTimer and clock, and a real database."""
    routine_file = tmp_path / "fast.toml"
    routine_file.write_text(FAST, encoding="utf-8")
    routine: Routine = load_routine(routine_file, library)
    runner = SessionRunner(Session(routine, library, SessionOptions(switch_sides_s=1)))
    view = PlayerView(runner, library)
    runner.setParent(view)
    qtbot.addWidget(view)
    view.show()
    store = open_history(tmp_path / "data", daily_backup=False)
    history = HistoryService(store)
    recorder = SessionRecorder(history, routine.id, routine.name, runner.clock())
    view.events_emitted.connect(recorder.on_events)
    view.rating_given.connect(recorder.rate)
    seen: list[str] = []

    def on_events(events: list[object]) -> None:
        for event in events:
            if isinstance(event, PhaseStarted):
                seen.append(event.phase.kind.value)
                if event.phase.kind is PhaseKind.REPS:
                    # The person presses Done a moment after the set begins.
                    QTimer.singleShot(80, view, view.done_button.click)

    view.events_emitted.connect(on_events)
    with qtbot.waitSignal(view.session_finished, timeout=30_000) as finished:
        view.play_button.click()
    assert finished.args[0].status is SessionStatus.COMPLETED
    assert view.pages.currentWidget() is view.summary
    assert not runner.is_running
    assert seen[0] == "prepare"
    assert "switch_sides" in seen
    assert "tempo" in seen
    sessions = store.list_sessions()
    assert len(sessions) == 1
    assert sessions[0].status is SessionStatus.COMPLETED
    sets = sessions[0].sets
    # 2 bridge holds, plank left and right, 1 tempo set, 1 frog-pump set.
    assert [(s.exercise_id, s.side.value) for s in sets] == [
        ("glute-bridge", "both"), ("glute-bridge", "both"), ("side-plank", "left"),
        ("side-plank", "right"), ("single-leg-squat", "both"), ("frog-pump", "both")]
    assert sets[0].achieved_hold_s == pytest.approx(1.0, abs=0.05)
    assert sets[4].achieved_reps == 1
    assert sets[5].achieved_reps == 2
    assert all(s.started_at < s.ended_at for s in sets)
    summary_rows = view.summary.table.rowCount()
    assert summary_rows == 4
    store.close(backup=False)


def test_ratings_and_redone_sets_reach_the_database(
        qtbot: QtBot, library: Library, tmp_path: Path) -> None:
    view, clock = make_player(qtbot, library)
    store = open_history(tmp_path / "data", daily_backup=False)
    recorder = SessionRecorder(HistoryService(store), "plank", "Plank practice", clock.now)
    view.events_emitted.connect(recorder.on_events)
    view.rating_given.connect(recorder.rate)
    view.runner.start()
    advance(view, clock, 5 + 20 + 5 + 20.5)  # set 1 both sides, now resting
    for _ in range(5):
        view.rating.fewer_button.click()  # 20 s down to 15 s
    view.rating.pain_group.button(1).click()
    view.rating.felt_group.button(0).click()  # glutes
    stored = store.list_sessions()[0].sets
    assert len(stored) == 2
    right = stored[1]
    assert (right.side, right.achieved_hold_s, right.pain, right.felt_in) == (
        Side.RIGHT, 15.0, 1, FeltIn.GLUTES)
    view.runner.end_early()
    assert store.list_sessions()[0].status is SessionStatus.ENDED_EARLY
    store.close(backup=False)


def test_with_no_sound_every_cue_still_flashes_the_countdown(
        qtbot: QtBot, library: Library) -> None:
    """The visual-only backend (no audio device, or QtMultimedia unloadable): cues flash."""
    from gluteapp.core.cue_policy import CuePolicy, SpokenSetup
    from gluteapp.gui.audio import AudioService, VisualBackend
    from gluteapp.gui.player.cue_player import CuePlayer

    view, clock = make_player(qtbot, library)
    audio = AudioService(VisualBackend("no audio device"))
    cues = CuePlayer(audio, CuePolicy(lambda i: SpokenSetup(library[i].name)), clock, view)
    view.events_emitted.connect(cues.on_events)
    audio.visual_cue.connect(view.flash)
    flashed: list[str] = []
    audio.visual_cue.connect(flashed.append)
    view.runner.start()
    cues.runner._wake()  # what is due now plays now
    assert "voice/get_ready" in flashed
    assert view.ring.is_flashing()
    # The flash goes out by itself.
    qtbot.waitUntil(lambda: not view.ring.is_flashing(), timeout=2000)
    advance(view, clock, 2.0)
    cues.runner._wake()
    assert flashed.count("sounds/prepare_tick") == 1
    view.runner.stop()
    cues.stop()
    audio.close()


def count_calls(monkeypatch: pytest.MonkeyPatch, obj: object, name: str) -> list[object]:
    """Record every call of `obj.name` (still calling it) and return the list of their args."""
    calls: list[object] = []
    original = getattr(obj, name)

    def counting(*args: object) -> object:
        calls.append(args)
        return original(*args)

    monkeypatch.setattr(obj, name, counting)
    return calls


def test_the_phase_colour_changes_only_when_the_phase_or_pause_changes(
        qtbot: QtBot, library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    """Re-applying a style sheet re-polishes the label: about 1.7 ms on each 100 ms update."""
    view, clock = make_player(qtbot, library)
    styled = count_calls(monkeypatch, view.phase_label, "set_colour")
    view.runner.start()
    advance(view, clock, 5.2)  # into the left hold
    assert view.phase_label.text() == "Hold"
    assert view.phase_label.colour().name() == "#1f9d74"
    before = len(styled)
    for _ in range(100):  # ten seconds of 100 ms updates
        advance(view, clock, 0.1)
    assert view.ring.text() == "10"
    assert len(styled) == before
    advance(view, clock, 10.0)  # the switch to the right side
    assert view.ring.kind() == "switch"
    assert len(styled) == before + 1
    assert view.phase_label.colour().name() == "#9b59b6"
    view.runner.pause()
    assert len(styled) == before + 2
    assert view.phase_label.colour().name() == "#c0266d"
    view.runner.resume()
    assert len(styled) == before + 3
    assert view.phase_label.colour().name() == "#9b59b6"
    view.runner.stop()


def test_a_hidden_player_paints_nothing_and_catches_up_once_when_shown(
        qtbot: QtBot, library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    view, clock = make_player(qtbot, library)
    view.runner.start()
    advance(view, clock, 5.4)
    assert view.ring.text() == "20"
    painted = count_calls(monkeypatch, view.ring, "set_state")
    labelled = count_calls(monkeypatch, view.detail_label, "setText")
    view.hide()
    for _ in range(30):  # three seconds of updates while another page is in front
        advance(view, clock, 0.1)
    assert view.runner.session.remaining_s(clock.now) == pytest.approx(16.6)
    assert (painted, labelled) == ([], [])
    assert view.ring.text() == "20"
    view.show()
    qtbot.waitExposed(view)
    assert len(painted) == 1
    assert view.ring.text() == "17"
    advance(view, clock, 1.0)
    assert (len(painted), view.ring.text()) == (2, "16")
    view.runner.stop()


def test_a_hidden_player_stops_its_own_timers_and_resumes_them_when_shown(
        qtbot: QtBot, library: Library) -> None:
    view, _ = make_player(qtbot, library)
    flash_timer = view.findChild(QTimer, "player_flash_timer")
    assert isinstance(flash_timer, QTimer)
    view.flash("sounds/go")
    assert view.ring.is_flashing()
    assert flash_timer.isActive()
    view.hide()
    assert [t.objectName() for t in view.findChildren(QTimer) if t.isActive()] == []
    assert view.ring.is_flashing()  # the flash waits, it is not lost
    view.flash("sounds/prepare_tick")  # a cue while hidden starts nothing
    assert not flash_timer.isActive()
    view.show()
    assert flash_timer.isActive()
    qtbot.waitUntil(lambda: not view.ring.is_flashing(), timeout=2000)


def test_a_hidden_player_lets_the_runner_wake_only_for_whole_seconds_and_cues(
        qtbot: QtBot, library: Library) -> None:
    view, clock = make_player(qtbot, library)
    runner = view.runner
    timer = runner.findChild(QTimer, "session_runner_timer")
    assert isinstance(timer, QTimer)
    runner.start()
    advance(view, clock, 2.5)  # 2.5 s left of the 5 s get-ready countdown
    assert timer.interval() <= 101  # on screen: the ring animates between seconds
    view.hide()
    assert timer.isActive()  # the session still runs: cues and the recorder need it
    assert timer.interval() == 500  # only the next whole second wakes it
    view.show()
    assert timer.interval() <= 101
    runner.stop()


def test_resuming_with_the_it_hurts_panel_up_carries_on_and_closes_it(
        qtbot: QtBot, library: Library) -> None:
    view, clock = make_player(qtbot, library)
    view.runner.start()
    advance(view, clock, 7)
    resolved: list[str] = []
    view.hurt_resolved.connect(resolved.append)
    for resume in (lambda: QTest.keyClick(view, Qt.Key.Key_Space), view.play_button.click):
        view.hurts_button.click()
        assert view.runner.session.is_paused
        assert view.stop_panel.isVisible()
        resume()
        assert not view.runner.session.is_paused  # running again, the panel gone with it
        assert not view.stop_panel.isVisible()
        assert view.words.isVisible()
    assert resolved == ["carry_on", "carry_on"]
    view.runner.stop()
