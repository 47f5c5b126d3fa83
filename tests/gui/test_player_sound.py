"""The real program, the real player, real sound: a routine run by `gluteapp --routine
--autostart` into a private PulseAudio null sink, recorded and picked apart.

Voice and last-second ticks are turned off in the settings so that every cue is a separate beep
that the recording can name: three get-ready ticks, go, halfway, session complete.
"""

from __future__ import annotations

import itertools
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from gluteapp.core.assets import builtin_library
from gluteapp.gui.audio.clip_voice import clip_for
from tests.audio_sink import (
    HOP,
    RATE_HZ,
    PulseSink,
    analyse,
    cue_wav,
    pulse_sink,  # noqa: F401 - the fixture
    read_raw,
    read_wav,
    spectrogram,
)

pytestmark = pytest.mark.audio

ROUTINE = """
name = "Sound check"
prepare_s = 4

[[steps]]
exercise = "glute-bridge"
sets = 1
hold_s = 4
"""

# Seconds after the session starts: the 3-2-1 ticks, go, halfway through the hold, the end.
SCHEDULE = [(1.0, "sounds/prepare_tick"), (2.0, "sounds/prepare_tick"),
            (3.0, "sounds/prepare_tick"), (4.0, "sounds/go"), (6.0, "sounds/halfway"),
            (8.0, "sounds/session_complete")]


