"""Timer accuracy of the real QTimer-driven player, against a one-second tick-counting timer.

Both run side by side in one event loop, so they share every condition. The player is built as
the app builds it: the view, its runner and the cue player with the audio thread (visual cues,
so no sound server is needed), whose look-ahead runs at every wake-up. Conditions:

- quiet;
- both cores busy: two other processes spin, one per core;
- oversubscribed: four other processes spin on the two cores (load above 4);
- GUI stalls: the GUI thread is blocked 150 ms every 2.3 s while one other core is busy.

Reported per condition: the lateness of each displayed second (p50, p99, max): from the moment
the remaining time crossed a whole second to the end of the ring's paint that first draws the
new number (what a person sees), and, as it was measured before, to the moment the number was
set in the ring (the end of the wake-up's slots, before any paint); the growth of that lateness
from the first half to the second, the end-of-session error, and what each wake-up costs: how
late the runner's timer fired after the boundary it aimed at (timer slack and scheduling), how
long its work took (engine, look-ahead, repaint requests), how many times the countdown ring
and the whole window were painted a second, and the process's CPU time. Each displayed second
is then taken apart: boundary to the timer firing, firing to the number set, set to painted,
and how many seconds were shown by a wake-up not aimed at their boundary (one aimed earlier
whose work ran past the boundary, then the next wake-up).

Goals: end error <= 5 ms and displayed seconds p99 <= 16 ms quiet and with both cores busy;
under stalls no second later than the stall plus 16 ms; no error that grows with the session.

Where a wake-up's time goes is read from the kernel (/proc/thread-self/schedstat): the GUI
thread's CPU time, its time waiting for a CPU (run queue), and the rest, when it could not run
at all: blocked, on the GIL or a lock.

Options: `--audio sink` plays the cues with the app's own QtMultimedia stream into a private
PulseAudio null sink (its mixer runs Python on the audio thread every few milliseconds), instead
of the visual backend; `--spinners own-session` starts the busy processes in a session of their
own, as another program would be (the kernel's autogroups then share the CPU between the
sessions first), instead of in the benchmark's.

Usage: python benchmarks/timer_accuracy.py [--seconds 60] [--only quiet,busy2,busy4,stalls]
       [--rounds 1] [--audio visual|sink] [--spinners same-session|own-session]
"""

from __future__ import annotations

import argparse
import contextlib
import math
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from msgspec import Struct, field

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["GLUTEAPP_AUDIO_BACKEND"] = "visual"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # for tests.audio_sink

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication

from gluteapp.core.assets import builtin_library
from gluteapp.core.cue_policy import CuePolicy, SpokenSetup
from gluteapp.core.engine import Session, SessionFinished
from gluteapp.core.routines import parse_routine
from gluteapp.gui.audio import start_audio_thread
from gluteapp.gui.player.countdown import CountdownRing
from gluteapp.gui.player.cue_player import CuePlayer
from gluteapp.gui.player.runner import FRAME_MS, SessionRunner
from gluteapp.gui.player.view import PlayerView
from tests.audio_sink import pulseaudio_missing_reason, running_pulse_sink

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


class Shown(Struct):
    """One displayed second, taken apart (monotonic seconds)."""

    boundary: float  # when the remaining time crossed the whole second
    aimed: float | None  # when the wake-up that set it was aimed at
    fired: float  # when that wake-up began
    set_at: float  # when the number was in the ring (the end of the wake-up's slots)
    text: str
    painted: float = math.nan  # when the paint that first drew it ended


