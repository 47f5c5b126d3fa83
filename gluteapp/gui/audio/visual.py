"""The last-resort backend: no sound output, only the system beep; the service flashes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from gluteapp.core.cues import Cue, Phrase
from gluteapp.gui.audio.base import AudioBackend


class VisualBackend(AudioBackend):
    """No sound output: the system beep for beeps; the service's `visual_cue` does the rest."""

    name = "visual"

    def play(self, item: Cue | Phrase) -> None:
        app = QCoreApplication.instance()
        if isinstance(item, Cue) and isinstance(app, QApplication):
            # On the GUI thread, where the platform's beep may be used, from the audio thread too.
            QTimer.singleShot(0, app, QApplication.beep)
