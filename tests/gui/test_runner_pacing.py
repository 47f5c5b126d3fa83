"""The runner thins its in-between repaints when the machine cannot keep up, never its seconds.

Not timed: the pacing is fed made-up wake-ups, and the schedule is read from the runner's own
timer on a fake clock. benchmarks/timer_accuracy.py measures how it behaves under load.
"""

from __future__ import annotations

from gluteapp.core.assets import builtin_library
from gluteapp.core.engine import Session
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
