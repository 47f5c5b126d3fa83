"""Synthesise the cue sounds into assets/sounds: 48 kHz 16-bit mono WAVs, no downloads.

Run `python tools/make_sounds.py`; the output is byte-for-byte the same on every run, so the
WAVs can be committed and regenerated without noise in the diff.

Every sound starts with a short attack (a few ms) so a listener, and the recording test, hears
a clear onset; each has its own pitch and shape so the cues stay distinct across a room.
"""

from __future__ import annotations

import argparse
import wave
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

RATE_HZ = 48_000
PEAK_DBFS = -3.5  # a little under the -3 dBFS ceiling, so rounding can never reach it
ATTACK_S = 0.003
RELEASE_S = 0.012

Signal = NDArray[np.float64]

# Equal-tempered pitches used below.
C5, E5, G5, A5 = 523.25, 659.25, 783.99, 880.00
C6, D6, E6, G6 = 1046.50, 1174.66, 1318.51, 1567.98


def _time(duration_s: float) -> Signal:
    return np.arange(round(duration_s * RATE_HZ), dtype=np.float64) / RATE_HZ


def _edges(signal: Signal, attack_s: float = ATTACK_S, release_s: float = RELEASE_S) -> Signal:
    """Raised-cosine fade in and out, so no sound starts or stops with a click."""
    out = signal.copy()
    n_in = max(1, round(attack_s * RATE_HZ))
    n_out = max(1, round(release_s * RATE_HZ))
    out[:n_in] *= 0.5 - 0.5 * np.cos(np.linspace(0.0, np.pi, n_in))
    out[-n_out:] *= 0.5 + 0.5 * np.cos(np.linspace(0.0, np.pi, n_out))
    return out


def bell(
    freq_hz: float,
    duration_s: float,
    decay_s: float,
    partials: Sequence[tuple[float, float, float]] = ((1.0, 1.0, 1.0), (2.0, 0.35, 0.6)),
) -> Signal:
    """A soft bell: partials given as (frequency ratio, amplitude, decay factor)."""
    t = _time(duration_s)
    out = np.zeros_like(t)
    for ratio, amplitude, decay_factor in partials:
        out += (
            amplitude
            * np.sin(2 * np.pi * freq_hz * ratio * t)
            * np.exp(-t / (decay_s * decay_factor))
        )
    return out


def sweep(start_hz: float, end_hz: float, duration_s: float, decay_s: float) -> Signal:
    """A short gliding click (exponential pitch glide with a decaying envelope)."""
    t = _time(duration_s)
    freq = start_hz * (end_hz / start_hz) ** (t / duration_s)
    phase = 2 * np.pi * np.cumsum(freq) / RATE_HZ
    return (np.sin(phase) + 0.2 * np.sin(2 * phase)) * np.exp(-t / decay_s)


def place(parts: Sequence[tuple[float, Signal]], duration_s: float) -> Signal:
    """Mix signals into one buffer, each starting at its offset in seconds."""
    out = np.zeros(round(duration_s * RATE_HZ))
    for offset_s, part in parts:
        start = round(offset_s * RATE_HZ)
        end = min(len(out), start + len(part))
        out[start:end] += part[: end - start]
    return out


def prepare_tick() -> Signal:
    # A wooden "tock": low, round, 70 ms.
    return bell(A5, 0.070, 0.018, ((1.0, 1.0, 1.0), (2.0, 0.25, 0.5), (3.0, 0.08, 0.3)))


def last_tick() -> Signal:
    # Higher and brighter than the get-ready tick: the set is about to end.
    return bell(E6, 0.070, 0.020, ((1.0, 1.0, 1.0), (2.0, 0.4, 0.6), (3.0, 0.15, 0.4)))


def go() -> Signal:
    # A bright C major chord struck together: a clear "start".
    chord = sum(bell(f, 0.55, 0.22) for f in (C5, E5, G5, C6))
    return np.asarray(chord, dtype=np.float64)


def halfway() -> Signal:
    # Two-note chime, up a fifth.
    return place([(0.0, bell(G5, 0.28, 0.12)), (0.18, bell(D6, 0.40, 0.16))], 0.58)


def rep_down() -> Signal:
    return sweep(700.0, 420.0, 0.060, 0.025)


def rep_up() -> Signal:
    return sweep(420.0, 700.0, 0.060, 0.025)


def switch_sides() -> Signal:
    # Three quick alternating notes: "swap".
    notes = [(0.0, A5), (0.11, E5), (0.22, A5)]
    return place([(at, bell(f, 0.16, 0.05)) for at, f in notes], 0.40)


def rest_over() -> Signal:
    # A rising arpeggio whose notes ring on: "back to work".
    notes = [(0.0, C5), (0.10, E5), (0.20, G5), (0.30, C6)]
    return place([(at, bell(f, 0.45, 0.15)) for at, f in notes], 0.75)


def session_complete() -> Signal:
    # A slow arpeggio resolving into a long, warm chord.
    arpeggio = [(0.0, C5), (0.14, E5), (0.28, G5)]
    parts = [(at, bell(f, 0.5, 0.16)) for at, f in arpeggio]
    final = sum(bell(f, 1.1, 0.45) for f in (C5, G5, C6, E6, G6))
    parts.append((0.42, np.asarray(final, dtype=np.float64)))
    return place(parts, 1.52)


SOUNDS: dict[str, Callable[[], Signal]] = {
    "prepare_tick": prepare_tick,
    "go": go,
    "halfway": halfway,
    "last_tick": last_tick,
    "rep_down": rep_down,
    "rep_up": rep_up,
    "switch_sides": switch_sides,
    "rest_over": rest_over,
    "session_complete": session_complete,
}


def to_pcm16(signal: Signal, peak_dbfs: float = PEAK_DBFS) -> bytes:
    """Fade the edges, normalise the peak to `peak_dbfs` and quantise to 16-bit little-endian."""
    shaped = _edges(signal)
    peak = float(np.max(np.abs(shaped)))
    if peak == 0.0:
        raise ValueError("silent sound")
    scaled = shaped * (10 ** (peak_dbfs / 20) / peak) * 32767
    return np.round(scaled).astype("<i2").tobytes()


def write_wav(path: Path, pcm: bytes) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE_HZ)
        out.writeframes(pcm)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_out = Path(__file__).resolve().parent.parent / "assets" / "sounds"
    parser.add_argument("--out", type=Path, default=default_out)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, make in SOUNDS.items():
        pcm = to_pcm16(make())
        write_wav(args.out / f"{name}.wav", pcm)
        print(f"{name}.wav  {len(pcm) // 2 / RATE_HZ * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
