"""The main window on a real X screen with a window manager: it fits a small laptop's screen,
title bar and all, and keeps its 1280x800 where there is room."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.gui.desktop_session import need, xvfb

SHOWN = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from gluteapp.app import Gluteapp
from gluteapp.core.paths import ensure_writable, resolve_paths
from gluteapp.launch import StartupOptions
qt = QApplication([])
data = Path(sys.argv[1])
paths = resolve_paths(data)
ensure_writable(paths)
app = Gluteapp(qt, paths, StartupOptions(data_dir=data, skip_first_run=True))
assert app.start() is None
def report():
    window = app.window
    if window.frameGeometry().height() <= window.height() and report.tries < 40:
        report.tries += 1  # the window manager has not framed it yet
        QTimer.singleShot(100, report)
        return
    print(json.dumps({"frame": window.frameGeometry().getRect(),
                      "room": window.screen().availableGeometry().getRect(),
                      "maximized": window.isMaximized(), "size": window.size().toTuple()}))
    qt.quit()
report.tries = 0
QTimer.singleShot(300, report)
qt.exec()
app.shutdown()
"""


def shown_on(width: int, height: int, data: Path) -> dict[str, list[int] | bool]:
    """The window's frame, the screen's free area and the window's state, as shown under
    openbox on an Xvfb screen of this size."""
    with xvfb(width, height) as display:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb",
               "GLUTEAPP_AUDIO_BACKEND": "visual"}
        manager = subprocess.Popen([need("openbox")], env=env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        try:
            ran = subprocess.run([sys.executable, "-c", SHOWN, str(data)], env=env,
                                 capture_output=True, text=True, timeout=120, check=False)
        finally:
            manager.terminate()
            manager.wait(timeout=10)
    assert ran.returncode == 0, ran.stderr
    found: dict[str, list[int] | bool] = json.loads(ran.stdout.strip().splitlines()[-1])
    return found


def inside(frame: list[int], room: list[int]) -> bool:
    x, y, width, height = frame
    left, top, room_width, room_height = room
    return (x >= left and y >= top and x + width <= left + room_width
            and y + height <= top + room_height)


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (1366, 768)])
def test_on_a_small_laptop_screen_the_window_opens_maximized_inside_it(
        tmp_path: Path, width: int, height: int) -> None:
    """At 1280x800 the window's inside was 1280x800, so with its title bar it stood 20 px
    below the screen's edge (the library's scroll arrow cut in half)."""
    shown = shown_on(width, height, tmp_path)
    assert shown["maximized"] is True
    frame, room = shown["frame"], shown["room"]
    assert isinstance(frame, list)
    assert isinstance(room, list)
    assert inside(frame, room), shown
    assert frame[3] > shown["size"][1]  # type: ignore[index]  # it has its title bar


def test_where_there_is_room_the_window_keeps_1280x800(tmp_path: Path) -> None:
    shown = shown_on(1920, 1080, tmp_path)
    assert shown["maximized"] is False
    assert shown["size"] == [1280, 800]
    frame, room = shown["frame"], shown["room"]
    assert isinstance(frame, list)
    assert isinstance(room, list)
    assert inside(frame, room), shown
