"""The figure in the player, on the real timer: it goes down with "down", stands still through
the pause, comes up with "up", freezes when paused, is mirrored on the right side, and with
reduced motion shows still start and end pictures."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gluteapp.core.assets import builtin_library
from gluteapp.core.engine import Session, SessionOptions
from gluteapp.core.kinematics import Drawing, Movement, Timing, TimingKind
from gluteapp.core.records import Side
from gluteapp.core.routines import parse_routine
from gluteapp.gui.figure import FigureCanvas
from gluteapp.gui.figure_player import PlayerFigure
from gluteapp.gui.player.runner import SessionRunner
from gluteapp.gui.player.view import UNDER_RING_FROM, PlayerView
from gluteapp.gui.settings import REDUCED_MOTION, Settings
from gluteapp.gui.settings_dialog import grouped_options
from tests.builders import MonoClock

LIBRARY = builtin_library()
# One rep a side of the single-leg squat at 1 s down, 1 s pause, 1 s up: the whole session,
# with a 1 s get-ready and a 1 s switch, lasts 8 s on the real clock.
TEMPO_ROUTINE = """
name = "Figure test"
prepare_s = 1

[[steps]]
exercise = "single-leg-squat"
sets = 1
reps = 1
tempo = "1-1-1"
"""
OFFSCREEN_SHOW = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def player(qtbot: QtBot) -> Iterator[PlayerView]:
    routine = parse_routine(TEMPO_ROUTINE, "figure-test.toml", LIBRARY)
    session = Session(routine, LIBRARY, SessionOptions(switch_sides_s=1))
    runner = SessionRunner(session, clock=time.monotonic)
    view = PlayerView(runner, LIBRARY)
    runner.setParent(view)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    yield view
    runner.stop()


def knee(figure: PlayerFigure) -> float:
    """The standing knee's bend in the pose the figure shows now."""
    shown = figure.canvas.figure
    assert shown is not None
    movement: Movement = shown.movement
    return movement.angles_at(movement.position(figure.canvas.timing)).left_knee


def in_sub_phase(figure: PlayerFigure, kind: TimingKind, side: Side,
                 low: float = 0.0, high: float = 1.0) -> bool:
    moment = figure.moment
    return (moment is not None and moment.side is side and moment.timing.kind is kind
            and low <= moment.timing.value <= high)


def wait_a_moment(qtbot: QtBot, ms: int = 300) -> None:
    """Let the event loop run `ms` with nothing to wait for but a timer of the test's own."""
    timer = QTimer()
    timer.setSingleShot(True)
    with qtbot.waitSignal(timer.timeout, timeout=ms + 2000):
        timer.start(ms)


@OFFSCREEN_SHOW
def test_the_figure_moves_in_step_with_a_tempo_rep(qtbot: QtBot, player: PlayerView) -> None:
    figure = player.figure
    movement = Movement(figure.figures.poses.pose("single-leg-squat"))  # type: ignore[arg-type]
    standing, bottom = movement.angles[0].left_knee, movement.angles[1].left_knee
    player.runner.start()

    # Down: part of the way, and the frame timer runs between the player's own refreshes.
    qtbot.waitUntil(lambda: in_sub_phase(figure, TimingKind.DOWN, Side.LEFT, 0.3, 0.7),
                    timeout=4000)
    assert standing < knee(figure) < bottom
    assert figure.animating
    frames = figure.frames
    qtbot.waitUntil(lambda: figure.frames >= frames + 3, timeout=2000)

    # Pause: exactly the end pose, and nothing left to animate.
    qtbot.waitUntil(lambda: in_sub_phase(figure, TimingKind.PAUSE, Side.LEFT), timeout=3000)
    assert knee(figure) == bottom
    assert figure.canvas.drawing == movement_end_drawing(figure)
    assert not figure.animating

    # Up: on the way back to standing.
    qtbot.waitUntil(lambda: in_sub_phase(figure, TimingKind.UP, Side.LEFT, 0.3, 0.7),
                    timeout=3000)
    assert standing < knee(figure) < bottom
    assert figure.animating


def movement_end_drawing(figure: PlayerFigure) -> Drawing:
    shown = figure.canvas.figure
    assert shown is not None
    return shown.drawing(Timing.end())


@OFFSCREEN_SHOW
def test_pause_freezes_the_figure(qtbot: QtBot, player: PlayerView) -> None:
    figure = player.figure
    player.runner.start()
    qtbot.waitUntil(lambda: in_sub_phase(figure, TimingKind.DOWN, Side.LEFT, 0.2, 0.8),
                    timeout=4000)
    player.runner.pause()
    frozen = (figure.canvas.timing, figure.canvas.drawing)
    assert not figure.animating
    wait_a_moment(qtbot, 400)
    assert (figure.canvas.timing, figure.canvas.drawing) == frozen
    player.runner.resume()
    assert figure.animating
    qtbot.waitUntil(lambda: figure.canvas.timing != frozen[0], timeout=2000)


