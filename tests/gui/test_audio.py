"""The audio service in-process: backend choice, fallbacks, flashing, volume, mute, the runner.

Nothing here touches a real audio device (QtMultimedia is blocked or faked, or the backend is a
fake): a GUI test process must not depend on, or start, a sound server. Real sound is tested in
test_audio_devices.py and test_audio_recording.py, in child processes.
"""

from __future__ import annotations

import sys
import threading
import time
import types
import wave
from array import array
from enum import Enum
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
import pytest
from PySide6.QtCore import QObject, QTimer, Signal

from gluteapp.core.cues import Cue, CueSettings, Phrase, Utterance
from gluteapp.gui import audio
from gluteapp.gui.audio import (
    AudioBackend,
    AudioService,
    CueRunner,
    PlaysoundBackend,
    QtAudioBackend,
    Speech,
    VisualBackend,
    choose_backend,
    create_audio_service,
    cue_file,
    resolve_cue,
)


class RecordingBackend(AudioBackend):
    """Remembers what it was asked to do."""

    name = "recording"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__("records calls", parent)
        self.played: list[Cue | Phrase] = []
        self.volumes: list[float] = []
        self.holds: list[bool] = []
        self.closed = False

    def play(self, item: Cue | Phrase) -> None:
        self.played.append(item)

    def set_volume(self, volume: float) -> None:
        self.volumes.append(volume)

    def hold_output(self, held: bool) -> None:
        self.holds.append(held)

    def close(self) -> None:
        self.closed = True


@pytest.fixture
def no_qt_multimedia(monkeypatch: pytest.MonkeyPatch) -> None:
    """QtMultimedia cannot be loaded, as when libpulse is missing."""
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)
    monkeypatch.delenv(audio.ENV_BACKEND, raising=False)


@pytest.fixture
def no_playsound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "playsound3", None)


@pytest.fixture
def fake_playsound(monkeypatch: pytest.MonkeyPatch) -> types.SimpleNamespace:
    """A playsound3 whose player takes 300 ms to start, like a slow process spawn."""
    calls: list[tuple[str, bool, str]] = []

    class Sound:
        def is_alive(self) -> bool:
            return False

    def playsound(path: str, block: bool = True) -> Sound:
        time.sleep(0.3)
        calls.append((str(path), block, threading.current_thread().name))
        return Sound()

    module = types.ModuleType("playsound3")
    module.DEFAULT_BACKEND = "fakeplayer"  # type: ignore[attr-defined]
    module.playsound = playsound  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "playsound3", module)
    return types.SimpleNamespace(calls=calls)


class FakeOutput:
    def isNull(self) -> bool:  # noqa: N802 - Qt's name
        return False

    def description(self) -> str:
        return "Fake speakers"

    def isFormatSupported(self, audio_format: object) -> bool:  # noqa: N802 - Qt's name
        return FakeAudioSink.format_supported

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FakeOutput)

    def __hash__(self) -> int:
        return 0


class FakeMediaDevices(QObject):
    audioOutputsChanged = Signal()  # noqa: N815 - Qt's name

    def audioOutputs(self) -> list[FakeOutput]:  # noqa: N802 - Qt's name
        return [FakeOutput()]

    @staticmethod
    def defaultAudioOutput() -> FakeOutput:  # noqa: N802 - Qt's name
        return FakeOutput()


class FakeAudioFormat:
    class SampleFormat(Enum):
        Int16 = 2

    def setSampleRate(self, rate: int) -> None:  # noqa: N802 - Qt's name
        self.rate = rate

    def setChannelCount(self, count: int) -> None:  # noqa: N802 - Qt's name
        self.channels = count

    def setSampleFormat(self, sample_format: object) -> None:  # noqa: N802 - Qt's name
        self.sample_format = sample_format


class FakeQtAudio:
    class Error(Enum):
        NoError = 0
        OpenError = 1


class FakeStream:
    def __init__(self) -> None:
        self.data = bytearray()

    def write(self, data: bytes) -> int:
        self.data += data
        return len(data)