class Result(Struct):
    lateness_ms: list[float] = field(default_factory=list)
    end_error_ms: float = math.nan
    wake_late_ms: list[float] = field(default_factory=list)
    work_ms: list[float] = field(default_factory=list)
    work_cpu_ms: list[float] = field(default_factory=list)  # the GUI thread on a CPU
    work_queued_ms: list[float] = field(default_factory=list)  # runnable, waiting for a CPU
    work_blocked_ms: list[float] = field(default_factory=list)  # neither: the GIL, a lock
    #: Wake-ups a frame late or more: (late, then waiting for a CPU, then other work), ms.
    late_gap_ms: list[tuple[float, float, float]] = field(default_factory=list)
    ring_paints: int = 0
    window_paints: int = 0
    cpu_s: float = 0.0
    seconds: float = 0.0
    intervals_ms: list[float] = field(default_factory=list)  # the runner's pacing
    shown: list[Shown] = field(default_factory=list)

    def set_summary(self) -> str:
        """The old measure: to the moment the number was set, not drawn."""
        return Result(lateness_ms=[(s.set_at - s.boundary) * 1000 for s in self.shown],
                      end_error_ms=self.end_error_ms).summary()

    def where(self) -> str:
        """Where each wake-up's time went, from the kernel's accounts of the GUI thread."""
        if not self.work_cpu_ms:
            return ""
        parts = []
        for name, values in (("on a CPU", self.work_cpu_ms),
                             ("waiting for a CPU", self.work_queued_ms),
                             ("blocked (GIL, locks)", self.work_blocked_ms)):
            parts.append(f"{name} p50 {statistics.median(values):5.2f} p99 "
                         f"{percentile(values, 0.99):5.1f} max {max(values):5.1f}")
        late = self.late_gap_ms
        if late:
            parts.append(
                f"{len(late)} wake-ups over {FRAME_MS:.0f} ms late (p50 "
                f"{statistics.median(x[0] for x in late):.1f} ms), since the wake-up before:"
                f" waiting for a CPU p50 {statistics.median(x[1] for x in late):.1f} ms,"
                f" other work on the GUI thread p50 {statistics.median(x[2] for x in late):.1f}")
        return "work per wake-up: " + "; ".join(parts) + " ms"

    def breakdown(self) -> str:
        def spread(values: list[float]) -> str:
            return (f"p50 {statistics.median(values):5.1f} p99 {percentile(values, 0.99):6.1f}"
                    f" max {max(values):6.1f}")

        shown = [s for s in self.shown if not math.isnan(s.painted)]
        if not shown:
            return ""
        on_aim = [s for s in shown if s.aimed is not None and -0.001 <= s.aimed - s.boundary
                  <= 0.003]
        missed = [s for s in shown if s not in on_aim]
        worst = max((max(0.0, s.painted - s.boundary) * 1000 for s in missed), default=0.0)
        return (f"boundary->fired {spread([(s.fired - s.boundary) * 1000 for s in shown])}; "
                f"fired->set {spread([(s.set_at - s.fired) * 1000 for s in shown])}; "
                f"set->painted {spread([(s.painted - s.set_at) * 1000 for s in shown])} ms; "
                f"{len(missed)} shown by a wake-up not aimed at them (worst {worst:.1f} ms)")

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
                f"p99 {percentile(self.wake_late_ms, 0.99):5.1f} ms max "
                f"{max(self.wake_late_ms):5.1f} ms; work per wake-up p50 "
                f"{statistics.median(self.work_ms):5.2f} ms p99 "
                f"{percentile(self.work_ms, 0.99):5.1f} ms max {max(self.work_ms):5.1f} ms; "
                f"{len(self.work_ms) / self.seconds:4.1f}"
                f" wake-ups/s (in-between every {statistics.median(self.intervals_ms):.0f} ms"
                f" p50, {max(self.intervals_ms):.0f} ms max); ring painted"
                f" {self.ring_paints / self.seconds:4.1f}/s, window"
                f" {self.window_paints / self.seconds:4.1f}/s; CPU"
                f" {100 * self.cpu_s / self.seconds:3.0f} % of a core")


class PaintCounter(QObject):
    def __init__(self, result: Result, ring: QObject) -> None:
        super().__init__()
        self.result = result
        self.ring = ring

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and watched is self.ring:
            self.result.ring_paints += 1
        elif event.type() == QEvent.Type.UpdateRequest:  # the window paints what is dirty
            self.result.window_paints += 1
        return False


