"""A private PulseAudio with a `cues` null sink, a recorder for its monitor, and onset detection.

Used by the recording tests (`tests/gui/test_audio_recording.py`) and by
`benchmarks/cue_onsets.py`. The server runs as a child process in a private runtime folder, so it
never touches a desktop's own sound server:

- `XDG_RUNTIME_DIR=<tmp>/runtime`: where the server puts its socket (`pulse/native`);
- `PULSE_SERVER=unix:<tmp>/runtime/pulse/native`: where clients connect (and no autospawn);
- `XDG_CONFIG_HOME=<tmp>/config`: keeps the cookie and state out of the real home;
- `PULSE_SINK=cues`: clients that ignore the default sink still play into the null sink.

QtMultimedia reads these when its audio backend first starts, so a Qt process must get them
before it touches QtMultimedia; the tests run the player in a child process (`play_schedule`).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import wave
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from msgspec import Struct
from numpy.typing import NDArray

RATE_HZ = 48_000
SINK = "cues"
REPO = Path(__file__).resolve().parent.parent

Samples = NDArray[np.float64]

#: The silence between two sounds that `detect_onsets` needs to count them as two.
QUIET_S = 0.1

# The scheduled sequence the recording tests and the benchmark play: (offset s, cue key).
# A 3-2-1 countdown of get-ready ticks, go, a rep, a voice clip, a last-seconds tick and the end.
SEQUENCE: tuple[tuple[float, str], ...] = (
    (0.0, "sounds/prepare_tick"),
    (1.0, "sounds/prepare_tick"),
    (2.0, "sounds/prepare_tick"),
    (3.0, "sounds/go"),
    (3.75, "sounds/rep_down"),
    (4.25, "sounds/rep_up"),
    (4.75, "voice/halfway"),
    (5.5, "sounds/last_tick"),
    (6.0, "sounds/session_complete"),
)


def pulseaudio_missing_reason() -> str | None:
    """Why the recording tests cannot run here, or None when they can."""
    for tool in ("pulseaudio", "parec", "pactl"):
        if shutil.which(tool) is None:
            return f"`{tool}` is not installed (apt-get install pulseaudio pulseaudio-utils)"
    return None


class PulseSink(Struct):
    """A running private PulseAudio server whose default sink is the `cues` null sink."""

    root: Path
    process: subprocess.Popen[bytes]

    @property
    def env(self) -> dict[str, str]:
        """The variables a client process needs to play into (or record from) this server."""
        runtime = self.root / "runtime"
        return {
            "XDG_RUNTIME_DIR": str(runtime),
            "XDG_CONFIG_HOME": str(self.root / "config"),
            "PULSE_SERVER": f"unix:{runtime / 'pulse' / 'native'}",
            "PULSE_SINK": SINK,
        }

    def child_env(self, extra: Mapping[str, str] | None = None) -> dict[str, str]:
        return {**os.environ, **self.env, **(extra or {})}

    @classmethod
    def start(cls, root: Path, timeout_s: float = 10.0) -> PulseSink:
        runtime = root / "runtime"
        config = root / "config"
        for folder in (runtime, config):
            folder.mkdir(parents=True, exist_ok=True)
            folder.chmod(0o700)
        env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime), "XDG_CONFIG_HOME": str(config)}
        env.pop("PULSE_SERVER", None)
        log = (root / "pulseaudio.log").open("wb")
        process = subprocess.Popen(
            [
                "pulseaudio",
                "--daemonize=no",
                "-n",  # no default.pa: only the modules below
                "--exit-idle-time=-1",
                "--log-target=stderr",
                f"--load=module-null-sink sink_name={SINK} rate={RATE_HZ}",
                "--load=module-native-protocol-unix auth-anonymous=1",
            ],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        sink = cls(root, process)
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(
                    "pulseaudio exited at start-up:\n" + (root / "pulseaudio.log").read_text()
                )
            if sink.ready():
                return sink
            time.sleep(0.05)
        sink.stop()
        raise RuntimeError(f"pulseaudio did not come up within {timeout_s:.0f} s")

    def ready(self) -> bool:
        result = subprocess.run(
            ["pactl", "list", "short", "sinks"],
            env=self.child_env(),
            capture_output=True,
            text=True,
            check=False,
        )
        return result.returncode == 0 and SINK in result.stdout

    def pactl(self, *args: str) -> str:
        return subprocess.run(
            ["pactl", *args], env=self.child_env(), capture_output=True, text=True, check=True
        ).stdout

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    @contextlib.contextmanager
    def record(self, path: Path) -> Iterator[Path]:
        """Record the sink's monitor as raw s16le 48 kHz mono into `path` while the block runs."""
        with path.open("wb") as out:
            parec = subprocess.Popen(
                [
                    "parec",
                    f"--device={SINK}.monitor",
                    "--raw",
                    "--format=s16le",
                    f"--rate={RATE_HZ}",
                    "--channels=1",
                    "--latency-msec=20",
                ],
                env=self.child_env(),
                stdout=out,
            )
        try:
            # Silence flows as soon as the stream runs: wait for the first bytes.
            deadline = time.monotonic() + 5.0
            while path.stat().st_size == 0:
                if parec.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("parec did not start recording")
                time.sleep(0.01)
            yield path
        finally:
            parec.terminate()
            parec.wait(timeout=5)


