"""Cue output: the sound backends, text-to-speech, and a runner that plays queued cues on time.

Three backends, tried in this order (`GLUTEAPP_AUDIO_BACKEND=qt|playsound|visual` or
`choose_backend(preferred=...)` starts the chain further down):

1. `qt`: QtMultimedia's QSoundEffect, one preloaded instance per WAV, created once and reused.
   Qt mixes all effects of a device into one PulseAudio/PipeWire stream with the role "event".
   Nothing on Linux takes "audio focus" the way Android or iOS do, and the event role is not one
   that the role-cork/ducking modules act on, so the person's music keeps playing underneath.
   While a session runs the runner keeps that stream open (a looping silent effect): Qt corks the
   stream when idle, and un-corking it costs a first cue 10-20 ms of extra, variable latency.
   Effects loop and are stopped by a timer, working around a Qt hang (`QtSoundEffectBackend`).
2. `playsound`: playsound3, when QtMultimedia cannot be loaded (no libpulse, a broken install) or
   sees no output device. It starts a player program per sound (on Linux `gst-play-1.0`), so every
   call is made from a worker thread, never the GUI thread.
3. `visual`: no sound at all; the system beep and the `visual_cue` flash.

`AudioService.visual_cue` is emitted for every cue on every backend, so the player can always flash.
Text-to-speech (exercise names, tips) uses QTextToSpeech when a working engine exists; otherwise
`say()` returns False and the caller uses the recorded clips and beeps.

`python -m gluteapp.gui.audio info` prints the chosen backend and why; `... play SPEC` plays a
schedule such as `sounds/prepare_tick@0,sounds/go@1` (used by the recording tests).
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import json
import logging
import math
import os
import queue
import sys
import tempfile
import threading
import time
import wave
from array import array
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtWidgets import QApplication

from gluteapp.core.assets import assets_dir
from gluteapp.core.cues import (
    Audible,
    Channel,
    Cue,
    CueQueue,
    CueSettings,
    Phrase,
    Utterance,
)

log = logging.getLogger(__name__)

ENV_BACKEND = "GLUTEAPP_AUDIO_BACKEND"
BACKEND_ORDER = ("qt", "playsound", "visual")
LOAD_TIMEOUT_MS = 3000

_FOLDERS: dict[str, type[Cue] | type[Phrase]] = {"sounds": Cue, "voice": Phrase}


# --- Assets ---------------------------------------------------------------------------------


def cue_key(item: Audible) -> str:
    """The name a cue goes by in logs, signals and resources: `sounds/go`, `voice/three`."""
    if isinstance(item, Utterance):
        return f"speech/{item.text}"
    return f"{'sounds' if isinstance(item, Cue) else 'voice'}/{item.value}"


def resolve_cue(name: str | Cue | Phrase) -> Cue | Phrase:
    """`go` or `sounds/go` is the Cue, `voice/go` the Phrase; anything else raises KeyError."""
    if isinstance(name, Cue | Phrase):
        return name
    folder, _, stem = name.rpartition("/")
    kind = _FOLDERS.get(folder or "sounds")
    try:
        if kind is None:
            raise ValueError(folder)
        return kind(stem)
    except ValueError:
        known = ", ".join(cue_key(item) for kind in _FOLDERS.values() for item in kind)
        raise KeyError(f"unknown cue {name!r}; known cues: {known}") from None


def cue_file(name: str | Cue | Phrase) -> Path:
    """The WAV file of a cue. Raises KeyError for an unknown name, FileNotFoundError if missing.

    This is the one way code reaches the sound assets: files under assets/sounds and
    assets/voice, never compiled into the Qt resources (playsound3 needs a real file).
    """
    item = resolve_cue(name)
    folder, stem = cue_key(item).split("/")
    path = assets_dir() / folder / f"{stem}.wav"
    if not path.is_file():
        raise FileNotFoundError(f"the sound file for {cue_key(item)} is missing: {path}")
    return path


@cache
def clip_duration_s(item: Cue | Phrase) -> float:
    with wave.open(str(cue_file(item)), "rb") as clip:
        return clip.getnframes() / clip.getframerate()


def all_cues() -> list[Cue | Phrase]:
    return [*Cue, *Phrase]


# --- Backends -------------------------------------------------------------------------------


class BackendUnavailableError(Exception):
    """This backend cannot play here; the message says why (shown to the person)."""


class AudioBackend(QObject):
    """Plays cue files. Subclasses never raise from `play`: they log, or emit `failed`."""

    failed = Signal(str)  # the backend stopped working; the service falls back to visual

    name: ClassVar[str] = "?"

    def __init__(self, reason: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reason = reason

    def play(self, item: Cue | Phrase) -> None:
        raise NotImplementedError

    def set_volume(self, volume: float) -> None:
        """Linear gain 0..1 for every following play."""

    def hold_output(self, held: bool) -> None:
        """Keep the output stream open (`True`) while cues are expected soon."""

    def close(self) -> None:
        """Release players and threads; the backend is not used afterwards."""


def _import_optional(module: str) -> ModuleType:
    """Import a module that may be missing or broken; tests make it fail via sys.modules."""
    try:
        return importlib.import_module(module)
    except ImportError as error:  # includes a missing libpulse.so.0 behind QtMultimedia
        raise BackendUnavailableError(f"{module} cannot be loaded ({error})") from error


class QtSoundEffectBackend(AudioBackend):
    """QSoundEffect per sound, preloaded at start-up and reused (see the module docstring).

    Every effect loops over a copy of its WAV padded with silence and is stopped by a timer once
    the sound is over, instead of being left to finish by itself: in Qt 6.10+ a voice that ends
    naturally can be released on the audio thread, which closes an eventfd the GUI thread still
    polls and then spins it at full CPU ("QSocketNotifier: Invalid socket N", a frozen window).
    We saw it in most runs of a short cue sequence; a voice ended with stop() is always released
    on the GUI thread. The padding gives the stop timer PAD_S of slack before a loop could restart.
    """

    name = "qt"
    PAD_S = 0.5
    STOP_AFTER_END_MS = 250  # after the sound's end; more than the output latency, less than PAD_S
    PULSE_LATENCY_MS = 60

    def __init__(self, parent: QObject | None = None, load_timeout_ms: int = LOAD_TIMEOUT_MS):
        # Qt asks PulseAudio/PipeWire for ~20 ms of buffer; on a busy machine the audio thread
        # misses that and the cue gets gaps. 60 ms is a constant delay nobody hears across a
        # room and removes the gaps we measured under load. libpulse reads this per stream.
        os.environ.setdefault("PULSE_LATENCY_MSEC", str(self.PULSE_LATENCY_MS))
        multimedia = _import_optional("PySide6.QtMultimedia")
        devices = multimedia.QMediaDevices()
        default = devices.defaultAudioOutput()
        if not devices.audioOutputs() or default.isNull():
            raise BackendUnavailableError(
                "QtMultimedia found no audio output device (no PulseAudio or PipeWire server?)"
            )
        super().__init__(f"QtMultimedia plays on {default.description()!r}", parent)
        sound_effect = multimedia.QSoundEffect
        self._status = sound_effect.Status
        self._devices = devices
        devices.setParent(self)
        self._padded = tempfile.TemporaryDirectory(prefix="gluteapp-cues-")
        self._effects: dict[Cue | Phrase, Any] = {}
        self._stop_timers: dict[Cue | Phrase, QTimer] = {}
        loop_forever = sound_effect.Loop.Infinite.value
        for item in all_cues():
            effect = sound_effect(default, self)
            effect.setSource(QUrl.fromLocalFile(str(self._padded_copy(item))))
            effect.setLoopCount(loop_forever)
            self._effects[item] = effect
            timer = QTimer(self)
            timer.setObjectName(f"stop {cue_key(item)}")
            timer.setSingleShot(True)
            timer.timeout.connect(effect.stop)
            self._stop_timers[item] = timer
        # A silent loop keeps the stream running during a session (see the module docstring).
        self._keepalive = sound_effect(default, self)
        self._keepalive.setSource(QUrl.fromLocalFile(str(self._write_silence())))
        self._keepalive.setLoopCount(loop_forever)
        self._wait_until_loaded([*self._effects.values(), self._keepalive], load_timeout_ms)
        self._devices.audioOutputsChanged.connect(self._follow_default_output)

    def _padded_copy(self, item: Cue | Phrase) -> Path:
        with wave.open(str(cue_file(item)), "rb") as source:
            params = source.getparams()
            frames = source.readframes(source.getnframes())
        silence = bytes(round(self.PAD_S * params.framerate) * params.sampwidth * params.nchannels)
        folder, stem = cue_key(item).split("/")
        path = Path(self._padded.name) / f"{folder}-{stem}.wav"
        with wave.open(str(path), "wb") as out:
            out.setparams(params)
            out.writeframes(frames + silence)
        return path

    def _write_silence(self) -> Path:
        path = Path(self._padded.name) / "silence.wav"
        with wave.open(str(path), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(48_000)
            out.writeframes(bytes(2 * 4800))  # 100 ms
        return path

    def _wait_until_loaded(self, effects: Sequence[Any], timeout_ms: int) -> None:
        settled_states = (self._status.Ready, self._status.Error)

        def settled() -> bool:
            return all(e.status() in settled_states for e in effects)

        if not settled():
            loop = QEventLoop()
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.timeout.connect(loop.quit)

            def check() -> None:
                if settled():
                    loop.quit()

            for effect in effects:
                effect.statusChanged.connect(check)
            timer.start(timeout_ms)
            if not settled():
                loop.exec()
            timer.stop()
            timer.deleteLater()
            for effect in effects:
                effect.statusChanged.disconnect(check)
        broken = [e.source().fileName() for e in effects if e.status() != self._status.Ready]
        if broken:
            self._padded.cleanup()
            raise BackendUnavailableError(
                "QSoundEffect could not load " + ", ".join(broken) + f" within {timeout_ms} ms"
            )

    def _follow_default_output(self) -> None:
        default = self._devices.defaultAudioOutput()
        if default.isNull():
            self.failed.emit("the audio output device went away")
            return
        for effect in [*self._effects.values(), self._keepalive]:
            effect.setAudioDevice(default)
        self.reason = f"QtMultimedia plays on {default.description()!r}"

    def play(self, item: Cue | Phrase) -> None:
        effect = self._effects[item]
        if effect.isPlaying():
            effect.stop()  # a retrigger restarts the sound: one voice per effect, one stop timer
        effect.play()
        self._stop_timers[item].start(round(clip_duration_s(item) * 1000) + self.STOP_AFTER_END_MS)

    def set_volume(self, volume: float) -> None:
        for effect in self._effects.values():
            effect.setVolume(volume)

    def hold_output(self, held: bool) -> None:
        if held and not self._keepalive.isPlaying():
            self._keepalive.play()
        elif not held:
            self._keepalive.stop()

    def close(self) -> None:
        for item, effect in self._effects.items():
            self._stop_timers[item].stop()
            effect.stop()
        self._keepalive.stop()
        self._padded.cleanup()


class PlaysoundBackend(AudioBackend):
    """playsound3 in a worker thread: starting a player process never blocks the GUI.

    Each sound is played from a copy with LEAD_PAD_S of silence in front and the volume applied
    (the players take no gain option): gst-play swallows the first 5-15 ms of what it plays,
    which is most of the attack of a 60 ms rep click.
    """

    name = "playsound"
    LEAD_PAD_S = 0.1

    def __init__(self, parent: QObject | None = None) -> None:
        module = _import_optional("playsound3")
        player = module.DEFAULT_BACKEND
        if player is None:
            raise BackendUnavailableError(
                "playsound3 found no player program (on Debian: apt-get install "
                "gstreamer1.0-plugins-base-apps gstreamer1.0-plugins-good gstreamer1.0-pulseaudio)"
            )
        super().__init__(f"playsound3 starts {player} for each cue", parent)
        self.player: str = player
        self._playsound: Callable[..., Any] = module.playsound
        self._volume = 1.0
        self._copies = tempfile.TemporaryDirectory(prefix="gluteapp-playsound-")
        self._jobs: queue.SimpleQueue[tuple[Path, float] | None] = queue.SimpleQueue()
        self._worker = threading.Thread(target=self._run, name="gluteapp-playsound", daemon=True)
        self._worker.start()

    def play(self, item: Cue | Phrase) -> None:
        self._jobs.put((cue_file(item), self._volume))

    def set_volume(self, volume: float) -> None:
        self._volume = volume

    def close(self) -> None:
        self._jobs.put(None)
        self._worker.join(timeout=2)
        self._copies.cleanup()

    def _run(self) -> None:
        playing: list[Any] = []
        while True:
            job = self._jobs.get()
            if job is None:
                return
            path, volume = job
            try:
                playing = [sound for sound in playing if sound.is_alive()]
                playing.append(self._playsound(str(self._prepared(path, volume)), block=False))
            except Exception as error:  # a broken player must not kill the thread silently
                log.exception("playsound3 could not play %s", path.name)
                self.failed.emit(f"playsound3 ({self.player}) failed: {error}")

    def _prepared(self, path: Path, volume: float) -> Path:
        """A copy of `path` with silence in front, at `volume` (cached per file and volume)."""
        gain = round(volume, 2)
        copy = Path(self._copies.name) / f"{path.parent.name}-{path.stem}-{gain:.2f}.wav"
        if copy.exists():
            return copy
        with wave.open(str(path), "rb") as source:
            params = source.getparams()
            samples = array("h", source.readframes(source.getnframes()))
        if gain < 1.0:
            if sys.byteorder == "big":
                samples.byteswap()
            samples = array("h", (round(s * gain) for s in samples))
            if sys.byteorder == "big":
                samples.byteswap()
        frame_bytes = params.sampwidth * params.nchannels
        lead = bytes(round(self.LEAD_PAD_S * params.framerate) * frame_bytes)
        partial = copy.with_suffix(".part")
        with wave.open(str(partial), "wb") as out:
            out.setparams(params)
            out.writeframes(lead + samples.tobytes())
        partial.replace(copy)
        return copy


class VisualBackend(AudioBackend):
    """No sound output: the system beep for beeps; the service's `visual_cue` does the rest."""

    name = "visual"

    def play(self, item: Cue | Phrase) -> None:
        if isinstance(item, Cue) and isinstance(QCoreApplication.instance(), QApplication):
            QApplication.beep()


