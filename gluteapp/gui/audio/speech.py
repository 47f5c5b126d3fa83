"""Exercise names, setup steps and tips spoken: by a Qt text-to-speech engine, or from clips.

With no working engine (a stock desktop), the built-in exercises' texts are still said, from
clips recorded at build time (`clip_voice`). GLUTEAPP_SPEECH=clips skips the engines.
"""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import QObject, Signal

from gluteapp.gui.audio.base import BackendUnavailableError, import_optional
from gluteapp.gui.audio.clip_voice import ClipVoice

#: Set to "clips" to use the recorded clips even where an engine exists (tests, comparisons).
ENV_SPEECH = "GLUTEAPP_SPEECH"


class Speech(QObject):
    """Qt text-to-speech if a working engine exists; `available` False means use the clips."""

    finished = Signal()  # the engine went back to ready after speaking

    def __init__(self, parent: QObject | None = None, *, probe: bool = True) -> None:
        super().__init__(parent)
        self._tts: Any = None
        self._clips: ClipVoice | None = None
        self.name = "clips"
        self.reason = "text-to-speech not probed"
        if probe:
            self._probe()

    @property
    def available(self) -> bool:
        """Whether anything can speak: an engine, or the recorded clips."""
        return self._tts is not None or (self._clips is not None and self._clips.has_clips)

    def _use_clips(self, why: str) -> None:
        self._clips = ClipVoice(self)
        self._clips.finished.connect(self.finished)
        self.name = "clips"
        self.reason = f"{why}; the built-in exercises are spoken from recorded clips"

    def _probe(self) -> None:
        if os.environ.get(ENV_SPEECH) == "clips":
            self._use_clips(f"{ENV_SPEECH}=clips")
            return
        try:
            module = import_optional("PySide6.QtTextToSpeech")
        except BackendUnavailableError as why:
            self._use_clips(str(why))
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
        self._use_clips(f"no text-to-speech engine ({found})")

    def _on_state(self, state: Any) -> None:
        if state == type(self._tts).State.Ready:
            self.finished.emit()

    def set_volume(self, volume: float) -> None:
        if self._tts is not None:
            self._tts.setVolume(volume)
        if self._clips is not None:
            self._clips.set_volume(volume)

    def say(self, text: str) -> bool:
        """Speak `text`; False when nothing can (no engine, and no clip of this text)."""
        if self._tts is not None:
            self._tts.say(text)
            return True
        return self._clips is not None and self._clips.say(text)

    def stop(self) -> None:
        if self._tts is not None:
            self._tts.stop()
        if self._clips is not None:
            self._clips.stop()
