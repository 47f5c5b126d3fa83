"""Cue output: sound backends, text-to-speech, and a runner that plays queued cues on time.

Three backends, tried in this order (`GLUTEAPP_AUDIO_BACKEND=qt|playsound|visual` or
`choose_backend(preferred=...)` starts the chain further down), each in its own module:

1. `qt` (`qt_backend`): one QtMultimedia audio stream (QAudioSink) that the backend's own mixer
   fills from the thread it lives on, each cue starting at the sample of its due time. A
   backend may load in the background: the service is usable at once, cues asked for while it
   loads flash and wait, and the service emits `ready` when they can sound.
2. `playsound` (`playsound_backend`): playsound3, when QtMultimedia cannot be loaded (no
   libpulse, a broken install), sees no output device or cannot load the sounds. It starts a
   player program per sound (on Linux `gst-play-1.0`) from a worker thread, never the GUI thread.
3. `visual` (`visual`): no sound at all; the system beep and the `visual_cue` flash.

`AudioService.visual_cue` (`service`) is emitted for every cue on every backend, so the player
can always flash. Text-to-speech (`speech`: exercise names, tips) uses QTextToSpeech when a
working engine exists; otherwise `say()` returns False and the caller uses the recorded clips.
`CueRunner` (`runner`) plays scheduled cues on time; `AudioThread` (`thread`) runs the service
and a runner on a thread of their own, so that a busy GUI thread never delays a cue (the app's
audio, `start_audio_thread`); `assets` finds the WAV files; `cli` is
`python -m gluteapp.gui.audio info|play SPEC`. Nothing here waits in a nested event loop.
"""

from gluteapp.gui.audio.assets import all_cues, clip_duration_s, cue_file, cue_key, resolve_cue
from gluteapp.gui.audio.base import AudioBackend, BackendUnavailableError
from gluteapp.gui.audio.choice import BACKEND_ORDER, ENV_BACKEND, backend_after, choose_backend
from gluteapp.gui.audio.cli import main
from gluteapp.gui.audio.playsound_backend import PlaysoundBackend
from gluteapp.gui.audio.qt_backend import QtAudioBackend
from gluteapp.gui.audio.runner import CueRunner
from gluteapp.gui.audio.service import AudioService, create_audio_service
from gluteapp.gui.audio.speech import Speech
from gluteapp.gui.audio.thread import AudioThread, start_audio_thread
from gluteapp.gui.audio.visual import VisualBackend

__all__ = [
    "BACKEND_ORDER",
    "ENV_BACKEND",
    "AudioBackend",
    "AudioService",
    "AudioThread",
    "BackendUnavailableError",
    "CueRunner",
    "PlaysoundBackend",
    "QtAudioBackend",
    "Speech",
    "VisualBackend",
    "all_cues",
    "backend_after",
    "choose_backend",
    "clip_duration_s",
    "create_audio_service",
    "cue_file",
    "cue_key",
    "main",
    "resolve_cue",
    "start_audio_thread",
]
