"""Import and export of programme files in the real app's routine list, conflicts included."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QTreeWidget
from pytestqt.qtbot import QtBot

from gluteapp.core.assets import builtin_library
from gluteapp.core.programme import DataFolder, Resolution, export_programme
from gluteapp.gui.programme_dialog import ImportDialog, ProgrammeActions
from tests.gui.conftest import StartApp, settle
from tests.programme_files import CLAM, ROUTINE, fill_data_folder, tree_digest


@pytest.fixture
def programme(tmp_path: Path) -> Path:
    sender = fill_data_folder(tmp_path / "sender")
    target = tmp_path / "knee.gluteprogramme"
    export_programme("knee-rehab", target, DataFolder(sender), builtin_library())
    return target


def _conflicting_data(tmp_path: Path) -> Path:
    """The app's data folder with its own 'knee-rehab' and 'own-wall-clam', other than the
    programme's."""
    data = fill_data_folder(tmp_path / "data")
    (data / "routines" / "knee-rehab.toml").write_text(
        ROUTINE.replace('name = "Knee rehab"', 'name = "My knee"'))
    (data / "exercises" / "own-wall-clam.toml").write_text(
        CLAM.replace("Clam against the wall", "My clam"))
    return data


def _rows(tree: QTreeWidget) -> list[list[str]]:
    return [[tree.topLevelItem(row).text(column) for column in range(3)]
            for row in range(tree.topLevelItemCount())]


def _open(app: object, programme: Path) -> tuple[ProgrammeActions, ImportDialog]:
    picker = app.sessions.picker  # type: ignore[attr-defined]
    actions = picker.findChild(ProgrammeActions)
    assert actions is not None
    dialog = actions.import_from(programme)
    assert dialog is not None
    assert dialog.isVisible()
    return actions, dialog


def test_a_conflict_shows_what_differs_and_keep_both_adds_renamed_copies(
        start_app: StartApp, tmp_path: Path, programme: Path, qtbot: QtBot) -> None:
    data = _conflicting_data(tmp_path)
    app = start_app(view="sessions", skip_first_run=True)
    actions, dialog = _open(app, programme)
    assert _rows(dialog.items) == [
        ["Routine", "Knee rehab", "Already here, different"],
        ["Your exercise", "Clam against the wall", "Already here, different"],
        ["Your exercise", "Heel slide", "Already here, the same"],
    ]
    assert dialog.items.topLevelItem(0).font(2).bold()
    assert not dialog.items.topLevelItem(2).font(2).bold()
    assert dialog.explain.text().startswith("2 of them are already in your data")
    assert dialog.keep_both_button is not None
    assert dialog.replace_button is not None
    assert dialog.keep_both_button.isDefault()
    assert dialog.import_button is None

    with qtbot.waitSignal(dialog.finished):
        dialog.keep_both_button.click()
    settle()
    assert dialog.resolution is Resolution.RENAME
    assert "My knee" in (data / "routines" / "knee-rehab.toml").read_text()
    assert "My clam" in (data / "exercises" / "own-wall-clam.toml").read_text()
    assert (data / "routines" / "knee-rehab-2.toml").is_file()
    picker = app.sessions.picker  # type: ignore[union-attr]
    current = picker.current_routine()
    assert current is not None
    assert (current.id, current.name) == ("knee-rehab-2", "Knee rehab (2)")
    assert current.exercise_ids == ["own-wall-clam-2", "glute-bridge", "own-heel-slide"]
    assert app.library.name_of("own-wall-clam-2") == "Clam against the wall (2)"
    assert picker.list.currentItem().text().startswith("Knee rehab (2) (yours)")
    assert "Clam against the wall (2)" in picker.steps.text()
    told = actions.message
    assert told is not None
    assert told.text() == (
        "“Knee rehab (2)” is in your routines, beside yours of the same name. Where one of your "
        "exercises differed, the imported one is in the library beside it, under a new name.")
    told.close()


def test_replace_overwrites_and_cancel_changes_nothing(
        start_app: StartApp, tmp_path: Path, programme: Path, qtbot: QtBot) -> None:
    data = _conflicting_data(tmp_path)
    app = start_app(view="sessions", skip_first_run=True)
    before = tree_digest(data)
    _actions, dialog = _open(app, programme)
    with qtbot.waitSignal(dialog.finished):
        dialog.reject()
    assert dialog.resolution is None
    assert tree_digest(data) == before

    _actions, dialog = _open(app, programme)
    assert dialog.replace_button is not None
    with qtbot.waitSignal(dialog.finished):
        dialog.replace_button.click()
    settle()
    assert (data / "routines" / "knee-rehab.toml").read_text() == ROUTINE
    assert (data / "exercises" / "own-wall-clam.toml").read_text() == CLAM
    assert not (data / "routines" / "knee-rehab-2.toml").exists()
    assert app.library.name_of("own-wall-clam") == "Clam against the wall"
    current = app.sessions.picker.current_routine()  # type: ignore[union-attr]
    assert current is not None
    assert current.name == "Knee rehab"


