"""Your own exercises in the real window: the editor, the library, the builder, the player and
the printed sheet, with real files in a fresh data folder."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QMessageBox

from gluteapp.app import Gluteapp
from gluteapp.core.exercises import Mode
from gluteapp.core.own_library import CombinedLibrary
from gluteapp.core.routines import load_routine
from gluteapp.gui.library.area import LibraryArea
from gluteapp.gui.library.exercise_editor import ExerciseEditor
from gluteapp.gui.library.model import ExerciseModel
from gluteapp.gui.library.view import LibraryView
from gluteapp.gui.player.builder import RoutineBuilder
from gluteapp.gui.sheet import write_sheet
from tests.builders import WALL_PRESS_TOML
from tests.gui.conftest import StartApp, settle

RED = QColor("#d01010")


def library_view(app: Gluteapp) -> LibraryView:
    area = app.window.page("library")
    assert isinstance(area, LibraryArea)
    return area.view()


def editor_of(app: Gluteapp) -> ExerciseEditor:
    editor = app.own.editor
    assert editor is not None
    assert editor.isVisible()
    return editor


def fill(editor: ExerciseEditor, name: str = "Band clam") -> None:
    editor.name_edit.setText(name)
    editor.summary_edit.setText("The clamshell my physiotherapist gave me.")
    editor.steps_edit.setPlainText("Lie on your side, knees bent.\nOpen the top knee.")
    editor.tips_edit.setPlainText("Keep the heels together.")
    editor.cautions_edit.setPlainText("Stop if the hip pinches.")
    editor.muscles_list.item(1).setCheckState(Qt.CheckState.Checked)  # gluteus medius
    editor.position_combo.setCurrentIndex(editor.position_combo.findData("side_lying"))
    editor.mode_combo.setCurrentIndex(editor.mode_combo.findData(Mode.TEMPO.value))
    editor.min_spin.setValue(10)
    editor.max_spin.setValue(15)
    editor.tempo_edit.setText("2-1-2")
    editor.per_side_check.setChecked(True)


def red_photo(path: Path, width: int = 3000, height: int = 2000) -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(RED)
    assert image.save(str(path))
    return path


def test_new_exercise_is_checked_saved_listed_as_yours_and_edited(
        start_app: StartApp, qtbot: object) -> None:
    app = start_app()
    view = library_view(app)
    builtin_count = view.model.rowCount()
    assert not view.yours_check.isVisibleTo(view)  # nothing of yours yet
    view.new_button.click()
    editor = editor_of(app)

    assert not editor.save()  # empty: the first thing missing is said, nothing is written
    assert editor.error_label.text() == "Give the exercise a name of at least 3 letters."
    assert not editor.error_label.isHidden()
    fill(editor)
    editor.tempo_edit.setText("slow")
    assert not editor.save()
    assert "tempo" in editor.error_label.text()
    editor.tempo_edit.setText("2-1-2")
    editor.figure_choice.setChecked(True)
    editor.figure_combo.setCurrentIndex(editor.figure_combo.findData("wall-clamshell"))
    editor.offsets["working_knee", "end"].setValue(20)
    assert editor.start_preview.figure is not None  # the figure is previewed as it is adjusted
    assert editor.save()
    settle()

    folder = app.paths.exercises
    data = tomllib.loads((folder / "own-band-clam.toml").read_text(encoding="utf-8"))
    assert data["exercise"][0]["dosage"]["tempo"] == "2-1-2"
    assert data["picture"] == {"figure": "wall-clamshell", "start": {},
                               "end": {"left_knee": 20.0}}
    assert view.model.rowCount() == builtin_count + 1
    row = view.model.row_of("own-band-clam")
    assert view.model.index(row, 0).data(ExerciseModel.OwnRole) is True
    assert view.model.index(0, 0).data(ExerciseModel.OwnRole) is False
    assert view.detail.exercise is not None
    assert view.detail.exercise.id == "own-band-clam"  # the new exercise is shown
    assert view.detail.own_row.isVisibleTo(view.detail)
    assert view.detail.movement.start.figure is not None  # its adjusted figure
    view.yours_check.setChecked(True)
    assert view.proxy.rowCount() == 1

    view.detail.edit_button.click()
    editor = editor_of(app)
    assert editor.name_edit.text() == "Band clam"
    assert editor.offsets["working_knee", "end"].value() == 20
    editor.name_edit.setText("Band clamshell")
    editor.sets_spin.setValue(4)
    assert editor.save()
    settle()
    assert sorted(p.name for p in folder.glob("*.toml")) == ["own-band-clam.toml"]  # same id
    assert app.library["own-band-clam"].name == "Band clamshell"
    assert app.library["own-band-clam"].dosage.sets == 4
    assert view.detail.name_label.text() == "Band clamshell"


def test_a_photo_is_scaled_kept_in_the_data_folder_and_a_bad_one_is_refused(
        start_app: StartApp, tmp_path: Path) -> None:
    app = start_app()
    view = library_view(app)
    view.new_button.click()
    editor = editor_of(app)
    fill(editor, "Photo clam")
    not_a_picture = tmp_path / "holiday.png"
    not_a_picture.write_text("I am text", encoding="utf-8")
    assert not editor.set_photo_source(not_a_picture)
    assert editor.error_label.text().endswith("holiday.png: is not a PNG or JPEG picture")
    editor.photo_choice.setChecked(True)
    assert not editor.save()
    assert editor.error_label.text() == "Choose a photo, or another picture."
    assert editor.set_photo_source(red_photo(tmp_path / "big.png"))
    assert editor.save()
    settle()
    pictures = list((app.paths.exercises / "pictures").iterdir())
    assert len(pictures) == 1
    kept = QImage(str(pictures[0]))
    assert (kept.width(), kept.height()) == (1600, 1066)  # the long side at 1600, re-encoded
    assert pictures[0].suffix == ".jpg"
    assert view.detail.movement.photo.image is not None
    assert view.detail.movement.start.figure is None


def test_deleting_is_refused_while_a_routine_uses_it_and_keeps_history_names(
        start_app: StartApp, monkeypatch: pytest.MonkeyPatch) -> None:
    app = start_app()
    view = library_view(app)
    view.new_button.click()
    fill(editor_of(app))
    assert editor_of(app).save()
    settle()
    routine = app.paths.routines / "physio.toml"
    routine.write_text('name = "Physio"\nprepare_s = 5\n\n[[steps]]\n'
                       'exercise = "own-band-clam"\nsets = 1\nreps = 10\n', encoding="utf-8")
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda _parent, _title, text: said.append(text))
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, _title, text, *_: (
        said.append(text), QMessageBox.StandardButton.Yes)[1])
    view.detail.delete_button.click()
    assert said == ["“Band clam” is a step of your routine “Physio”. Take it out of the "
                    "routine first, then delete it."]
    assert (app.paths.exercises / "own-band-clam.toml").is_file()
    routine.unlink()
    view.detail.delete_button.click()
    assert said[-1] == "Delete “Band clam”? It has no sets in the history."
    settle()
    assert not (app.paths.exercises / "own-band-clam.toml").exists()
    assert view.model.row_of("own-band-clam") == -1
    assert not view.yours_check.isVisibleTo(view)


def test_a_bad_file_of_yours_is_named_in_the_banner_and_the_app_starts(
        start_app: StartApp, tmp_path: Path) -> None:
    folder = tmp_path / "data" / "exercises"
    folder.mkdir(parents=True)
    (folder / "own-broken.toml").write_text("[[exercise]]\nid = 'own-broken'\n", "utf-8")
    app = start_app()
    library_view(app)
    shown = app.problems.text.text()
    assert "own-broken.toml: exercise 'own-broken', field '(the entry itself)': Object " \
        "missing required field" in shown
    assert app.problems.isVisibleTo(app.window)
    assert (folder / "own-broken.toml").read_text("utf-8") == "[[exercise]]\nid = 'own-broken'\n"


def test_new_exercise_from_the_builder_is_added_to_the_routine(start_app: StartApp) -> None:
    app = start_app()
    app.open_builder(None)
    settle()
    builder = next(w for w in app.window.findChildren(RoutineBuilder) if w.isVisible())
    builder.new_exercise_button.click()
    fill(editor_of(app), "Side steps with band")
    editor = editor_of(app)
    editor.mode_combo.setCurrentIndex(editor.mode_combo.findData(Mode.STEPS.value))
    assert editor.save()
    settle()
    assert [step.exercise for step in builder.current_steps()] == ["own-side-steps-with-band"]
    listed = builder.library_list.item(builder.library_list.count() - 1)
    assert listed.text() == "Side steps with band (yours)"
    builder.name_edit.setText("Band day")
    assert builder.save()
    routine = load_routine(app.paths.routines / "band-day.toml", app.library)
    assert routine.steps[0].steps_count == 10


def test_the_player_and_the_sheet_show_your_photo(start_app: StartApp, tmp_path: Path) -> None:
    app = start_app()
    view = library_view(app)
    view.new_button.click()
    editor = editor_of(app)
    fill(editor, "Photo clam")
    assert editor.set_photo_source(red_photo(tmp_path / "photo.png", 800, 600))
    assert editor.save()
    settle()
    (app.paths.routines / "photo.toml").write_text(
        'name = "Photo day"\nprepare_s = 5\n\n[[steps]]\nexercise = "own-photo-clam"\n'
        'sets = 1\nreps = 10\ntempo = "2-1-2"\n', encoding="utf-8")
    assert app.controller.preview("photo", 7.0, False) is None
    settle()
    from gluteapp.gui.figure_player import PHOTO_PAGE, PlayerFigure

    figure = next(f for f in app.window.findChildren(PlayerFigure))
    assert figure.isVisibleTo(app.window)
    assert figure.pages.currentIndex() == PHOTO_PAGE
    assert figure.photo.image is not None
    shown = figure.photo.image.pixelColor(10, 10)  # the red photo, through JPEG
    assert abs(shown.red() - RED.red()) < 8
    assert shown.green() < 30

    library = app.library
    assert isinstance(library, CombinedLibrary)
    routine = load_routine(app.paths.routines / "photo.toml", library)
    path = write_sheet(tmp_path / "sheet.pdf", routine, library)
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    assert "Photo clam" in document.getAllText(0).text()
    page = document.render(0, document.pagePointSize(0).toSize() * 2)
    reds = sum(1 for y in range(0, page.height(), 4) for x in range(0, page.width(), 4)
               if (c := page.pixelColor(x, y)).red() > 180 and c.green() < 60 and c.blue() < 60)
    assert reds > 200  # the photo is printed where the figures go


def test_the_command_line_lists_and_prints_routines_with_your_exercises(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from gluteapp.cli import main

    data = tmp_path / "data"
    (data / "exercises").mkdir(parents=True)
    (data / "routines").mkdir()
    (data / "exercises" / "own-wall-press.toml").write_text(
        OWN_FILE, encoding="utf-8")
    (data / "exercises" / "own-bad.toml").write_text("bad", encoding="utf-8")
    (data / "routines" / "physio.toml").write_text(
        'name = "Physio"\nprepare_s = 5\n\n[[steps]]\nexercise = "own-wall-press"\nsets = 1\n'
        'hold_s = 20\n', encoding="utf-8")
    assert main(["--data-dir", str(data), "routines", "--json"]) == 0
    listed = capsys.readouterr()
    assert '"exercises": [\n      "own-wall-press"\n    ]' in listed.out
    assert "warning: " in listed.err
    assert "own-bad.toml: not valid TOML" in listed.err
    assert main(["--data-dir", str(data), "sheet", "physio", "--out",
                 str(tmp_path / "s.pdf")]) == 0
    document = QPdfDocument()
    assert document.load(str(tmp_path / "s.pdf")) == QPdfDocument.Error.None_
    assert "Wall knee press" in document.getAllText(0).text()


OWN_FILE = WALL_PRESS_TOML


def test_the_history_charts_your_exercise_and_keeps_its_name_once_deleted(
        start_app: StartApp, monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import UTC, datetime, timedelta

    from gluteapp.core.records import CompletedSet, SessionStatus, Side
    from gluteapp.gui.history.view import HistoryView

    app = start_app()
    folder = app.paths.exercises
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "own-wall-press.toml").write_text(OWN_FILE, encoding="utf-8")
    app.own.reload("own-wall-press")
    history = app.history
    started = datetime.now(UTC) - timedelta(hours=1)
    session_id = history.start_session("physio", "Physio", started)
    assert session_id is not None
    for number, side, held in ((1, Side.LEFT, 20.0), (1, Side.RIGHT, 18.0)):
        assert history.record_set(session_id, CompletedSet(
            exercise_id="own-wall-press", set_number=number, side=side, started_at=started,
            ended_at=started + timedelta(seconds=held), target_hold_s=20.0,
            achieved_hold_s=held, cut_short=False)) is not None
    assert history.finish_session(session_id, SessionStatus.COMPLETED,
                                  started + timedelta(minutes=5))
    view = app.window.show_area("history")
    assert isinstance(view, HistoryView)
    view.refresh()
    assert view.select_exercise("own-wall-press")
    assert view.exercise_picker.currentText() == "Wall knee press (1 set)"
    assert view.dose_label.text() == "Prescribed in the library: 2 x 20-40 s per side"

    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_: QMessageBox.StandardButton.Yes)
    assert app.own.delete("own-wall-press")
    assert (folder / "retired" / "own-wall-press.toml").is_file()  # kept for its name
    assert "own-wall-press" not in app.library
    view.refresh()
    assert view.select_exercise("own-wall-press")
    assert view.exercise_picker.currentText() == "Wall knee press (1 set)"
    assert view.dose_label.text() == ""


def test_editing_keeps_what_the_editor_does_not_show(start_app: StartApp) -> None:
    app = start_app()
    folder = app.paths.exercises
    folder.mkdir(parents=True, exist_ok=True)
    hand_written = OWN_FILE.replace(
        'sources = [{ title = "My physiotherapist", publisher = "your own notes" }]',
        'sources = [{ title = "Knee programme, sheet 2", publisher = "Clinic Nord" }]\n'
        'secondary_muscles = ["hamstrings"]\naliases = ["Knee to wall"]\n'
        'why = "Prescribed after the knee operation."')
    (folder / "own-wall-press.toml").write_text(hand_written, encoding="utf-8")
    app.own.reload()
    editor = app.own.open_editor("own-wall-press")
    assert editor is not None
    assert editor.source_edit.text() == ""
    editor.sets_spin.setValue(3)
    assert editor.save()
    saved = tomllib.loads((folder / "own-wall-press.toml").read_text(encoding="utf-8"))
    entry = saved["exercise"][0]
    assert entry["dosage"]["sets"] == 3
    assert entry["sources"] == [{"title": "Knee programme, sheet 2", "publisher": "Clinic Nord"}]
    assert entry["secondary_muscles"] == ["hamstrings"]
    assert entry["aliases"] == ["Knee to wall"]
    assert entry["why"] == "Prescribed after the knee operation."
    assert saved["picture"] == {"figure": "standing-hip-drive", "start": {}, "end": {}}


def test_a_save_that_fails_leaves_the_data_folder_as_it_was(
        start_app: StartApp, tmp_path: Path) -> None:
    app = start_app()
    library_view(app).new_button.click()
    editor = editor_of(app)
    fill(editor, "\u200b\u200b\u200b")  # three characters, none of them visible
    assert editor.set_photo_source(red_photo(tmp_path / "photo.png", 400, 300))
    assert not editor.save()
    assert editor.error_label.text() == (
        "own-exercise.toml: exercise 'own-exercise', field 'name': must have at least one "
        "visible character (it is empty or invisible)")
    folder = app.paths.exercises
    assert not folder.exists() or sorted(p.name for p in folder.rglob("*") if p.is_file()) == []
    assert editor.isVisible()  # still open, with everything typed
    assert editor.steps_edit.toPlainText().startswith("Lie on your side")
