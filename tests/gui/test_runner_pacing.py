"""The runner thins its in-between repaints when the machine cannot keep up, never its seconds.

Not timed: the pacing is fed made-up wake-ups, and the schedule is read from the runner's own
timer on a fake clock. benchmarks/timer_accuracy.py measures how it behaves under load.
"""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from gluteapp.core.assets import builtin_library
from gluteapp.core.engine import Session
from gluteapp.core.player_display import whole_seconds
from gluteapp.core.routines import parse_routine
from gluteapp.gui.player.runner import (
    ANIMATION_MS,
    FRAME_MS,
    MAX_ANIMATION_MS,
    Pacing,
    SessionRunner,
)
from tests.builders import MonoClock

ROUTINE = ('name = "Pace"\nprepare_s = 5\n\n[[steps]]\nexercise = "glute-bridge"\nsets = 1\n'
           'hold_s = 30\n')


def test_strained_wake_ups_thin_the_repaints_and_calm_ones_bring_them_back() -> None:
    pacing = Pacing()
    assert pacing.interval_ms == ANIMATION_MS
    pacing.note(late_ms=FRAME_MS * 2, work_ms=1.0)  # fired a frame late
    assert pacing.interval_ms == 2 * ANIMATION_MS
    for _ in range(10):
        pacing.note(late_ms=0.5, work_ms=FRAME_MS * 3)  # its work took three frames
    assert pacing.interval_ms == MAX_ANIMATION_MS  # never fewer than this
    assert pacing.strained == 11
    for _ in range(3):
        pacing.note(late_ms=0.1, work_ms=2.0)
    assert ANIMATION_MS < pacing.interval_ms < MAX_ANIMATION_MS  # a step at a time
    for _ in range(30):
        pacing.note(late_ms=0.1, work_ms=2.0)
    assert pacing.interval_ms == ANIMATION_MS


def test_thinned_repaints_still_wake_for_the_next_whole_second() -> None:
    library = builtin_library()
    clock = MonoClock()
    runner = SessionRunner(Session(parse_routine(ROUTINE, "pace.toml", library), library),
                           clock)
    runner.start()
    runner.pacing.interval_ms = MAX_ANIMATION_MS
    clock.now += 0.3  # 4.7 s of the get-ready left: the displayed 5 becomes 4 in 0.7 s
    runner.evaluate()
    assert runner._timer.interval() in (700, 701)  # the second (rounded up), not 800 ms
    runner.pacing.interval_ms = ANIMATION_MS
    runner.evaluate()
    assert runner._timer.interval() == ANIMATION_MS
    runner.stop()


def test_a_whole_second_passed_during_the_work_of_a_wake_up_is_shown_at_once(qtbot: QtBot) -> None:
    """A loaded machine: the wake-up's slots end past the next whole second, which the number
    on screen was worked out before; the runner wakes again at once, not a repaint later."""
    library = builtin_library()
    clock = MonoClock()
    runner = SessionRunner(Session(parse_routine(ROUTINE, "pace.toml", library), library),
                           clock)
    runner.start()
    shown: list[float] = []
    slow = {"work_s": 0.0}

    def paint() -> None:  # what a view does: works the number out, then takes its time
        remaining = runner.session.remaining_s(clock())
        assert remaining is not None
        shown.append(whole_seconds(remaining))
        clock.advance(slow["work_s"])

    runner.updated.connect(paint)
    clock.advance(0.95)  # the get-ready shows 5 for another 50 ms
    slow["work_s"] = 0.08  # ... and the work ends 30 ms after it became 4
    runner.evaluate()
    assert shown[-1] == 5
    assert runner._timer.interval() == 0  # not ANIMATION_MS after the work ended
    slow["work_s"] = 0.0
    with qtbot.waitSignal(runner.updated, timeout=1000):
        pass  # the real timer fires
    assert shown[-1] == 4
    assert runner._timer.interval() == ANIMATION_MS  # and on as usual
    runner.stop()


def test_the_next_wake_up_is_timed_from_the_moment_the_display_was_worked_out() -> None:
    library = builtin_library()
    clock = MonoClock()
    runner = SessionRunner(Session(parse_routine(ROUTINE, "pace.toml", library), library),
                           clock)
    runner.start()
    runner.updated.connect(lambda: clock.advance(0.04))  # every wake-up works 40 ms
    runner.evaluate()  # at 0.04 s: the next repaint is due 100 ms after that, 60 ms after the work
    assert runner._timer.interval() == ANIMATION_MS - 40
    runner.stop()