_FACTORIES: dict[str, Callable[[QObject | None], AudioBackend]] = {
    "qt": QtSoundEffectBackend,
    "playsound": PlaysoundBackend,
}


def choose_backend(preferred: str | None = None, parent: QObject | None = None) -> AudioBackend:
    """The first backend that works, starting at `preferred`, else `$GLUTEAPP_AUDIO_BACKEND`.

    Never raises for missing audio: the last resort is the visual backend. Its `reason` says why
    each earlier backend was passed over. Needs a QApplication.
    """
    notes: list[str] = []
    start, source = preferred, "requested"
    if start is None and os.environ.get(ENV_BACKEND, "").strip():
        start = os.environ[ENV_BACKEND].strip().lower()
        source = f"{ENV_BACKEND}={start}"
    if start is not None and start not in BACKEND_ORDER:
        notes.append(f"ignored unknown backend {start!r} (choose from {', '.join(BACKEND_ORDER)})")
        start = None
    if start is not None:
        notes.append(f"{source} {start}" if source == "requested" else source)
    order = BACKEND_ORDER[BACKEND_ORDER.index(start) :] if start else BACKEND_ORDER
    for name in order:
        if name == "visual":
            backend: AudioBackend = VisualBackend("visual cues only", parent)
        else:
            try:
                backend = _FACTORIES[name](parent)
            except BackendUnavailableError as why:
                notes.append(f"{name}: {why}")
                continue
        if notes:
            backend.reason = f"{backend.reason} ({'; '.join(notes)})"
        log.info("audio backend: %s, %s", backend.name, backend.reason)
        return backend
    raise AssertionError("the visual backend always works")


