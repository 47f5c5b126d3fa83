"""What actually comes out: cues played into a private PulseAudio null sink and recorded.

The player runs in a child process (`python -m gluteapp.gui.audio play ...`) with the sink's
environment, because QtMultimedia reads the sound server's address once, when it first starts.
It plays from the audio thread, as the app does. The sequence (tests/audio_sink.py: SEQUENCE)
is a 3-2-1 countdown of get-ready ticks, go, a rep, a voice clip, a last-seconds tick and the
session-complete chime.
"""

from __future__ import annotations

import itertools
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gluteapp.gui.audio.qt_backend import QtAudioBackend
from tests.audio_sink import (
    QUIET_S,
    REPO,
    SEQUENCE,
    Analysis,
    PlayReport,
    PulseSink,
    analyse,
    play_schedule,
    pulse_sink,  # noqa: F401 - the fixture
    spaced,
    spec_of,
)

pytestmark = pytest.mark.audio

EXPECTED = [key for _, key in SEQUENCE]
COUNTDOWN_TICKS = 3


def record(sink: PulseSink, backend: str, tmp_path: Path) -> tuple[PlayReport, Analysis]:
    raw = tmp_path / f"{backend}.raw"
    with sink.record(raw):
        report = play_schedule(sink, backend)
    return report, analyse(raw)


def tick_intervals_s(found: Analysis) -> list[float]:
    ticks = found.onsets_s[:COUNTDOWN_TICKS]
    return [later - earlier for earlier, later in itertools.pairwise(ticks)]


def test_qsoundeffect_cues_come_out_in_order_and_on_time(
    pulse_sink: PulseSink,  # noqa: F811
    tmp_path: Path,
) -> None:
    report, found = record(pulse_sink, "qt", tmp_path)
    assert report.backend_name == "qt", report.backend_reason
    assert report.dropped == []
    assert found.names == EXPECTED
    # The ticks are 1 s apart, give or take what the mixer lets pass by design: a stream that
    # stalls (an underrun on a loaded machine) is followed only once it is RESYNC_S late
    # (measured in CI with the whole suite running: one tick 21 ms late; idle: under 1 ms).
    for interval in tick_intervals_s(found):
        assert interval == pytest.approx(1.000, abs=QtAudioBackend.RESYNC_S), found.onsets_s
    # Every other cue lands where it was scheduled, relative to the first (measured: within
    # 25 ms, about half of it the player's own timer waking late on a loaded machine).
    errors_ms = found.errors_ms(report.scheduled_s)
    assert max(abs(error) for error in errors_ms) <= 40, errors_ms


# gst-play starts a process and a pipeline per cue: onset errors measured with
# benchmarks/cue_onsets.py reached 90 ms on a loaded 2-CPU machine, and 199 ms with four
# busy processes on its two cores, so the bound is 250 ms.
PLAYSOUND_BOUND_S = 0.250
# Cues a player starts that late or early can run into each other: in CI the voice clip and
# the last tick 0.22 s after it were heard as one sound. Each cue waits for the one before it
# to end, then for the silence the onset detection needs and the player's worst lateness.
PLAYSOUND_SEQUENCE = spaced(SEQUENCE, QUIET_S + PLAYSOUND_BOUND_S)


def test_the_playsound_sequence_leaves_room_between_cues() -> None:
    starts = [offset for offset, _ in PLAYSOUND_SEQUENCE]
    assert [key for _, key in PLAYSOUND_SEQUENCE] == EXPECTED
    assert starts[:3] == [0.0, 1.0, 2.0]  # the countdown is untouched
    # "go" lasts 0.55 s and the voice clip 0.534 s: what follows each moved later.
    assert starts[4] == pytest.approx(3.0 + 0.55 + QUIET_S + PLAYSOUND_BOUND_S, abs=0.001)
    assert starts[7] - starts[6] == pytest.approx(0.534 + QUIET_S + PLAYSOUND_BOUND_S, abs=0.001)
    assert all(later >= earlier for earlier, later in itertools.pairwise(starts))


