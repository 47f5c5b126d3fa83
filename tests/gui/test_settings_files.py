"""A settings file that cannot be used is left alone, defaults apply, and the reason is one line."""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path

import pytest

from gluteapp.gui.settings import THEME, VOLUME, Settings


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_settings(path: Path) -> Settings:
    made: list[Settings] = []
    thread = threading.Thread(target=lambda: made.append(Settings(path)), daemon=True)
    thread.start()
    thread.join(20)
    assert made, "reading the settings file blocked"
    return made[0]


def test_a_named_pipe_in_place_of_the_settings_is_not_waited_for(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    os.mkfifo(path)
    settings = make_settings(path)
    assert settings.problem == (
        f"{path}: is not a regular file (a folder, named pipe or device); a settings file "
        "must be a plain text file. Gluteapp uses its default settings and leaves the file as "
        "it is; move it away to keep your choices again")
    settings.set(VOLUME, 30)  # kept while the app runs, never written into the pipe
    assert settings.get(VOLUME) == 30
    assert settings.problems() == [settings.problem]


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"[audio]\nvolume=1\n" + b"#" * 300_000, "may be at most 256 KB"),
        (bytes(range(256)) * 10, "holds binary data, not settings"),
        (b"[audio]\nvolume=@Variant(\\0\\0\\0\\x7f\\0\\0\\0\\x10QFoo)\n", "(@Variant)"),
        (b"[" + b"a/" * 5000 + b"b]\nk=v\n", "cannot be read as settings"),
    ],
)
def test_a_file_that_is_not_our_settings_is_left_exactly_as_it_was(
    tmp_path: Path, content: bytes, says: str
) -> None:
    path = tmp_path / "settings.ini"
    path.write_bytes(content)
    before = digest(path)
    settings = Settings(path)
    assert settings.problem is not None
    assert settings.problem.startswith(f"{path}: ")
    assert says in settings.problem
    assert "\n" not in settings.problem
    assert settings.get(VOLUME) == VOLUME.default
    settings.set(THEME, "dark")
    assert settings.get(THEME) == "dark"
    assert digest(path) == before


def test_values_that_mean_nothing_are_each_named_once(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    path.write_bytes(b"\xef\xbb\xbf[audio]\nvolume=loud\nbeeps=perhaps\n[ui]\ntheme=dark\n"
                     b"[session]\nequipment=wall,rocket\n")
    settings = Settings(path)
    assert settings.problem is None
    assert settings.get(THEME) == "dark"  # a byte-order mark does not hide the first group
    assert settings.problems() == [
        "settings: audio/beeps = 'perhaps' is not a valid value; the default True is used",
        "settings: audio/volume = 'loud' is not a valid value; the default 80 is used",
        "settings: session/equipment = ['wall', 'rocket'] is not a valid value; the default "
        "'wall,chair' is used",
    ]