class FakeAudioSink(QObject):
    """A stream whose speaker takes 48,000 frames a second of the test's clock, from start()."""

    clock: ClassVar[list[float]] = [0.0]
    opens: ClassVar[bool] = True
    format_supported: ClassVar[bool] = True
    made: ClassVar[list[FakeAudioSink]] = []

    def __init__(self, device: FakeOutput, audio_format: FakeAudioFormat,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.buffer_bytes = 0
        self.stream: FakeStream | None = None
        self.streams: list[FakeStream] = []
        self.started_at = 0.0
        self.stalled_s = 0.0  # the speaker took nothing for this long (an underrun)
        FakeAudioSink.made.append(self)

    def setBufferSize(self, size: int) -> None:  # noqa: N802 - Qt's name
        self.buffer_bytes = size

    def bufferSize(self) -> int:  # noqa: N802 - Qt's name
        return self.buffer_bytes

    def start(self) -> FakeStream | None:
        if not self.opens:
            return None
        self.stream = FakeStream()
        self.streams.append(self.stream)
        self.started_at = self.clock[0]
        return self.stream

    def error(self) -> FakeQtAudio.Error:
        return FakeQtAudio.Error.NoError if self.opens else FakeQtAudio.Error.OpenError

    def bytesFree(self) -> int:  # noqa: N802 - Qt's name
        assert self.stream is not None
        heard = round((self.clock[0] - self.started_at - self.stalled_s) * 48_000) * 2
        return max(0, self.buffer_bytes - (len(self.stream.data) - heard))

    def stop(self) -> None:
        self.stream = None

    def samples(self) -> np.ndarray[Any, np.dtype[np.int16]]:
        return np.frombuffer(bytes(self.streams[-1].data), dtype="<i2")


def sink() -> FakeAudioSink:
    (made,) = FakeAudioSink.made
    return made


@pytest.fixture
def fake_qt_multimedia(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """A QtMultimedia whose one audio stream plays into an array; returns the test's clock."""
    module = types.ModuleType("PySide6.QtMultimedia")
    module.QMediaDevices = FakeMediaDevices  # type: ignore[attr-defined]
    module.QAudioFormat = FakeAudioFormat  # type: ignore[attr-defined]
    module.QAudioSink = FakeAudioSink  # type: ignore[attr-defined]
    module.QtAudio = FakeQtAudio  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", module)
    monkeypatch.setitem(sys.modules, "PySide6.QtTextToSpeech", None)  # no speech engine here
    monkeypatch.delenv(audio.ENV_BACKEND, raising=False)
    monkeypatch.setattr(FakeAudioSink, "made", [])
    monkeypatch.setattr(FakeAudioSink, "clock", [100.0])
    monkeypatch.setattr(FakeAudioSink, "opens", True)
    monkeypatch.setattr(FakeAudioSink, "format_supported", True)
    return FakeAudioSink.clock


def clip_samples(item: Cue | Phrase) -> np.ndarray[Any, np.dtype[np.int16]]:
    with wave.open(str(cue_file(item)), "rb") as clip:
        return np.frombuffer(clip.readframes(clip.getnframes()), dtype="<i2")


def first_sound(samples: np.ndarray[Any, np.dtype[np.int16]]) -> int:
    return int(np.argmax(np.abs(samples) > 0))


# --- Assets ---------------------------------------------------------------------------------


def test_every_cue_resolves_to_its_file() -> None:
    for item in [*Cue, *Phrase]:
        path = cue_file(item)
        assert path.is_file()
        assert path.stem == item.value
    assert cue_file("go").parent.name == "sounds"
    assert cue_file("voice/go").parent.name == "voice"
    assert resolve_cue("sounds/rep_up") is Cue.REP_UP


@pytest.mark.parametrize("name", ["gong", "voice/prepare_tick", "music/go", ""])
def test_an_unknown_cue_name_raises(name: str) -> None:
    with pytest.raises(KeyError, match="unknown cue"):
        cue_file(name)


# --- Choosing a backend ---------------------------------------------------------------------


def test_qtmultimedia_unloadable_falls_back_to_playsound(
    qapp: Any, no_qt_multimedia: None, fake_playsound: types.SimpleNamespace
) -> None:
    backend = choose_backend(parent=qapp)
    try:
        assert backend.name == "playsound"
        assert "PySide6.QtMultimedia cannot be loaded" in backend.reason
        assert "fakeplayer" in backend.reason
    finally:
        backend.close()


def test_with_neither_qtmultimedia_nor_playsound_cues_are_visual(
    qapp: Any, no_qt_multimedia: None, no_playsound: None
) -> None:
    backend = choose_backend(parent=qapp)
    assert backend.name == "visual"
    assert "PySide6.QtMultimedia cannot be loaded" in backend.reason
    assert "playsound3 cannot be loaded" in backend.reason


def test_playsound_without_a_player_program_is_passed_over(
    qapp: Any, no_qt_multimedia: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = types.ModuleType("playsound3")
    module.DEFAULT_BACKEND = None  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "playsound3", module)
    backend = choose_backend(parent=qapp)
    assert backend.name == "visual"
    assert "gstreamer1.0-plugins-base-apps" in backend.reason


def test_the_environment_forces_a_backend(qapp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(audio.ENV_BACKEND, "visual")
    backend = choose_backend(parent=qapp)
    assert backend.name == "visual"
    assert "GLUTEAPP_AUDIO_BACKEND=visual" in backend.reason


def test_an_explicit_preference_beats_the_environment(
    qapp: Any, monkeypatch: pytest.MonkeyPatch, fake_playsound: types.SimpleNamespace
) -> None:
    monkeypatch.setenv(audio.ENV_BACKEND, "qt")
    backend = choose_backend("playsound", parent=qapp)
    try:
        assert backend.name == "playsound"
    finally:
        backend.close()


def test_an_unknown_backend_name_is_reported_not_fatal(
    qapp: Any, no_qt_multimedia: None, no_playsound: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(audio.ENV_BACKEND, "alsa")
    backend = choose_backend(parent=qapp)
    assert backend.name == "visual"
    assert "ignored unknown backend 'alsa'" in backend.reason


# --- The QtMultimedia stream: each cue at the sample of its time ---------------------------


def make_stream_backend(clock: list[float]) -> QtAudioBackend:
    return QtAudioBackend(clock=lambda: clock[0])


def advance(backend: QtAudioBackend, clock: list[float], seconds: float) -> None:
    """Let the test's clock run, topping the stream up every 5 ms as the timer would."""
    for _ in range(round(seconds / 0.005)):
        clock[0] += 0.005
        backend._fill()


def test_creating_the_audio_service_does_not_wait_in_a_nested_event_loop(
    qtbot: Any, fake_qt_multimedia: list[float]
) -> None:
    """A nested loop would run this zero timer (and anything else queued) before returning."""
    fired: list[str] = []
    QTimer.singleShot(0, lambda: fired.append("queued before"))
    service = create_audio_service(preferred="qt")
    assert fired == []
    assert service.backend_name == "qt"
    assert service.is_ready is True  # the clips are read at once; nothing loads in the background
    qtbot.waitUntil(lambda: fired == ["queued before"])
    service.close()


def test_a_cue_is_mixed_in_at_the_sample_of_its_time(
    qtbot: Any, fake_qt_multimedia: list[float]
) -> None:
    clock = fake_qt_multimedia
    backend = make_stream_backend(clock)
    backend.set_volume(1.0)
    backend.hold_output(True)
    started = clock[0]
    assert backend.play_at(Cue.GO, started + 0.5) == pytest.approx(started + 0.5, abs=1e-4)
    advance(backend, clock, 1.2)
    written = sink().samples()
    go = clip_samples(Cue.GO)
    onset = first_sound(written)
    assert onset == round(0.5 * 48_000) + first_sound(go)  # to the sample
    assert np.array_equal(written[24_000 : 24_000 + len(go)], go)
    backend.close()


def test_a_late_wake_up_does_not_make_a_cue_late(
    qtbot: Any, fake_qt_multimedia: list[float]
) -> None:
    """The thread woke 60 ms late (less than the buffer): the cue still starts on its sample."""
    clock = fake_qt_multimedia
    backend = make_stream_backend(clock)
    backend.hold_output(True)
    started = clock[0]
    advance(backend, clock, 0.3)
    clock[0] += 0.06  # no top-up for 60 ms
    backend.play_at(Cue.PREPARE_TICK, started + 0.5)
    advance(backend, clock, 0.5)
    onset = first_sound(sink().samples())
    assert onset == round(0.5 * 48_000) + first_sound(clip_samples(Cue.PREPARE_TICK))
    backend.close()


def test_a_cue_handed_over_too_late_starts_with_the_first_free_sample(
    qtbot: Any, fake_qt_multimedia: list[float]
) -> None:
    clock = fake_qt_multimedia
    backend = make_stream_backend(clock)
    backend.hold_output(True)
    advance(backend, clock, 0.5)
    due = clock[0] - 0.2
    start = backend.play_at(Cue.LAST_TICK, due)
    assert start == pytest.approx(clock[0] + QtAudioBackend.BUFFER_S, abs=0.006)
    backend.close()


def test_after_an_underrun_the_stream_clock_is_taken_again(
    qtbot: Any, fake_qt_multimedia: list[float]
) -> None:
    """The speaker took nothing for 200 ms: later cues are placed by the new stream clock."""
    clock = fake_qt_multimedia
    backend = make_stream_backend(clock)
    backend.hold_output(True)
    advance(backend, clock, 0.5)
    sink().stalled_s = 0.2
    clock[0] += 0.2
    advance(backend, clock, 0.2)
    due = clock[0] + 0.5
    written_before = len(sink().samples())
    backend.play_at(Cue.PREPARE_TICK, due)
    advance(backend, clock, 0.7)
    onset = first_sound(sink().samples()[written_before:]) + written_before
    heard_at = sink().started_at + sink().stalled_s + onset / 48_000
    assert heard_at - first_sound(clip_samples(Cue.PREPARE_TICK)) / 48_000 == pytest.approx(
        due, abs=0.002)
    backend.close()


def test_cues_not_yet_written_can_be_taken_back(
    qtbot: Any, fake_qt_multimedia: list[float]
) -> None:
    clock = fake_qt_multimedia
    backend = make_stream_backend(clock)
    backend.hold_output(True)
    now = clock[0]
    backend.play_at(Cue.GO, now + 0.3)
    backend.play_at(Cue.HALFWAY, now + 0.6)
    assert backend.cancel_after(now + 0.4) == [(Cue.HALFWAY, now + 0.6)]
    advance(backend, clock, 1.5)
    expected = np.zeros(len(sink().samples()), dtype=np.int16)
    go = clip_samples(Cue.GO)
    expected[round(0.3 * 48_000) : round(0.3 * 48_000) + len(go)] = go
    assert np.array_equal(sink().samples(), expected)  # "go" alone
    backend.close()


def test_volume_scales_what_is_mixed(qtbot: Any, fake_qt_multimedia: list[float]) -> None:
    clock = fake_qt_multimedia
    backend = make_stream_backend(clock)
    backend.set_volume(0.5)
    backend.hold_output(True)
    backend.play_at(Cue.GO, clock[0] + 0.2)
    advance(backend, clock, 1.0)
    loudest = int(np.max(np.abs(sink().samples())))
    assert loudest == int(np.max(np.abs(clip_samples(Cue.GO).astype(np.int32)) * 0.5))
    backend.close()


def test_a_released_stream_lingers_then_stops(qtbot: Any, fake_qt_multimedia: list[float]) -> None:
    clock = fake_qt_multimedia
    backend = make_stream_backend(clock)
    assert not backend.streaming
    backend.hold_output(True)
    assert backend.streaming
    backend.play_at(Cue.GO, clock[0] + 0.1)
    backend.hold_output(False)
    advance(backend, clock, 5.0)
    assert backend.streaming  # a session's next cue comes soon: the stream stays warm
    advance(backend, clock, QtAudioBackend.LINGER_S)
    assert not backend.streaming
    backend.play(Cue.GO)  # a cue starts it again
    assert backend.streaming
    backend.close()


def test_a_stream_that_cannot_open_hands_over_to_the_next_backend(
    qtbot: Any,
    fake_qt_multimedia: list[float],
    fake_playsound: types.SimpleNamespace,
) -> None:
    FakeAudioSink.opens = False
    service = AudioService(QtAudioBackend())
    with qtbot.waitSignal(service.backend_changed) as changed:
        service.play(Cue.GO)
    assert changed.args[0] == "visual"  # it had played: no reload, visual cues from now on
    assert "could not open the audio stream" in service.backend_reason
    service.close()


def test_a_device_without_the_format_is_passed_over(
    qtbot: Any, fake_qt_multimedia: list[float], fake_playsound: types.SimpleNamespace
) -> None:
    FakeAudioSink.format_supported = False
    backend = choose_backend()
    try:
        assert backend.name == "playsound"
        assert "cannot play 16-bit mono at 48000 Hz" in backend.reason
    finally:
        backend.close()


def test_the_service_flashes_a_scheduled_cue_when_it_sounds(
    qtbot: Any, fake_qt_multimedia: list[float]
) -> None:
    clock = fake_qt_multimedia
    service = AudioService(make_stream_backend(clock), clock=lambda: clock[0])
    flashes: list[str] = []
    service.visual_cue.connect(flashes.append)
    start = service.play_at(Cue.GO, clock[0] + 0.2)
    assert start == pytest.approx(clock[0] + 0.2, abs=1e-4)
    assert flashes == []  # not before the sound
    qtbot.waitUntil(lambda: flashes == ["sounds/go"], timeout=1000)
    service.close()


# --- The service ----------------------------------------------------------------------------


def test_every_cue_flashes_even_when_nothing_may_sound(qtbot: Any) -> None:
    backend = RecordingBackend()
    service = AudioService(backend, settings=CueSettings(muted=True))
    flashes: list[str] = []
    service.visual_cue.connect(flashes.append)
    service.play(Cue.PREPARE_TICK)
    service.play("voice/three")
    assert flashes == ["sounds/prepare_tick", "voice/three"]
    assert backend.played == []


def test_settings_filter_the_channels(qtbot: Any) -> None:
    backend = RecordingBackend()
    service = AudioService(backend, settings=CueSettings(beeps_on=False))
    service.play(Cue.GO)
    service.play(Phrase.GO)
    assert backend.played == [Phrase.GO]


def test_volume_and_mute_reach_the_backend(qtbot: Any) -> None:
    backend = RecordingBackend()
    service = AudioService(backend, settings=CueSettings(volume=0.5))
    assert backend.volumes == [0.5]
    service.set_volume(0.25)
    assert backend.volumes[-1] == 0.25
    assert service.settings.volume == 0.25
    assert service.toggle_muted() is True
    service.play(Cue.GO)
    assert backend.played == []
    assert service.toggle_muted() is False
    service.play(Cue.GO)
    assert backend.played == [Cue.GO]


def test_an_unknown_cue_is_a_bug_and_raises(qtbot: Any) -> None:
    service = AudioService(RecordingBackend())
    with pytest.raises(KeyError, match="unknown cue 'sounds/gong'"):
        service.play("sounds/gong")


def test_a_failing_backend_is_replaced_by_visual_cues(qtbot: Any) -> None:
    backend = RecordingBackend()
    service = AudioService(backend)
    with qtbot.waitSignal(service.backend_changed) as changed:
        backend.failed.emit("the player crashed")
    assert changed.args[0] == "visual"
    assert service.backend_name == "visual"
    assert "the player crashed" in service.backend_reason
    assert backend.closed
    with qtbot.waitSignal(service.visual_cue):
        service.play(Cue.GO)  # still flashes, never raises


def test_output_is_held_once_for_nested_holders(qtbot: Any) -> None:
    backend = RecordingBackend()
    service = AudioService(backend)
    service.hold_output()
    service.hold_output()
    service.release_output()
    assert backend.holds == [True]
    service.release_output()
    service.release_output()  # one release too many is harmless
    assert backend.holds == [True, False]


def test_visual_backend_plays_without_sound(qtbot: Any) -> None:
    service = AudioService(VisualBackend("visual cues only"))
    with qtbot.waitSignal(service.visual_cue) as flashed:
        service.play(Cue.SESSION_COMPLETE)
    assert flashed.args == ["sounds/session_complete"]


# --- Text-to-speech -------------------------------------------------------------------------


def test_without_qt_text_to_speech_speech_falls_back_to_clips(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "PySide6.QtTextToSpeech", None)
    speech = Speech()
    assert speech.available  # the built-in exercises' recorded clips (clip_voice)
    assert speech.name == "clips"
    assert "spoken from recorded clips" in speech.reason
    service = AudioService(RecordingBackend(), speech)
    with qtbot.waitSignal(service.visual_cue) as flashed:
        assert service.say("Next: glute bridge") is False
    assert flashed.args == ["speech/Next: glute bridge"]


# --- playsound3 never blocks the GUI thread -------------------------------------------------


def test_playsound_backend_plays_from_a_worker_thread(
    qtbot: Any, fake_playsound: types.SimpleNamespace
) -> None:
    backend = PlaysoundBackend()
    try:
        started = time.monotonic()
        backend.play(Cue.GO)
        backend.play(Phrase.THREE)
        assert time.monotonic() - started < 0.1  # the fake player takes 300 ms per sound
        qtbot.waitUntil(lambda: len(fake_playsound.calls) == 2, timeout=3000)
    finally:
        backend.close()
    assert [Path(path).stem for path, _, _ in fake_playsound.calls] == [
        "sounds-go-1.00",
        "voice-three-1.00",
    ]
    assert all(block is False for _, block, _ in fake_playsound.calls)
    assert {thread for _, _, thread in fake_playsound.calls} == {"gluteapp-playsound"}


def _samples(path: Path) -> array[int]:
    with wave.open(str(path), "rb") as clip:
        return array("h", clip.readframes(clip.getnframes()))


@pytest.mark.parametrize("volume", [1.0, 0.5])
def test_playsound_backend_plays_a_padded_copy_at_the_volume(
    qtbot: Any, fake_playsound: types.SimpleNamespace, volume: float
) -> None:
    backend = PlaysoundBackend()
    try:
        backend.set_volume(volume)
        backend.play(Cue.REP_UP)
        qtbot.waitUntil(lambda: len(fake_playsound.calls) == 1, timeout=3000)
        copy = Path(fake_playsound.calls[0][0])
        played, original = _samples(copy), _samples(cue_file(Cue.REP_UP))
    finally:
        backend.close()
    lead = round(PlaysoundBackend.LEAD_PAD_S * 48_000)
    assert not any(played[:lead])  # silence for the player to swallow
    assert len(played) == lead + len(original)
    assert max(map(abs, played)) == pytest.approx(max(map(abs, original)) * volume, abs=1)
    assert not copy.exists()  # the copies go with the backend


def test_a_crashing_player_demotes_the_service_to_visual(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = types.ModuleType("playsound3")
    module.DEFAULT_BACKEND = "brokenplayer"  # type: ignore[attr-defined]

    def playsound(path: str, block: bool = True) -> None:
        raise OSError("no such device")

    module.playsound = playsound  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "playsound3", module)
    service = AudioService(PlaysoundBackend())
    with qtbot.waitSignal(service.backend_changed, timeout=3000):
        service.play(Cue.GO)
    assert service.backend_name == "visual"
    assert "no such device" in service.backend_reason


# --- The runner -----------------------------------------------------------------------------


def test_runner_plays_cues_at_their_time_in_order(qtbot: Any) -> None:
    backend = RecordingBackend()
    service = AudioService(backend)
    runner = CueRunner(service, parent=service)
    now = time.monotonic()
    runner.schedule(Cue.GO, now + 0.12)
    runner.schedule(Cue.PREPARE_TICK, now + 0.05)
    runner.schedule(Phrase.THREE, now + 0.05)
    played: list[tuple[str, float]] = []
    runner.played.connect(lambda key, lateness_ms: played.append((key, lateness_ms)))
    qtbot.waitUntil(lambda: len(backend.played) == 3, timeout=2000)
    assert backend.played == [Cue.PREPARE_TICK, Phrase.THREE, Cue.GO]
    assert [key for key, _ in played] == ["sounds/prepare_tick", "voice/three", "sounds/go"]
    assert all(0 <= ms < 50 for _, ms in played)
    assert backend.holds == [True, False]  # held while cues were pending, released after


def test_runner_drops_a_cue_it_can_only_play_late(qtbot: Any) -> None:
    backend = RecordingBackend()
    service = AudioService(backend)
    runner = CueRunner(service, parent=service)
    with qtbot.waitSignal(runner.dropped) as dropped:
        runner.schedule(Cue.PREPARE_TICK, time.monotonic() - 1.0)
    assert dropped.args == ["sounds/prepare_tick", "stale"]
    assert backend.played == []


def test_runner_does_not_wait_for_speech_that_is_switched_off(qtbot: Any) -> None:
    backend = RecordingBackend()
    service = AudioService(backend, settings=CueSettings(voice_on=False))
    runner = CueRunner(service, parent=service)
    now = time.monotonic()
    runner.schedule(Phrase.SESSION_COMPLETE, now)  # 1.9 s of speech, not heard
    runner.schedule(Phrase.THREE, now + 0.05)
    keys: list[str] = []
    runner.played.connect(lambda key, _ms: keys.append(key))
    qtbot.waitUntil(lambda: len(keys) == 2, timeout=1000)  # not 1.9 s later
    assert keys == ["voice/session_complete", "voice/three"]


def test_runner_falls_back_to_clips_when_speech_is_unavailable(qtbot: Any) -> None:
    backend = RecordingBackend()
    service = AudioService(backend, Speech(probe=False))
    runner = CueRunner(service, parent=service)
    with qtbot.waitSignal(runner.played):
        runner.schedule(Utterance("Glute bridge"), time.monotonic())
    runner.schedule(Phrase.GO, time.monotonic())
    qtbot.waitUntil(lambda: backend.played == [Phrase.GO], timeout=1000)
