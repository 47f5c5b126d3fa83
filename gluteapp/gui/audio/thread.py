"""The audio thread: backend, speech and cue runner on a thread of their own, off the GUI thread.

The GUI thread paints, lays out and reads the history; any of that can keep it busy for longer
than a beep may be late. Here the cues are timed and played by a QThread with its own event
loop and a precise timer, so a busy window delays a repaint but never a beep. Everything that
plays lives on that thread: the backend (its audio stream is written from there), the speech
and the `CueRunner`. The GUI talks to them only through queued signals.
"""

from __future__ import annotations

import atexit
import logging
import sys
import threading
import weakref
from collections.abc import Callable, Sequence

from msgspec.structs import replace
from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from gluteapp.core.cue_policy import PlannedCue
from gluteapp.core.cues import Cue, CueSettings, Phrase
from gluteapp.gui.audio.runner import CueRunner
from gluteapp.gui.audio.service import AudioService

log = logging.getLogger(__name__)

#: Makes the audio service on the audio thread: (parent, settings) -> service.
ServiceFactory = Callable[[QObject, CueSettings], AudioService]

#: How long `AudioThread` waits for the thread to have chosen its backend. Choosing means
#: importing QtMultimedia and creating the effects, which the GUI thread used to do itself.
START_TIMEOUT_S = 10.0

#: The GIL is handed to a waiting thread after this long (Python's default is 5 ms). While the
#: GUI thread runs Python, the audio thread waits up to this for its turn to play a due cue.
SWITCH_INTERVAL_S = 0.001


class _Worker(QObject):
    """Lives on the audio thread and makes everything that plays there."""

    def __init__(self, make_service: ServiceFactory, settings: CueSettings,
                 handle: AudioThread) -> None:
        super().__init__()
        self._make_service = make_service
        self._settings = settings
        self._handle = handle
        self.service: AudioService | None = None
        self.runner: CueRunner | None = None
        self.error: BaseException | None = None
        self.started = threading.Event()

    @Slot()
    def start(self) -> None:
        try:
            service = self._make_service(self, self._settings)
            runner = CueRunner(service, parent=self)
        except BaseException as error:  # reported on the GUI thread, which is waiting for it
            self.error = error
            self.started.set()
            raise
        handle = self._handle
        # Signal to signal: queued to the GUI thread, where the handle lives.
        service.visual_cue.connect(handle.visual_cue)
        service.ready.connect(handle.ready)
        service.backend_changed.connect(handle._on_backend_changed)
        runner.played.connect(handle.played)
        runner.dropped.connect(handle.dropped)
        self.service, self.runner = service, runner
        self.started.set()

    @Slot(object)
    def add(self, planned: list[PlannedCue]) -> None:
        if self.runner is not None:
            self.runner.add(planned)

    @Slot(float, object)
    def replace_after(self, after: float, planned: list[PlannedCue]) -> None:
        if self.runner is not None:
            self.runner.replace_after(after, planned)

    @Slot()
    def clear(self) -> None:
        if self.runner is not None:
            self.runner.clear()

    @Slot(object)
    def apply_settings(self, settings: CueSettings) -> None:
        if self.service is not None:
            self.service.apply_settings(settings)

    @Slot(object)
    def play(self, cue: str | Cue | Phrase) -> None:
        if self.service is not None:
            self.service.play(cue)

    @Slot()
    def close(self) -> None:
        """Stop and free everything on this thread, then end its event loop."""
        if self.runner is not None:
            self.runner.clear()
            self.runner.deleteLater()
        if self.service is not None:
            self.service.close()
            self.service.deleteLater()
        self.runner = self.service = None
        thread = self.thread()
        thread.quit()