@contextlib.contextmanager
def running_pulse_sink() -> Iterator[PulseSink]:
    with tempfile.TemporaryDirectory(prefix="gluteapp-pulse-") as tmp:
        sink = PulseSink.start(Path(tmp))
        try:
            yield sink
        finally:
            sink.stop()


@pytest.fixture(scope="session")
def pulse_sink() -> Iterator[PulseSink]:
    """A private PulseAudio with the `cues` null sink; skipped only when PulseAudio is absent."""
    if shutil.which("pulseaudio") is None:
        pytest.skip("no `pulseaudio` binary here (apt-get install pulseaudio pulseaudio-utils)")
    reason = pulseaudio_missing_reason()
    if reason is not None:  # PulseAudio without its tools is a broken set-up, not a skip
        pytest.fail(reason)
    with running_pulse_sink() as sink:
        yield sink


# --- Playing a schedule in a child process -------------------------------------------------


class PlayReport(Struct, frozen=True):
    backend_name: str
    backend_reason: str
    scheduled_s: list[float]  # offsets from the first cue's due time
    started_s: list[float]  # when play() was called, same origin
    dropped: list[str]
    visual_cues: list[str]
    stderr: str
    stalls_s: list[tuple[float, float]]  # when the GUI thread was blocked, same origin


def spec_of(sequence: Sequence[tuple[float, str]]) -> str:
    return ",".join(f"{key}@{offset}" for offset, key in sequence)