def run_session(sink: PulseSink, backend: str, tmp_path: Path) -> Path:
    data = tmp_path / f"data-{backend}"
    data.mkdir()
    (data / "settings.ini").write_text(
        "[audio]\nvoice=false\ntick_last_s=0\nvolume=100\n", encoding="utf-8")
    routine = tmp_path / "sound-check.toml"
    routine.write_text(ROUTINE, encoding="utf-8")
    raw = tmp_path / f"{backend}.raw"
    env = sink.child_env({"GLUTEAPP_AUDIO_BACKEND": backend, "QT_QPA_PLATFORM": "offscreen"})
    log = data / "logs" / "gluteapp.log"
    with sink.record(raw):
        app = subprocess.Popen(
            [sys.executable, "-m", "gluteapp", "--data-dir", str(data), "--skip-first-run",
             "--routine", str(routine), "--autostart"],
            env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 60
            while not (log.exists() and "finished: completed" in log.read_text("utf-8")):
                assert app.poll() is None, "the app exited during the session"
                assert time.monotonic() < deadline, "the session did not finish"
                time.sleep(0.05)
            time.sleep(1.5)  # let the last chime play out
        finally:
            app.terminate()
            app.wait(timeout=20)
    text = log.read_text("utf-8")
    assert f"audio: {backend} (" in text  # the log says which backend played, and why
    return raw


# The tolerances catch what a bug does (a cue a beat late, ticks that drift, a stale cue played
# after the next one), not the few tens of milliseconds a shared, noisy machine adds now and
# then: precise onset figures are measured in benchmarks/cue_onsets.py, never asserted here.
@pytest.mark.parametrize(("backend", "tick_tolerance_ms", "cue_tolerance_ms"),
                         [("qt", 80, 120), ("playsound", 200, 250)])
def test_the_real_player_sounds_each_cue_in_order_and_on_time(
        pulse_sink: PulseSink, tmp_path: Path, backend: str,  # noqa: F811
        tick_tolerance_ms: float, cue_tolerance_ms: float) -> None:
    raw = run_session(pulse_sink, backend, tmp_path)
    found = analyse(raw, SCHEDULE)
    assert found.names == [key for _, key in SCHEDULE], found
    ticks = found.onsets_s[:3]
    for earlier, later in itertools.pairwise(ticks):
        assert abs((later - earlier) - 1.0) * 1000 <= tick_tolerance_ms, ticks
    errors = found.errors_ms([due for due, _ in SCHEDULE])
    assert max(abs(error) for error in errors) <= cue_tolerance_ms, errors


# --- the exercise's name, spoken with no speech engine ------------------------------------

NAME_CHECK = """
name = "Name check"
prepare_s = 8

[[steps]]
exercise = "glute-bridge"
sets = 1
hold_s = 2
"""


def decoded_clip(text: str, folder: Path) -> np.ndarray:
    """The recorded clip of `text` at the sink's rate, decoded by sox (Ogg Vorbis)."""
    clip = clip_for(text)
    assert clip is not None, f"no clip says {text!r}"
    wav = folder / f"{clip.stem}.wav"
    subprocess.run(["sox", str(clip), "-r", str(RATE_HZ), "-c", "1", "-b", "16", str(wav)],
                   check=True)
    return read_wav(wav)


def found_at(template: np.ndarray, samples: np.ndarray,
             length_s: float = 0.6) -> tuple[float, float]:
    """Where the template's first `length_s` best matches the recording: (seconds, similarity).

    Similarity is the cosine of 10 ms spectrogram frames (as tests/audio_sink.classify), so
    the different resamplers of QtMultimedia and sox do not matter.
    """
    frames = round(length_s * RATE_HZ / HOP)
    wanted = spectrogram(template, frames)
    shifts = (len(samples) - round(length_s * RATE_HZ)) // HOP
    observed = spectrogram(samples, shifts + frames)
    best, at = 0.0, 0
    for shift in range(shifts):
        window = observed[shift : shift + frames]
        norm = float(np.linalg.norm(window) * np.linalg.norm(wanted))
        score = float(np.sum(window * wanted)) / norm if norm else 0.0
        if score > best:
            best, at = score, shift
    return at * HOP / RATE_HZ, best


def test_the_exercise_name_is_spoken_in_the_get_ready_with_no_speech_engine(
        pulse_sink: PulseSink, tmp_path: Path) -> None:  # noqa: F811
    """A stock machine (no text-to-speech): the name and first step come from recorded clips."""
    data = tmp_path / "data"
    data.mkdir()
    # No beeps, so what is heard is the voice alone: "get ready", the name, the first step.
    (data / "settings.ini").write_text(
        "[audio]\nbeeps=false\ntick_last_s=0\nvolume=100\n", encoding="utf-8")
    routine = tmp_path / "name-check.toml"
    routine.write_text(NAME_CHECK, encoding="utf-8")
    raw = tmp_path / "spoken.raw"
    env = pulse_sink.child_env({"GLUTEAPP_AUDIO_BACKEND": "qt", "QT_QPA_PLATFORM": "offscreen",
                                "GLUTEAPP_SPEECH": "clips"})
    log = data / "logs" / "gluteapp.log"
    with pulse_sink.record(raw):
        app = subprocess.Popen(
            [sys.executable, "-m", "gluteapp", "--data-dir", str(data), "--skip-first-run",
             "--routine", str(routine), "--autostart"],
            env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 60
            while not (log.exists() and "finished: completed" in log.read_text("utf-8")):
                assert app.poll() is None, "the app exited during the session"
                assert time.monotonic() < deadline, "the session did not finish"
                time.sleep(0.05)
        finally:
            app.terminate()
            app.wait(timeout=20)
    assert "speech: clips" in log.read_text("utf-8")
    samples = read_raw(raw)
    bridge = builtin_library()["glute-bridge"]
    get_ready, ready_score = found_at(read_wav(cue_wav("voice/get_ready")), samples)
    name, name_score = found_at(decoded_clip(bridge.name, tmp_path), samples)
    step, step_score = found_at(decoded_clip(bridge.steps[0], tmp_path), samples)
    assert min(ready_score, name_score, step_score) > 0.8, (ready_score, name_score, step_score)
    # In order, within the 8 s get-ready: "get ready", "Glute bridge", then its first step.
    assert get_ready < name < step < get_ready + 8.0, (get_ready, name, step)
    assert name - get_ready < 1.5  # said as soon as "get ready" is over
