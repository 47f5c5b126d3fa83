"""Keys never go dead: every shortcut acts after a click anywhere in the player, in the real
window, and Tab reaches every control with a focus frame that can be seen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox, QSlider, QWidget

from gluteapp.app import Gluteapp
from gluteapp.core.routines import parse_routine
from gluteapp.gui.player.view import PlayerView
from tests.builders import MonoClock
from tests.gui.conftest import StartApp, settle

ROUTINE = """
name = "Keys"
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



def resting_player(app: Gluteapp, tmp_path: Path) -> tuple[PlayerView, MonoClock]:
    """The real app's player, resting after both sides of set 1 (its rating on offer)."""
    routine = parse_routine(ROUTINE, str(tmp_path / "keys.toml"), app.library)
    player = app.controller.play_routine(routine)
    clock = MonoClock(1000.0)
    player.runner.clock = clock
    player.runner.start()
    clock.now += 5 + 20 + 5 + 20 + 2
    player.runner.evaluate()
    app.window.activateWindow()
    settle()
    assert app.window.isActiveWindow()
    assert player.rating.isVisible()
    assert player.session.phase.kind.value == "rest_set"
    return player, clock


def key(player: PlayerView, which: Qt.Key) -> None:
    """A key pressed on the keyboard: it goes to whatever has the focus, else the window."""
    target = QApplication.focusWidget() or player.window()
    QTest.keyClick(target, which)
    settle()


def remaining(player: PlayerView, clock: MonoClock) -> float:
    left = player.session.remaining_s(clock.now)
    assert left is not None
    return left


def confirm_box(player: PlayerView) -> QMessageBox | None:
    boxes = [b for b in player.findChildren(QMessageBox) if b.isVisible()]
    return boxes[0] if boxes else None


def check_every_key(player: PlayerView, clock: MonoClock) -> None:
    """Each key does its job, in an order where none stops the next from being tried."""
    if player.session.phase.kind.value in ("rest_set", "rest_exercise", "switch_sides"):
        before = remaining(player, clock)
        key(player, Qt.Key.Key_Plus)
        assert remaining(player, clock) == pytest.approx(before + 15)
        key(player, Qt.Key.Key_Equal)
        assert remaining(player, clock) == pytest.approx(before + 30)
        key(player, Qt.Key.Key_Minus)
        assert remaining(player, clock) == pytest.approx(before + 15)
    paused = player.session.is_paused
    key(player, Qt.Key.Key_Space)
    assert player.session.is_paused is not paused
    key(player, Qt.Key.Key_Space)
    assert player.session.is_paused is paused
    muted = player.mute_button.isChecked()
    key(player, Qt.Key.Key_M)
    assert player.mute_button.isChecked() is not muted
    key(player, Qt.Key.Key_M)
    assert player.mute_button.isChecked() is muted
    full = player.is_full_screen()
    key(player, Qt.Key.Key_F)
    assert player.is_full_screen() is not full
    key(player, Qt.Key.Key_F)
    assert player.is_full_screen() is full
    phase = player.session.phase_index
    key(player, Qt.Key.Key_Right)
    assert player.session.phase_index == phase + 1
    key(player, Qt.Key.Key_Left)  # within the grace time: back to where it was
    assert player.session.phase_index == phase
    key(player, Qt.Key.Key_H)
    assert player.stop_panel.isVisible()
    assert player.session.is_paused
    if player.is_full_screen():  # Esc leaves full screen first
        key(player, Qt.Key.Key_Escape)
        assert not player.is_full_screen()
    key(player, Qt.Key.Key_Escape)
    box = confirm_box(player)
    assert box is not None
    box.button(QMessageBox.StandardButton.No).click()
    settle()


