"""A full disk loses no finished set: they wait, the person is told at once, and they are saved.

The data folder is a real, small tmpfs where the machine lets us mount one (root, as in CI);
elsewhere SQLite's own "database or disk is full" (SQLITE_FULL) is injected under the store.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from gluteapp.app import Gluteapp
from gluteapp.core.engine import PhaseKind
from gluteapp.gui.history_service import HistoryService
from tests.gui.conftest import StartApp, settle

SIX_PUMPS = """name = "Six pumps"
prepare_s = 5

[[steps]]
exercise = "frog-pump"
sets = 6
reps = 12
rest_s = 10
"""


class SmallDisk:
    """The data folder on a 6 MB tmpfs, filled on demand; or, where mounting is not allowed,
    a store whose every write fails as SQLite fails on a full disk."""

    def __init__(self, data: Path, mount: bool) -> None:
        self.data = data
        self.filler = data / "filler"
        data.mkdir(parents=True)
        self.mounted = mount and os.geteuid() == 0 and subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", str(data)],
            capture_output=True, check=False).returncode == 0
        self._restore: Callable[[], None] | None = None

    def fill(self, app: Gluteapp) -> None:
        if not self.mounted:
            self._inject_full(app)
            return
        handle = os.open(self.filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        try:
            for size in (1 << 20, 1 << 16, 1 << 12, 1 << 8, 1):
                with contextlib.suppress(OSError):  # ENOSPC: full at this chunk size
                    while os.write(handle, b"\0" * size):
                        pass
            assert shutil.disk_usage(self.filler.parent).free < 4096
        finally:
            os.close(handle)

    def _inject_full(self, app: Gluteapp) -> None:
        db = app.history._store._db
        real = db.execute

        def full(sql: str, parameters: Any = None) -> sqlite3.Cursor:
            if sql.lstrip().split()[0].upper() in {"INSERT", "UPDATE", "DELETE"}:
                error = sqlite3.OperationalError("database or disk is full")
                error.sqlite_errorcode = 13  # SQLITE_FULL
                raise error
            return real(sql, parameters)

        db.execute = full  # type: ignore[method-assign]

        def restore() -> None:
            db.execute = real  # type: ignore[method-assign]

        self._restore = restore

    def free(self) -> None:
        if self._restore is not None:
            self._restore()
            self._restore = None
        self.filler.unlink(missing_ok=True)

    def unmount(self) -> None:
        if self.mounted:
            subprocess.run(["umount", "-l", str(self.data)], capture_output=True, check=False)


@pytest.fixture(params=["tmpfs", "injected"])
def disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> Iterator[SmallDisk]:
    """Both ways where the machine allows a mount; the injected one everywhere."""
    monkeypatch.setattr(HistoryService, "RETRY_MS", 200, raising=False)  # retried in the test
    small = SmallDisk(tmp_path / "data", mount=request.param == "tmpfs")
    yield small
    small.unmount()


def stored_sets(data: Path) -> list[tuple[int, int, str]]:
    """(session id, set number, exercise) of every stored set, read by another connection."""
    with closing(sqlite3.connect(f"{(data / 'history.db').as_uri()}?mode=ro", uri=True)) as conn:
        return [(int(a), int(b), str(c)) for a, b, c in conn.execute(
            "SELECT session_id, set_number, exercise_id FROM sets ORDER BY id")]


def start_six(start_app: StartApp, disk: SmallDisk) -> Gluteapp:
    routines = disk.data / "routines"
    routines.mkdir(parents=True, exist_ok=True)
    (routines / "six.toml").write_text(SIX_PUMPS, encoding="utf-8")
    app = start_app(routine="six", autostart=True, skip_first_run=True)
    assert app.controller.player is not None
    app.controller.player.runner.skip()  # past the get-ready countdown
    return app


def do_sets(app: Gluteapp, count: int) -> None:
    player = app.controller.player
    assert player is not None
    runner = player.runner
    for _ in range(count):
        assert runner.session.phase.kind is PhaseKind.REPS
        runner.done()
        if not runner.session.is_finished:
            runner.skip()  # past the rest
    settle()


def test_sets_finished_on_a_full_disk_wait_are_shown_and_all_end_in_the_history(
    start_app: StartApp, disk: SmallDisk, qtbot: QtBot
) -> None:
    app = start_six(start_app, disk)
    do_sets(app, 2)
    assert [number for _, number, _ in stored_sets(disk.data)] == [1, 2]
    assert app.problems.isHidden()

    disk.fill(app)  # the disk is full after the second set
    do_sets(app, 1)
    # Told at once, before the next set.
    assert app.problems.isVisibleTo(app.window)
    assert app.problems.text.text().startswith(
        "1 finished set is waiting to be saved. Gluteapp keeps trying and saves them as soon "
        "as the disk has room again.")
    assert "Not saved: Could not save the set in " in app.problems.text.text()
    assert "disk is full" in app.problems.text.text()
    assert app.problems.save_button.isVisibleTo(app.window)
    do_sets(app, 3)

    player = app.controller.player
    assert player is not None
    assert player.runner.session.is_finished
    assert [number for _, number, _ in stored_sets(disk.data)] == [1, 2]
    assert app.history.pending_sets() == 4
    assert app.problems.text.text().startswith("4 finished sets are waiting to be saved.")
    # The summary does not claim what did not happen.
    assert "Every finished set is saved" not in player.summary.note.text()
    assert player.summary.note.text().startswith("4 finished sets are not saved yet")
    # Dismissing puts the failures away, never the line about waiting sets.
    app.problems.dismiss_button.click()
    assert app.problems.text.text().startswith("4 finished sets are waiting to be saved.")

    with qtbot.waitSignal(app.history.pending_changed, timeout=20_000,
                          check_params_cb=lambda count: count == 0):
        disk.free()  # space returns; the retry timer writes them

    rows = stored_sets(disk.data)
    assert [number for _, number, _ in rows] == [1, 2, 3, 4, 5, 6]
    assert len({session for session, _, _ in rows}) == 1  # into the session they belong to
    assert app.problems.text.text() == (
        "The 4 sets that were waiting are saved in your history now.")
    assert player.summary.note.text().startswith("Every finished set is saved.")
    assert not (disk.data / "history.db.pending").exists()
    app.shutdown()
    with closing(sqlite3.connect(disk.data / "history.db")) as conn:
        assert conn.execute("SELECT status FROM sessions").fetchall() == [("completed",)]


def test_sets_left_waiting_at_quit_are_saved_at_the_next_start_once(
    start_app: StartApp, disk: SmallDisk, tmp_path: Path
) -> None:
    app = start_six(start_app, disk)
    do_sets(app, 2)
    app.history._store._db.execute("PRAGMA query_only = 1")  # the history refuses writes
    do_sets(app, 4)
    assert app.history.pending_sets() == 4
    journal = disk.data / "history.db.pending"
    assert len(journal.read_bytes().splitlines()) == 4 + 1  # four sets and the session's end
    app.shutdown()  # quits with them waiting: they stay in the journal
    assert journal.exists()
    assert len(stored_sets(disk.data)) == 2

    again = start_app(skip_first_run=True, view="sessions")
    rows = stored_sets(disk.data)
    assert [number for _, number, _ in rows] == [1, 2, 3, 4, 5, 6]
    assert len({session for session, _, _ in rows}) == 1
    assert not journal.exists()
    assert again.problems.text.text() == (
        "The 4 sets that were waiting are saved in your history now.")
    again.shutdown()
    third = start_app(skip_first_run=True, view="sessions")  # and never twice
    assert len(stored_sets(disk.data)) == 6
    assert third.problems.isHidden()


def test_quitting_with_sets_waiting_asks_first(
    start_app: StartApp, disk: SmallDisk, tmp_path: Path
) -> None:
    app = start_six(start_app, disk)
    do_sets(app, 1)
    app.history._store._db.execute("PRAGMA query_only = 1")
    do_sets(app, 2)
    asked: list[str] = []

    def answer(button_text: str) -> Callable[[], None]:
        def click() -> None:
            box = QApplication.activeModalWidget()
            assert isinstance(box, QMessageBox)
            asked.append(box.text())
            (button,) = [b for b in box.findChildren(QPushButton) if b.text() == button_text]
            button.click()
        return click

    QTimer.singleShot(0, answer("Cancel"))
    assert not app.window.close()  # kept open
    assert asked[0].startswith("2 finished sets are not saved in your history yet")
    assert str(disk.data / "history.db.pending") in asked[0]

    copy = tmp_path / "copy.csv"
    monkey = pytest.MonkeyPatch()
    monkey.setattr(QFileDialog, "getSaveFileName",
                   lambda *args, **kwargs: (str(copy), "CSV files (*.csv)"))
    QTimer.singleShot(0, answer("Save them elsewhere…"))
    try:
        assert app.window.close()  # saved elsewhere, then quits
    finally:
        monkey.undo()
    lines = copy.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("routine_name,session_started_at,exercise_id,set_number")
    assert [line.split(",")[3] for line in lines[1:]] == ["2", "3"]
    app.history._store._db.execute("PRAGMA query_only = 0")
    app.controller.end()


def test_the_banner_saves_a_copy_of_the_waiting_sets_elsewhere(
    start_app: StartApp, disk: SmallDisk, tmp_path: Path, qtbot: QtBot
) -> None:
    app = start_six(start_app, disk)
    app.history._store._db.execute("PRAGMA query_only = 1")
    do_sets(app, 3)
    app.problems.save_button.click()
    dialog = app.window.findChild(QFileDialog, "save_waiting_sets_dialog")
    assert dialog is not None
    target = tmp_path / "kept.csv"
    dialog.selectFile(str(target))
    dialog.accept()
    settle()
    assert len(target.read_text(encoding="utf-8").splitlines()) == 1 + 3
    assert f"A copy of the 3 waiting sets was saved to {target}." in app.problems.text.text()
    assert app.history.pending_sets() == 3  # still waiting for the history as well
    app.history._store._db.execute("PRAGMA query_only = 0")
    assert app.history.retry_pending()
    assert len(stored_sets(disk.data)) == 3
    app.controller.end()


def test_a_daily_backup_the_full_disk_refuses_is_said_and_the_app_starts(
    start_app: StartApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gluteapp.storage import backups

    def no_room(*_args: object) -> backups.Backup:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backups, "write_backup", no_room)
    app = start_app(view="sessions", skip_first_run=True)
    app.history.list_sessions()  # the history opened and reads
    text = app.problems.text.text()
    assert text.startswith("Gluteapp could not back up your history into ")
    assert "No space left on device)" in text
    assert "Your history itself is safe." in text
