"""Onset error of every cue on every audio backend, measured in one run.

    .venv/bin/python benchmarks/cue_onsets.py [--runs 5] [--backends qt,playsound]

Starts a private PulseAudio with a null sink (tests/audio_sink.py), plays the recording tests'
cue sequence on each backend that works here (runs interleaved, so the backends share the same
machine load), records the sink's monitor and finds each cue's onset. The error of a cue is its
recorded onset minus its scheduled time, after aligning each run on its first cue; the first cue
itself is therefore left out. Also printed: the worst deviation of the 3-2-1 ticks from 1.000 s,
and how late the player called play() (the share of the error that is the GUI timer's).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.audio_sink import (  # noqa: E402
    SEQUENCE,
    PulseSink,
    analyse,
    percentile,
    play_schedule,
    pulseaudio_missing_reason,
    run_player,
    running_pulse_sink,
)

TICKS = 3  # the sequence opens with prepare ticks at 0, 1 and 2 s


def available(sink: PulseSink, backend: str) -> tuple[bool, str]:
    report, _ = run_player(["info"], sink.child_env({"GLUTEAPP_AUDIO_BACKEND": backend}))
    return report["backend_name"] == backend, report["backend_reason"]


def measure(
    sink: PulseSink, backend: str, folder: Path, run: int
) -> tuple[list[float], list[float], float]:
    """Errors (ms) of cues 2..n, how late play() was called (ms), worst tick-spacing error."""
    raw = folder / f"{backend}-{run}.raw"
    with sink.record(raw):
        report = play_schedule(sink, backend)
    found = analyse(raw)
    expected = [key for _, key in SEQUENCE]
    if found.names != expected:
        raise RuntimeError(f"{backend} run {run}: heard {found.names}, expected {expected}")
    errors = found.errors_ms(report.scheduled_s)[1:]
    spacing = [
        abs((found.onsets_s[i + 1] - found.onsets_s[i]) - 1.0) * 1000 for i in range(TICKS - 1)
    ]
    late = [
        (started - due) * 1000
        for started, due in zip(report.started_s, report.scheduled_s, strict=True)
    ]
    return errors, late, max(spacing)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--backends", default="qt,playsound")
    args = parser.parse_args(argv)
    missing = pulseaudio_missing_reason()
    if missing:
        print(f"cannot measure: {missing}")
        return 1

    with running_pulse_sink() as sink, tempfile.TemporaryDirectory() as tmp:
        backends = []
        for backend in args.backends.split(","):
            ok, reason = available(sink, backend)
            print(f"{backend:10} {'measured' if ok else 'skipped'}: {reason}")
            if ok:
                backends.append(backend)
        errors: dict[str, list[float]] = {b: [] for b in backends}
        late: dict[str, list[float]] = {b: [] for b in backends}
        spacing: dict[str, list[float]] = {b: [] for b in backends}
        for run in range(args.runs):
            for backend in backends:
                run_errors, run_late, run_spacing = measure(sink, backend, Path(tmp), run)
                errors[backend] += run_errors
                late[backend] += run_late
                spacing[backend].append(run_spacing)

    print()
    print(f"onset error, ms ({args.runs} runs x {len(SEQUENCE) - 1} cues per backend)")
    print(
        f"{'backend':10} {'p50':>7} {'p99':>7} {'|max|':>7} {'3-2-1 spacing |max|':>20}"
        f" {'play() late p99':>16}"
    )
    for backend in backends:
        values = errors[backend]
        print(
            f"{backend:10} {percentile(values, 50):7.1f} {percentile(values, 99):7.1f}"
            f" {max(abs(v) for v in values):7.1f} {max(spacing[backend]):20.1f}"
            f" {percentile(late[backend], 99):16.1f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
