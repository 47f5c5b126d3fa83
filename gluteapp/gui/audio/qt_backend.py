"""The QtMultimedia backend: one audio stream, cues mixed into it at the sample they are due."""

from __future__ import annotations

import logging
import os
import time
import wave
from collections import deque
from collections.abc import Callable
from typing import Any

import numpy as np
from msgspec import Struct
from numpy.typing import NDArray
from PySide6.QtCore import QObject, Qt, QTimer

from gluteapp.core.cues import Cue, Phrase
from gluteapp.gui.audio.assets import all_cues, cue_file, cue_key
from gluteapp.gui.audio.base import AudioBackend, BackendUnavailableError, import_optional

log = logging.getLogger(__name__)

RATE_HZ = 48_000

Samples = NDArray[np.int32]


class _Placed(Struct):
    """A cue handed over to be heard at `at`; `start` is its frame once it is being written.

    The frame is chosen when the cue is first written, by the stream's clock of that moment:
    a cue handed over before an underrun is placed by the clock after it, not before.
    """

    item: Cue | Phrase
    at: float
    samples: Samples
    due_at: float
    start: int | None = None

    @property
    def end(self) -> int:
        return (self.start or 0) + len(self.samples)


class QtAudioBackend(AudioBackend):
    """A QAudioSink fed by our own mixer: each cue starts at the sample of its due time.

    Why not QSoundEffect: since Qt 6.10 its voices belong to an engine that moves itself to the
    GUI thread, so effects played from any other thread are released there and leave that
    thread polling a closed eventfd (QTBUG-144711); on the GUI thread, a busy window delays
    `play()` by however long it is busy. This backend writes one 16-bit mono 48 kHz stream
    from the thread it lives on (the audio thread), `BUFFER_S` ahead of what is heard.

    Timing: the runner hands a cue over `lead_s` before its time (`play_at`); when it comes to
    be written the mixer turns its time into a frame of the stream, by a clock that follows the
    stream (`_base`: when frame 0 is heard, give or take the server's constant latency; the
    earliest reading of the last seconds, each taken at a write from how much the stream still
    holds), so the cue is heard on time however late the thread woke, as long as it woke within
    the buffer. A cue handed over too late starts with the next unwritten frame.

    The stream runs while the service holds the output (a session), writing silence between
    cues, so no cue waits for a stream to start. Qt gives it the role of the process, which
    `PULSE_PROP_media.role=event` makes "event": the role-cork and ducking modules leave the
    person's music alone.
    """

    name = "qt"
    BUFFER_S = 0.12  # what the stream holds ahead of the speaker: the most a wake-up may be late
    FILL_MS = 5  # how often the mixer tops the stream up
    #: Hand a cue over this long before its time, so that its first frame is not yet written.
    lead_s = BUFFER_S + 0.07
    #: The stream's clock is the earliest reading of the last WINDOW_S: a reading is late by
    #: however much of a server period had been played unseen, never early.
    WINDOW_S = 2.0
    RESYNC_S = 0.03  # readings this much later, JUMP_READINGS in a row: an underrun; start over
    JUMP_READINGS = 3
    MAX_READING_S = 0.0005  # how long reading the stream's fill may take to be believed
    #: Released, the stream keeps running this long after its last cue: a session's cues come
    #: in bursts, and a stream that restarts costs the next cue a variable delay.
    LINGER_S = 30.0

    def __init__(
        self, parent: QObject | None = None, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        # Read by libpulse when the stream is made: the role keeps music playing under cues.
        os.environ.setdefault("PULSE_PROP_media.role", "event")
        multimedia = import_optional("PySide6.QtMultimedia")
        devices = multimedia.QMediaDevices()
        default = devices.defaultAudioOutput()
        if not devices.audioOutputs() or default.isNull():
            raise BackendUnavailableError(
                "QtMultimedia found no audio output device (no PulseAudio or PipeWire server?)"
            )
        audio_format = multimedia.QAudioFormat()
        audio_format.setSampleRate(RATE_HZ)
        audio_format.setChannelCount(1)
        audio_format.setSampleFormat(multimedia.QAudioFormat.SampleFormat.Int16)
        if not default.isFormatSupported(audio_format):
            raise BackendUnavailableError(
                f"{default.description()!r} cannot play 16-bit mono at {RATE_HZ} Hz"
            )
        super().__init__(f"QtMultimedia plays on {default.description()!r}", parent)
        self._multimedia = multimedia
        self._clock = clock
        self._clips = {item: _read_clip(item) for item in all_cues()}
        self._volume = 1.0
        self._held = False
        self._device: Any = default
        self._format: Any = audio_format
        self._sink: Any = None  # made when the stream first starts, for the device of the day
        self._io: Any = None
        self._written = 0  # frames written since the stream started
        self._base = 0.0  # monotonic time at which frame 0 is heard (server latency aside)
        self._readings: deque[tuple[float, float]] = deque()  # (when read, the reading)
        self._later = 0  # readings in a row well after the clock: an underrun, if it lasts
        self._placed: list[_Placed] = []
        self._sounding_until = 0.0  # when the last cue placed ends
        self._timer = QTimer(self)
        self._timer.setObjectName("qt audio: top up the stream")
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._fill)
        self._devices = devices
        devices.setParent(self)
        devices.audioOutputsChanged.connect(self._follow_default_output)

    # --- the backend's interface -----------------------------------------------------------

    def play(self, item: Cue | Phrase) -> None:
        self.play_at(item, self._clock())

    def play_at(self, item: Cue | Phrase, at: float) -> float:
        """Have the cue heard at `at` (or with the first frame still free); when it starts."""
        self._start_stream()
        samples = self._clips[item]
        if self._volume < 1.0:
            samples = (samples * self._volume).astype(np.int32)
        self._placed.append(_Placed(item, at, samples, at))
        start = max(at, self._base + self._written / RATE_HZ)
        self._sounding_until = max(self._sounding_until, start + len(samples) / RATE_HZ)
        return start

    def earliest_start(self, now: float) -> float:
        if self._io is None:  # a stream that starts now is heard after its buffer
            return now + self.BUFFER_S
        return self._base + self._written / RATE_HZ

    def cancel_after(self, after: float) -> list[tuple[Cue | Phrase, float]]:
        """Take back the cues due after `after` whose sound has not started to be written."""
        cancelled = [p for p in self._placed if p.due_at > after and p.start is None]
        self._placed = [p for p in self._placed if p not in cancelled]
        return [(p.item, p.due_at) for p in cancelled]

    def set_volume(self, volume: float) -> None:
        self._volume = volume

    def hold_output(self, held: bool) -> None:
        self._held = held
        if held:
            self._start_stream()
        # Released: the stream stops once what is placed has been written (see _fill).

    def close(self) -> None:
        self._placed.clear()
        self._held = False
        self._stop_stream()

    @property
    def streaming(self) -> bool:
        """Whether the stream is open (for tests)."""
        return self._io is not None

    # --- the stream ------------------------------------------------------------------------

    def _start_stream(self) -> None:
        if self._io is not None:
            return
        if self._sink is None:
            self._sink = self._multimedia.QAudioSink(self._device, self._format, self)
            self._sink.setBufferSize(round(self.BUFFER_S * RATE_HZ) * 2)
        self._io = self._sink.start()
        error = self._sink.error()
        if self._io is None or error != self._multimedia.QtAudio.Error.NoError:
            self._io = None
            self.failed.emit(f"QtMultimedia could not open the audio stream ({error.name})")
            return
        self._written = 0
        self._base = self._clock()
        self._readings.clear()
        self._sounding_until = max(self._sounding_until, self._base)
        self._fill()
        self._timer.start(self.FILL_MS)

    def _stop_stream(self) -> None:
        self._timer.stop()
        if self._io is not None:
            self._io = None
            self._sink.stop()

    def _fill(self) -> None:
        """Top the stream up: silence, with the placed cues mixed in where they fall."""
        if self._io is None:
            return
        before = self._clock()
        free = self._sink.bytesFree() // 2
        now = self._clock()
        # A reading taken while this thread waited (for the interpreter lock, most often: the
        # GUI thread running Python) would shift the stream's clock by the wait; skip it.
        if now - before < self.MAX_READING_S:
            self._follow_stream_clock(before, free)
        if free <= 0:
            return
        start, end = self._written, self._written + free
        mix = np.zeros(free, dtype=np.int32)
        for placed in self._placed:
            if placed.start is None:
                frame = max(start, round((placed.at - self._base) * RATE_HZ))
                if frame >= end:
                    continue  # not yet: its frame is chosen when it comes to be written
                placed.start = frame
            if placed.start < end and placed.end > start:
                lo, hi = max(placed.start, start), min(placed.end, end)
                offset = lo - placed.start
                mix[lo - start : hi - start] += placed.samples[offset : offset + hi - lo]
        self._placed = [p for p in self._placed if p.start is None or p.end > end]
        np.clip(mix, -32768, 32767, out=mix)
        self._io.write(mix.astype("<i2").tobytes())
        self._written = end
        if not self._held and not self._placed and now > self._sounding_until + self.LINGER_S:
            self._stop_stream()

    def _follow_stream_clock(self, now: float, free: int) -> None:
        """Re-estimate when frame 0 is heard from how much the stream still holds."""
        buffered = self._sink.bufferSize() // 2 - free
        reading = now - (self._written - buffered) / RATE_HZ
        readings = self._readings
        self._later = self._later + 1 if reading > self._base + self.RESYNC_S else 0
        if self._later >= self.JUMP_READINGS or reading < self._base - self.RESYNC_S:
            readings.clear()  # the stream stalled and went on later (or its clock was reset)
            self._later = 0
        readings.append((now, reading))
        while readings[0][0] < now - self.WINDOW_S:
            readings.popleft()
        self._base = min(value for _, value in readings)

    def _follow_default_output(self) -> None:
        default = self._devices.defaultAudioOutput()
        if default.isNull():
            self.failed.emit("the audio output device went away")
            return
        if default == self._device:
            return
        self.reason = f"QtMultimedia plays on {default.description()!r}"
        running = self._io is not None
        self._stop_stream()
        if self._sink is not None:
            self._sink.deleteLater()
            self._sink = None
        self._device = default
        if running:
            self._start_stream()


def _read_clip(item: Cue | Phrase) -> Samples:
    with wave.open(str(cue_file(item)), "rb") as clip:
        if (clip.getframerate(), clip.getnchannels(), clip.getsampwidth()) != (RATE_HZ, 1, 2):
            raise BackendUnavailableError(f"{cue_key(item)} is not 16-bit mono at {RATE_HZ} Hz")
        frames = clip.readframes(clip.getnframes())
    return np.frombuffer(frames, dtype="<i2").astype(np.int32)
