"""The routine builder: real library, real files in tmp_path, driven through its own controls."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QSpinBox,
)

from gluteapp.core.assets import builtin_library
from gluteapp.core.exercises import Library
from gluteapp.core.routines import (
    RoutineStep,
    builtin_routines_dir,
    find_routine,
    load_routine,
    parse_routine,
)
from gluteapp.gui.player.builder import (
    COL_AMOUNT,
    COL_PER_SIDE,
    COL_REST,
    COL_REST_AFTER,
    COL_SETS,
    COL_TEMPO,
    RoutineBuilder,
)


@pytest.fixture
def library() -> Library:
    return builtin_library()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "routines"


@pytest.fixture
def builder(qtbot, library: Library, folder: Path) -> RoutineBuilder:
    dialog = RoutineBuilder(library, folder)
    qtbot.addWidget(dialog)
    return dialog


def spin(builder: RoutineBuilder, row: int, column: int) -> QSpinBox:
    widget = builder.steps_table.cellWidget(row, column)
    assert isinstance(widget, QSpinBox)
    return widget


def tempo_edit(builder: RoutineBuilder, row: int) -> QLineEdit:
    widget = builder.steps_table.cellWidget(row, COL_TEMPO)
    assert isinstance(widget, QLineEdit)
    return widget


def add_by_search(builder: RoutineBuilder, text: str) -> None:
    """Type into the search box and press Add, as a person would."""
    builder.search_edit.setText(text)
    assert builder.add_button.isEnabled(), f"nothing matches {text!r}"
    builder.add_button.click()
    builder.search_edit.clear()


def test_added_exercise_is_prefilled_from_its_dosage(builder: RoutineBuilder, library):
    add_by_search(builder, "single-leg squat")  # tempo 2-0-2, 10 reps, per side, 90 s rest
    add_by_search(builder, "side plank")  # a hold of 10-30 s

    squat = library["single-leg-squat"]
    assert spin(builder, 0, COL_SETS).value() == squat.dosage.sets
    assert spin(builder, 0, COL_AMOUNT).value() == 10
    assert tempo_edit(builder, 0).text() == "2-0-2"
    per_side = builder.steps_table.cellWidget(0, COL_PER_SIDE).findChild(QCheckBox)
    assert per_side is not None
    assert per_side.isChecked()
    assert spin(builder, 0, COL_REST).value() == 90
    assert spin(builder, 1, COL_AMOUNT).value() == 10
    assert spin(builder, 1, COL_AMOUNT).suffix().strip() == "s"
    assert builder.steps_table.cellWidget(1, COL_TEMPO) is None  # holds have no tempo


def test_build_change_reorder_and_save(qtbot, builder: RoutineBuilder, library, folder: Path):
    builder.name_edit.setText("My Morning!")
    builder.description_edit.setText("Three moves before coffee.")
    builder.prepare_spin.setValue(7)
    add_by_search(builder, "glute bridge")  # first match: the hold
    add_by_search(builder, "clamshell")
    add_by_search(builder, "lateral band walk")
    assert [s.exercise for s in builder.current_steps()] == [
        "glute-bridge",
        "wall-clamshell",
        "lateral-band-walk",
    ]

    spin(builder, 1, COL_AMOUNT).setValue(18)  # clamshell reps
    spin(builder, 1, COL_SETS).setValue(4)
    tempo_edit(builder, 1).setText("1-1-2")
    spin(builder, 0, COL_AMOUNT).setValue(25)  # bridge hold
    spin(builder, 0, COL_REST_AFTER).setValue(20)

    # The band walk to the top: select it, then move it up twice.
    builder.steps_table.setCurrentCell(2, 0)
    assert not builder.down_button.isEnabled()
    builder.up_button.click()
    builder.up_button.click()
    assert not builder.up_button.isEnabled()

    with qtbot.waitSignal(builder.routine_saved) as saved:
        builder.save_button.click()

    path = folder / "my-morning.toml"
    assert saved.args == [path]
    assert builder.saved_path == path
    assert builder.result() == RoutineBuilder.DialogCode.Accepted
    assert path.is_file()
    routine = parse_routine(path.read_text(encoding="utf-8"), path.name, library)
    assert routine == builder.routine
    assert routine.name == "My Morning!"
    assert routine.description == "Three moves before coffee."
    assert routine.prepare_s == 7
    assert routine.exercise_ids == ["lateral-band-walk", "glute-bridge", "wall-clamshell"]
    walk, bridge, clamshell = routine.steps
    assert walk.steps_count == library["lateral-band-walk"].dosage.steps.min
    assert bridge.hold_s == 25
    assert bridge.rest_after_s == 20
    assert bridge.reps is None
    assert clamshell.reps == 18
    assert clamshell.sets == 4
    assert clamshell.tempo == "1-1-2"
    assert clamshell.per_side is True


def test_duration_label_follows_the_sets(builder: RoutineBuilder):
    assert builder.duration_label.text() == "No exercises yet"
    add_by_search(builder, "single-leg stand")  # 3 x 30 s per side, 30 s rest
    before = builder.duration_label.text()
    assert before.startswith("About ")
    spin(builder, 0, COL_SETS).setValue(12)
    after = builder.duration_label.text()
    assert after != before
    # 10 s to get ready + 12 sets x 2 sides x 30 s + 12 side switches x 5 s + 11 rests x 30 s
    # = 1120 s.
    assert after == "About 19 min"


def test_invalid_tempo_shows_an_error_and_writes_nothing(builder: RoutineBuilder, folder: Path):
    builder.name_edit.setText("Broken")
    add_by_search(builder, "donkey kick")
    tempo_edit(builder, 0).setText("2-x-2")
    assert builder.duration_label.text() == "Duration: check the tempo"

    assert builder.save() is False
    builder.save_button.click()

    assert builder.error_label.isVisibleTo(builder)
    assert "Step 1, Donkey kick" in builder.error_label.text()
    assert "2-x-2" in builder.error_label.text()
    assert builder.saved_path is None
    assert builder.result() != RoutineBuilder.DialogCode.Accepted
    assert not folder.exists() or not list(folder.iterdir())

    tempo_edit(builder, 0).setText(" 3-1-2 ")  # fixed: normalised, saved, error gone
    builder.save_button.click()
    assert not builder.error_label.isVisibleTo(builder)
    assert load_routine(folder / "broken.toml", builtin_library()).steps[0].tempo == "3-1-2"


def test_a_set_longer_than_thirty_minutes_is_refused(builder: RoutineBuilder, folder: Path):
    builder.name_edit.setText("Slow")
    add_by_search(builder, "single-leg squat")
    spin(builder, 0, COL_AMOUNT).setValue(200)
    tempo_edit(builder, 0).setText("5-0-5")
    assert builder.save() is False
    assert "at most 1800 s" in builder.error_label.text()
    assert not folder.exists()


def test_a_nameless_or_empty_routine_is_refused(builder: RoutineBuilder, folder: Path):
    add_by_search(builder, "bird dog")
    assert builder.save() is False
    assert builder.error_label.text() == "Give the routine a name."
    builder.name_edit.setText("Nothing")
    builder.steps_table.setCurrentCell(0, 0)
    builder.remove_button.click()
    assert builder.step_count == 0
    assert builder.save() is False
    assert builder.error_label.text() == "Add at least one exercise."
    assert not folder.exists()


def test_editing_a_builtin_keeps_its_steps_and_saves_a_user_copy(qtbot, library, folder: Path):
    original = load_routine(builtin_routines_dir() / "gluteus-minimus-focus.toml", library)
    dialog = RoutineBuilder(library, folder, original)
    qtbot.addWidget(dialog)

    assert dialog.name_edit.text() == original.name
    assert dialog.prepare_spin.value() == original.prepare_s
    assert dialog.step_count == len(original.steps)
    # Untouched, the steps are the very same, defaults left to the library included.
    assert dialog.current_steps() == original.steps

    spin(dialog, 4, COL_SETS).setValue(2)
    assert dialog.save() is True
    # A built-in is never shadowed by a user file of the same id.
    assert dialog.saved_path == folder / "gluteus-minimus-focus-2.toml"
    saved = load_routine(dialog.saved_path, library)
    assert saved.steps[:4] == original.steps[:4]
    assert saved.steps[4] == RoutineStep(exercise="fire-hydrant", sets=2, reps=10)
    assert find_routine("gluteus-minimus-focus", library, folder) == original


def test_editing_a_user_routine_saves_over_its_own_file(qtbot, library, folder: Path):
    folder.mkdir()
    path = folder / "evening.toml"
    path.write_text(
        'name = "Evening"\nprepare_s = 5\n\n[[steps]]\nexercise = "bird-dog"\nsets = 2\n'
        "reps = 8\nrest_s = 20\n",
        encoding="utf-8",
    )
    original = load_routine(path, library)
    dialog = RoutineBuilder(library, folder, original)
    qtbot.addWidget(dialog)
    assert dialog.file_label.text() == "Saves over evening.toml"
    spin(dialog, 0, COL_REST).setValue(25)
    assert dialog.save() is True
    assert dialog.saved_path == path
    assert sorted(p.name for p in folder.iterdir()) == ["evening.toml"]
    assert load_routine(path, library).steps[0].rest_s == 25


def test_a_new_routine_never_replaces_another_file(qtbot, builder: RoutineBuilder, folder: Path):
    folder.mkdir()
    other = folder / "evening.toml"
    other.write_text("# someone else's\n", encoding="utf-8")
    builder.name_edit.setText("Evening")
    assert builder.file_label.text() == "Saves as evening-2.toml"
    add_by_search(builder, "frog pump")
    assert builder.save() is True
    assert builder.saved_path == folder / "evening-2.toml"
    assert other.read_text(encoding="utf-8") == "# someone else's\n"


def test_search_filters_the_library_and_double_click_adds(builder: RoutineBuilder, qtbot):
    builder.search_edit.setText("gluteus minimus")
    visible = [
        builder.library_list.item(n)
        for n in range(builder.library_list.count())
        if not builder.library_list.item(n).isHidden()
    ]
    assert 0 < len(visible) < builder.library_list.count()
    builder.search_edit.setText("no such exercise at all")
    assert not builder.add_button.isEnabled()
    builder.search_edit.clear()
    item = builder.library_list.item(3)
    builder.library_list.itemDoubleClicked.emit(item)
    assert builder.current_steps()[0].exercise == item.data(Qt.ItemDataRole.UserRole)


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen only
def test_editing_a_cell_makes_its_row_current(builder: RoutineBuilder, qtbot):
    builder.show()
    qtbot.waitExposed(builder)
    for text in ("bird dog", "frog pump", "fire hydrant"):
        add_by_search(builder, text)
    sets = spin(builder, 0, COL_SETS)
    sets.setFocus()
    qtbot.waitUntil(sets.hasFocus)
    assert builder.steps_table.currentRow() == 0
    builder.remove_button.click()
    assert [s.exercise for s in builder.current_steps()] == ["frog-pump", "fire-hydrant"]


def test_every_control_has_an_accessible_name(qtbot, library, folder: Path):
    original = load_routine(builtin_routines_dir() / "desk-break.toml", library)
    dialog = RoutineBuilder(library, folder, original)
    qtbot.addWidget(dialog)
    dialog.add_exercise("single-leg-squat")  # a rep row too, with its tempo edit
    kinds = (QLineEdit, QSpinBox, QAbstractButton, QAbstractItemView, QComboBox)
    controls = [w for kind in kinds for w in dialog.findChildren(kind)]
    # A spin box's inner line edit is announced through the spin box itself.
    controls = [w for w in controls if not isinstance(w.parent(), QAbstractSpinBox)]
    assert len(controls) > 30
    unnamed = [f"{type(w).__name__} {w.objectName()!r}" for w in controls if not w.accessibleName()]
    assert not unnamed


def test_editing_keeps_a_steps_variation_and_extra_set(qtbot, library, folder: Path):
    folder.mkdir()
    path = folder / "sides.toml"
    path.write_text(
        'name = "Sides"\nprepare_s = 5\n\n[[steps]]\nexercise = "side-plank"\nsets = 2\n'
        'hold_s = 15\nvariation = "From the knees"\nextra_side = "left"\n',
        encoding="utf-8",
    )
    original = load_routine(path, library)
    dialog = RoutineBuilder(library, folder, original)
    qtbot.addWidget(dialog)
    spin(dialog, 0, COL_SETS).setValue(3)
    assert dialog.save() is True
    step = load_routine(path, library).steps[0]
    assert (step.sets, step.variation, step.extra_side) == (3, "From the knees", "left")
    # Doing both sides at once leaves no side for an extra set.
    per_side = dialog.steps_table.cellWidget(0, COL_PER_SIDE)
    box = per_side if isinstance(per_side, QCheckBox) else per_side.findChild(QCheckBox)
    box.setChecked(False)
    assert dialog.save() is True
    step = load_routine(path, library).steps[0]
    assert (step.variation, step.extra_side) == ("From the knees", None)