def test_a_programme_with_nothing_in_the_way_offers_import_and_adds_it(
        start_app: StartApp, programme: Path, qtbot: QtBot) -> None:
    app = start_app(view="sessions", skip_first_run=True)
    actions, dialog = _open(app, programme)
    assert [row[2] for row in _rows(dialog.items)] == ["New", "New", "New"]
    assert dialog.replace_button is None
    assert dialog.import_button is not None
    with qtbot.waitSignal(actions.imported) as imported:
        dialog.import_button.click()
    assert imported.args == ["knee-rehab"]
    settle()
    assert actions.message is not None
    assert actions.message.text() == "“Knee rehab” is in your routines."
    actions.message.close()
    assert app.library.name_of("own-heel-slide") == "Heel slide"
    _actions, again = _open(app, programme)
    assert again.explain.text() == "Everything in it is already here: nothing to import."
    assert again.import_button is None
    assert again.replace_button is None
    again.reject()


def test_a_damaged_file_is_explained_and_nothing_changes(
        start_app: StartApp, tmp_path: Path, programme: Path) -> None:
    data = fill_data_folder(tmp_path / "data")
    app = start_app(view="sessions", skip_first_run=True)
    before = tree_digest(data)
    damaged = tmp_path / "damaged.gluteprogramme"
    damaged.write_bytes(programme.read_bytes()[:-40])
    actions = app.sessions.picker.findChild(ProgrammeActions)  # type: ignore[union-attr]
    assert actions.import_from(damaged) is None
    assert actions.message is not None
    assert actions.message.icon() is QMessageBox.Icon.Warning
    assert actions.message.text() == (
        "This file cannot be imported; nothing was changed.\n\n"
        f"{damaged}: is a damaged or cut-short zip archive (its table of contents is missing or "
        "broken); copy or download it again")
    assert tree_digest(data) == before
    actions.message.close()


def test_export_is_offered_for_your_routines_only_and_writes_the_file(
        start_app: StartApp, tmp_path: Path) -> None:
    fill_data_folder(tmp_path / "data")
    app = start_app(view="sessions", skip_first_run=True)
    picker = app.sessions.picker  # type: ignore[union-attr]
    picker.select("desk-break")
    assert not picker.export_button.isEnabled()
    assert "every Gluteapp" in picker.export_button.toolTip()
    picker.select("knee-rehab")
    assert picker.export_button.isEnabled()
    actions = picker.findChild(ProgrammeActions)
    target = tmp_path / "shared.gluteprogramme"
    routine = picker.current_routine()
    assert actions.export_to(routine, target)
    assert target.stat().st_size > 0
    assert actions.message is not None
    assert actions.message.text().startswith(
        f"“Knee rehab” is saved as {target}, with 2 own exercises.")
    actions.message.close()


def test_the_buttons_under_the_routine_list_ask_for_a_file_and_go_on_from_it(
        start_app: StartApp, tmp_path: Path, qtbot: QtBot) -> None:
    fill_data_folder(tmp_path / "data")
    app = start_app(view="sessions", skip_first_run=True)
    picker = app.sessions.picker  # type: ignore[union-attr]
    actions = picker.findChild(ProgrammeActions)
    picker.select("knee-rehab")
    picker.export_button.click()
    asked = actions.file_dialog
    assert asked is not None
    assert asked.isVisible()
    assert asked.acceptMode() is QFileDialog.AcceptMode.AcceptSave
    assert asked.defaultSuffix() == "gluteprogramme"
    assert Path(asked.selectedFiles()[0]).name == "knee-rehab.gluteprogramme"
    target = tmp_path / "out" / "knee.gluteprogramme"
    target.parent.mkdir()
    asked.fileSelected.emit(str(target))
    assert target.is_file()
    actions.message.close()
    asked.close()

    picker.import_button.click()
    asked = actions.file_dialog
    assert asked.acceptMode() is QFileDialog.AcceptMode.AcceptOpen
    assert asked.fileMode() is QFileDialog.FileMode.ExistingFile
    assert Path(asked.directory().absolutePath()) == target.parent  # where the last one went
    asked.fileSelected.emit(str(target))
    dialog = actions.dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert [row[2] for row in _rows(dialog.items)] == ["Already here, the same"] * 3
    dialog.reject()
    asked.close()


def test_a_write_that_fails_during_the_import_is_explained_and_changes_nothing(
        start_app: StartApp, tmp_path: Path, programme: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    data = _conflicting_data(tmp_path)
    app = start_app(view="sessions", skip_first_run=True)
    before = tree_digest(data)
    actions, dialog = _open(app, programme)

    def full_disk(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", full_disk)
    assert dialog.replace_button is not None
    with qtbot.waitSignal(actions.failed) as failed:
        dialog.replace_button.click()
    monkeypatch.undo()
    assert failed.args[0].startswith(
        "The programme could not be imported; nothing was changed.\n\n")
    assert "(No space left on device); your data folder is as it was" in failed.args[0]
    assert tree_digest(data) == before
    names = [routine.name for routine in app.sessions.picker.routines]  # type: ignore[union-attr]
    assert "My knee" in names
    assert "Knee rehab" not in names
    actions.message.close()
