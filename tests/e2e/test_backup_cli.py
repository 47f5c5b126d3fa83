"""`gluteapp backup FILE` and `gluteapp restore FILE`, run as the real program in a subprocess."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from gluteapp.core.folder_lock import held_elsewhere
from gluteapp.storage import open_history
from tests.e2e.conftest import run_app
from tests.storage.storage_helpers import fill_history
from tests.storage.test_data_backup import history_rows, tree

ROUTINE = """name = "Desk breaks"
prepare_s = 10

[[steps]]
exercise = "glute-bridge"
sets = 2
reps = 10
"""


def fill(data_dir: Path) -> None:
    made = run_app("demo-history", "--years", "0.1", data_dir=data_dir)
    assert made.returncode == 0, made.stderr
    (data_dir / "routines" / "desk.toml").write_text(ROUTINE, encoding="utf-8")
    (data_dir / "settings.ini").write_text("[appearance]\ntheme=dark\n", encoding="utf-8")
    (data_dir / "exercises").mkdir()
    (data_dir / "exercises" / "photo.jpg").write_bytes(b"\xff\xd8\xff" + os.urandom(3000))


def test_backup_then_restore_into_a_fresh_folder(tmp_path: Path) -> None:
    source, fresh, file = tmp_path / "source", tmp_path / "fresh", tmp_path / "all.zip"
    fill(source)
    written = run_app("backup", str(file), data_dir=source)
    assert written.returncode == 0, written.stderr
    sessions = len(history_rows(source / "history.db")["sessions"])
    assert sessions > 5
    assert written.stdout.startswith(f"{file}: {sessions} sessions (the newest on ")
    assert "1 routine file, 1 exercise file, the settings" in written.stdout
    again = run_app("backup", str(file), data_dir=source)
    assert again.returncode == 1
    assert again.stderr == (f"error: Cannot write the backup {file}: the file exists already. "
                            "Choose another name or remove it first. Nothing was written.\n")

    restored = run_app("restore", str(file), data_dir=fresh)
    assert restored.returncode == 0, restored.stderr
    assert restored.stdout.strip().endswith("There was no data before.")
    assert history_rows(fresh / "history.db") == history_rows(source / "history.db")
    for name in ("settings.ini", "routines/desk.toml", "exercises/photo.jpg"):
        assert (fresh / name).read_bytes() == (source / name).read_bytes(), name
    listed = run_app("routines", "--json", data_dir=fresh)
    assert '"id": "desk"' in listed.stdout


def test_restore_over_data_keeps_it_aside_and_says_where(tmp_path: Path) -> None:
    source, current, file = tmp_path / "source", tmp_path / "current", tmp_path / "b.zip"
    fill(source)
    assert run_app("backup", str(file), data_dir=source).returncode == 0
    fill(current)
    (current / "routines" / "desk.toml").write_text(ROUTINE + "# mine\n", encoding="utf-8")
    before = tree(current)
    restored = run_app("restore", str(file), data_dir=current)
    assert restored.returncode == 0, restored.stderr
    aside = next(current.glob("before-restore-*"))
    assert restored.stdout.strip().endswith(f"What was there before is kept in {aside}.")
    assert (aside / "routines" / "desk.toml").read_text(encoding="utf-8").endswith("# mine\n")
    assert tree(aside)["history.db"] == before["history.db"]


def test_restore_takes_an_automatic_backup_of_the_history(tmp_path: Path) -> None:
    current = tmp_path / "current"
    fill(current)
    with open_history(current, daily_backup=False) as store:
        made = store.backup_now()
        fill_history(store, 2, start=datetime(2027, 1, 1, tzinfo=UTC))
    restored = run_app("restore", str(made.path), data_dir=current)
    assert restored.returncode == 0, restored.stderr
    sessions = len(history_rows(made.path)["sessions"])
    assert restored.stdout.startswith(f"{made.path}: restored {sessions} sessions (the newest ")
    assert "routine file" not in restored.stdout
    assert len(history_rows(current / "history.db")["sessions"]) == sessions
    assert (current / "routines" / "desk.toml").read_text(encoding="utf-8") == ROUTINE


def test_a_bad_file_is_one_line_and_the_folder_is_unchanged(tmp_path: Path) -> None:
    current = tmp_path / "current"
    fill(current)
    bad = tmp_path / "holiday.zip"
    bad.write_bytes(b"PK\x03\x04" + os.urandom(500))
    before = tree(current)
    refused = run_app("restore", str(bad), data_dir=current)
    assert refused.returncode == 1
    assert refused.stderr == (f"error: {bad} is not a backup of Gluteapp: it is not a ZIP "
                              "archive, or it was cut short. Nothing was changed.\n")
    assert tree(current) == before


@pytest.mark.slow
def test_restore_is_refused_while_the_app_runs_on_the_folder(tmp_path: Path) -> None:
    current, file = tmp_path / "current", tmp_path / "b.zip"
    fill(current)
    assert run_app("backup", str(file), data_dir=current).returncode == 0
    out = tmp_path / "app.txt"
    with out.open("wb") as sink:
        app = subprocess.Popen(
            [sys.executable, "-m", "gluteapp", "--skip-first-run", "--data-dir", str(current)],
            stdin=subprocess.DEVNULL, stdout=sink, stderr=subprocess.STDOUT,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    try:
        deadline = time.monotonic() + 90
        while not held_elsewhere(current):
            assert app.poll() is None, out.read_text()
            assert time.monotonic() < deadline, "the app never took its data folder"
            time.sleep(0.2)
        before = tree(current)
        refused = run_app("restore", str(file), data_dir=current)
        assert refused.returncode == 1
        assert refused.stderr == (
            f"error: Cannot restore {file}: Gluteapp is running on the data folder {current}. "
            "Quit it first (or use Settings in the running app), then try again. Nothing was "
            "changed.\n")
        # The running app writes its log, cache and settings meanwhile; the restore wrote none.
        after = tree(current)
        assert not [name for name in after if name.startswith(("before-", ".restore"))]
        for name in ("routines/desk.toml", "exercises/photo.jpg"):
            assert after[name] == before[name]
    finally:
        app.send_signal(signal.SIGINT)
        app.wait(30)
    assert run_app("restore", str(file), data_dir=current).returncode == 0



DRIVER = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from gluteapp import launch
from gluteapp.app import Gluteapp
from gluteapp.gui.backup_dialog import BackupSection

data = Path(sys.argv[1])
# What `run` does to restart, recorded instead of starting a copy that would outlive the test.
launch.relaunch = lambda options: print("relaunch", options.data_dir, flush=True) or 0
real_start = Gluteapp.start

def restore(app):
    section = app.window.findChild(BackupSection)
    if section is None:
        QTimer.singleShot(100, lambda: restore(app))
        return
    section.ask = lambda *_: True
    section.tell = lambda _parent, _title, text, problem: print("told", problem, text, flush=True)
    tree = section.backup_list
    tree.setCurrentItem(tree.topLevelItem(tree.topLevelItemCount() - 1))
    section.restore_selected()

def start(app):
    problem = real_start(app)
    QTimer.singleShot(500, lambda: (app.open_settings(), restore(app)))
    return problem

Gluteapp.start = start
sys.exit(launch.run(launch.StartupOptions(data_dir=data, skip_first_run=True)))
"""


@pytest.mark.slow
def test_restore_from_settings_in_the_running_app_then_it_restarts(tmp_path: Path) -> None:
    """The real `run`: it holds the folder, restores into it, quits and asks to start again."""
    current = tmp_path / "current"
    fill(current)
    with open_history(current, daily_backup=False) as store:
        oldest = store.backup_now()  # the backup with the fewest sessions, listed last
        fill_history(store, 2, start=datetime(2027, 1, 1, tzinfo=UTC))
    sessions_before = len(history_rows(current / "history.db")["sessions"])
    driven = subprocess.run(
        [sys.executable, "-c", DRIVER, str(current)], capture_output=True, text=True,
        timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        stdin=subprocess.DEVNULL)
    assert driven.returncode == 0, driven.stdout + driven.stderr
    assert f"relaunch {current}" in driven.stdout, driven.stdout + driven.stderr
    assert "told False Restored" in driven.stdout
    rows = history_rows(current / "history.db")["sessions"]
    assert len(rows) == len(history_rows(oldest.path)["sessions"]) == sessions_before - 2
    aside = next(current.glob("before-restore-*"))
    assert len(history_rows(aside / "history.db")["sessions"]) == sessions_before
    assert not held_elsewhere(current)