def run_player(
    args: Sequence[str], env: Mapping[str, str], timeout_s: float = 60.0
) -> tuple[dict[str, Any], str]:
    """Run `python -m gluteapp.gui.audio ARGS` with `env`; its JSON report and its stderr."""
    result = subprocess.run(
        [sys.executable, "-m", "gluteapp.gui.audio", *args],
        env={**env, "QT_QPA_PLATFORM": "offscreen"},
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout_s,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"the player failed ({result.returncode}):\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1]), result.stderr


def play_schedule(
    sink: PulseSink,
    backend: str,
    sequence: Sequence[tuple[float, str]] = SEQUENCE,
    *,
    lead_in_s: float = 0.5,
    timeout_s: float = 60.0,
    extra: Sequence[str] = (),
) -> PlayReport:
    """Play `sequence` on `backend` into the sink, in a child process, and return its report.

    `extra` are more options of `python -m gluteapp.gui.audio play`: `--runner gui`, stalls.
    """
    report, stderr = run_player(
        ["play", spec_of(sequence), "--lead-in", str(lead_in_s), *extra],
        sink.child_env({"GLUTEAPP_AUDIO_BACKEND": backend}),
        timeout_s,
    )
    return PlayReport(
        backend_name=report["backend_name"],
        backend_reason=report["backend_reason"],
        scheduled_s=report["scheduled_s"],
        started_s=report["started_s"],
        dropped=report["dropped"],
        visual_cues=report["visual_cues"],
        stderr=stderr,
        stalls_s=[(start, end) for start, end in report.get("stalls_s", [])],
    )


# --- Analysing a recording -----------------------------------------------------------------


def read_raw(path: Path) -> Samples:
    return np.frombuffer(path.read_bytes(), dtype="<i2").astype(np.float64) / 32768.0


def read_wav(path: Path) -> Samples:
    with wave.open(str(path), "rb") as clip:
        if (clip.getframerate(), clip.getsampwidth(), clip.getnchannels()) != (RATE_HZ, 2, 1):
            raise ValueError(f"{path} is not 48 kHz 16-bit mono")
        data = clip.readframes(clip.getnframes())
    return np.frombuffer(data, dtype="<i2").astype(np.float64) / 32768.0


def envelope(samples: Samples, window_s: float = 0.005) -> Samples:
    """Peak level over short windows, one value per window (a coarse, robust envelope)."""
    size = max(1, round(window_s * RATE_HZ))
    usable = len(samples) // size * size
    return np.abs(samples[:usable]).reshape(-1, size).max(axis=1)


def detect_onsets(
    samples: Samples,
    *,
    threshold: float = 0.02,
    quiet: float = 0.004,
    quiet_s: float = QUIET_S,
    window_s: float = 0.005,
) -> list[float]:
    """Onset times (s) of sounds separated by silence.

    A sound starts at the first sample above `threshold` once the envelope has stayed below
    `quiet` for `quiet_s`; that re-arming keeps a chord's decay, a word's syllables or a short
    dropout from counting twice (SEQUENCE leaves at least 0.2 s of silence between cues). The
    onset is refined to the sample, so its error is well under a millisecond.
    """
    env = envelope(samples, window_s)
    quiet_windows = max(1, round(quiet_s / window_s))
    size = round(window_s * RATE_HZ)
    onsets: list[float] = []
    armed = True
    quiet_run = quiet_windows
    for index, level in enumerate(env):
        if armed and level >= threshold:
            start = max(0, (index - 1) * size)
            block = np.abs(samples[start : (index + 1) * size])
            first = start + int(np.argmax(block >= threshold))
            onsets.append(first / RATE_HZ)
            armed = False
            quiet_run = 0
        elif not armed:
            quiet_run = quiet_run + 1 if level < quiet else 0
            if quiet_run >= quiet_windows:
                armed = True
    return onsets


def cue_wav(key: str) -> Path:
    folder, name = key.split("/")
    return REPO / "assets" / folder / f"{name}.wav"


FRAME = 1024  # 21 ms analysis frames ...
HOP = 480  # ... every 10 ms
MAX_HZ = 5000


def spectrogram(samples: Samples, frames: int) -> Samples:
    """Magnitude spectra (up to MAX_HZ) of `frames` frames from the start of `samples`."""
    samples = np.pad(samples, (0, max(0, (frames - 1) * HOP + FRAME - len(samples))))
    window = np.hanning(FRAME)
    stacked = np.stack([samples[i * HOP : i * HOP + FRAME] * window for i in range(frames)])
    return np.abs(np.fft.rfft(stacked, axis=1))[:, : round(MAX_HZ * FRAME / RATE_HZ)]


def classify(
    samples: Samples,
    onsets: Sequence[float],
    keys: Sequence[str],
    length_s: float = 0.25,
    search_s: float = 0.06,
) -> list[str]:
    """Name each onset by the cue whose spectrogram matches best (cosine similarity).

    Comparing 10 ms frames rather than waveforms shrugs off what a loaded machine or a player
    does to a sound: a dropout of a few ms, or the first milliseconds swallowed (gst-play's
    habit). The template may sit up to `search_s` either side of the detected onset.
    """
    frames = round(length_s * RATE_HZ / HOP)
    shifts = round(search_s * RATE_HZ / HOP)
    templates = {}
    for key in dict.fromkeys(keys):
        clip = read_wav(cue_wav(key))
        templates[key] = spectrogram(clip[round(detect_onsets(clip)[0] * RATE_HZ) :], frames)
    names = []
    for onset in onsets:
        start = round(onset * RATE_HZ) - shifts * HOP
        pad = max(0, -start)
        segment = np.pad(samples[max(0, start) :], (pad, 0))
        observed = spectrogram(segment, frames + 2 * shifts)
        scores = {}
        for key, template in templates.items():
            best = 0.0
            for shift in range(2 * shifts + 1):
                window = observed[shift : shift + frames]
                norm = float(np.linalg.norm(window) * np.linalg.norm(template))
                if norm:
                    best = max(best, float(np.sum(window * template)) / norm)
            scores[key] = best
        names.append(max(scores, key=scores.__getitem__))
    return names


class Analysis(Struct, frozen=True):
    onsets_s: list[float]
    names: list[str]

    def errors_ms(self, scheduled_s: Sequence[float]) -> list[float]:
        """Recorded onset minus scheduled time, aligned on the first cue, in milliseconds."""
        origin = self.onsets_s[0] - scheduled_s[0]
        return [
            (onset - origin - due) * 1000
            for onset, due in zip(self.onsets_s, scheduled_s, strict=False)
        ]


def analyse(raw: Path, sequence: Sequence[tuple[float, str]] = SEQUENCE) -> Analysis:
    samples = read_raw(raw)
    onsets = detect_onsets(samples)
    return Analysis(onsets, classify(samples, onsets, [key for _, key in sequence]))


def spaced(
    sequence: Sequence[tuple[float, str]], silence_s: float
) -> tuple[tuple[float, str], ...]:
    """`sequence` with each cue moved later, if need be, to leave `silence_s` after the last.

    A player that starts each cue a little late or early (gst-play, one process per cue) can
    shrink the silence between two cues below what `detect_onsets` needs to tell them apart;
    spaced by that need plus the player's worst lateness, they stay two sounds.
    """
    out: list[tuple[float, str]] = []
    free_from = float("-inf")
    for offset, key in sequence:
        at = max(offset, free_from + silence_s)
        out.append((round(at, 3), key))
        free_from = at + len(read_wav(cue_wav(key))) / RATE_HZ
    return tuple(out)


def percentile(values: Sequence[float], q: float) -> float:
    return float(np.percentile(np.asarray(values, dtype=np.float64), q))