@OFFSCREEN_SHOW
def test_the_right_side_is_the_mirror_of_the_left(qtbot: QtBot, player: PlayerView) -> None:
    figure = player.figure
    player.runner.start()
    qtbot.waitUntil(lambda: in_sub_phase(figure, TimingKind.PAUSE, Side.LEFT), timeout=4000)
    assert not figure.canvas.mirrored
    qtbot.waitUntil(lambda: in_sub_phase(figure, TimingKind.PAUSE, Side.RIGHT), timeout=6000)
    assert figure.canvas.mirrored
    assert figure.moment is not None
    # The picture is the left side's, flipped: draw the same pose unmirrored beside it.
    size = figure.canvas.size()
    left = FigureCanvas()
    qtbot.addWidget(left)
    left.resize(size)
    left.show_figure(figure.canvas.figure, figure.canvas.timing, mirrored=False)
    right_image = figure.canvas.grab().toImage()
    flipped = left.grab().toImage().flipped(Qt.Orientation.Horizontal)
    differing = sum(1 for x in range(0, size.width(), 3) for y in range(0, size.height(), 3)
                    if abs(flipped.pixelColor(x, y).lightness()
                           - right_image.pixelColor(x, y).lightness()) > 8)
    assert differing < 12  # antialiasing at a few edges
    assert size.width() > 150


@OFFSCREEN_SHOW
def test_the_figure_is_large_beside_the_countdown(qtbot: QtBot, player: PlayerView) -> None:
    figure = player.figure
    ring, words = player.ring.geometry(), player.words.geometry()
    box = figure.geometry()
    assert ring.right() < box.left() < box.right() < words.left()
    assert box.height() >= ring.height() * 0.8


@OFFSCREEN_SHOW
def test_reduced_motion_shows_still_start_and_end(qtbot: QtBot, player: PlayerView) -> None:
    figure = player.figure
    figure.set_reduced_motion(True)
    player.runner.start()
    qtbot.waitUntil(lambda: in_sub_phase(figure, TimingKind.DOWN, Side.LEFT, 0.2, 0.8),
                    timeout=4000)
    assert figure.pages.currentIndex() == 1
    assert figure.start_canvas.timing == Timing.start()
    assert figure.end_canvas.timing == Timing.end()
    assert not figure.animating
    figure.set_reduced_motion(False)
    assert figure.animating


def test_reduced_motion_is_a_setting_in_the_appearance_group(qapp: QApplication) -> None:
    assert REDUCED_MOTION in grouped_options()["ui"]
    assert REDUCED_MOTION.default is False


