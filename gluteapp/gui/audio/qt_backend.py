"""The QtMultimedia backend: one reused QSoundEffect per cue, loaded in the background."""

from __future__ import annotations

import logging
import os
import tempfile
import wave
from pathlib import Path
from typing import Any, Literal

from PySide6.QtCore import QObject, QTimer, QUrl

from gluteapp.core.cues import Cue, Phrase
from gluteapp.gui.audio.assets import all_cues, clip_duration_s, cue_file, cue_key
from gluteapp.gui.audio.base import AudioBackend, BackendUnavailableError, import_optional

log = logging.getLogger(__name__)

LOAD_TIMEOUT_MS = 3000

_LoadState = Literal["loading", "ready", "failed", "closed"]


class QtSoundEffectBackend(AudioBackend):
    """QSoundEffect per sound, created once at start-up and reused.

    Qt mixes all effects of a device into one PulseAudio/PipeWire stream with the role "event".
    Nothing on Linux takes "audio focus" the way Android or iOS do, and the event role is not one
    that the role-cork/ducking modules act on, so the person's music keeps playing underneath.
    While a session runs the service holds that stream open (a looping silent effect): Qt corks
    the stream when idle, and un-corking it costs a first cue 10-20 ms of extra, variable latency.

    The effects load in the background: the backend is created at once, not `is_ready`, and emits
    `ready` when every effect has loaded, or `failed` when one cannot be loaded or loading takes
    longer than `load_timeout_ms` (a timer, never a nested event loop: the window keeps painting).

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
        multimedia = import_optional("PySide6.QtMultimedia")
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
        self._state: _LoadState = "loading"
        self._held = False
        self._load_timeout_ms = load_timeout_ms
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
        # A silent loop keeps the stream running during a session (see the class docstring).
        self._keepalive = sound_effect(default, self)
        self._keepalive.setSource(QUrl.fromLocalFile(str(self._write_silence())))
        self._keepalive.setLoopCount(loop_forever)
        self._load_timer = QTimer(self)
        self._load_timer.setObjectName("qt audio: loading the cues")
        self._load_timer.setSingleShot(True)
        self._load_timer.timeout.connect(self._on_load_timeout)
        self._start_loading()
        self._devices.audioOutputsChanged.connect(self._follow_default_output)

    @property
    def is_ready(self) -> bool:
        return self._state == "ready"

    def _all_effects(self) -> list[Any]:
        return [*self._effects.values(), self._keepalive]

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

    # --- Loading: statusChanged and a timeout timer, never a wait -------------------------

    def _start_loading(self) -> None:
        if self._settled():
            # Loaded (or broken) before anyone could listen: say so now, not by a signal.
            broken = self._unloaded_names()
            if broken:
                self._padded.cleanup()
                raise BackendUnavailableError(self._load_error(broken))
            self._state = "ready"
            return
        for effect in self._all_effects():
            effect.statusChanged.connect(self._on_status_changed)
        self._load_timer.start(self._load_timeout_ms)

    def _settled(self) -> bool:
        settled_states = (self._status.Ready, self._status.Error)
        return all(effect.status() in settled_states for effect in self._all_effects())

    def _unloaded_names(self) -> list[str]:
        return [
            effect.source().fileName()
            for effect in self._all_effects()
            if effect.status() != self._status.Ready
        ]

    def _load_error(self, broken: list[str], *, timed_out: bool = False) -> str:
        within = f" within {self._load_timeout_ms} ms" if timed_out else ""
        return f"QSoundEffect could not load {', '.join(broken)}{within}"

    def _on_status_changed(self) -> None:
        if self._state != "loading" or not self._settled():
            return
        self._load_timer.stop()
        broken = self._unloaded_names()
        if broken:
            self._fail_loading(broken)
            return
        self._state = "ready"
        if self._held:
            self._keepalive.play()
        log.info("QSoundEffect loaded %d cues", len(self._effects))
        self.ready.emit()

    def _on_load_timeout(self) -> None:
        if self._state == "loading":
            self._fail_loading(self._unloaded_names(), timed_out=True)

    def _fail_loading(self, broken: list[str], *, timed_out: bool = False) -> None:
        self._state = "failed"
        self.failed.emit(self._load_error(broken, timed_out=timed_out))

    # --- Playing --------------------------------------------------------------------------

    def _follow_default_output(self) -> None:
        default = self._devices.defaultAudioOutput()
        if default.isNull():
            self.failed.emit("the audio output device went away")
            return
        for effect in self._all_effects():
            effect.setAudioDevice(default)
        self.reason = f"QtMultimedia plays on {default.description()!r}"

    def play(self, item: Cue | Phrase) -> None:
        if self._state != "ready":
            log.warning("QSoundEffect is %s; %s not played", self._state, cue_key(item))
            return
        effect = self._effects[item]
        if effect.isPlaying():
            effect.stop()  # a retrigger restarts the sound: one voice per effect, one stop timer
        effect.play()
        self._stop_timers[item].start(round(clip_duration_s(item) * 1000) + self.STOP_AFTER_END_MS)

    def set_volume(self, volume: float) -> None:
        for effect in self._effects.values():
            effect.setVolume(volume)

    def hold_output(self, held: bool) -> None:
        self._held = held
        if self._state != "ready":
            return  # applied when loading finishes
        if held and not self._keepalive.isPlaying():
            self._keepalive.play()
        elif not held:
            self._keepalive.stop()

    def close(self) -> None:
        self._state = "closed"
        self._load_timer.stop()
        for item, effect in self._effects.items():
            self._stop_timers[item].stop()
            effect.stop()
        self._keepalive.stop()
        self._padded.cleanup()
