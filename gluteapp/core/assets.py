"""Where the packaged data files are, in a source checkout, an installed wheel or a bundle."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from gluteapp.core.exercises import Library

_PACKAGE = Path(__file__).resolve().parent.parent


def assets_dir() -> Path:
    """The assets folder: inside the package when installed, beside it in a checkout."""
    candidates = [_PACKAGE / "assets", _PACKAGE.parent / "assets"]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.insert(0, Path(bundle) / "gluteapp" / "assets")
    for candidate in candidates:
        if (candidate / "exercises.toml").is_file():
            return candidate
    raise FileNotFoundError(
        "the exercise data is missing: looked in " + ", ".join(str(c) for c in candidates)
    )


@cache
def builtin_library(language: str = "en") -> Library:
    """The library shipped with the app, in `language` ("en", "de"), loaded and validated once."""
    from gluteapp.core.content_language import load_library_in

    return load_library_in(assets_dir() / "exercises.toml", language)