def click(widget: QWidget) -> None:
    """A mouse click in the middle of `widget` (on a slider: a step of its value)."""
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(widget.width() // 2, widget.height() // 2))
    settle()


def close_what_the_click_opened(player: PlayerView) -> None:
    box = confirm_box(player)
    if box is not None:
        box.button(QMessageBox.StandardButton.No).click()
        settle()


#: Everything a person can click in the resting player, by a name for the test report.
CLICKABLE: dict[str, Callable[[PlayerView], QWidget]] = {
    "back": lambda p: p.back_button,
    "play": lambda p: p.play_button,
    "skip": lambda p: p.skip_button,
    "shorter": lambda p: p.shorter_button,
    "longer": lambda p: p.longer_button,
    "hurts": lambda p: p.hurts_button,
    "end": lambda p: p.end_button,
    "full_screen": lambda p: p.fullscreen_button,
    "mute": lambda p: p.mute_button,
    "volume": lambda p: p.volume,
    "pain_0": lambda p: p.rating.pain_group.button(0),
    "pain_7": lambda p: p.rating.pain_group.button(3),
    "felt_glutes": lambda p: p.rating.felt_group.button(0),
    "felt_nowhere": lambda p: p.rating.felt_group.button(3),
    "achieved_less": lambda p: p.rating.fewer_button,
    "achieved_more": lambda p: p.rating.more_button,
    "rating_panel": lambda p: p.rating,
    "rating_title": lambda p: p.rating.title,
    "ring": lambda p: p.ring,
    "phase_words": lambda p: p.phase_label,
    "next_words": lambda p: p.next_label,
    "progress": lambda p: p.progress,
}


@pytest.mark.parametrize("name", list(CLICKABLE))
def test_every_key_acts_after_a_click_on_any_part_of_the_player(
        start_app: StartApp, tmp_path: Path, name: str) -> None:
    app = start_app(skip_first_run=True)
    player, clock = resting_player(app, tmp_path)
    click(CLICKABLE[name](player))
    close_what_the_click_opened(player)
    check_every_key(player, clock)
    app.controller.leave()


STOP_PANEL: dict[str, Callable[[PlayerView], QAbstractButton]] = {
    "skip_exercise": lambda p: p.stop_panel.skip_button,
    "carry_on": lambda p: p.stop_panel.carry_button,
    "stop_panel": lambda p: p.stop_panel,  # type: ignore[return-value, arg-type]
}


@pytest.mark.parametrize("name", list(STOP_PANEL))
def test_every_key_acts_after_a_click_in_the_it_hurts_panel(
        start_app: StartApp, tmp_path: Path, name: str) -> None:
    app = start_app(skip_first_run=True)
    player, clock = resting_player(app, tmp_path)
    player.hurts_button.click()
    assert player.stop_panel.isVisible()
    click(STOP_PANEL[name](player))
    check_every_key(player, clock)
    app.controller.leave()


def test_after_ending_in_the_it_hurts_panel_escape_leaves_the_summary(
        start_app: StartApp, tmp_path: Path) -> None:
    app = start_app(skip_first_run=True)
    player, _ = resting_player(app, tmp_path)
    player.hurts_button.click()
    click(player.stop_panel.end_button)
    assert player.pages.currentWidget() is player.summary
    left: list[bool] = []
    player.leave_requested.connect(lambda: left.append(True))
    key(player, Qt.Key.Key_Escape)
    assert left == [True]


def test_keys_work_in_the_full_screen_window_and_escape_brings_it_back(
        start_app: StartApp, tmp_path: Path) -> None:
    app = start_app(skip_first_run=True)
    player, _ = resting_player(app, tmp_path)
    player.fullscreen_button.click()
    settle()
    assert player.isWindow()
    assert player.is_full_screen()
    # Nothing but the session: no navigation rail, no banners, no status bar in it.
    assert player.window() is player
    paused = player.session.is_paused
    key(player, Qt.Key.Key_Space)
    assert player.session.is_paused is not paused
    key(player, Qt.Key.Key_Escape)
    assert not player.isWindow()
    assert app.window.isAncestorOf(player)
    assert player.isVisible()
    app.controller.leave()


def focus_frame_shows(widget: QWidget) -> bool:
    """Whether the widget looks different with the focus than without it."""
    focused: QImage = widget.grab().toImage()
    widget.clearFocus()
    settle()
    plain: QImage = widget.grab().toImage()
    return focused != plain


def test_tab_reaches_every_control_with_a_visible_focus(
        start_app: StartApp, tmp_path: Path) -> None:
    app = start_app(skip_first_run=True)
    player, _ = resting_player(app, tmp_path)
    player.setFocus()
    settle()
    wanted = [w for w in player.controls_in_order() if w.isVisible() and w.isEnabled()]
    assert len(wanted) >= 25  # nine buttons, the mute, the volume, the library, the rating
    reached: list[QWidget] = []
    for _ in range(len(wanted) + 5):
        key(player, Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        if focused is not None and focused not in reached:
            reached.append(focused)
    missing = [w.accessibleName() for w in wanted if w not in reached]
    assert missing == []
    # The Tab order follows the screen: the controls, then the rating under them.
    assert reached.index(player.play_button) < reached.index(player.rating.pain_group.button(0))
    for widget in (player.play_button, player.hurts_button, player.volume,
                   player.rating.pain_group.button(4)):
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        settle()
        assert focus_frame_shows(widget), widget.accessibleName()
    app.controller.leave()


def test_enter_presses_the_control_tab_reached_and_otherwise_means_done(
        start_app: StartApp, tmp_path: Path) -> None:
    app = start_app(skip_first_run=True)
    player, clock = resting_player(app, tmp_path)
    before = remaining(player, clock)
    player.longer_button.setFocus(Qt.FocusReason.TabFocusReason)
    key(player, Qt.Key.Key_Return)
    assert remaining(player, clock) == pytest.approx(before + 15)
    # A click does not take the focus, so after it Enter still means "Done".
    while player.session.phase.exercise_id != "frog-pump" or not (
            player.session.phase.kind.is_work):
        player.runner.skip()
    click(player.back_button.parentWidget() or player)
    player.setFocus()
    settle()
    done: list[object] = []
    player.set_completed.connect(done.append)
    click(player.mute_button)
    key(player, Qt.Key.Key_Return)
    assert len(done) == 1
    app.controller.leave()


def test_clicks_leave_the_keyboard_focus_where_it_was(
        start_app: StartApp, tmp_path: Path) -> None:
    app = start_app(skip_first_run=True)
    player, _ = resting_player(app, tmp_path)
    player.setFocus()
    settle()
    for control in player.controls_in_order():
        if isinstance(control, QAbstractButton | QSlider) and control.isVisible():
            assert control.focusPolicy() == Qt.FocusPolicy.TabFocus, control.accessibleName()
    click(player.rating.pain_group.button(2))
    assert QApplication.focusWidget() is player
    app.controller.leave()


def test_it_hurts_gives_the_keys_to_its_ways_out_at_once(
        start_app: StartApp, tmp_path: Path) -> None:
    """H opens the panel with "Skip this exercise" focused (it came after every player control
    in the Tab order, ten presses away): its frame shows, Tab goes to "End the session" and
    "carry on", and Enter skips the exercise that hurt."""
    app = start_app(skip_first_run=True)
    player, clock = resting_player(app, tmp_path)
    clock.now += 45  # the rest is over: the side plank's second set
    player.runner.evaluate()
    settle()
    assert player.session.phase.exercise_id == "side-plank"
    assert player.session.phase.kind.is_work
    key(player, Qt.Key.Key_H)
    panel = player.stop_panel
    assert panel.isVisible()
    assert QApplication.focusWidget() is panel.skip_button
    assert focus_frame_shows(panel.skip_button)
    panel.skip_button.setFocus(Qt.FocusReason.TabFocusReason)
    settle()
    key(player, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.end_button
    key(player, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.carry_button
    key(player, Qt.Key.Key_Backtab)
    key(player, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is panel.skip_button
    key(player, Qt.Key.Key_Return)
    assert not panel.isVisible()
    assert player.session.phase.exercise_id == "frog-pump"
    # Again at the next exercise: the keys on the first way out shown there.
    key(player, Qt.Key.Key_H)
    assert panel.isVisible()
    assert QApplication.focusWidget() is panel.first_choice()
    assert panel.first_choice().isVisible()
    app.controller.leave()
