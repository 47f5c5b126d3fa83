"""Render the fixed voice phrases into assets/voice with espeak-ng and sox (Debian packages).

Run `python tools/make_voice.py` for the English clips in assets/voice and
`python tools/make_voice.py --lang de` for the German ones in assets/voice/de (espeak-ng's German
voice). espeak-ng speaks each phrase at 22.05 kHz; sox resamples it to 48 kHz 16-bit mono (what
the audio backend mixes), trims the silence around it, normalises the peak and fades the edges.
sox runs in repeatable mode without dither, so the same tools give the same bytes on every run.

The clip names are the values of `gluteapp.core.cues.Phrase`; a test checks that every language
has every clip.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
import wave
from collections.abc import Sequence
from pathlib import Path

WORDS_PER_MINUTE = 160
PEAK_DBFS = -3.5

PHRASES_EN: dict[str, str] = {
    "get_ready": "get ready",
    "three": "three",
    "two": "two",
    "one": "one",
    "go": "go",
    "switch_left": "switch to your left leg",
    "switch_right": "switch to your right leg",
    "rest": "rest",
    "last_set": "last set",
    "halfway": "halfway",
    "next": "next",
    "seconds": "seconds",
    "session_complete": "well done, session complete",
    # Rest lengths, in steps of fifteen seconds: "rest" + number + "seconds".
    "fifteen": "fifteen",
    "thirty": "thirty",
    "forty_five": "forty five",
    "sixty": "sixty",
    "seventy_five": "seventy five",
    "ninety": "ninety",
}
# The same cues as the German screen says them: "Erholung" is the rest between sets (the
# player's "Pause" is only for pausing), so "Erholung, sechzig Sekunden".
PHRASES_DE: dict[str, str] = {
    "get_ready": "mach dich bereit",
    "three": "drei",
    "two": "zwei",
    "one": "eins",
    "go": "los",
    "switch_left": "wechsel auf das linke Bein",
    "switch_right": "wechsel auf das rechte Bein",
    "rest": "Erholung",
    "last_set": "letzter Satz",
    "halfway": "Halbzeit",
    "next": "als Nächstes",
    "seconds": "Sekunden",
    "session_complete": "gut gemacht, Einheit geschafft",
    "fifteen": "fünfzehn",
    "thirty": "dreißig",
    "forty_five": "fünfundvierzig",
    "sixty": "sechzig",
    "seventy_five": "fünfundsiebzig",
    "ninety": "neunzig",
}
#: language -> (espeak-ng voice, phrases, folder under assets/voice)
LANGUAGES: dict[str, tuple[str, dict[str, str], str]] = {
    "en": ("en-us", PHRASES_EN, ""),
    "de": ("de", PHRASES_DE, "de"),
}
PHRASES = PHRASES_EN  # the English set, as tests and older callers know it


def render(text: str, out: Path, workdir: Path, voice: str = "en-us") -> None:
    raw = workdir / "raw.wav"
    subprocess.run(
        ["espeak-ng", "-v", voice, "-s", str(WORDS_PER_MINUTE), "-w", str(raw), text],
        check=True,
    )
    # Trim the quiet (below -50 dB) at the start, reverse, trim and fade what was the end,
    # reverse back, fade in, then set the peak.
    subprocess.run(
        ["sox", "-R", str(raw), "-D", "-b", "16", "-c", "1", str(out),
         "rate", "-v", "48000",
         "silence", "1", "0.01", "-50d",
         "reverse", "silence", "1", "0.01", "-50d", "fade", "t", "0.030", "reverse",
         "fade", "t", "0.005",
         "norm", str(PEAK_DBFS)],
        check=True,
    )  # fmt: skip


def duration_s(path: Path) -> float:
    with wave.open(str(path), "rb") as clip:
        return clip.getnframes() / clip.getframerate()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    voice_dir = Path(__file__).resolve().parent.parent / "assets" / "voice"
    parser.add_argument("--lang", choices=sorted(LANGUAGES), default="en")
    parser.add_argument("--out", type=Path, default=None,
                        help="folder for the clips (default: assets/voice, or assets/voice/LANG)")
    args = parser.parse_args(argv)
    voice, phrases, folder = LANGUAGES[args.lang]
    out: Path = args.out or voice_dir / folder
    for tool in ("espeak-ng", "sox"):
        if shutil.which(tool) is None:
            parser.error(f"{tool} is not installed (apt-get install espeak-ng sox)")
    out.mkdir(parents=True, exist_ok=True)
    total = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in phrases.items():
            target = out / f"{name}.wav"
            render(text, target, Path(tmp), voice)
            total += target.stat().st_size
            print(f"{name}.wav  {duration_s(target) * 1000:.0f} ms  {text!r}")
    print(f"{out}: {len(phrases)} clips, {total // 1024} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