def test_playsound_cues_come_out_in_order(pulse_sink: PulseSink, tmp_path: Path) -> None:  # noqa: F811
    raw = tmp_path / "playsound.raw"
    with pulse_sink.record(raw):
        report = play_schedule(pulse_sink, "playsound", PLAYSOUND_SEQUENCE)
    if report.backend_name != "playsound":
        pytest.fail(
            "playsound3 has no player program here; install gstreamer1.0-plugins-base-apps, "
            f"gstreamer1.0-plugins-good and gstreamer1.0-pulseaudio ({report.backend_reason})"
        )
    found = analyse(raw, PLAYSOUND_SEQUENCE)
    assert report.dropped == []
    assert found.names == EXPECTED, found.onsets_s
    for interval in tick_intervals_s(found):
        assert interval == pytest.approx(1.000, abs=PLAYSOUND_BOUND_S)
    errors_ms = found.errors_ms(report.scheduled_s)
    assert max(abs(error) for error in errors_ms) <= PLAYSOUND_BOUND_S * 1000, errors_ms


# Short and long cues ending by themselves while others play: with QSoundEffect, effects left
# to finish naturally hung the player in about a third of the runs (Qt 6.11.3 and 6.12), and
# effects played from a thread other than the GUI thread hung it at once (QTBUG-144711).
HANG_PRONE = (
    (0.0, "sounds/last_tick"),
    (0.5, "sounds/session_complete"),
    (0.8, "sounds/go"),
    (1.0, "sounds/rep_down"),
    (1.2, "sounds/rep_up"),
    (1.4, "sounds/prepare_tick"),
    (1.5, "sounds/prepare_tick"),
)


@pytest.mark.parametrize("attempt", range(3))
def test_cues_ending_by_themselves_never_hang_the_player(
    pulse_sink: PulseSink,  # noqa: F811
    attempt: int,
) -> None:
    """QSoundEffect could spin a thread when an effect ended by itself (see QtAudioBackend).

    The hang was a race, so one run proves little: three runs catch a regression most times.
    """
    try:
        report = play_schedule(pulse_sink, "qt", HANG_PRONE, lead_in_s=0.3, timeout_s=20)
    except subprocess.TimeoutExpired:
        pytest.fail("the player hung (QSoundEffect voice released on the audio thread?)")
    assert "Invalid socket" not in report.stderr
    assert "another thread" not in report.stderr
    # A cue can be dropped if a loaded machine wakes the player too late; none may go missing.
    assert len(report.started_s) + len(report.dropped) == len(HANG_PRONE)