# --- Text-to-speech -------------------------------------------------------------------------


class Speech(QObject):
    """Qt text-to-speech if a working engine exists; `available` False means use the clips."""

    finished = Signal()  # the engine went back to ready after speaking

    def __init__(self, parent: QObject | None = None, *, probe: bool = True) -> None:
        super().__init__(parent)
        self._tts: Any = None
        self.name = "clips"
        self.reason = "text-to-speech not probed"
        if probe:
            self._probe()

    @property
    def available(self) -> bool:
        return self._tts is not None

    def _probe(self) -> None:
        try:
            module = _import_optional("PySide6.QtTextToSpeech")
        except BackendUnavailableError as why:
            self.reason = f"{why}; using recorded clips and beeps"
            return
        tts_class = module.QTextToSpeech
        tried = []
        # "mock" is Qt's test engine: it reports success and says nothing.
        for engine in [e for e in tts_class.availableEngines() if e != "mock"]:
            tts = tts_class(engine, self)
            if tts.state() == tts_class.State.Error:
                tried.append(f"{engine}: {tts.errorString() or 'does not start'}")
                tts.deleteLater()
                continue
            self._tts = tts
            self.name = f"qt:{engine}"
            self.reason = f"QTextToSpeech engine {engine!r}"
            tts.stateChanged.connect(self._on_state)
            return
        found = "; ".join(tried) if tried else "no engine installed"
        self.reason = f"no text-to-speech engine ({found}); using recorded clips and beeps"

    def _on_state(self, state: Any) -> None:
        if state == type(self._tts).State.Ready:
            self.finished.emit()

    def set_volume(self, volume: float) -> None:
        if self._tts is not None:
            self._tts.setVolume(volume)

    def say(self, text: str) -> bool:
        if self._tts is None:
            return False
        self._tts.say(text)
        return True

    def stop(self) -> None:
        if self._tts is not None:
            self._tts.stop()


