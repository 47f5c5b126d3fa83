"""The real program's bad days: bad paths, no display, an exception in a slot, Ctrl+C."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from gluteapp.core.records import SessionStatus
from tests.e2e.conftest import run_app

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]


def one_plain_line(stderr: str) -> str:
    """The whole of stderr, which must be one line and no traceback."""
    assert "Traceback" not in stderr, stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


def test_export_into_a_missing_folder_is_one_line(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "sets.csv"
    result = run_app("export", "--csv", str(target), data_dir=tmp_path / "data")
    assert result.returncode == 1
    line = one_plain_line(result.stderr)
    assert line == f"error: cannot write {target}: the folder {target.parent} does not exist"
    assert not target.parent.exists()


def test_export_onto_a_folder_is_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "a-folder"
    folder.mkdir()
    result = run_app("export", "--csv", str(folder), data_dir=tmp_path / "data")
    assert result.returncode == 1
    assert str(folder) in one_plain_line(result.stderr)
    assert folder.is_dir()


@pytest.mark.parametrize("where", ["missing", "file"])
def test_a_screenshot_where_none_can_go_is_one_line(tmp_path: Path, where: str) -> None:
    parent = tmp_path / where
    if where == "file":
        parent.write_text("not a folder")
    target = parent / "shot.png"
    result = run_app("--screenshot", str(target), data_dir=tmp_path / "data")
    assert result.returncode == 1
    line = one_plain_line(result.stderr)
    assert line.startswith(f"gluteapp: cannot write the screenshot {target}: ")
    assert ("does not exist" if where == "missing" else "is a file, not a folder") in line
    assert not (tmp_path / "data").exists(), "nothing was started"


def _no_display_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return env


def test_no_display_exits_1_with_a_message(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "gluteapp", "--data-dir", str(tmp_path / "data")],
        env=_no_display_env(), capture_output=True, text=True, stdin=subprocess.DEVNULL,
        timeout=120)
    assert result.returncode == 1, (result.returncode, result.stderr)  # not 134, an abort
    line = one_plain_line(result.stderr)
    assert "no display" in line
    assert "DISPLAY" in line
    assert "--screenshot" in line


def test_an_unreachable_x_display_exits_1_with_a_message(tmp_path: Path) -> None:
    # The xcb plugin is found but cannot connect: Qt's qFatal would abort with a core dump.
    env = {**_no_display_env(), "DISPLAY": ":97"}
    result = subprocess.run(
        [sys.executable, "-m", "gluteapp", "--data-dir", str(tmp_path / "data")],
        env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120)
    assert result.returncode == 1, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("gluteapp: cannot open a window: the display ':97' cannot be reached")
    log = (tmp_path / "data" / "logs" / "gluteapp.log").read_text(encoding="utf-8")
    assert "could not connect to display :97" in log, "Qt's own words are in the log"


def test_an_exception_in_a_slot_lands_in_the_log_and_the_program_goes_on(
        tmp_path: Path) -> None:
    # The real program, with one slot that raises queued before it starts: the screenshot's
    # event processing runs it.
    script = textwrap.dedent("""
        import sys
        from PySide6.QtCore import QCoreApplication, QTimer
        import gluteapp.app
        from gluteapp.cli import main

        def boom():
            raise RuntimeError("the chart lost its axis")

        start = gluteapp.app.Gluteapp.start
        def start_then_queue_a_failing_slot(self):
            QTimer.singleShot(0, self.qt_app, boom)
            return start(self)
        gluteapp.app.Gluteapp.start = start_then_queue_a_failing_slot
        sys.exit(main(sys.argv[1:]))
    """)
    shot = tmp_path / "shot.png"
    data = tmp_path / "data"
    result = subprocess.run(
        [sys.executable, "-c", script, "--data-dir", str(data), "--screenshot", str(shot)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, capture_output=True, text=True,
        stdin=subprocess.DEVNULL, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr  # it went on, and took the screenshot
    assert not QImage(str(shot)).isNull()
    log_file = data / "logs" / "gluteapp.log"
    line = one_plain_line(result.stderr)
    assert line == (f"gluteapp: unexpected problem (the chart lost its axis); details in "
                    f"{log_file}")
    log = log_file.read_text(encoding="utf-8")
    assert "CRITICAL gluteapp: unhandled exception" in log
    assert "Traceback" in log
    assert "in boom" in log
    assert "RuntimeError: the chart lost its axis" in log


ROUTINE = """
name = "Interrupt drill"
prepare_s = 1

[[steps]]
exercise = "glute-bridge"
sets = 3
hold_s = 1
rest_s = 1
rest_after_s = 1

[[steps]]
exercise = "side-plank"
sets = 3
hold_s = 30
rest_s = 1
"""

SAVED = re.compile(r"set saved: id=(\d+) session=(\d+)")


def test_ctrl_c_during_a_session_ends_cleanly_and_keeps_the_sets(tmp_path: Path) -> None:
    routine = tmp_path / "drill.toml"
    routine.write_text(ROUTINE, encoding="utf-8")
    data = tmp_path / "data"
    log_file = data / "logs" / "gluteapp.log"
    process = subprocess.Popen(
        [sys.executable, "-m", "gluteapp", "--data-dir", str(data), "--skip-first-run",
         "--routine", str(routine), "--autostart"],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "GLUTEAPP_AUDIO_BACKEND": "visual"},
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not log_file.exists() or len(SAVED.findall(log_file.read_text("utf-8"))) < 2:
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "no set was saved"
            time.sleep(0.05)
        process.send_signal(signal.SIGINT)
        _out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 128 + signal.SIGINT, err
    assert "Traceback" not in err
    assert "KeyboardInterrupt" not in err
    saved = {int(m.group(1)) for m in SAVED.finditer(log_file.read_text("utf-8"))}
    with sqlite3.connect(f"file:{data / 'history.db'}?mode=ro", uri=True) as db:
        stored = {row[0] for row in db.execute("SELECT id FROM sets")}
        statuses = [row[0] for row in db.execute("SELECT status FROM sessions")]
    assert len(saved) >= 2
    assert saved <= stored, f"lost sets {saved - stored}"
    # Ended like Quit ends it, not left "running" for the next start to call interrupted.
    assert statuses == [SessionStatus.ENDED_EARLY.value]
    assert "interrupted (Ctrl+C)" in log_file.read_text("utf-8")
