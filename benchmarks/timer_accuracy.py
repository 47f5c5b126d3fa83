"""Timer accuracy of the real QTimer-driven player, against a one-second tick-counting timer.

Both run side by side in one event loop, so they share every condition. The player is built as
the app builds it: the view, its runner and the cue player with the audio thread (visual cues,
so no sound server is needed), whose look-ahead runs at every wake-up. Conditions:

- quiet;
- both cores busy: two other processes spin, one per core;
- oversubscribed: four other processes spin on the two cores (load above 4);
- GUI stalls: the GUI thread is blocked 150 ms every 2.3 s while one other core is busy.

Reported per condition: the lateness of each displayed second (p50, p99, max), the growth of
that lateness from the first half to the second, the end-of-session error, and what each
wake-up costs: how late the runner's timer fired after the boundary it aimed at (timer slack
and scheduling), how long its work took (engine, look-ahead, repaint requests) and how many
times the countdown ring was painted a second.

Goals: end error <= 5 ms and displayed seconds p99 <= 16 ms quiet and with both cores busy;
under stalls no second later than the stall plus 16 ms; no error that grows with the session.

Usage: python benchmarks/timer_accuracy.py [--seconds 60] [--only quiet,busy2,busy4,stalls]
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
os.environ["GLUTEAPP_AUDIO_BACKEND"] = "visual"

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from gluteapp.core.assets import builtin_library
from gluteapp.core.cue_policy import CuePolicy, SpokenSetup
from gluteapp.core.engine import Session, SessionFinished
from gluteapp.core.routines import parse_routine
from gluteapp.gui.audio import start_audio_thread
from gluteapp.gui.player.cue_player import CuePlayer
from gluteapp.gui.player.runner import SessionRunner
from gluteapp.gui.player.view import PlayerView

STALL_MS = 150
STALL_EVERY_MS = 2300
CONDITIONS = {
    "quiet": (0, False),
    "busy2": (2, False),
    "busy4": (4, False),
    "stalls": (1, True),
}
TITLES = {
    "quiet": "quiet",
    "busy2": "both cores busy (2 spinning processes)",
    "busy4": "oversubscribed (4 spinning processes on 2 cores)",
    "stalls": f"GUI stalled {STALL_MS} ms every {STALL_EVERY_MS} ms + 1 busy core",
}


def routine_text(seconds: int) -> str:
    """Holds of 20 s with 5 s rests, at least `seconds` long in all (get ready 3 s)."""
    sets = max(1, math.ceil((seconds - 3 + 5) / 25))
    return (f'name = "Timer benchmark"\nprepare_s = 3\n\n[[steps]]\nexercise = "glute-bridge"\n'
            f"sets = {sets}\nhold_s = 20\nrest_s = 5\n")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


@dataclass
class Result:
    lateness_ms: list[float] = field(default_factory=list)
    end_error_ms: float = math.nan
    wake_late_ms: list[float] = field(default_factory=list)
    work_ms: list[float] = field(default_factory=list)
    ring_paints: int = 0
    seconds: float = 0.0
    intervals_ms: list[float] = field(default_factory=list)  # the runner's pacing

    def summary(self) -> str:
        values = self.lateness_ms
        half = len(values) // 2
        growth = statistics.mean(values[half:]) - statistics.mean(values[:half])
        return (f"seconds shown {len(values):3d}  p50 {statistics.median(values):6.1f} ms  "
                f"p99 {percentile(values, 0.99):6.1f} ms  max {max(values):6.1f} ms  "
                f"second-half minus first-half {growth:+6.1f} ms  "
                f"end error {self.end_error_ms:+7.1f} ms")

    def costs(self) -> str:
        if not self.work_ms:
            return ""
        return (f"timer fired late p50 {statistics.median(self.wake_late_ms):5.2f} ms "
                f"p99 {percentile(self.wake_late_ms, 0.99):5.1f} ms; work per wake-up p50 "
                f"{statistics.median(self.work_ms):5.2f} ms p99 "
                f"{percentile(self.work_ms, 0.99):5.1f} ms; {len(self.work_ms) / self.seconds:4.1f}"
                f" wake-ups/s (in-between every {statistics.median(self.intervals_ms):.0f} ms"
                f" p50, {max(self.intervals_ms):.0f} ms max); ring painted"
                f" {self.ring_paints / self.seconds:4.1f}/s")


class PaintCounter(QObject):
    def __init__(self, result: Result) -> None:
        super().__init__()
        self.result = result

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            self.result.ring_paints += 1
        return False


def measure_wakeups(runner: SessionRunner, player: Result) -> None:
    """Keep what the runner notes of each wake-up: how late after its aim, how long its work."""
    note = runner.pacing.note

    def noted(late_ms: float, work_ms: float) -> None:
        player.wake_late_ms.append(late_ms)
        player.work_ms.append(work_ms)
        player.intervals_ms.append(runner.pacing.interval_ms)
        note(late_ms, work_ms)

    runner.pacing.note = noted  # type: ignore[method-assign]


def run(seconds: int, spinners: int, stalled: bool) -> tuple[Result, Result]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    library = builtin_library()
    routine = parse_routine(routine_text(seconds), "benchmark.toml", library)
    session = Session(routine, library)
    runner = SessionRunner(session)
    view = PlayerView(runner, library)
    runner.setParent(view)
    audio = start_audio_thread(view)
    cues = CuePlayer(audio, CuePolicy(lambda i: SpokenSetup(library[i].name)), runner.clock,
                     view)
    cues.follow(runner)
    audio.visual_cue.connect(view.flash)
    view.resize(1280, 800)
    view.show()
    player, reference = Result(), Result()
    counter = PaintCounter(player)
    view.ring.installEventFilter(counter)
    measure_wakeups(runner, player)
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
                # When the engine saw the end: the wake-up's clock, before any slot ran.
                player.end_error_ms = (evaluated["at"] - event.at) * 1000

    evaluated = {"at": math.nan}
    evaluate = runner.evaluate

    def stamped_evaluate() -> None:
        evaluated["at"] = runner.clock()
        evaluate()

    runner.evaluate = stamped_evaluate  # type: ignore[method-assign]
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
    spinning = [subprocess.Popen([sys.executable, "-c", "while True: pass"])
                for _ in range(spinners)]
    if stalled:
        stall_timer.start(STALL_EVERY_MS)
    done = {"flag": False}
    view.session_finished.connect(lambda _e: done.update(flag=True))
    began = time.monotonic()
    ticks["start"] = began
    runner.clock = time.monotonic
    runner.start()
    tick_timer.start(1000)
    # A real event loop, which sleeps between events: processEvents(WaitForMoreEvents, 50)
    # does not wait when given a time limit, and its spinning would take a core of its own.
    loop = QEventLoop()
    check = QTimer()
    check.timeout.connect(
        lambda: loop.quit() if done["flag"] and not tick_timer.isActive() else None)
    check.start(200)
    QTimer.singleShot(round((total_s + 30) * 1000), loop.quit)
    loop.exec()
    check.stop()
    player.seconds = time.monotonic() - began
    stall_timer.stop()
    tick_timer.stop()
    runner.stop()
    cues.stop()
    for process in spinning:
        process.kill()
        process.wait()
    audio.close()
    view.close()
    view.deleteLater()
    return player, reference


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60, help="routine length (>= 60)")
    parser.add_argument("--only", default=",".join(CONDITIONS))
    args = parser.parse_args()
    seconds = max(60, args.seconds)
    for name in args.only.split(","):
        spinners, stalled = CONDITIONS[name]
        load_before = os.getloadavg()[0]
        player, reference = run(seconds, spinners, stalled)
        print(f"[{TITLES[name]}] load {load_before:.2f} before, {os.getloadavg()[0]:.2f} after")
        print(f"  player (deadlines)     {player.summary()}")
        print(f"                         {player.costs()}")
        print(f"  reference (ticks)      {reference.summary()}")


if __name__ == "__main__":
    main()