@OFFSCREEN_SHOW
def test_the_figure_follows_the_setting(qtbot: QtBot, player: PlayerView,
                                        tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.ini")
    player.figure.follow(settings)
    assert not player.figure.reduced_motion
    settings.set(REDUCED_MOTION, True)
    assert player.figure.reduced_motion


@OFFSCREEN_SHOW
def test_a_hidden_player_runs_no_figure_timer(qtbot: QtBot, player: PlayerView) -> None:
    figure = player.figure
    player.runner.start()
    qtbot.waitUntil(lambda: in_sub_phase(figure, TimingKind.DOWN, Side.LEFT, 0.1, 0.9),
                    timeout=4000)
    assert figure.animating
    player.hide()
    assert not figure.animating


@OFFSCREEN_SHOW
def test_a_clock_that_stands_still_leaves_nothing_to_animate(qtbot: QtBot) -> None:
    clock = MonoClock()
    routine = parse_routine(TEMPO_ROUTINE, "figure-test.toml", LIBRARY)
    runner = SessionRunner(Session(routine, LIBRARY, SessionOptions(switch_sides_s=1)), clock)
    view = PlayerView(runner, LIBRARY)
    runner.setParent(view)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    runner.start()
    clock.advance(1.5)  # half way down the first rep
    runner.evaluate()
    runner.stop()
    figure = view.figure
    assert figure.moment is not None
    assert figure.moment.timing == Timing(TimingKind.DOWN, 0.5)
    qtbot.waitUntil(lambda: not figure.animating, timeout=2000)
    assert figure.canvas.timing == Timing(TimingKind.DOWN, 0.5)


# A lying exercise, then a standing one: the figure moves under the countdown and back.
FLOOR_THEN_STANDING = """
name = "Floor, then standing"
prepare_s = 2

[[steps]]
exercise = "glute-bridge"
sets = 1
hold_s = 10
rest_s = 20

[[steps]]
exercise = "single-leg-squat"
sets = 1
reps = 2
"""


@pytest.fixture
def floor_then_standing(qtbot: QtBot) -> Iterator[Callable[[int, int], tuple[PlayerView,
                                                                             MonoClock]]]:
    """A player of FLOOR_THEN_STANDING at a size, in the bridge's hold, on a still clock."""
    runners: list[SessionRunner] = []

    def make(width: int, height: int) -> tuple[PlayerView, MonoClock]:
        clock = MonoClock()
        routine = parse_routine(FLOOR_THEN_STANDING, "floor-test.toml", LIBRARY)
        runner = SessionRunner(Session(routine, LIBRARY, SessionOptions()), clock)
        runners.append(runner)
        view = PlayerView(runner, LIBRARY)
        runner.setParent(view)
        qtbot.addWidget(view)
        view.resize(width, height)
        view.show()
        qtbot.waitExposed(view)
        runner.start()
        clock.advance(3)  # into the bridge's hold
        runner.evaluate()
        return view, clock

    yield make
    for runner in runners:
        runner.stop()


Maker = Callable[[int, int], tuple[PlayerView, MonoClock]]


def drawn_width(view: PlayerView) -> float:
    """How wide the figure's stage is drawn, in px (its floor runs the canvas's width: the
    figure itself is the stage less its margins)."""
    canvas = view.figure.canvas
    rect = canvas.drawn_rect()
    figure = canvas.figure
    assert figure is not None
    left, bottom, right, top = figure.bounds
    return rect.height() * (right - left) / (top - bottom)


@OFFSCREEN_SHOW
def test_a_lying_figure_is_drawn_under_the_countdown_twice_as_wide(
        qtbot: QtBot, floor_then_standing: Maker) -> None:
    view, clock = floor_then_standing(1128, 780)  # the player's room in a 1280x800 window
    figure = view.figure
    qtbot.waitUntil(lambda: view.figure_under_ring)
    assert figure.lying
    # Beside the countdown, its column drew the bridge's stage 161 px wide and 68 px high;
    # under it, 380 by 163 (once the layout has moved it).
    qtbot.waitUntil(lambda: drawn_width(view) >= 340)
    ring, box, words = view.ring.geometry(), figure.geometry(), view.words.geometry()
    assert ring.bottom() < box.top()
    assert box.right() < words.left()
    assert box.left() <= ring.left() + 1
    assert box.right() >= ring.right() - 1
    # The words take the column the figure left: 580 px, where they had 484.
    assert words.left() - (ring.right() + 1) == view.centre.spacing()
    assert words.width() >= 560

    clock.advance(10 + 20)  # the hold and the rest: the single-leg squat stands
    view.runner.evaluate()
    qtbot.waitUntil(lambda: not view.figure_under_ring)
    assert not figure.lying
    qtbot.waitUntil(lambda: view.ring.geometry().right() < figure.geometry().left())
    ring, box, words = view.ring.geometry(), figure.geometry(), view.words.geometry()
    assert ring.right() < box.left() < box.right() < words.left()
    assert box.height() >= ring.height() * 0.8


@OFFSCREEN_SHOW
def test_a_lying_figure_stays_beside_a_countdown_too_low_to_share(
        qtbot: QtBot, floor_then_standing: Maker) -> None:
    view, _ = floor_then_standing(800, 600)
    assert view.figure.lying
    assert view.figure_under_ring
    view.resize(800, 420)  # not, where the centre is lower than UNDER_RING_FROM of the scale
    qtbot.waitUntil(lambda: not view.figure_under_ring)
    qtbot.waitUntil(lambda: view.ring.geometry().right() < view.figure.geometry().left())
    ring, box = view.ring.geometry(), view.figure.geometry()
    assert view.words.height() < UNDER_RING_FROM * view.scale()
    assert ring.right() < box.left()
    assert box.top() < ring.bottom()
    view.resize(800, 600)
    qtbot.waitUntil(lambda: view.figure_under_ring)


@OFFSCREEN_SHOW
def test_still_pictures_stand_over_their_captions(qtbot: QtBot,
                                                  floor_then_standing: Maker) -> None:
    view, clock = floor_then_standing(1128, 780)
    figure = view.figure
    figure.set_reduced_motion(True)
    qtbot.waitUntil(lambda: view.figure_under_ring)
    assert not figure.stills_stacked  # two wide pictures side by side under the countdown

    def feet_to_caption() -> list[float]:
        gaps = []
        for canvas, caption in zip((figure.start_canvas, figure.end_canvas),
                                   figure.captions, strict=True):
            feet = canvas.mapTo(figure, canvas.drawn_rect().bottomLeft().toPoint()).y()
            gaps.append(caption.mapTo(figure, caption.rect().topLeft()).y() - feet)
        return gaps

    assert all(0 <= gap <= 8 for gap in feet_to_caption())
    clock.advance(10 + 20)
    view.runner.evaluate()
    qtbot.waitUntil(lambda: not view.figure_under_ring)
    # A standing figure beside the countdown: one above the other, each the column's width.
    qtbot.waitUntil(lambda: figure.stills_stacked)
    qtbot.waitUntil(lambda: figure.start_canvas.geometry().bottom()
                    < figure.end_canvas.geometry().top())
    start, end = figure.start_canvas.geometry(), figure.end_canvas.geometry()
    assert start.bottom() < end.top()
    assert start.width() >= figure.width() - 1
    assert all(0 <= gap <= 8 for gap in feet_to_caption())
