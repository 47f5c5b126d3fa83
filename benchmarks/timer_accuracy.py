"""Timer accuracy of the real QTimer-driven player, against a one-second tick-counting timer.

Both run side by side in one event loop, so they share every condition: once quiet, once while
the GUI thread is stalled for 150 ms every 2.3 s and another process keeps the second core busy.
Reported: the end-of-session error and the lateness of each displayed second (p50, p99, max).

Goals: end error <= 5 ms in both runs; quiet p99 lateness <= 16 ms; under stalls no second later
than the stall plus 16 ms, and no error that grows with the length of the session.

Usage: python benchmarks/timer_accuracy.py [--seconds 60]
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication

from gluteapp.core.assets import builtin_library
from gluteapp.core.engine import Session, SessionFinished
from gluteapp.core.routines import parse_routine
from gluteapp.gui.player.runner import SessionRunner
from gluteapp.gui.player.view import PlayerView

STALL_MS = 150
STALL_EVERY_MS = 2300


def routine_text(seconds: int) -> str:
    """Holds of 20 s with 5 s rests, at least `seconds` long in all (get ready 3 s)."""
    sets = max(1, math.ceil((seconds - 3 + 5) / 25))
    return (f'name = "Timer benchmark"\nprepare_s = 3\n\n[[steps]]\nexercise = "glute-bridge"\n'
            f"sets = {sets}\nhold_s = 20\nrest_s = 5\n")


@dataclass
class Result:
    lateness_ms: list[float] = field(default_factory=list)
    end_error_ms: float = math.nan

    def summary(self) -> str:
        values = sorted(self.lateness_ms)
        p50 = statistics.median(values)
        p99 = values[min(len(values) - 1, round(0.99 * (len(values) - 1)))]
        half = len(self.lateness_ms) // 2
        growth = (statistics.mean(self.lateness_ms[half:]) -
                  statistics.mean(self.lateness_ms[:half]))
        return (f"seconds shown {len(values):3d}  p50 {p50:6.1f} ms  p99 {p99:6.1f} ms  "
                f"max {values[-1]:6.1f} ms  second-half minus first-half {growth:+6.1f} ms  "
                f"end error {self.end_error_ms:+7.1f} ms")


def run(seconds: int, stalled: bool) -> tuple[Result, Result]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    library = builtin_library()
    routine = parse_routine(routine_text(seconds), "benchmark.toml", library)
    session = Session(routine, library)
    runner = SessionRunner(session)
    view = PlayerView(runner, library)
    runner.setParent(view)
    view.resize(1280, 800)
    view.show()
    player, reference = Result(), Result()
    last_text = {"text": ""}

    def on_update() -> None:
        now = runner.clock()
        remaining = session.remaining_s(now)
        text = view.ring.text()
        if text != last_text["text"] and remaining is not None and text.isdigit():
            # The number shown is ceil(remaining): it became right when remaining crossed it.
            player.lateness_ms.append((int(text) - remaining) * 1000)
        last_text["text"] = text

    def on_events(events: list[object]) -> None:
        for event in events:
            if isinstance(event, SessionFinished):
                player.end_error_ms = (runner.clock() - event.at) * 1000

    runner.updated.connect(on_update)
    runner.events.connect(on_events)

    # The reference: a one-second timer re-armed from its own handler, counting ticks.
    total_s = sum(p.duration_s or 0 for p in session.timeline)
    ticks = {"count": 0, "start": 0.0}
    tick_timer = QTimer()
    tick_timer.setTimerType(Qt.TimerType.PreciseTimer)
    tick_timer.setSingleShot(True)

    def on_tick() -> None:
        ticks["count"] += 1
        observed = time.monotonic()
        expected = ticks["start"] + ticks["count"]
        reference.lateness_ms.append((observed - expected) * 1000)
        if ticks["count"] >= total_s:
            reference.end_error_ms = (observed - (ticks["start"] + total_s)) * 1000
        else:
            tick_timer.start(1000)

    tick_timer.timeout.connect(on_tick)

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
    done = {"flag": False}
    view.session_finished.connect(lambda _e: done.update(flag=True))
    ticks["start"] = time.monotonic()
    runner.clock = time.monotonic
    runner.start()
    tick_timer.start(1000)
    deadline = time.monotonic() + total_s + 30
    while (not done["flag"] or tick_timer.isActive()) and time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
    stall_timer.stop()
    tick_timer.stop()
    runner.stop()
    if spinner is not None:
        spinner.kill()
        spinner.wait()
    view.close()
    view.deleteLater()
    return player, reference


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60, help="routine length (>= 60)")
    args = parser.parse_args()
    seconds = max(60, args.seconds)
    for label, stalled in (("quiet", False), (f"stalled {STALL_MS} ms / {STALL_EVERY_MS} ms"
                                              " + busy core", True)):
        player, reference = run(seconds, stalled)
        print(f"[{label}]")
        print(f"  player (deadlines)     {player.summary()}")
        print(f"  reference (ticks)      {reference.summary()}")


if __name__ == "__main__":
    main()
