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

import pytest
from PySide6.QtCore import QObject, QTimer, QUrl, Signal

from gluteapp.core.cues import Cue, CueSettings, Phrase, Utterance
from gluteapp.gui import audio
from gluteapp.gui.audio import (
    AudioBackend,
    AudioService,
    CueRunner,
    PlaysoundBackend,
    QtSoundEffectBackend,
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


class FakeMediaDevices(QObject):
    audioOutputsChanged = Signal()  # noqa: N815 - Qt's name

    def audioOutputs(self) -> list[FakeOutput]:  # noqa: N802 - Qt's name
        return [FakeOutput()]

    def defaultAudioOutput(self) -> FakeOutput:  # noqa: N802 - Qt's name
        return FakeOutput()


class FakeSoundEffect(QObject):
    """Loads the way QSoundEffect does: Loading after setSource, Ready or Error from the loop.

    `FakeSoundEffect.outcome` maps a file name to the status it ends in (default Ready); a file
    mapped to Loading never finishes loading.
    """

    class Status(Enum):
        Null = 0
        Loading = 1
        Ready = 2
        Error = 3

    class Loop(Enum):
        Infinite = -2

    statusChanged = Signal()  # noqa: N815 - Qt's name
    made: ClassVar[list[FakeSoundEffect]] = []
    outcome: ClassVar[dict[str, FakeSoundEffect.Status]] = {}

    def __init__(self, device: FakeOutput, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._status = self.Status.Null
        self._source = QUrl()
        self.plays = 0
        self.playing = False
        FakeSoundEffect.made.append(self)

    def setSource(self, url: QUrl) -> None:  # noqa: N802 - Qt's name
        self._source = url
        self._status = self.Status.Loading
        outcome = self.outcome.get(url.fileName(), self.Status.Ready)
        if outcome is not self.Status.Loading:
            QTimer.singleShot(0, self, lambda: self._finish_loading(outcome))

    def _finish_loading(self, status: FakeSoundEffect.Status) -> None:
        self._status = status
        self.statusChanged.emit()

    def source(self) -> QUrl:
        return self._source

    def status(self) -> FakeSoundEffect.Status:
        return self._status

    def setLoopCount(self, count: int) -> None:  # noqa: N802 - Qt's name
        pass

    def setVolume(self, volume: float) -> None:  # noqa: N802 - Qt's name
        pass

    def setAudioDevice(self, device: FakeOutput) -> None:  # noqa: N802 - Qt's name
        pass

    def isPlaying(self) -> bool:  # noqa: N802 - Qt's name
        return self.playing

    def play(self) -> None:
        self.plays += 1
        self.playing = True

    def stop(self) -> None:
        self.playing = False


def effect_of(file_name: str) -> FakeSoundEffect:
    """The fake effect playing `sounds-go.wav` (the padded copy of sounds/go), `silence.wav`..."""
    (effect,) = [e for e in FakeSoundEffect.made if e.source().fileName() == file_name]
    return effect


@pytest.fixture
def fake_qt_multimedia(monkeypatch: pytest.MonkeyPatch) -> type[FakeSoundEffect]:
    """A QtMultimedia that loads its sounds in the background and plays into nothing."""
    module = types.ModuleType("PySide6.QtMultimedia")
    module.QMediaDevices = FakeMediaDevices  # type: ignore[attr-defined]
    module.QSoundEffect = FakeSoundEffect  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", module)
    monkeypatch.setitem(sys.modules, "PySide6.QtTextToSpeech", None)  # no speech engine here
    monkeypatch.delenv(audio.ENV_BACKEND, raising=False)
    monkeypatch.setattr(FakeSoundEffect, "made", [])
    monkeypatch.setattr(FakeSoundEffect, "outcome", {})
    return FakeSoundEffect


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


# --- QSoundEffect loads in the background, never in a nested event loop --------------------


def test_creating_the_audio_service_does_not_wait_in_a_nested_event_loop(
    qtbot: Any, fake_qt_multimedia: type[FakeSoundEffect]
) -> None:
    """A nested loop would run this zero timer (and anything else queued) before returning."""
    fired: list[str] = []
    QTimer.singleShot(0, lambda: fired.append("queued before"))
    service = create_audio_service(preferred="qt")
    assert fired == []
    assert service.backend_name == "qt"
    assert service.is_ready is False
    with qtbot.waitSignal(service.ready):
        pass
    assert fired == ["queued before"]
    assert service.is_ready is True
    service.close()


def test_a_cue_asked_for_while_the_sounds_load_plays_once_they_are_loaded(
    qtbot: Any, fake_qt_multimedia: type[FakeSoundEffect]
) -> None:
    service = AudioService(QtSoundEffectBackend())
    flashes: list[str] = []
    service.visual_cue.connect(flashes.append)
    service.hold_output()
    assert service.play(Cue.GO) is True
    assert flashes == ["sounds/go"]  # the flash does not wait
    assert effect_of("sounds-go.wav").plays == 0
    assert effect_of("silence.wav").playing is False
    with qtbot.waitSignal(service.ready):
        pass
    assert effect_of("sounds-go.wav").plays == 1
    assert effect_of("voice-go.wav").plays == 0
    assert effect_of("silence.wav").playing is True  # the hold asked for while loading
    service.play(Phrase.THREE)  # ready now: straight through
    assert effect_of("voice-three.wav").plays == 1
    service.close()


def test_a_cue_that_waited_past_its_stale_time_is_not_played_late(
    qtbot: Any, fake_qt_multimedia: type[FakeSoundEffect]
) -> None:
    now = [100.0]
    service = AudioService(QtSoundEffectBackend(), clock=lambda: now[0])
    service.play(Cue.PREPARE_TICK)  # a beep goes stale after 0.15 s
    service.play(Phrase.SESSION_COMPLETE)  # a voice clip after 2 s
    now[0] += 1.0
    with qtbot.waitSignal(service.ready):
        pass
    assert effect_of("sounds-prepare_tick.wav").plays == 0
    assert effect_of("voice-session_complete.wav").plays == 1
    service.close()


def test_sounds_that_cannot_load_hand_the_waiting_cue_to_the_next_backend(
    qtbot: Any,
    fake_qt_multimedia: type[FakeSoundEffect],
    fake_playsound: types.SimpleNamespace,
) -> None:
    fake_qt_multimedia.outcome["sounds-go.wav"] = FakeSoundEffect.Status.Error
    service = AudioService(QtSoundEffectBackend())
    service.play(Cue.GO)
    with qtbot.waitSignal(service.backend_changed) as changed, qtbot.waitSignal(service.ready):
        pass
    assert changed.args[0] == "playsound"
    assert "(qt: QSoundEffect could not load sounds-go.wav)" in service.backend_reason
    qtbot.waitUntil(lambda: len(fake_playsound.calls) == 1, timeout=3000)
    # The service's volume (0.8 by default) reached the new backend too.
    assert Path(fake_playsound.calls[0][0]).stem == "sounds-go-0.80"
    service.close()


def test_sounds_that_never_finish_loading_give_up_after_the_timeout(
    qtbot: Any, fake_qt_multimedia: type[FakeSoundEffect], no_playsound: None
) -> None:
    fake_qt_multimedia.outcome["voice-three.wav"] = FakeSoundEffect.Status.Loading
    service = AudioService(QtSoundEffectBackend(load_timeout_ms=50))
    flashes: list[str] = []
    service.visual_cue.connect(flashes.append)
    service.play(Phrase.THREE)
    with qtbot.waitSignal(service.ready):
        pass
    assert service.backend_name == "visual"
    assert "voice-three.wav within 50 ms" in service.backend_reason
    assert "playsound3 cannot be loaded" in service.backend_reason
    assert flashes == ["voice/three"]
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
    assert not speech.available
    assert speech.name == "clips"
    assert "recorded clips and beeps" in speech.reason
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
