"""A wake-up draws the new number first and paints the window once: the countdown's paint path.

Not timed: paints are counted on a real window (offscreen) around one wake-up of the runner
on a fake clock. benchmarks/timer_accuracy.py measures what this buys on a loaded machine.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject
from pytestqt.qtbot import QtBot

from gluteapp.core.assets import builtin_library
from gluteapp.core.engine import Session
from gluteapp.core.routines import parse_routine
from gluteapp.gui.player.runner import SessionRunner
from gluteapp.gui.player.view import PlayerView
from tests.builders import MonoClock

ROUTINE = ('name = "Paint"\nprepare_s = 5\n\n[[steps]]\nexercise = "glute-bridge"\nsets = 1\n'
           'hold_s = 30\n')


class Paints(QObject):
    """Counts the paints of the widgets it watches, with the ring's number at each."""

    def __init__(self, view: PlayerView) -> None:
        super().__init__()
        self.view = view
        self.ring_texts: list[str] = []
        self.progress = 0
        self.window = 0
        view.ring.installEventFilter(self)
        view.progress.installEventFilter(self)
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and watched is self.view.ring:
            self.ring_texts.append(self.view.ring.text())
        elif event.type() == QEvent.Type.Paint and watched is self.view.progress:
            self.progress += 1
        elif event.type() == QEvent.Type.UpdateRequest and watched is self.view:
            self.window += 1
        return False


@pytest.fixture
def started(qtbot: QtBot) -> Iterator[tuple[PlayerView, MonoClock, Paints]]:
    """A player on screen 0.5 s into its get-ready (5 shown), its paints counted from now."""
    library = builtin_library()
    clock = MonoClock(500.0)
    runner = SessionRunner(Session(parse_routine(ROUTINE, "paint.toml", library), library),
                           clock=clock)
    view = PlayerView(runner, library)
    runner.setParent(view)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    runner.start()
    clock.advance(0.5)
    runner.evaluate()
    qtbot.waitUntil(lambda: view.ring.text() == "5")
    paints = Paints(view)
    qtbot.wait(50)  # whatever was pending is painted
    paints.ring_texts.clear()
    paints.progress = paints.window = 0
    yield view, clock, paints
    runner.stop()


def test_a_new_number_is_drawn_before_the_rest_of_the_wake_up_runs(
        started: tuple[PlayerView, MonoClock, Paints]) -> None:
    view, clock, paints = started
    seen_by_later_slots: list[list[str]] = []
    # Connected after the view's own slot, like the cue look-ahead and the figure's work.
    view.runner.updated.connect(lambda: seen_by_later_slots.append(list(paints.ring_texts)))
    clock.advance(0.6)  # 3.9 s of the get-ready left: the 5 becomes 4
    view.runner.evaluate()
    assert view.ring.text() == "4"
    assert seen_by_later_slots == [["4"]]  # on screen before they ran


def test_a_wake_up_paints_the_window_once_with_the_bar_and_the_ring_together(
        qtbot: QtBot, started: tuple[PlayerView, MonoClock, Paints]) -> None:
    view, clock, paints = started
    value = view.progress.value()
    clock.advance(0.1)  # an in-between wake-up: the same number, the bar and ring move on
    view.runner.evaluate()
    assert view.progress.value() > value
    assert (paints.progress, paints.ring_texts) == (0, [])  # nothing drawn inside the wake-up
    qtbot.waitUntil(lambda: paints.progress == 1)
    assert paints.ring_texts == ["5"]  # the ring's new fraction, in the same paint
    assert paints.window == 1