class AudioThread(QObject):
    """The app's audio, played from a thread of its own; this handle lives on the GUI thread.

    Offers what the GUI needs of an `AudioService` (the flash, the backend's name and reason,
    settings) and what it needs of a `CueRunner` (`add`, `replace_after`, `clear`, `played`,
    `dropped`); every call is queued to the audio thread and returns at once.
    """

    visual_cue = Signal(str)  # cue key; emitted when the cue is played, on the audio thread
    backend_changed = Signal(str, str)  # name, reason
    ready = Signal()
    played = Signal(str, float)  # cue key, lateness in ms (when play() was called)
    dropped = Signal(str, str)  # cue key, reason

    _add_requested = Signal(object)  # list[PlannedCue]
    _replace_requested = Signal(float, object)  # after, list[PlannedCue]
    _clear_requested = Signal()
    _settings_requested = Signal(object)  # CueSettings
    _play_requested = Signal(object)  # str | Cue | Phrase
    _close_requested = Signal()

    def __init__(
        self,
        make_service: ServiceFactory,
        settings: CueSettings | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings if settings is not None else CueSettings()
        self._closed = False
        self._thread = QThread()
        self._thread.setObjectName("gluteapp-audio")
        worker = _Worker(make_service, self._settings, self)
        worker.moveToThread(self._thread)
        self._worker = worker
        self._thread.started.connect(worker.start)
        # Deleted on its own thread as the thread ends (Qt runs deferred deletes then).
        self._thread.finished.connect(worker.deleteLater)
        self._add_requested.connect(worker.add)
        self._replace_requested.connect(worker.replace_after)
        self._clear_requested.connect(worker.clear)
        self._settings_requested.connect(worker.apply_settings)
        self._play_requested.connect(worker.play)
        self._close_requested.connect(worker.close)
        if sys.getswitchinterval() > SWITCH_INTERVAL_S:
            sys.setswitchinterval(SWITCH_INTERVAL_S)
        self._thread.start(QThread.Priority.TimeCriticalPriority)
        if not worker.started.wait(START_TIMEOUT_S):
            raise RuntimeError(f"the audio thread did not start within {START_TIMEOUT_S:.0f} s")
        if worker.error is not None:
            self._thread.quit()
            self._thread.wait()
            raise RuntimeError(f"the audio thread could not start: {worker.error}")
        service = worker.service
        assert service is not None
        # Read once here, after `started` (which orders these reads after the thread's writes),
        # then kept current by backend_changed on this thread.
        self._backend_name = service.backend_name
        self._backend_reason = service.backend_reason
        self._speech_name = service.speech_name
        self._speech_reason = service.speech_reason
        self._ready = service.is_ready
        self.ready.connect(self._on_ready)
        # A QThread destroyed while it runs aborts the program: end it before Python exits.
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.close)
        closer = weakref.WeakMethod(self.close)
        atexit.register(lambda: (close := closer()) is not None and close())

    # --- what the GUI reads -----------------------------------------------------------------

    @property
    def backend_name(self) -> str:
        return self._backend_name

    @property
    def backend_reason(self) -> str:
        return self._backend_reason

    @property
    def speech_name(self) -> str:
        return self._speech_name

    @property
    def speech_reason(self) -> str:
        return self._speech_reason

    @property
    def is_ready(self) -> bool:
        """Whether cues sound now; False while the backend loads (`ready` follows)."""
        return self._ready

    @property
    def settings(self) -> CueSettings:
        return self._settings

    @property
    def audio_thread(self) -> QThread:
        """The QThread the cues are played from (not this handle's own thread)."""
        return self._thread

    # --- settings ---------------------------------------------------------------------------

    def apply_settings(self, settings: CueSettings) -> None:
        self._settings = settings
        self._settings_requested.emit(settings)

    def set_volume(self, volume: float) -> None:
        self.apply_settings(self._settings.with_volume(volume))

    def set_muted(self, muted: bool) -> None:
        self.apply_settings(replace(self._settings, muted=muted))

    def toggle_muted(self) -> bool:
        self.set_muted(not self._settings.muted)
        return self._settings.muted

    # --- cues -------------------------------------------------------------------------------

    def play(self, cue: str | Cue | Phrase) -> None:
        """Play one cue now (a sound check); it flashes like any other."""
        self._play_requested.emit(cue)

    def add(self, planned: Sequence[PlannedCue]) -> None:
        """Queue a plan's cues on the audio thread (see `CueRunner.add`)."""
        if planned:
            self._add_requested.emit(list(planned))

    def replace_after(self, after: float, planned: Sequence[PlannedCue]) -> None:
        """Replace what is queued after `after` with a plan (see `CueRunner.replace_after`)."""
        self._replace_requested.emit(after, list(planned))

    def clear(self) -> None:
        self._clear_requested.emit()

    def close(self) -> None:
        """Stop every sound, free the backend on its thread and end the thread."""
        if self._closed:
            return
        self._closed = True
        self._close_requested.emit()
        if not self._thread.wait(int(START_TIMEOUT_S * 1000)):
            log.warning("the audio thread did not end within %.0f s", START_TIMEOUT_S)

    # --- from the audio thread --------------------------------------------------------------

    @Slot(str, str)
    def _on_backend_changed(self, name: str, reason: str) -> None:
        self._backend_name, self._backend_reason = name, reason
        self.backend_changed.emit(name, reason)

    @Slot()
    def _on_ready(self) -> None:
        self._ready = True


def start_audio_thread(
    parent: QObject | None = None,
    preferred: str | None = None,
    settings: CueSettings | None = None,
) -> AudioThread:
    """The app's audio on its own thread: the best backend, text-to-speech if present."""
    from gluteapp.gui.audio.service import create_audio_service

    def make(owner: QObject, cue_settings: CueSettings) -> AudioService:
        return create_audio_service(owner, preferred, cue_settings)

    audio = AudioThread(make, settings, parent)
    log.info("audio thread: %s, %s", audio.backend_name, audio.backend_reason)
    return audio
