"""`gluteapp --screenshot FILE --routine ID_OR_FILE --at SECONDS [--paused] [--size WxH]`."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from gluteapp.gui.player.countdown import PHASE_COLOURS
from gluteapp.storage import open_history
from tests.e2e.conftest import run_app

ROUTINE = """
name = "Shot"
prepare_s = 5

[[steps]]
exercise = "side-plank"
sets = 2
hold_s = 20
rest_s = 45
"""


PAUSED = QColor(PHASE_COLOURS["paused"])
WORK = QColor(PHASE_COLOURS["work"])


def has_colour(image: QImage, colour: QColor, at_least: int = 500) -> bool:
    """Whether `at_least` pixels of the image (on a 2 px grid) are that colour."""
    found = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            if image.pixelColor(x, y) == colour:
                found += 1
                if found >= at_least:
                    return True
    return False


@pytest.mark.parametrize(("at", "paused", "size"), [
    ("6.5", False, (1280, 800)),  # into the first hold
    ("27", True, (800, 600)),  # the switch, paused
])
def test_the_player_is_rendered_that_far_in_and_nothing_is_recorded(
        tmp_path: Path, at: str, paused: bool, size: tuple[int, int]) -> None:
    routine = tmp_path / "shot.toml"
    routine.write_text(ROUTINE, encoding="utf-8")
    shot = tmp_path / "player.png"
    data = tmp_path / "data"
    result = run_app("--screenshot", str(shot), "--routine", str(routine), "--at", at,
                     *(["--paused"] if paused else []), "--size", f"{size[0]}x{size[1]}",
                     data_dir=data)
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert (image.width(), image.height()) == size
    # Paused shows in its own colour (the big word, the ring); a hold in the work colour.
    assert has_colour(image, PAUSED) is paused
    assert has_colour(image, WORK) is not paused
    store = open_history(data, daily_backup=False)
    try:
        assert store.list_sessions() == []  # a picture, not a session
    finally:
        store.close(backup=False)


@pytest.mark.parametrize(("args", "complaint"), [
    (["--at", "5"], "--at needs --screenshot and --routine"),
    (["--screenshot", "x.png", "--routine", "desk-break", "--paused"], "--paused needs --at"),
    (["--screenshot", "x.png", "--routine", "desk-break", "--at", "soon"],
     "is not a number of seconds"),
])
def test_wrong_uses_are_told(tmp_path: Path, args: list[str], complaint: str) -> None:
    result = run_app(*args, data_dir=tmp_path / "data")
    assert result.returncode == 2
    assert complaint in result.stderr
