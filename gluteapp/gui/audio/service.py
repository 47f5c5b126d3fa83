"""The audio service the app talks to: one backend, speech, volume and mute, and a flash per cue."""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable

import msgspec.structs
from PySide6.QtCore import QObject, Qt, QTimer, Signal

from gluteapp.core.cues import Audible, Cue, CueSettings, Phrase, Utterance, default_stale_after_s
from gluteapp.gui.audio.assets import clip_duration_s, cue_key, resolve_cue
from gluteapp.gui.audio.base import AudioBackend
from gluteapp.gui.audio.choice import backend_after, choose_backend
from gluteapp.gui.audio.speech import Speech
from gluteapp.gui.audio.visual import VisualBackend

log = logging.getLogger(__name__)


class AudioService(QObject):
    """Plays cues through one backend, applies volume and mute, and always flashes.

    The backend may still be loading when the service is made (`is_ready` False). Cues asked
    for meanwhile flash at once and wait; they sound when the backend is ready, unless by then
    they would be later than their stale time (`core.cues.default_stale_after_s`). A backend that
    cannot finish loading is replaced by the next one that works, which plays the waiting cues.
    """

    visual_cue = Signal(str)  # cue key (`sounds/go`, `voice/three`, `speech/<text>`)
    backend_changed = Signal(str, str)  # name, reason
    ready = Signal()  # the backend finished loading or was replaced by one that can play

    def __init__(
        self,
        backend: AudioBackend,
        speech: Speech | None = None,
        settings: CueSettings | None = None,
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._speech = speech if speech is not None else Speech(self, probe=False)
        self._settings = settings if settings is not None else CueSettings()
        self._clock = clock
        self._holds = 0
        self._waiting: list[tuple[Cue | Phrase, float]] = []  # cue, when it was asked for
        # Flashes waiting for their cue's time (a cue handed over early to be heard on time).
        self._flashes: list[tuple[float, str]] = []  # when, cue key; earliest first
        self._flash_timer = QTimer(self)
        self._flash_timer.setObjectName("audio: flash at the cue's time")
        self._flash_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.timeout.connect(self._flash_due)
        self._backend = backend
        self._attach(backend)
        self._speech.set_volume(self._settings.volume)

    @property
    def is_ready(self) -> bool:
        """Whether cues sound now; False while the backend loads (`ready` follows)."""
        return self._backend.is_ready

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
    def lead_s(self) -> float:
        """How long before its time the backend wants a cue (`play_at`); 0 while it loads."""
        return self._backend.lead_s if self._backend.is_ready else 0.0

    def earliest_start(self) -> float:
        """The earliest moment a cue handed over now can be heard."""
        now = self._clock()
        return max(now, self._backend.earliest_start(now)) if self._backend.is_ready else now

    @property
    def settings(self) -> CueSettings:
        return self._settings

    def apply_settings(self, settings: CueSettings) -> None:
        self._settings = settings
        self._backend.set_volume(settings.volume)
        self._speech.set_volume(settings.volume)

    def set_volume(self, volume: float) -> None:
        self.apply_settings(self._settings.with_volume(volume))

    def set_muted(self, muted: bool) -> None:
        self.apply_settings(msgspec.structs.replace(self._settings, muted=muted))

    def toggle_muted(self) -> bool:
        self.set_muted(not self._settings.muted)
        return self._settings.muted

    def play(self, cue: str | Cue | Phrase) -> bool:
        """Flash, and sound the cue if the settings allow it; whether it was sent to be heard.

        Unknown names raise KeyError (a bug); a backend failing to play never raises. While the
        backend loads, the cue waits for it (and counts as sent).
        """
        item = resolve_cue(cue)
        self.visual_cue.emit(cue_key(item))
        if not self._settings.allows(item):
            return False
        if not self._backend.is_ready:
            self._waiting.append((item, self._clock()))
            return True
        return self._sound(item)

    def play_at(self, cue: str | Cue | Phrase, at: float) -> float:
        """Flash and sound the cue at `at`; when it starts (`at`, or later if it cannot be sooner).

        A backend with a schedule (`lead_s` above 0) is handed the cue before its time and
        places it exactly; the flash waits for that moment. Others play it at once.
        """
        item = resolve_cue(cue)
        now = self._clock()
        start: float | None = None
        if self._settings.allows(item):
            if not self._backend.is_ready:
                self._waiting.append((item, now))
            else:
                start = self._sound_at(item, at)
        start = now if start is None else start
        self._flash_at(cue_key(item), start, now)
        return start

    def cancel_after(self, after: float) -> list[tuple[Cue | Phrase, float]]:
        """Take back what was handed over for after `after` and has not started: (cue, time)."""
        self._flashes = [flash for flash in self._flashes if flash[0] <= after]
        self._arm_flash(self._clock())
        return self._backend.cancel_after(after)

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
        self.cancel_after(-math.inf)
        self._waiting.clear()
        self._backend.hold_output(False)
        self._backend.close()
        self._speech.stop()

    def _attach(self, backend: AudioBackend) -> None:
        self._backend = backend
        backend.failed.connect(self._on_backend_failed)
        backend.ready.connect(self._on_backend_ready)
        backend.set_volume(self._settings.volume)
        if self._holds:
            backend.hold_output(True)

    def _detach(self) -> AudioBackend:
        old = self._backend
        old.failed.disconnect(self._on_backend_failed)
        old.ready.disconnect(self._on_backend_ready)
        return old

    def _flash_at(self, key: str, at: float, now: float) -> None:
        if at - now <= 0.0005:
            self.visual_cue.emit(key)
            return
        self._flashes.append((at, key))
        self._flashes.sort()
        self._arm_flash(now)

    def _arm_flash(self, now: float) -> None:
        if not self._flashes:
            self._flash_timer.stop()
            return
        self._flash_timer.start(max(0, round((self._flashes[0][0] - now) * 1000)))

    def _flash_due(self) -> None:
        """The timer fired for the earliest flash: flash it, and any others due by now."""
        now = self._clock()
        due = self._flashes[:1] + [f for f in self._flashes[1:] if f[0] <= now + 0.0005]
        del self._flashes[: len(due)]
        for _, key in due:
            self.visual_cue.emit(key)
        self._arm_flash(now)

    def _sound_at(self, item: Cue | Phrase, at: float) -> float | None:
        try:
            return self._backend.play_at(item, at)
        except Exception:
            log.exception("the %s backend could not play %s", self._backend.name, cue_key(item))
            return None

    def _sound(self, item: Cue | Phrase) -> bool:
        try:
            self._backend.play(item)
        except Exception:
            log.exception("the %s backend could not play %s", self._backend.name, cue_key(item))
            return False
        return True

    def _on_backend_ready(self) -> None:
        now = self._clock()
        waiting, self._waiting = self._waiting, []
        for item, asked_at in waiting:
            if now - asked_at <= default_stale_after_s(item):
                self._sound(item)
            else:
                log.info("dropped cue %s: the audio was still loading", cue_key(item))
        self.ready.emit()

    def _on_backend_failed(self, why: str) -> None:
        old = self._detach()
        was_ready = old.is_ready
        old.close()
        if was_ready:
            log.warning("audio backend %s failed: %s; cues are visual only now", old.name, why)
            self._attach(VisualBackend(f"visual cues only ({old.name}: {why})", self))
        else:
            log.warning("audio backend %s could not load: %s", old.name, why)
            self._attach(backend_after(old, why, self))
        self.backend_changed.emit(self._backend.name, self._backend.reason)
        if not was_ready and self._backend.is_ready:
            self._on_backend_ready()


def create_audio_service(
    parent: QObject | None = None,
    preferred: str | None = None,
    settings: CueSettings | None = None,
) -> AudioService:
    """The app's audio: the best backend, text-to-speech if present, both logged.

    Returns at once; a backend that loads in the background makes the service emit `ready`.
    """
    backend = choose_backend(preferred, parent)
    speech = Speech(parent)
    log.info("speech: %s, %s", speech.name, speech.reason)
    service = AudioService(backend, speech, settings, parent)
    backend.setParent(service)
    speech.setParent(service)
    return service
