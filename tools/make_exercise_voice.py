"""Render what the player says before each built-in exercise into assets/voice/exercises.

Run `python tools/make_exercise_voice.py` (espeak-ng and sox, Debian packages) after the library
or its German translation changes; a test fails while a clip is missing.

Each exercise's name, first step and first tip, in English (espeak-ng's en-us voice) and German
(its de voice), as the library says them in that language. A clip is named by a hash of the
text it speaks (`gluteapp.gui.audio.clip_voice.clip_name`), so the app finds the clip for
whatever text it is about to say, in whichever language, and a changed text has no clip until
this runs again. Clips are mono Ogg Vorbis at 16 kHz, about 2.5 KB a second: some 140 clips in
two languages come to about 1.3 MB, where 48 kHz WAV would be 50 MB. With a text-to-speech
engine installed the app uses that instead; these make a stock machine speak.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gluteapp.core.assets import builtin_library  # noqa: E402 - after the path is set

#: espeak-ng's voice for each language the library is written in.
VOICES = {"en": "en-us", "de": "de"}
WORDS_PER_MINUTE = 160  # as the cue clips
RATE_HZ = 16_000  # speech needs no more; the backends resample
QUALITY = -1  # Vorbis' lowest quality setting: about 20 kbit/s, clear for a voice
PEAK_DBFS = -3.5


def clip_name(text: str) -> str:
    """The clip's file name for `text`: the same rule as the app's (clip_voice.clip_name)."""
    return hashlib.sha1(text.strip().encode("utf-8")).hexdigest()[:16] + ".ogg"


def spoken_texts(language: str) -> list[str]:
    """What the player may say before each built-in exercise, in `language`."""
    texts: list[str] = []
    for exercise in builtin_library(language):
        texts.append(exercise.name)
        if exercise.steps:
            texts.append(exercise.steps[0])
        if exercise.tips:
            texts.append(exercise.tips[0])
    return list(dict.fromkeys(t.strip() for t in texts if t.strip()))


def render(text: str, voice: str, out: Path, workdir: Path) -> None:
    raw = workdir / "raw.wav"
    subprocess.run(
        ["espeak-ng", "-v", voice, "-s", str(WORDS_PER_MINUTE), "-w", str(raw), text],
        check=True,
    )
    # Trim the quiet at both ends, fade the edges, set the peak, then 16 kHz mono Vorbis.
    subprocess.run(
        ["sox", "-R", str(raw), "-D", "-c", "1", "-C", str(QUALITY), str(out),
         "gain", "-3", "rate", "-v", str(RATE_HZ),
         "silence", "1", "0.01", "-50d",
         "reverse", "silence", "1", "0.01", "-50d", "fade", "t", "0.030", "reverse",
         "fade", "t", "0.005",
         "norm", str(PEAK_DBFS)],
        check=True,
    )  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "assets" / "voice" / "exercises")
    args = parser.parse_args(argv)
    for tool in ("espeak-ng", "sox"):
        if shutil.which(tool) is None:
            parser.error(f"{tool} is not installed (apt-get install espeak-ng sox)")
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    wanted: set[str] = set()
    with tempfile.TemporaryDirectory() as tmp:
        for language, voice in VOICES.items():
            texts = spoken_texts(language)
            for text in texts:
                name = clip_name(text)
                wanted.add(name)
                if not (out / name).is_file():  # the same text makes the same clip
                    render(text, voice, out / name, Path(tmp))
            print(f"{language}: {len(texts)} texts")
    for stale in out.glob("*.ogg"):
        if stale.name not in wanted:
            stale.unlink()
    total = sum(p.stat().st_size for p in out.glob("*.ogg"))
    print(f"{out}: {len(wanted)} clips, {total / 1024:.0f} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
