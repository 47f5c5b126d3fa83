"""Cue onsets recorded from a null sink: quiet, both cores busy, GUI stalls; and cues dropped.

    .venv/bin/python benchmarks/cue_onsets.py [--runs 5] [--before 331241a] [--only ...]

Starts a private PulseAudio with a null sink (tests/audio_sink.py) and plays the recording
tests' cue sequence (3-2-1 ticks, go, a rep, a voice clip, a last tick, the finale) into it,
recording the sink's monitor, in three ways, each from an installed wheel (benchmarks/wheels.py):

- `before`: the commit before this work (QSoundEffect, played from the GUI thread);
- `thread`: HEAD, played from the audio thread (the app's way);
- `gui`: HEAD's stream backend played from the GUI thread: the audio thread left out.

Conditions: quiet; both cores busy (two other processes spinning); GUI stalls (the GUI thread
runs Python for 150 ms every 0.5 s, from the first cue on). Runs of the three are interleaved
so they share the machine's load. The error of a cue is its recorded onset minus its scheduled
time, each run aligned on its first cue (left out), and each clip's own lead-in silence taken
off (a voice clip's first sound is a few milliseconds into its file). Also printed: the worst
p99 of any single run (the goal is <= 5 ms in every run), the 3-2-1 spacing error, how late
the runner called play(), and what was dropped.

Finally, a 48-second session's cues through the policy and the queue (benchmarks/_cue_session.py),
before and after: cues dropped, by reason, and the marks of work among them.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
for folder in (str(REPO), str(HERE)):
    if folder not in sys.path:
        sys.path.insert(0, folder)

from wheels import install  # noqa: E402

from tests.audio_sink import (  # noqa: E402
    SEQUENCE,
    PulseSink,
    analyse,
    cue_wav,
    detect_onsets,
    percentile,
    pulseaudio_missing_reason,
    read_wav,
    running_pulse_sink,
    spec_of,
)

TICKS = 3
STALL_EVERY_S, STALL_MS = 0.5, 150
CONDITIONS = {"quiet": (0, False), "busy2": (2, False), "stalls": (0, True)}
TITLES = {"quiet": "quiet", "busy2": "both cores busy (2 spinning processes)",
          "stalls": f"GUI thread busy {STALL_MS} ms every {STALL_EVERY_S} s"}


def lead_in_s(key: str) -> float:
    """Where a clip's first sound is, in its own file."""
    return detect_onsets(read_wav(cue_wav(key)))[0]


def play(sink: PulseSink, site: Path, mode: str, stalled: bool, folder: Path,
         run: int) -> dict[str, Any]:
    raw = folder / f"{mode}-{site.parent.name}-{run}.raw"
    env = sink.child_env({"PYTHONPATH": str(site), "QT_QPA_PLATFORM": "offscreen"})
    args = [sys.executable, str(HERE / "_cue_child.py"), mode, spec_of(SEQUENCE), "0.6"]
    if stalled:
        args += [str(STALL_EVERY_S), str(STALL_MS), "busy"]
    with sink.record(raw):
        out = subprocess.run(args, env=env, cwd=folder, capture_output=True, text=True,
                             timeout=120, check=True).stdout
    report = json.loads(out.strip().splitlines()[-1])
    found = analyse(raw)
    expected = [key for _, key in SEQUENCE]
    report["heard"] = found.names
    if found.names != expected:
        report["errors_ms"] = []
        report["mismatch"] = True
        return report
    offsets = [lead_in_s(key) for key in expected]
    first = found.onsets_s[0] - offsets[0]
    report["errors_ms"] = [
        ((onset - offset - first) - due) * 1000
        for onset, offset, (due, _) in zip(found.onsets_s, offsets, SEQUENCE, strict=True)
    ][1:]
    report["spacing_ms"] = max(abs((found.onsets_s[i + 1] - offsets[i + 1])
                                   - (found.onsets_s[i] - offsets[i]) - 1.0) * 1000
                               for i in range(TICKS - 1))
    return report


def summarise(name: str, reports: list[dict[str, Any]]) -> str:
    errors = [e for r in reports for e in r["errors_ms"]]
    mismatched = sum(1 for r in reports if r.get("mismatch"))
    dropped = sum(len(r["dropped"]) for r in reports)
    late = [(s - d) * 1000 for r in reports
            for s, d in zip(r["started_s"], r["scheduled_s"], strict=True) if s is not None]
    if not errors:
        return f"  {name:<8} no run heard the sequence in order ({mismatched} runs); " \
               f"dropped {dropped}"
    worst_run = max(percentile(r["errors_ms"], 99) for r in reports if r["errors_ms"])
    spacing = max(r["spacing_ms"] for r in reports if r["errors_ms"])
    return (f"  {name:<8} p50 {percentile(errors, 50):6.1f}  p99 {percentile(errors, 99):6.1f}"
            f"  |max| {max(abs(e) for e in errors):6.1f}  worst run p99 {worst_run:6.1f}"
            f"  3-2-1 {spacing:5.1f}  play() late p99 {percentile(late, 99):6.1f}"
            f"  dropped {dropped}  runs out of order {mismatched}")


def session_counts(sites: dict[str, Path]) -> None:
    print("\ncues of a 48 s session through the policy and the queue (fake clock, 10 ms steps)")
    for name, site in sites.items():
        env = dict(os.environ, PYTHONPATH=str(site), QT_QPA_PLATFORM="offscreen")
        out = subprocess.run([sys.executable, str(HERE / "_cue_session.py")], env=env,
                             capture_output=True, text=True, check=True, timeout=120,
                             cwd=tempfile.gettempdir()).stdout
        found = json.loads(out.strip().splitlines()[-1])
        print(f"  {name:<8} heard {found['heard']}, dropped {found['dropped']}; marks of work "
              f"dropped: {found['marks_of_work_dropped'] or 'none'}; pre-empted: "
              f"{', '.join(found['pre_empted']) or 'none'}; merged into a cue due with them: "
              f"{', '.join(found['merged']) or 'none'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--before", default="331241a")
    parser.add_argument("--only", default=",".join(CONDITIONS))
    args = parser.parse_args(argv)
    missing = pulseaudio_missing_reason()
    if missing:
        print(f"cannot measure: {missing}")
        return 1
    before, after = install(args.before), install("HEAD")
    variants = {"before": (before, "gui"), "thread": (after, "thread"), "gui": (after, "gui")}
    with running_pulse_sink() as sink, tempfile.TemporaryDirectory() as tmp:
        for condition in args.only.split(","):
            spinners, stalled = CONDITIONS[condition]
            spinning = [subprocess.Popen([sys.executable, "-c", "while True: pass"])
                        for _ in range(spinners)]
            load = os.getloadavg()[0]
            reports: dict[str, list[dict[str, Any]]] = {name: [] for name in variants}
            try:
                for run in range(args.runs):
                    for name, (site, mode) in variants.items():
                        reports[name].append(play(sink, site, mode, stalled, Path(tmp), run))
            finally:
                for process in spinning:
                    process.kill()
                    process.wait()
            print(f"\n[{TITLES[condition]}] onset error, ms ({args.runs} runs x "
                  f"{len(SEQUENCE) - 1} cues); load {load:.2f} before, "
                  f"{os.getloadavg()[0]:.2f} after")
            for name, found in reports.items():
                print(summarise(name, found))
    session_counts({"before": before, "after": after})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
