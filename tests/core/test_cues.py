"""Cue names, settings and the cue queue, driven by a hand-moved clock; plus the WAV assets."""

from __future__ import annotations

import itertools
import sys
import wave
from array import array
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gluteapp.core.assets import assets_dir
from gluteapp.core.cues import (
    BEEP_STALE_AFTER_S,
    DEFAULT_PRIORITY,
    Channel,
    Cue,
    CueQueue,
    CueSettings,
    DropReason,
    Phrase,
    Priority,
    QueuedCue,
    Utterance,
    channel_of,
    estimate_speech_s,
    rest_phrases,
)

# --- The generated sound files --------------------------------------------------------------

CEILING = round(32767 * 10 ** (-3 / 20))  # -3 dBFS


def _read(path: Path) -> tuple[Any, array[int]]:
    with wave.open(str(path), "rb") as clip:
        params = clip.getparams()
        samples = array("h", clip.readframes(clip.getnframes()))
    if sys.byteorder == "big":
        samples.byteswap()
    return params, samples


@pytest.mark.parametrize(("folder", "names"), [("sounds", Cue), ("voice", Phrase)])
def test_every_cue_has_exactly_one_wav(folder: str, names: type[Cue] | type[Phrase]) -> None:
    on_disk = {path.stem for path in (assets_dir() / folder).glob("*.wav")}
    assert on_disk == {item.value for item in names}


@pytest.mark.parametrize(
    "path",
    sorted([*(assets_dir() / "sounds").glob("*.wav"), *(assets_dir() / "voice").glob("*.wav")]),
    ids=lambda p: f"{p.parent.name}/{p.stem}",
)
def test_wav_is_48k_16bit_mono_unclipped_and_faded(path: Path) -> None:
    params, samples = _read(path)
    assert (params.framerate, params.sampwidth, params.nchannels) == (48_000, 2, 1)
    peak = max(abs(s) for s in samples)
    assert 0.5 * CEILING < peak <= CEILING, "peak must sit just under -3 dBFS"
    # Short fades: no click at either end.
    assert abs(samples[0]) < 200
    assert abs(samples[-1]) < 200


def test_sounds_are_distinct_and_small() -> None:
    files = [*(assets_dir() / "sounds").glob("*.wav"), *(assets_dir() / "voice").glob("*.wav")]
    contents = [path.read_bytes() for path in files]
    assert len(set(contents)) == len(contents)
    assert sum(len(c) for c in contents) < 2_000_000


def test_ticks_are_short_and_the_finale_is_long() -> None:
    def duration_s(cue: Cue) -> float:
        params, _ = _read(assets_dir() / "sounds" / f"{cue.value}.wav")
        return params.nframes / params.framerate

    for tick in (Cue.PREPARE_TICK, Cue.LAST_TICK):
        assert 0.05 <= duration_s(tick) <= 0.09
    assert duration_s(Cue.SESSION_COMPLETE) > duration_s(Cue.GO) > duration_s(Cue.PREPARE_TICK)


# --- Names and settings ---------------------------------------------------------------------


def test_a_beep_and_a_phrase_with_the_same_name_stay_different() -> None:
    assert Cue.GO != Phrase.GO
    assert len({Cue.GO, Phrase.GO}) == 2
    assert set(DEFAULT_PRIORITY) == {*Cue, *Phrase}
    assert channel_of(Cue.GO) is Channel.BEEP
    assert channel_of(Phrase.GO) is Channel.VOICE
    assert channel_of(Utterance("Glute bridge")) is Channel.VOICE


def test_the_countdown_outranks_rep_clicks_and_the_finale_outranks_all() -> None:
    assert DEFAULT_PRIORITY[Cue.GO] > DEFAULT_PRIORITY[Cue.REP_UP]
    assert DEFAULT_PRIORITY[Phrase.THREE] > DEFAULT_PRIORITY[Phrase.HALFWAY]
    assert DEFAULT_PRIORITY[Cue.SESSION_COMPLETE] == max(DEFAULT_PRIORITY.values())


@pytest.mark.parametrize("volume", [-0.1, 1.01, float("nan")])
def test_settings_refuse_a_volume_out_of_range(volume: float) -> None:
    with pytest.raises(ValueError, match="volume"):
        CueSettings(volume=volume)


