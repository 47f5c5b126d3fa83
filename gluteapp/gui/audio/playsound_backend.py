"""The playsound3 backend: a player program per cue, started from a worker thread."""

from __future__ import annotations

import logging
import queue
import sys
import tempfile
import threading
import wave
from array import array
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject

from gluteapp.core.cues import Cue, Phrase
from gluteapp.gui.audio.assets import cue_file
from gluteapp.gui.audio.base import AudioBackend, BackendUnavailableError, import_optional

log = logging.getLogger(__name__)


class PlaysoundBackend(AudioBackend):
    """playsound3 in a worker thread: starting a player process never blocks the GUI.

    Each sound is played from a copy with LEAD_PAD_S of silence in front and the volume applied
    (the players take no gain option): gst-play swallows the first 5-15 ms of what it plays,
    which is most of the attack of a 60 ms rep click.
    """

    name = "playsound"
    LEAD_PAD_S = 0.1

    def __init__(self, parent: QObject | None = None) -> None:
        module = import_optional("playsound3")
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