def note_paints(player: Result, first: dict[str, object]) -> Callable[[], None]:
    """Stamp each displayed second with the end of the ring's paint that first draws it.

    The paint may come before the second is noted (the ring draws a new number at once, inside
    the wake-up's work): `first` keeps the text and time of the first paint of each number.
    Wraps the class's paintEvent (PySide looks the override up on the class); returns the undo.
    """
    paint = CountdownRing.paintEvent

    def painted(ring: CountdownRing, event: QPaintEvent) -> None:
        paint(ring, event)
        text = ring.text()
        if text == first["text"]:
            return
        first.update(text=text, at=time.monotonic())
        pending = player.shown[-1] if player.shown else None
        if pending is not None and math.isnan(pending.painted) and text == pending.text:
            pending.painted = time.monotonic()

    CountdownRing.paintEvent = painted  # type: ignore[method-assign, assignment]

    def undo() -> None:
        CountdownRing.paintEvent = paint  # type: ignore[method-assign]

    return undo


class ThreadClock:
    """The calling thread's CPU time and run-queue wait, from the kernel, in seconds."""

    def __init__(self) -> None:
        try:
            self._fd: int | None = os.open("/proc/thread-self/schedstat", os.O_RDONLY)
        except OSError:  # not Linux, or no scheduler statistics
            self._fd = None

    def read(self) -> tuple[float, float] | None:
        if self._fd is None:
            return None
        # The file's CPU time lags for a running thread (it is brought up to date at the
        # scheduler's ticks); the wait is settled each time the thread gets a CPU.
        _cpu_ns, queued_ns, _slices = os.pread(self._fd, 128, 0).split()
        return time.thread_time(), int(queued_ns) / 1e9

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def measure_wakeups(runner: SessionRunner, player: Result,
                    thread_clock: ThreadClock) -> dict[str, object]:
    """Keep what the runner notes of each wake-up: how late after its aim, how long its work,
    and where that time went (read at the start by `stamped_evaluate`, kept in "at_start").

    Returns where the runner's next wake-up is aimed ("aim"), kept current as it schedules.
    """
    note = runner.pacing.note
    aim: dict[str, object] = {"aim": None, "start": None}
    schedule = runner._schedule

    def scheduled(*now: float | None) -> None:  # the runner's own arguments, whichever
        schedule(*now)
        aim["aim"] = runner._aimed_at

    runner._schedule = scheduled  # type: ignore[method-assign, assignment]

    def noted(late_ms: float, work_ms: float) -> None:
        player.wake_late_ms.append(late_ms)
        player.work_ms.append(work_ms)
        start, end = aim.get("start"), thread_clock.read()
        if end is not None and isinstance(start, tuple):
            cpu_s, queued_s = end[0] - start[0], end[1] - start[1]
            player.work_cpu_ms.append(cpu_s * 1000)
            player.work_queued_ms.append(queued_s * 1000)
            player.work_blocked_ms.append(max(0.0, work_ms - (cpu_s + queued_s) * 1000))
            previous = aim.get("end")
            if late_ms > FRAME_MS and isinstance(previous, tuple):
                # A late wake-up: since the last one ended, how long the GUI thread waited
                # for a CPU, and how long it worked on other things (paints, figure frames).
                player.late_gap_ms.append((late_ms, (start[1] - previous[1]) * 1000,
                                           (start[0] - previous[0]) * 1000))
        aim["end"] = end
        player.intervals_ms.append(runner.pacing.interval_ms)
        note(late_ms, work_ms)

    runner.pacing.note = noted  # type: ignore[method-assign]
    return aim