def test_settings_decide_what_is_heard() -> None:
    default = CueSettings()
    assert all(default.allows(item) for item in [*Cue, *Phrase, Utterance("tip")])

    no_beeps = CueSettings(beeps_on=False)
    assert not no_beeps.allows(Cue.GO)
    assert no_beeps.allows(Phrase.GO)

    no_voice = CueSettings(voice_on=False)
    assert no_voice.allows(Cue.GO)
    assert not no_voice.allows(Phrase.GO)
    assert not no_voice.allows(Utterance("Keep your hips level"))

    no_halfway = CueSettings(halfway_cue=False)
    assert not no_halfway.allows(Cue.HALFWAY)
    assert not no_halfway.allows(Phrase.HALFWAY)
    assert no_halfway.allows(Cue.GO)

    assert not CueSettings(tick_last_s=0).allows(Cue.LAST_TICK)

    muted = CueSettings(muted=True, volume=0.6)
    assert not any(muted.allows(item) for item in [*Cue, *Phrase])
    assert muted.effective_volume == 0.0
    assert muted.volume == 0.6


def test_with_volume_clamps() -> None:
    assert CueSettings().with_volume(1.7).volume == 1.0
    assert CueSettings().with_volume(-2).volume == 0.0
    assert CueSettings(muted=True).with_volume(0.3).muted


def test_rest_announcement_uses_a_number_clip_when_there_is_one() -> None:
    assert rest_phrases(60) == (Phrase.REST, Phrase.SIXTY, Phrase.SECONDS)
    assert rest_phrases(45) == (Phrase.REST, Phrase.FORTY_FIVE, Phrase.SECONDS)
    assert rest_phrases(50) == (Phrase.REST,)


# --- The queue ------------------------------------------------------------------------------


def names(cues: Sequence[QueuedCue]) -> list[str]:
    return [q.name for q in cues]


def test_nothing_plays_before_its_time_and_everything_plays_at_it() -> None:
    queue = CueQueue()
    queue.push(Cue.PREPARE_TICK, due_at=10.0)
    queue.push(Cue.GO, due_at=11.0)
    assert queue.pop_due(9.999) == []
    assert queue.next_due_at() == 10.0
    assert names(queue.pop_due(10.0)) == ["prepare_tick"]
    assert queue.next_due_at() == 11.0
    assert names(queue.pop_due(11.004)) == ["go"]
    assert queue.next_due_at() is None
    assert len(queue) == 0
    assert queue.take_dropped() == []


def test_a_cue_that_could_only_play_late_is_dropped() -> None:
    queue = CueQueue()
    queue.push(Cue.PREPARE_TICK, due_at=1.0)  # a tick is worthless 150 ms late
    queue.push(Cue.LAST_TICK, due_at=1.0, stale_after_s=0.5)
    assert names(queue.pop_due(1.0 + BEEP_STALE_AFTER_S + 0.01)) == ["last_tick"]
    [dropped] = queue.take_dropped()
    assert (dropped.cue.item, dropped.reason) == (Cue.PREPARE_TICK, DropReason.STALE)
    assert queue.take_dropped() == []  # reported once


def test_a_cue_exactly_at_its_staleness_limit_still_plays() -> None:
    queue = CueQueue()
    queue.push(Cue.GO, due_at=2.0, stale_after_s=0.25)
    assert names(queue.pop_due(2.25)) == ["go"]


def test_voice_never_overlaps_voice() -> None:
    queue = CueQueue()
    queue.push(Phrase.SWITCH_LEFT, due_at=0.0, duration_s=1.4)
    queue.push(Phrase.LAST_SET, due_at=0.5, duration_s=0.7)
    assert names(queue.pop_due(0.0)) == ["switch_left"]
    assert queue.voice_busy_until == 1.4
    assert queue.pop_due(0.5) == []  # still speaking: waits
    assert queue.next_due_at() == 1.4
    assert names(queue.pop_due(1.4)) == ["last_set"]


def test_a_phrase_that_waits_too_long_for_the_voice_is_dropped() -> None:
    queue = CueQueue()
    queue.push(Phrase.SESSION_COMPLETE, due_at=0.0, duration_s=1.9)
    queue.push(Phrase.HALFWAY, due_at=0.2, stale_after_s=1.0, duration_s=0.5)
    queue.pop_due(0.0)
    assert queue.pop_due(1.9) == []
    [dropped] = queue.take_dropped()
    assert (dropped.cue.item, dropped.reason) == (Phrase.HALFWAY, DropReason.STALE)


def test_beeps_sound_over_speech() -> None:
    queue = CueQueue()
    queue.push(Phrase.REST, due_at=0.0, duration_s=2.0)
    queue.push(Cue.LAST_TICK, due_at=0.5)
    queue.pop_due(0.0)
    assert names(queue.pop_due(0.5)) == ["last_tick"]


