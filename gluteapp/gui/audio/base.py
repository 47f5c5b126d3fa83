"""What every sound backend offers the service, and how optional audio modules are loaded."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import ClassVar

from PySide6.QtCore import QObject, Signal

from gluteapp.core.cues import Cue, Phrase


class BackendUnavailableError(Exception):
    """This backend cannot play here; the message says why (shown to the person)."""


class AudioBackend(QObject):
    """Plays cue files. Subclasses never raise from `play`: they log, or emit `failed`.

    A backend may still be loading when it is created (`is_ready` False): it then emits `ready`
    once it can play, or `failed` if it never will. The service does not call `play` before.
    """

    failed = Signal(str)  # the backend stopped working, or never finished loading; why
    ready = Signal()  # loading finished; `play` sounds from now on

    name: ClassVar[str] = "?"
    #: How long before its time a cue should be handed over (`play_at`). 0: the backend plays
    #: what it is given at once, so the runner calls it at the cue's time.
    lead_s: ClassVar[float] = 0.0

    def __init__(self, reason: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reason = reason

    @property
    def is_ready(self) -> bool:
        """Whether `play` sounds now; backends that load in the background override this."""
        return True

    def play(self, item: Cue | Phrase) -> None:
        raise NotImplementedError

    def play_at(self, item: Cue | Phrase, at: float) -> float | None:
        """Play the cue to be heard at `at`; when it will start, if the backend knows.

        Backends without a schedule (`lead_s` 0) are called at the cue's time and play now.
        """
        self.play(item)
        return None

    def earliest_start(self, now: float) -> float:
        """The earliest moment a cue handed over at `now` can be heard."""
        return now

    def cancel_after(self, after: float) -> list[tuple[Cue | Phrase, float]]:
        """Take back cues handed over for after `after` that have not started: (cue, time)."""
        return []

    def set_volume(self, volume: float) -> None:
        """Linear gain 0..1 for every following play."""

    def hold_output(self, held: bool) -> None:
        """Keep the output stream open (`True`) while cues are expected soon."""

    def close(self) -> None:
        """Release players and threads; the backend is not used afterwards."""


def import_optional(module: str) -> ModuleType:
    """Import a module that may be missing or broken; tests make it fail via sys.modules."""
    try:
        return importlib.import_module(module)
    except ImportError as error:  # includes a missing libpulse.so.0 behind QtMultimedia
        raise BackendUnavailableError(f"{module} cannot be loaded ({error})") from error
