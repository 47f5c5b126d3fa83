"""Text-to-speech for exercise names and tips, when a working Qt engine exists."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from gluteapp.gui.audio.base import BackendUnavailableError, import_optional


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
            module = import_optional("PySide6.QtTextToSpeech")
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
