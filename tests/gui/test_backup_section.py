"""The Backups section of Settings, in the real app on a real data folder."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import zipfile
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import msgspec.structs
import pytest
from pytestqt.qtbot import QtBot

from gluteapp.app import Gluteapp
from gluteapp.gui.backup_dialog import BackupSection
from gluteapp.gui.settings_dialog import SettingsDialog
from gluteapp.storage import open_history
from tests.gui.conftest import StartApp, settle
from tests.storage.storage_helpers import FakeClock, fill_history


def session_count(database: Path) -> int:
    with closing(sqlite3.connect(database)) as conn:
        return int(conn.execute("SELECT count(*) FROM sessions").fetchone()[0])


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """The folder start_app uses, with a history and two automatic backups (2 and 5 sessions)."""
    folder = tmp_path / "data"
    clock = FakeClock(datetime(2025, 3, 3, 18, 0, tzinfo=UTC))
    with open_history(folder, clock=clock, daily_backup=False) as store:
        fill_history(store, 2)
        store.backup_now()
        clock.advance(days=10)
        fill_history(store, 3, start=datetime(2025, 4, 1, 18, 0, tzinfo=UTC))
        store.backup_now()
        clock.advance(days=10)
        fill_history(store, 1, start=datetime(2025, 5, 1, 18, 0, tzinfo=UTC))
    for extra in folder.joinpath("backups").glob("*.db"):
        if session_count(extra) == 6:  # the one closing made: keep the two above only
            extra.unlink()
    (folder / "routines").mkdir(exist_ok=True)
    (folder / "routines" / "mine.toml").write_text("# mine\n", encoding="utf-8")
    return folder


def open_section(app: Gluteapp) -> tuple[SettingsDialog, BackupSection]:
    app.open_settings()
    settle()
    # The dialog over this app's window (another test's may not be deleted yet).
    dialogs = [d for d in app.window.findChildren(SettingsDialog) if d.isVisible()]
    assert len(dialogs) == 1
    section = dialogs[0].findChild(BackupSection)
    assert section is not None
    return dialogs[0], section


def rows(section: BackupSection) -> list[list[str]]:
    tree = section.backup_list
    return [[tree.topLevelItem(i).text(c) for c in range(3)]
            for i in range(tree.topLevelItemCount())]


def test_the_list_shows_the_automatic_backups_with_what_they_hold(
    data_dir: Path, start_app: StartApp
) -> None:
    app = start_app()
    _dialog, section = open_section(app)
    shown = rows(section)
    # Newest content first; the start of this run made a third one, of all six sessions.
    assert [row[1] for row in shown] == ["6", "5", "2"]
    assert shown[1][2] == "5 Apr 2025"
    assert shown[2][2] == "5 Mar 2025"
    assert not section.restore_selected_button.isEnabled()
    section.backup_list.setCurrentItem(section.backup_list.topLevelItem(2))
    assert section.restore_selected_button.isEnabled()


def test_restoring_an_automatic_backup_replaces_the_history_and_restarts(
    data_dir: Path, start_app: StartApp, qtbot: QtBot
) -> None:
    app = start_app()
    app.history.has_sets()  # the history is open, as in a person's app
    _dialog, section = open_section(app)
    asked: list[str] = []
    told: list[str] = []
    section.ask = lambda _parent, _title, text: asked.append(text) or True
    section.tell = lambda _parent, _title, text, problem: told.append(text)
    section.backup_list.setCurrentItem(section.backup_list.topLevelItem(2))  # 2 sessions
    assert section.restore_selected()
    assert "It holds 2 sessions, the newest on 5 Mar 2025." in asked[0]
    assert app.history.closed
    assert session_count(data_dir / "history.db") == 2
    aside = next(data_dir.glob("before-restore-*"))
    assert session_count(aside / "history.db") == 6
    assert told[0].startswith("Restored 2 sessions")
    assert f"What was there before is kept in {aside}." in told[0]
    assert (data_dir / "routines" / "mine.toml").read_text(encoding="utf-8") == "# mine\n"
    qtbot.waitUntil(lambda: app.restart_wanted)
    app.shutdown()
    again = start_app()  # what the restart starts: it reads the restored history
    assert len(again.history.list_sessions()) == 2


def test_back_up_to_a_file_and_restore_it(
    data_dir: Path, start_app: StartApp, tmp_path: Path, qtbot: QtBot
) -> None:
    app = start_app()
    _dialog, section = open_section(app)
    target = tmp_path / "mine.zip"
    assert section.write_to(target)
    assert section.status.text().startswith(f"Backed up to {target}: 6 sessions")
    with zipfile.ZipFile(target) as archive:
        assert "routines/mine.toml" in archive.namelist()
    (data_dir / "routines" / "mine.toml").write_text("# changed\n", encoding="utf-8")
    section.ask = lambda *_: True
    section.tell = lambda *_: None
    assert section.restore_file(target)
    assert (data_dir / "routines" / "mine.toml").read_text(encoding="utf-8") == "# mine\n"
    qtbot.waitUntil(lambda: app.restart_wanted)


def test_a_bad_file_is_said_in_the_section_and_nothing_changes(
    data_dir: Path, start_app: StartApp, tmp_path: Path
) -> None:
    app = start_app()
    _dialog, section = open_section(app)
    bad = tmp_path / "photo.zip"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    section.ask = lambda *_: pytest.fail("nothing to ask about a bad file")  # type: ignore[assignment]
    assert not section.restore_file(bad)
    assert section.status.text() == (f"{bad} is not a backup of Gluteapp: it is not a ZIP "
                                     "archive, or it was cut short. Nothing was changed.")
    assert not app.history.closed
    assert not list(data_dir.glob("before-restore-*"))
    assert not list(data_dir.glob(".restore-*"))


def test_saying_no_changes_nothing(data_dir: Path, start_app: StartApp, tmp_path: Path) -> None:
    app = start_app()
    _dialog, section = open_section(app)
    target = tmp_path / "b.zip"
    assert section.write_to(target)
    section.ask = lambda *_: False
    assert not section.restore_file(target)
    assert not app.history.closed
    assert not app.restart_wanted
    assert sorted(p.name for p in data_dir.iterdir() if p.name.startswith((".", "before"))) == []


def test_no_restore_while_a_session_runs(data_dir: Path, start_app: StartApp) -> None:
    app = start_app()
    _dialog, section = open_section(app)
    assert not section.host.session_running()  # the app's controller, asked each time
    section.host = msgspec.structs.replace(section.host, session_running=lambda: True)
    section.backup_list.setCurrentItem(section.backup_list.topLevelItem(0))
    assert not section.restore_selected()
    assert section.status.text() == "A session is running. Finish or end it, then restore."
    assert not app.history.closed



def test_no_restore_while_another_program_holds_the_folder(
    data_dir: Path, start_app: StartApp, tmp_path: Path
) -> None:
    app = start_app()
    _dialog, section = open_section(app)
    target = tmp_path / "b.zip"
    assert section.write_to(target)
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys; from pathlib import Path; from gluteapp.core import folder_lock; "
         "assert folder_lock.hold(Path(sys.argv[1])); print('held', flush=True); "
         "sys.stdin.read()", str(data_dir)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline() == "held\n"
        section.ask = lambda *_: pytest.fail("nothing to ask while the folder is taken")  # type: ignore[assignment]
        assert not section.restore_file(target)
    finally:
        holder.communicate("")
    assert section.status.text() == (
        "Another program (a restore on the command line?) is using the data folder "
        f"{data_dir}. Try again once it has finished.")
    assert not app.history.closed


def test_the_buttons_ask_for_a_file_and_use_it(
    data_dir: Path, start_app: StartApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gluteapp.gui import backup_dialog

    app = start_app()
    _dialog, section = open_section(app)
    target = tmp_path / "chosen.zip"
    offered: list[str] = []

    def save_name(_parent: object, _title: str, name: str, _filter: str) -> tuple[str, str]:
        offered.append(name)
        return str(target), ""

    monkeypatch.setattr(backup_dialog.QFileDialog, "getSaveFileName", save_name)
    section.backup_button.click()
    assert Path(offered[0]).name.startswith("gluteapp-backup-")
    assert zipfile.is_zipfile(target)
    monkeypatch.setattr(backup_dialog.QFileDialog, "getOpenFileName",
                        lambda *_: (str(target), ""))
    asked: list[str] = []
    section.ask = lambda _parent, _title, text: bool(asked.append(text))  # says no
    section.restore_button.click()
    assert asked[0].startswith(f"Restore {target}? It holds 6 sessions, the newest on")
    assert not app.history.closed


def test_the_app_undoes_a_restore_cut_short_before_it_opens_the_history(
    data_dir: Path, start_app: StartApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gluteapp.core.paths import resolve_paths
    from gluteapp.storage import data_backup

    paths = resolve_paths(data_dir)
    target = data_backup.write_data_backup(paths, tmp_path / "b.zip").path
    staged = data_backup.stage_restore(paths, target)
    real_move = data_backup._move
    calls: list[Path] = []

    def cut(source: Path, destination: Path) -> None:
        calls.append(source)
        if len(calls) == 3:  # exercises and the history aside, nothing new in place yet
            raise KeyboardInterrupt
        real_move(source, destination)

    monkeypatch.setattr(data_backup, "_move", cut)
    with pytest.raises(KeyboardInterrupt):
        data_backup.apply_restore(staged)
    monkeypatch.setattr(data_backup, "_move", real_move)
    assert not (data_dir / "history.db").exists()
    app = start_app()
    assert len(app.history.list_sessions()) == 6
    assert not (data_dir / ".restore-in-progress.json").exists()
    assert not list(data_dir.glob("before-restore-*"))
