"""Spoken on a stock machine: every built-in exercise's name, first step and tip has a clip."""

from __future__ import annotations

import pytest

from gluteapp.core.assets import builtin_library
from gluteapp.gui.audio.clip_voice import clip_for, clip_name, clips_dir
from gluteapp.gui.audio.speech import ENV_SPEECH, Speech


@pytest.mark.parametrize("language", ["en", "de"])
def test_every_built_in_exercise_has_its_name_first_step_and_tip_recorded(
        language: str) -> None:
    missing = []
    for exercise in builtin_library(language):
        for text in (exercise.name, exercise.steps[0], *exercise.tips[:1]):
            if clip_for(text) is None:
                missing.append(text)
    # Run tools/make_exercise_voice.py after changing the library or its translation.
    assert missing == []


def test_the_clips_stay_small() -> None:
    clips = list(clips_dir().glob("*.ogg"))
    assert len(clips) >= 2 * 3 * 20  # two languages, three texts, every exercise
    total = sum(p.stat().st_size for p in clips)
    assert total < 2_000_000  # mono 16 kHz Vorbis: about 1.4 MB
    assert all(p.stat().st_size > 1_000 for p in clips)


def test_a_clip_is_found_by_what_it_says() -> None:
    assert clip_name("Glute bridge") == clip_name("  Glute bridge ")
    assert clip_name("Glute bridge") != clip_name("Glute Bridge")
    assert clip_for("Glute bridge") is not None
    assert clip_for("An exercise of my own") is None


def test_with_no_engine_speech_says_the_built_in_texts_from_clips(
        qapp: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_SPEECH, "clips")
    speech = Speech()
    assert speech.name == "clips"
    assert speech.available
    assert "recorded clips" in speech.reason
    assert not speech.say("An exercise of my own")  # no clip: not spoken, not waited for
    speech.stop()