# --- The service ----------------------------------------------------------------------------


class AudioService(QObject):
    """Plays cues through one backend, applies volume and mute, and always flashes."""

    visual_cue = Signal(str)  # cue key (`sounds/go`, `voice/three`, `speech/<text>`)
    backend_changed = Signal(str, str)  # name, reason

    def __init__(
        self,
        backend: AudioBackend,
        speech: Speech | None = None,
        settings: CueSettings | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._backend = backend
        self._speech = speech if speech is not None else Speech(self, probe=False)
        self._settings = settings if settings is not None else CueSettings()
        self._holds = 0
        backend.failed.connect(self._on_backend_failed)
        self._apply_volume()

    @property
    def backend_name(self) -> str:
        return self._backend.name

    @property
    def backend_reason(self) -> str:
        return self._backend.reason

    @property
    def speech_name(self) -> str:
        return self._speech.name

    @property
    def speech_reason(self) -> str:
        return self._speech.reason

    @property
    def speech(self) -> Speech:
        return self._speech

    @property
    def settings(self) -> CueSettings:
        return self._settings

    def apply_settings(self, settings: CueSettings) -> None:
        self._settings = settings
        self._apply_volume()

    def set_volume(self, volume: float) -> None:
        self.apply_settings(self._settings.with_volume(volume))

    def set_muted(self, muted: bool) -> None:
        self.apply_settings(dataclasses.replace(self._settings, muted=muted))

    def toggle_muted(self) -> bool:
        self.set_muted(not self._settings.muted)
        return self._settings.muted

    def play(self, cue: str | Cue | Phrase) -> bool:
        """Flash, and sound the cue if the settings allow it; whether it was sent to be heard.

        Unknown names raise KeyError (a bug); a backend failing to play never raises.
        """
        item = resolve_cue(cue)
        self.visual_cue.emit(cue_key(item))
        if not self._settings.allows(item):
            return False
        try:
            self._backend.play(item)
        except Exception:
            log.exception("the %s backend could not play %s", self._backend.name, cue_key(item))
            return False
        return True

    def say(self, text: str) -> bool:
        """Speak free text; False when no engine can (or voice is off): use clips instead."""
        utterance = Utterance(text)
        self.visual_cue.emit(cue_key(utterance))
        if not self._settings.allows(utterance):
            return False
        return self._speech.say(text)

    def duration_s(self, item: Audible) -> float:
        """How long a cue keeps its channel busy (clip length; estimated for free text)."""
        if isinstance(item, Utterance):
            return 0.0  # CueQueue estimates it
        return clip_duration_s(item)

    def hold_output(self) -> None:
        """Keep the output stream warm until the matching `release_output` (one per hold)."""
        self._holds += 1
        if self._holds == 1:
            self._backend.hold_output(True)

    def release_output(self) -> None:
        if self._holds == 0:
            return
        self._holds -= 1
        if self._holds == 0:
            self._backend.hold_output(False)

    def close(self) -> None:
        self._backend.hold_output(False)
        self._backend.close()
        self._speech.stop()

    def _apply_volume(self) -> None:
        self._backend.set_volume(self._settings.volume)
        self._speech.set_volume(self._settings.volume)

    def _on_backend_failed(self, why: str) -> None:
        log.warning("audio backend %s failed: %s; cues are visual only now", self.backend_name, why)
        old = self._backend
        old.failed.disconnect(self._on_backend_failed)
        old.close()
        self._backend = VisualBackend(f"visual cues only ({old.name}: {why})", self)
        self.backend_changed.emit(self._backend.name, self._backend.reason)


def create_audio_service(
    parent: QObject | None = None,
    preferred: str | None = None,
    settings: CueSettings | None = None,
) -> AudioService:
    """The app's audio: the best backend, text-to-speech if present, both logged."""
    backend = choose_backend(preferred, parent)
    speech = Speech(parent)
    log.info("speech: %s, %s", speech.name, speech.reason)
    service = AudioService(backend, speech, settings, parent)
    backend.setParent(service)
    speech.setParent(service)
    return service


# --- Playing cues on time -------------------------------------------------------------------


class CueRunner(QObject):
    """Plays queued cues at their due time with a precise single-shot timer.

    The timer only wakes the runner; what plays is decided by `CueQueue.pop_due(now)`, so a late
    wake-up drops stale cues instead of playing them late, and nothing accumulates drift.
    """

    played = Signal(str, float)  # cue key, lateness in ms
    dropped = Signal(str, str)  # cue key, reason

    def __init__(
        self,
        service: AudioService,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._clock = clock
        self._queue = CueQueue()
        self._holding = False
        self._timer = QTimer(self)
        self._timer.setObjectName("cue-runner")
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._wake)
        service.speech.finished.connect(self._on_speech_finished)

    def schedule(
        self,
        cue: Audible | str,
        due_at: float,
        priority: int | None = None,
        stale_after_s: float | None = None,
    ) -> None:
        if not isinstance(cue, Utterance):
            cue = resolve_cue(cue)
        duration_s = self._service.duration_s(cue)
        self._queue.push(cue, due_at, priority, stale_after_s, duration_s=duration_s)
        if not self._holding:
            self._holding = True
            self._service.hold_output()
        self._arm(self._clock())

    def clear(self) -> None:
        """Drop everything queued (skip, stop) and let the output rest."""
        self._queue.clear()
        self._timer.stop()
        self._release()

    def _wake(self) -> None:
        now = self._clock()
        for queued in self._queue.pop_due(now):
            if isinstance(queued.item, Utterance):
                heard = self._service.say(queued.item.text)
            else:
                heard = self._service.play(queued.item)
            if not heard and queued.channel is Channel.VOICE:
                self._queue.voice_finished(now)  # silent speech keeps nothing else waiting
            self.played.emit(cue_key(queued.item), (now - queued.due_at) * 1000)
        for dropped in self._queue.take_dropped():
            log.info("dropped cue %s: %s", dropped.cue.name, dropped.reason.value)
            self.dropped.emit(cue_key(dropped.cue.item), dropped.reason.value)
        self._arm(now)

    def _arm(self, now: float) -> None:
        due = self._queue.next_due_at()
        if due is None:
            self._timer.stop()
            self._release()
            return
        # Round up: a timer that fires a hair early would find nothing due and spin.
        self._timer.start(max(0, math.ceil((due - now) * 1000)))

    def _release(self) -> None:
        if self._holding:
            self._holding = False
            self._service.release_output()

    def _on_speech_finished(self) -> None:
        self._queue.voice_finished(self._clock())
        self._arm(self._clock())


# --- Command line: report the backend, or play a schedule -----------------------------------


def _parse_schedule(spec: str) -> list[tuple[float, Cue | Phrase]]:
    schedule = []
    for part in spec.split(","):
        name, _, offset = part.partition("@")
        schedule.append((float(offset or 0), resolve_cue(name.strip())))
    return schedule


def _play_command(
    app: QApplication, service: AudioService, spec: str, lead_in_s: float
) -> dict[str, Any]:
    schedule = _parse_schedule(spec)
    runner = CueRunner(service, parent=service)
    started: list[float] = []
    dropped: list[str] = []
    origin = time.monotonic() + lead_in_s
    runner.played.connect(lambda _key, _late: started.append(time.monotonic() - origin))
    runner.dropped.connect(lambda key, why: dropped.append(f"{key}: {why}"))
    flashed: list[str] = []
    service.visual_cue.connect(flashed.append)
    for offset, item in schedule:
        # Every cue is due exactly once and must play; nothing is stale in a clean run.
        runner.schedule(item, origin + offset, stale_after_s=0.5)
    end_s = max(offset + service.duration_s(item) for offset, item in schedule) + 0.3
    QTimer.singleShot(round((origin + end_s - time.monotonic()) * 1000), app.quit)
    app.exec()
    runner.clear()
    return {
        "backend_name": service.backend_name,
        "backend_reason": service.backend_reason,
        "scheduled_s": [offset for offset, _ in schedule],
        "started_s": started,
        "dropped": dropped,
        "visual_cues": flashed,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gluteapp.gui.audio", description=__doc__)
    parser.add_argument("--backend", choices=BACKEND_ORDER, default=None)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("info", help="print the chosen backend and text-to-speech, and why")
    play = commands.add_parser("play", help="play a schedule: sounds/go@0,voice/three@1.5")
    play.add_argument("schedule")
    play.add_argument("--lead-in", type=float, default=0.5, help="seconds before the first cue")
    args = parser.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    service = create_audio_service(app, args.backend)
    if args.command == "info":
        report: dict[str, Any] = {
            "backend_name": service.backend_name,
            "backend_reason": service.backend_reason,
            "speech_name": service.speech_name,
            "speech_reason": service.speech_reason,
        }
    else:
        report = _play_command(app, service, args.schedule, args.lead_in)
    service.close()
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
