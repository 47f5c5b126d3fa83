"""Which backend plays the cues: the first that works in the order qt, playsound, visual."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject

from gluteapp.gui.audio.base import AudioBackend, BackendUnavailableError
from gluteapp.gui.audio.playsound_backend import PlaysoundBackend
from gluteapp.gui.audio.qt_backend import QtAudioBackend
from gluteapp.gui.audio.visual import VisualBackend

log = logging.getLogger(__name__)

ENV_BACKEND = "GLUTEAPP_AUDIO_BACKEND"
BACKEND_ORDER = ("qt", "playsound", "visual")

_FACTORIES: dict[str, Callable[[QObject | None], AudioBackend]] = {
    "qt": QtAudioBackend,
    "playsound": PlaysoundBackend,
}


def choose_backend(preferred: str | None = None, parent: QObject | None = None) -> AudioBackend:
    """The first backend that works, starting at `preferred`, else `$GLUTEAPP_AUDIO_BACKEND`.

    Never raises for missing audio: the last resort is the visual backend. Its `reason` says why
    each earlier backend was passed over. Needs a QApplication. The backend may still be loading
    (`is_ready` False); the service waits for its `ready` or `failed` signal.
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
    return _first_working(order, notes, parent)


def backend_after(failed: AudioBackend, why: str, parent: QObject | None = None) -> AudioBackend:
    """The next backend in the order after one that could not finish loading (`why`)."""
    known = failed.name in BACKEND_ORDER
    order = (BACKEND_ORDER[BACKEND_ORDER.index(failed.name) + 1 :] if known else ()) or ("visual",)
    return _first_working(order, [f"{failed.name}: {why}"], parent)


def _first_working(order: Sequence[str], notes: list[str], parent: QObject | None) -> AudioBackend:
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
