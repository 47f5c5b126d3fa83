"""The cue sound files: names, lookup, the language of the voice clips and clip lengths."""

from __future__ import annotations

import wave
from functools import cache
from pathlib import Path

from gluteapp.core.assets import assets_dir
from gluteapp.core.cues import Audible, Cue, Phrase, Utterance

_FOLDERS: dict[str, type[Cue] | type[Phrase]] = {"sounds": Cue, "voice": Phrase}


def cue_key(item: Audible) -> str:
    """The name a cue goes by in logs, signals and resources: `sounds/go`, `voice/three`."""
    if isinstance(item, Utterance):
        return f"speech/{item.text}"
    return f"{'sounds' if isinstance(item, Cue) else 'voice'}/{item.value}"


def resolve_cue(name: str | Cue | Phrase) -> Cue | Phrase:
    """`go` or `sounds/go` is the Cue, `voice/go` the Phrase; anything else raises KeyError."""
    if isinstance(name, Cue | Phrase):
        return name
    folder, _, stem = name.rpartition("/")
    kind = _FOLDERS.get(folder or "sounds")
    try:
        if kind is None:
            raise ValueError(folder)
        return kind(stem)
    except ValueError:
        known = ", ".join(cue_key(item) for kind in _FOLDERS.values() for item in kind)
        raise KeyError(f"unknown cue {name!r}; known cues: {known}") from None


def cue_file(name: str | Cue | Phrase, language: str | None = None) -> Path:
    """The WAV file of a cue. Raises KeyError for an unknown name, FileNotFoundError if missing.

    This is the one way code reaches the sound assets: files under assets/sounds and
    assets/voice, never compiled into the Qt resources (playsound3 needs a real file). A voice
    clip is spoken in `language` (default: the language the window shows) from
    assets/voice/<language>/ when it has been recorded there, else in English.
    """
    item = resolve_cue(name)
    folder, stem = cue_key(item).split("/")
    if isinstance(item, Phrase):
        if language is None:
            from gluteapp.gui.i18n import shown_language  # QtCore, loaded by now

            language = shown_language()
        spoken = assets_dir() / folder / language / f"{stem}.wav"
        if language != "en" and spoken.is_file():
            return spoken
    path = assets_dir() / folder / f"{stem}.wav"
    if not path.is_file():
        raise FileNotFoundError(f"the sound file for {cue_key(item)} is missing: {path}")
    return path


@cache
def _duration_s(path: Path) -> float:
    with wave.open(str(path), "rb") as clip:
        return clip.getnframes() / clip.getframerate()


def clip_duration_s(item: Cue | Phrase) -> float:
    """How long the cue sounds, in the language it is spoken in."""
    return _duration_s(cue_file(item))


def all_cues() -> list[Cue | Phrase]:
    return [*Cue, *Phrase]