def test_cues_do_not_pause_the_music(pulse_sink: PulseSink, tmp_path: Path) -> None:  # noqa: F811
    """With the role-cork module a desktop loads, music keeps playing under our cues.

    Qt gives its stream the role "event"; a "phone" stream would cork every "music" stream.
    """
    module = pulse_sink.pactl("load-module", "module-role-cork").strip()
    music_file = tmp_path / "music.wav"
    tone = ["synth", "8", "sine", "220", "vol", "0.1"]
    subprocess.run(["sox", "-n", "-r", "48000", "-c", "2", str(music_file), *tone], check=True)
    music = subprocess.Popen(
        ["paplay", "--property=media.role=music", str(music_file)], env=pulse_sink.child_env()
    )
    player = subprocess.Popen(
        [sys.executable, "-m", "gluteapp.gui.audio", "play", spec_of(SEQUENCE[:4])],
        env=pulse_sink.child_env({"GLUTEAPP_AUDIO_BACKEND": "qt", "QT_QPA_PLATFORM": "offscreen"}),
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        roles, music_corked = set(), []
        while player.poll() is None:
            for block in pulse_sink.pactl("list", "sink-inputs").split("Sink Input #")[1:]:
                role = next(
                    (line.split("=", 1)[1].strip().strip('"') for line in block.splitlines()
                     if "media.role" in line),
                    None,
                )  # fmt: skip
                roles.add(role)
                if role == "music":
                    music_corked.append("Corked: yes" in block)
            time.sleep(0.1)
        assert player.returncode == 0
    finally:
        for process in (player, music):
            if process.poll() is None:
                process.terminate()
            process.wait(timeout=10)
        pulse_sink.pactl("unload-module", module)
    assert "event" in roles, f"our stream's role: {roles}"
    assert "phone" not in roles
    assert music_corked
    assert not any(music_corked)


# --- The audio thread: a blocked GUI thread delays no cue ------------------------------------

# The GUI thread is blocked from 0.3 s to 1.4 s; "go" and the last tick are due inside that
# (and far enough apart for the onset detection, which needs 0.1 s of quiet between cues).
STALLED = (
    (0.0, "sounds/prepare_tick"),
    (0.5, "sounds/go"),
    (1.2, "sounds/last_tick"),
    (1.8, "sounds/session_complete"),
)
STALL_AT_S, STALL_S = 0.3, 1.1


@pytest.mark.parametrize("kind", ["sleep", "busy"])
def test_cues_due_while_the_gui_thread_is_blocked_sound_during_the_block(
    pulse_sink: PulseSink,  # noqa: F811
    tmp_path: Path,
    kind: str,
) -> None:
    """The real backend on the audio thread, into the null sink, while the GUI thread sleeps
    in a slot for a second (`sleep`) or runs Python for a second (`busy`, holding the
    interpreter lock the audio thread also needs). The recording must have each cue due in
    the block inside the block: a cue left to the GUI thread is heard only after it.
    """
    raw = tmp_path / f"stalled-{kind}.raw"
    with pulse_sink.record(raw):
        report = play_schedule(pulse_sink, "qt", STALLED, extra=[
            "--stall-at", str(STALL_AT_S), "--stall-s", str(STALL_S), "--stall-kind", kind])
    assert report.backend_name == "qt", report.backend_reason
    assert report.dropped == []
    [(block_start, block_end)] = report.stalls_s
    assert block_start < STALLED[1][0]
    assert block_end > STALLED[2][0]
    found = analyse(raw, STALLED)
    assert found.names == [key for _, key in STALLED]
    # Heard times on the schedule's clock: the first cue, played before the block, is at 0.
    heard_s = [onset - found.onsets_s[0] for onset in found.onsets_s]
    for due_s, heard in zip([due for due, _ in STALLED], heard_s, strict=True):
        if block_start < due_s < block_end:
            assert block_start < heard < block_end, (due_s, heard_s, report.stalls_s)


def test_the_same_cues_played_from_the_gui_thread_wait_for_the_block(
    pulse_sink: PulseSink,  # noqa: F811
    tmp_path: Path,
) -> None:
    """The control: from the GUI thread, as before the audio thread, none is heard in time.

    Each cue due in the block is heard after it, or dropped for being too late.
    """
    raw = tmp_path / "stalled-gui.raw"
    with pulse_sink.record(raw):
        report = play_schedule(pulse_sink, "qt", STALLED, extra=[
            "--runner", "gui", "--stall-at", str(STALL_AT_S), "--stall-s", str(STALL_S)])
    [(block_start, block_end)] = report.stalls_s
    found = analyse(raw, STALLED)
    heard = {name: onset - found.onsets_s[0] for name, onset in zip(found.names, found.onsets_s,
                                                                    strict=True)}
    inside = [key for due, key in STALLED if block_start < due < block_end]
    assert inside == ["sounds/go", "sounds/last_tick"]
    for key in inside:
        dropped = any(entry.startswith(key) for entry in report.dropped)
        assert dropped or heard[key] > block_end, (key, heard, report.dropped)
