"""Recorded clips of the exercises' names, first steps and tips, where no speech engine exists.

`tools/make_exercise_voice.py` renders them at build time (espeak-ng, English and German) into
assets/voice/exercises, each named by a hash of the text it says: what the player is about to
say finds its clip whatever its language, and a text without one (an exercise of your own) is
simply not spoken. They play through QtMultimedia's media player, which decodes Ogg Vorbis.
"""

from __future__ import annotations

import hashlib
import logging
from functools import cache
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl, Signal

from gluteapp.core.assets import assets_dir
from gluteapp.gui.audio.base import BackendUnavailableError, import_optional

log = logging.getLogger(__name__)

CLIP_FOLDER = ("voice", "exercises")


def clip_name(text: str) -> str:
    """The file a text's clip has: the same rule as tools/make_exercise_voice.py's."""
    return hashlib.sha1(text.strip().encode("utf-8")).hexdigest()[:16] + ".ogg"


def clips_dir() -> Path:
    return assets_dir().joinpath(*CLIP_FOLDER)


@cache
def _known() -> frozenset[str]:
    folder = clips_dir()
    return frozenset(p.name for p in folder.glob("*.ogg")) if folder.is_dir() else frozenset()


def clip_for(text: str) -> Path | None:
    """The recorded clip that says `text`, if there is one."""
    name = clip_name(text)
    return clips_dir() / name if name in _known() else None


class ClipVoice(QObject):
    """Says a text by playing its clip; `say` is False when there is none or it cannot play."""

    finished = Signal()  # a clip stopped playing (ended, or was stopped)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._player: Any = None
        self._output: Any = None
        self._volume = 1.0
        self.reason = ""

    @property
    def has_clips(self) -> bool:
        return bool(_known())

    def _ensure_player(self) -> bool:
        if self._player is not None:
            return True
        try:
            multimedia = import_optional("PySide6.QtMultimedia")
        except BackendUnavailableError as why:
            self.reason = str(why)
            return False
        self._output = multimedia.QAudioOutput(self)
        self._output.setVolume(self._volume)
        self._player = multimedia.QMediaPlayer(self)
        self._player.setAudioOutput(self._output)
        stopped = multimedia.QMediaPlayer.PlaybackState.StoppedState
        self._player.playbackStateChanged.connect(
            lambda state: self.finished.emit() if state == stopped else None)
        self._player.errorOccurred.connect(
            lambda _error, text: log.warning("a recorded clip could not play: %s", text))
        return True

    def say(self, text: str) -> bool:
        clip = clip_for(text)
        if clip is None or not self._ensure_player():
            return False
        self._player.stop()
        self._player.setSource(QUrl.fromLocalFile(str(clip)))
        self._player.play()
        log.info("speaking from a clip: %s", text[:60])
        return True

    def set_volume(self, volume: float) -> None:
        self._volume = volume
        if self._output is not None:
            self._output.setVolume(volume)

    def stop(self) -> None:
        if self._player is not None:
            self._player.stop()