def test_a_beep_and_a_phrase_due_together_both_start() -> None:
    queue = CueQueue()
    queue.push(Phrase.GO, due_at=3.0, duration_s=0.3)
    queue.push(Cue.GO, due_at=3.0)
    started = queue.pop_due(3.0)
    assert [(q.item, q.channel) for q in started] == [
        (Cue.GO, Channel.BEEP),
        (Phrase.GO, Channel.VOICE),
    ]


def test_a_higher_priority_beep_pre_empts_lower_ones_due_with_it() -> None:
    queue = CueQueue()
    queue.push(Cue.REP_UP, due_at=5.0)
    queue.push(Cue.GO, due_at=5.0)
    queue.push(Cue.HALFWAY, due_at=5.0)
    assert names(queue.pop_due(5.0)) == ["go"]
    dropped = queue.take_dropped()
    assert {d.cue.item for d in dropped} == {Cue.REP_UP, Cue.HALFWAY}
    assert {d.reason for d in dropped} == {DropReason.PRE_EMPTED}


def test_a_higher_priority_phrase_takes_the_voice_and_drops_lower_waiting_ones() -> None:
    queue = CueQueue()
    queue.push(Phrase.SWITCH_RIGHT, due_at=0.0, duration_s=1.0)
    queue.push(Phrase.HALFWAY, due_at=0.5, duration_s=0.5)  # NORMAL
    queue.push(Phrase.THREE, due_at=0.8, duration_s=0.3)  # HIGH
    queue.pop_due(0.0)
    assert names(queue.pop_due(1.0)) == ["three"]
    [dropped] = queue.take_dropped()
    assert (dropped.cue.item, dropped.reason) == (Phrase.HALFWAY, DropReason.PRE_EMPTED)


def test_explicit_priority_overrides_the_default() -> None:
    queue = CueQueue()
    queue.push(Cue.REP_UP, due_at=0.0, priority=Priority.URGENT)
    queue.push(Cue.GO, due_at=0.0)
    assert names(queue.pop_due(0.0)) == ["rep_up"]


def test_chained_phrases_of_equal_rank_play_in_order() -> None:
    queue = CueQueue()
    for phrase in rest_phrases(60):
        queue.push(phrase, due_at=0.0, duration_s=0.5)
    heard = []
    now = 0.0
    while (due := queue.next_due_at()) is not None:
        now = max(now, due)
        heard += names(queue.pop_due(now))
    assert heard == ["rest", "sixty", "seconds"]
    assert now == 1.0


def test_speech_that_ends_early_frees_the_voice() -> None:
    queue = CueQueue()
    queue.push(Utterance("Next: glute bridge"), due_at=0.0)
    queue.push(Phrase.GET_READY, due_at=0.1, duration_s=0.6)
    queue.pop_due(0.0)
    assert queue.voice_busy_until == pytest.approx(estimate_speech_s("Next: glute bridge"))
    queue.voice_finished(0.9)
    assert names(queue.pop_due(0.9)) == ["get_ready"]


def test_clear_forgets_the_queue() -> None:
    queue = CueQueue()
    queue.push(Cue.GO, due_at=1.0)
    queue.clear()
    assert queue.next_due_at() is None
    assert queue.pop_due(5.0) == []


def test_negative_durations_are_refused() -> None:
    with pytest.raises(ValueError, match="must not be negative"):
        CueQueue().push(Cue.GO, due_at=0.0, stale_after_s=-1)
    with pytest.raises(ValueError, match="needs some text"):
        Utterance("  ")


items = st.sampled_from([*Cue, *Phrase])


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            items,
            st.floats(0, 10, allow_nan=False),
            st.floats(0, 2, allow_nan=False),
            st.floats(0, 3, allow_nan=False),
        ),
        max_size=25,
    ),
    st.floats(0.001, 0.3),
)
def test_every_cue_is_played_or_dropped_once_and_voices_never_overlap(
    pushes: list[tuple[Cue | Phrase, float, float, float]], step_s: float
) -> None:
    queue = CueQueue()
    for item, due_at, stale_s, duration_s in pushes:
        queue.push(item, due_at, stale_after_s=stale_s, duration_s=duration_s)
    played, spoken = [], []
    now = 0.0
    while len(queue):
        now += step_s  # a coarse, jittery wake-up, not the ideal timer
        for cue in queue.pop_due(now):
            played.append(cue)
            assert now - cue.due_at <= cue.stale_after_s  # never late beyond its limit
            if cue.channel is Channel.VOICE:
                spoken.append((now, now + cue.duration_s))
    dropped = [d.cue for d in queue.take_dropped()]
    assert sorted(c.seq for c in played + dropped) == list(range(len(pushes)))
    for (_, end), (start, _) in itertools.pairwise(spoken):
        assert start >= end
