"""The player's timing and CPU use with the exercise figure animating, against the same player
with reduced motion (still pictures, no frame timer).

A tempo routine keeps the figure moving the whole time: the single-leg squat (or the exercise
`--exercise` names: frog pumps, say, whose lying figure the player draws under the countdown,
more than twice as wide as beside it), 2 s down and 2 s up, one set a side. Each condition
runs quiet and with the GUI thread stalled 150 ms every 2.3 s while another process keeps the
second core busy, as in timer_accuracy.py, whose goals (P1) apply: end error <= 5 ms; quiet
p99 lateness <= 16 ms; under stalls no second later than the stall plus 16 ms, and no error
that grows with the length of the session.

CPU is the process's CPU time over the quiet run's wall time (100 % = one core).

Usage: python benchmarks/figure_animation.py [--seconds 60] [--exercise single-leg-squat]
"""

from __future__ import annotations

import argparse
import math
import os
import subprocess
import sys
import time

from msgspec import Struct

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication
from timer_accuracy import STALL_EVERY_MS, STALL_MS, Result

from gluteapp.core.assets import builtin_library
from gluteapp.core.engine import Session, SessionFinished, SessionOptions
from gluteapp.core.routines import parse_routine
from gluteapp.gui.figure_player import FRAME_MS
from gluteapp.gui.player.countdown import CountdownRing
from gluteapp.gui.player.runner import SessionRunner
from gluteapp.gui.player.view import PlayerView

SWITCH_S = 5
PREPARE_S = 3


def routine_text(seconds: int, exercise: str = "single-leg-squat") -> str:
    """An exercise's reps at 2-0-2, one set (a side), at least `seconds` long in all."""
    reps = max(1, math.ceil((seconds - PREPARE_S - SWITCH_S) / 8))
    return (f'name = "Figure benchmark"\nprepare_s = {PREPARE_S}\n\n[[steps]]\n'
            f'exercise = "{exercise}"\nsets = 1\nreps = {reps}\ntempo = "2-0-2"\n')


class Run(Struct):
    timing: Result
    cpu_percent: float
    frames: int
    wall_s: float