def run(seconds: int, spinners: int, stalled: bool,
        own_session: bool = False) -> tuple[Result, Result]:
    _app = QApplication.instance() or QApplication(sys.argv[:1])  # kept for the run
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
    player, reference = Result(), Result()
    first_paint: dict[str, object] = {"text": None, "at": math.nan}
    undo_paints = note_paints(player, first_paint)
    view.resize(1280, 800)
    view.show()
    # On screen before Start, as a person sees it: the first number is then already drawn,
    # not drawn with the window's first paint after the session began.
    shown = QEventLoop()
    QTimer.singleShot(300, shown.quit)
    shown.exec()
    counter = PaintCounter(player, view.ring)
    view.ring.installEventFilter(counter)
    view.installEventFilter(counter)
    thread_clock = ThreadClock()
    aim = measure_wakeups(runner, player, thread_clock)
    last_text = {"text": ""}
    wake: dict[str, float | None] = {"aimed": None, "fired": None}

    def on_update() -> None:
        now = runner.clock()
        remaining = session.remaining_s(now)
        text = view.ring.text()
        if text != last_text["text"] and remaining is not None and text.isdigit():
            # The number shown is ceil(remaining): it became right when remaining crossed it.
            fired = wake["fired"]
            painted = first_paint["at"] if first_paint["text"] == text else math.nan
            player.shown.append(Shown(
                boundary=now - (int(text) - remaining), aimed=wake["aimed"],
                fired=now if fired is None else fired, set_at=now, text=text,
                painted=painted if isinstance(painted, float) else math.nan))
        last_text["text"] = text
        wake.update(aimed=None, fired=None)

    def on_events(events: list[object]) -> None:
        for event in events:
            if isinstance(event, SessionFinished):
                # When the engine saw the end: the wake-up's clock, before any slot ran.
                player.end_error_ms = (evaluated["at"] - event.at) * 1000

    evaluated = {"at": math.nan}
    evaluate = runner.evaluate

    def stamped_evaluate() -> None:
        evaluated["at"] = runner.clock()
        aimed = aim["aim"]
        wake.update(aimed=aimed if isinstance(aimed, float) else None, fired=evaluated["at"])
        aim["start"] = thread_clock.read()
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
    spinning = [subprocess.Popen([sys.executable, "-c", "while True: pass"],
                                 start_new_session=own_session)
                for _ in range(spinners)]
    if stalled:
        stall_timer.start(STALL_EVERY_MS)
    done = {"flag": False}
    view.session_finished.connect(lambda _e: done.update(flag=True))
    began = time.monotonic()
    ticks["start"] = began
    runner.clock = time.monotonic
    cpu_began = time.process_time()
    try:
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
    finally:  # the busy processes never outlive the run
        for process in spinning:
            process.kill()
            process.wait()
    player.seconds = time.monotonic() - began
    player.cpu_s = time.process_time() - cpu_began
    stall_timer.stop()
    tick_timer.stop()
    runner.stop()
    cues.stop()
    audio.close()
    view.close()
    view.deleteLater()
    undo_paints()
    thread_clock.close()
    # The get-ready's first number is on screen before Start: never late, counted as 0.
    player.lateness_ms = [max(0.0, s.painted - s.boundary) * 1000 for s in player.shown
                          if not math.isnan(s.painted)]
    return player, reference


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60, help="routine length (>= 60)")
    parser.add_argument("--only", default=",".join(CONDITIONS))
    parser.add_argument("--rounds", type=int, default=1, help="run the conditions this often")
    parser.add_argument("--audio", choices=("visual", "sink"), default="visual")
    parser.add_argument("--spinners", choices=("same-session", "own-session"),
                        default="same-session")
    args = parser.parse_args()
    seconds = max(60, args.seconds)
    with contextlib.ExitStack() as stack:
        if args.audio == "sink":
            if (missing := pulseaudio_missing_reason()) is not None:
                raise SystemExit(f"cannot play into a null sink: {missing}")
            sink = stack.enter_context(running_pulse_sink())
            os.environ.update(sink.env)  # read when QtMultimedia first starts
            os.environ["GLUTEAPP_AUDIO_BACKEND"] = "qt"
        for name in args.only.split(",") * max(1, args.rounds):
            measure(name, seconds, args.spinners == "own-session", args.audio)


def measure(name: str, seconds: int, own_session: bool, audio: str) -> None:
    spinners, stalled = CONDITIONS[name]
    load_before = os.getloadavg()[0]
    player, reference = run(seconds, spinners, stalled, own_session)
    spun = "; spinners in their own session" if own_session and spinners else ""
    print(f"[{TITLES[name]}] load {load_before:.2f} before, {os.getloadavg()[0]:.2f} after; "
          f"audio {audio}{spun}")
    print(f"  player (deadlines)     {player.summary()}")
    print(f"    number set, unpainted {player.set_summary()}")
    print(f"                         {player.costs()}")
    print(f"                         {player.where()}")
    print(f"                         {player.breakdown()}")
    print(f"  reference (ticks)      {reference.summary()}")


if __name__ == "__main__":
    main()
