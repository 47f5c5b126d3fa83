"""The real player's cues while its GUI thread is mostly blocked, recorded from a null sink.

    .venv/bin/python benchmarks/cue_player_stalls.py [--runs 3] [--variant NAME=SPEC ...]

`gluteapp --routine --autostart` plays a short routine (3-2-1 get-ready ticks, go, halfway,
session complete; voice and last-second ticks off, as in tests/gui/test_player_sound.py) into
a private PulseAudio null sink, while a timer in the same process keeps its GUI thread
running Python for STALL_MS of every STALL_EVERY_MS: most cues fall due during a stall. The
player's engine, which reports the events the cues follow, runs on that GUI thread; only the
audio thread's look-ahead (the cues of the next seconds, sent there ahead of time) lets a cue
sound on time. Variants (installed wheels, benchmarks/wheels.py): `after` (HEAD), and any
given with `--variant`, e.g. HEAD with the look-ahead left out. Reported: each cue's onset
error, relative to the first cue's, and the cues not heard.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
for folder in (str(REPO), str(HERE)):
    if folder not in sys.path:
        sys.path.insert(0, folder)

from wheels import install  # noqa: E402

from tests.audio_sink import (  # noqa: E402
    PulseSink,
    analyse,
    percentile,
    pulseaudio_missing_reason,
    running_pulse_sink,
)

STALL_MS, STALL_EVERY_MS = 400, 500
ROUTINE = """
name = "Sound check"
prepare_s = 4

[[steps]]
exercise = "glute-bridge"
sets = 1
hold_s = 4
"""
SCHEDULE = [(1.0, "sounds/prepare_tick"), (2.0, "sounds/prepare_tick"),
            (3.0, "sounds/prepare_tick"), (4.0, "sounds/go"), (6.0, "sounds/halfway"),
            (8.0, "sounds/session_complete")]
# Runs the app with a timer that blocks its GUI thread, running Python, most of the time.
LAUNCHER = """
import sys, time
from PySide6.QtCore import QTimer, Qt
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
def stall():
    until = time.monotonic() + {stall_ms} / 1000
    while time.monotonic() < until:
        pass
timer = QTimer()
timer.setTimerType(Qt.TimerType.PreciseTimer)
timer.timeout.connect(stall)
timer.start({every_ms})
from gluteapp.cli import main
sys.exit(main(sys.argv[1:]))
"""


def run_session(sink: PulseSink, site: Path, folder: Path, run: int) -> Path:
    data = folder / f"data-{site.parent.name}-{run}"
    data.mkdir()
    (data / "settings.ini").write_text(
        "[audio]\nvoice=false\ntick_last_s=0\nvolume=100\n", encoding="utf-8")
    routine = folder / "sound-check.toml"
    routine.write_text(ROUTINE, encoding="utf-8")
    raw = folder / f"{site.parent.name}-{run}.raw"
    env = sink.child_env({"GLUTEAPP_AUDIO_BACKEND": "qt", "QT_QPA_PLATFORM": "offscreen",
                          "PYTHONPATH": str(site)})
    log = data / "logs" / "gluteapp.log"
    script = LAUNCHER.format(stall_ms=STALL_MS, every_ms=STALL_EVERY_MS)
    with sink.record(raw):
        app = subprocess.Popen(
            [sys.executable, "-c", script, "--data-dir", str(data), "--skip-first-run",
             "--routine", str(routine), "--autostart"],
            env=env, cwd=folder, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 90
            while not (log.exists() and "finished: completed" in log.read_text("utf-8")):
                if app.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the session did not finish ({app.poll()})")
                time.sleep(0.05)
            time.sleep(2.0)  # the last chime plays out
        finally:
            app.terminate()
            app.wait(timeout=20)
    return raw


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--variant", action="append", default=[])
    args = parser.parse_args(argv)
    missing = pulseaudio_missing_reason()
    if missing:
        print(f"cannot measure: {missing}")
        return 1
    variants = {"after": "HEAD"}
    variants.update(dict(v.split("=", 1) for v in args.variant))
    sites = {name: install(spec) for name, spec in variants.items()}
    errors: dict[str, list[float]] = {name: [] for name in sites}
    missed: dict[str, list[str]] = {name: [] for name in sites}
    load = os.getloadavg()[0]
    expected = [key for _, key in SCHEDULE]
    with running_pulse_sink() as sink, tempfile.TemporaryDirectory() as tmp:
        for run in range(args.runs):
            for name, site in sites.items():
                found = analyse(run_session(sink, site, Path(tmp), run), SCHEDULE)
                if found.names == expected:
                    errors[name] += found.errors_ms([due for due, _ in SCHEDULE])[1:]
                else:
                    missed[name].append(" ".join(n.split("/")[1] for n in found.names))
    print(f"the real player, GUI thread running Python {STALL_MS} ms of every {STALL_EVERY_MS}"
          f" ms; {args.runs} sessions each; load {load:.2f} before, "
          f"{os.getloadavg()[0]:.2f} after")
    for name in sites:
        values = errors[name]
        heard = (f"onset error p50 {percentile(values, 50):6.1f} ms, p99 "
                 f"{percentile(values, 99):6.1f} ms, |max| {max(abs(v) for v in values):6.1f}"
                 f" ms" if values else "no session heard every cue in order")
        wrong = f"; sessions not heard as scheduled: {missed[name]}" if missed[name] else ""
        print(f"  {name:<14} {heard}{wrong}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