def run(seconds: int, mode: str, stalled: bool, exercise: str = "single-leg-squat") -> Run:
    """One session; `mode` is "animating", "reduced" (still pictures) or "none" (no figure)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    library = builtin_library()
    routine = parse_routine(routine_text(seconds, exercise), "figure-benchmark.toml", library)
    session = Session(routine, library, SessionOptions(switch_sides_s=SWITCH_S))
    runner = SessionRunner(session)
    view = PlayerView(runner, library)
    runner.setParent(view)
    view.figure.set_reduced_motion(mode == "reduced")
    if mode == "none":  # the player as it was before the figure
        view.figure.refresh = lambda: None  # type: ignore[method-assign]
        view.figure.hide()
    view.resize(1280, 800)
    view.show()
    result = Result()
    last_text = {"text": ""}

    def remaining_shown(now: float) -> float | None:
        position = session.rep_position(now)  # the ring counts each part of a tempo rep
        return position.remaining_s if position is not None else session.remaining_s(now)

    # Each number counts until the end of the ring's paint that first draws it, as in
    # timer_accuracy.py: the ring draws a new number at once, before the rest of the wake-up's
    # work (the figure's included), so the time after the view's refresh would count work done
    # after the number was already on screen.
    first_paint: dict[str, object] = {"text": None, "at": math.nan}
    paint = CountdownRing.paintEvent

    def painted(ring: CountdownRing, event: QPaintEvent) -> None:
        paint(ring, event)
        if ring.text() != first_paint["text"]:
            first_paint.update(text=ring.text(), at=time.monotonic())

    CountdownRing.paintEvent = painted  # type: ignore[method-assign, assignment]

    def on_update() -> None:
        now = runner.clock()
        remaining = remaining_shown(now)
        text = view.ring.text()
        if text != last_text["text"] and remaining is not None and text.isdigit():
            at = first_paint["at"] if first_paint["text"] == text else now
            assert isinstance(at, float)
            boundary = now - (int(text) - remaining)
            # A number already drawn before its time (the first, before Start) is on time.
            result.lateness_ms.append(max(0.0, at - boundary) * 1000)
        last_text["text"] = text

    # When the engine saw the end: the wake-up's own clock, read before any slot ran (the
    # view builds its summary in a slot of the same signal, which is not the timer's error).
    evaluated = {"at": math.nan}
    evaluate = runner.evaluate

    def stamped_evaluate() -> None:
        evaluated["at"] = runner.clock()
        evaluate()

    runner.evaluate = stamped_evaluate  # type: ignore[method-assign]

    def on_events(events: list[object]) -> None:
        for event in events:
            if isinstance(event, SessionFinished):
                result.end_error_ms = (evaluated["at"] - event.at) * 1000

    runner.updated.connect(on_update)
    runner.events.connect(on_events)
    stall_timer = QTimer()
    stall_timer.setTimerType(Qt.TimerType.PreciseTimer)

    def stall() -> None:
        until = time.monotonic() + STALL_MS / 1000
        while time.monotonic() < until:
            pass

    stall_timer.timeout.connect(stall)
    spinner = None
    if stalled:
        spinner = subprocess.Popen([sys.executable, "-c", "while True: pass"])
        stall_timer.start(STALL_EVERY_MS)
    # A real event loop: processEvents(flags, maxtime) ignores WaitForMoreEvents and would
    # spin, costing a core of its own and hiding what the player costs.
    loop = QEventLoop()
    view.session_finished.connect(lambda _e: loop.quit())
    total_s = sum(p.duration_s or 0 for p in session.timeline)
    give_up = QTimer()
    give_up.setSingleShot(True)
    give_up.timeout.connect(loop.quit)
    give_up.start(int((total_s + 30) * 1000))
    # On screen before Start, as a person sees it: the first number is then already drawn,
    # not drawn with the window's first paint after the session began.
    shown = QEventLoop()
    QTimer.singleShot(300, shown.quit)
    shown.exec()
    cpu_start, wall_start = time.process_time(), time.monotonic()
    runner.start()
    loop.exec()
    CountdownRing.paintEvent = paint  # type: ignore[method-assign]
    give_up.stop()
    wall = time.monotonic() - wall_start
    cpu = time.process_time() - cpu_start
    stall_timer.stop()
    runner.stop()
    if spinner is not None:
        spinner.kill()
        spinner.wait()
    frames = view.figure.frames
    view.close()
    view.deleteLater()
    app.processEvents()
    return Run(result, 100 * cpu / wall, frames, wall)


def frame_cost(frames: int = 200) -> tuple[float, float]:
    """CPU milliseconds for one picture of the moving figure at the player's size: working out
    the pose, and painting it; measured in process time, so other programs do not count."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QImage, QPainter

    from gluteapp.core.kinematics import Timing, TimingKind
    from gluteapp.gui.figure import FigureColours, Figures, paint_drawing
    from gluteapp.gui.theme import light_palette

    QApplication.instance() or QApplication(sys.argv[:1])
    figure = Figures(builtin_library()).get("single-leg-squat")
    assert figure is not None
    image = QImage(QSize(360, 420), QImage.Format.Format_ARGB32_Premultiplied)
    colours = FigureColours.from_palette(light_palette())
    drawings = []
    start = time.process_time()
    for index in range(frames):
        drawings.append(figure.drawing(Timing(TimingKind.DOWN, (index % 50) / 50)))
    pose_ms = (time.process_time() - start) * 1000 / frames
    start = time.process_time()
    for drawing in drawings:
        image.fill(0)
        painter = QPainter(image)
        paint_drawing(painter, drawing, figure.bounds, image.rect().toRectF(), colours)
        painter.end()
    paint_ms = (time.process_time() - start) * 1000 / frames
    return pose_ms, paint_ms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60, help="routine length (>= 30)")
    parser.add_argument("--exercise", default="single-leg-squat",
                        help="the exercise whose reps the session plays")
    args = parser.parse_args()
    seconds = max(30, args.seconds)
    pose_ms, paint_ms = frame_cost()
    per_second = 1000 / FRAME_MS
    print(f"[one picture of the moving figure, 360x420 px] pose {pose_ms:.2f} ms + paint "
          f"{paint_ms:.2f} ms of CPU: {per_second * (pose_ms + paint_ms) / 10:.1f} % of a core "
          f"at {per_second:.0f} pictures a second")
    for stalled in (False, True):
        label = (f"stalled {STALL_MS} ms / {STALL_EVERY_MS} ms + busy core" if stalled
                 else "quiet")
        print(f"[{label}]")
        for mode in ("animating", "reduced", "none"):
            outcome = run(seconds, mode, stalled, args.exercise)
            name = {"animating": "figure animating ", "reduced": "reduced motion   ",
                    "none": "no figure        "}[mode]
            cpu = "" if stalled else f"  CPU {outcome.cpu_percent:5.1f} % of a core"
            print(f"  {name} {outcome.timing.summary()}{cpu}  "
                  f"figure pictures {outcome.frames} in {outcome.wall_s:.0f} s")


if __name__ == "__main__":
    main()
