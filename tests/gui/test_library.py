"""The library browser: the exercise model, the filter proxy and the LibraryView."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QWidget,
)

from gluteapp.core.assets import builtin_library
from gluteapp.core.exercises import Equipment, Library, Mode, Muscle, Position, parse_library
from gluteapp.gui.library import (
    EquipmentChoice,
    ExerciseFilterProxy,
    ExerciseModel,
    LibraryView,
    PositionChoice,
)
from gluteapp.gui.library.pages import Page
from gluteapp.gui.library.view import NO_EQUIPMENT, NO_FLOOR
from gluteapp.gui.words import search_text

SOURCE = 'sources = [{ title = "A test article", publisher = "Test Press" }]'

# Five exercises chosen so that every filter keeps a different subset. "zipper" appears only in
# the glute bridge's steps; "band" only in the two mini-band exercises.
LIBRARY_TOML = f"""
[[exercise]]
id = "side-plank"
name = "Side plank"
summary = "Hold a straight line on one forearm to wake up the side of the hip."
primary_muscles = ["gluteus_medius"]
secondary_muscles = ["gluteus_minimus", "core"]
equipment = ["mat"]
position = "side_lying"
mode = "hold"
per_side = true
steps = ["Lie on your side, elbow under the shoulder.", "Lift the hips into a straight line."]
tips = ["Push the floor away with your forearm."]
cautions = ["Stop if your shoulder hurts.", "Keep breathing during the hold."]
mistakes = ["Letting the hips sag."]
{SOURCE}
[exercise.dosage]
sets = 3
hold_s = {{ min = 10, max = 30 }}
rest_s = 60
[[exercise.easier]]
name = "From the knees"
how = "Keep the knees on the floor and hold from the knees."
mode = "hold"
per_side = true
primary_muscles = ["gluteus_medius"]
equipment = ["mat"]
dosage = {{ sets = 3, hold_s = {{ min = 10, max = 20 }}, rest_s = 60 }}
[[exercise.harder]]
name = "Top-leg lifts"
how = "Hold the plank and raise and lower the top leg."
mode = "reps"
per_side = true
primary_muscles = ["gluteus_medius"]
equipment = ["mat"]
dosage = {{ sets = 3, reps = {{ min = 10, max = 15 }}, rest_s = 60 }}

[[exercise]]
id = "lateral-band-walk"
name = "Lateral band walk"
summary = "Step sideways against a loop around the legs, knees pushing out."
primary_muscles = ["gluteus_medius"]
secondary_muscles = ["gluteus_maximus", "tensor_fasciae_latae"]
equipment = ["mini_band"]
position = "standing"
mode = "steps"
per_side = false
steps = ["Put the loop above your knees.", "Step sideways and keep the loop tight."]
tips = ["Keep your toes pointing forward."]
cautions = ["Stop if your knees hurt."]
mistakes = []
{SOURCE}
[exercise.dosage]
sets = 3
steps = {{ min = 10, max = 15 }}
rest_s = 45

[[exercise]]
id = "glute-bridge"
name = "Glute bridge"
summary = "Lift your hips off the floor by squeezing your buttocks."
primary_muscles = ["gluteus_maximus"]
secondary_muscles = ["hamstrings"]
position = "supine"
mode = "reps"
per_side = false
steps = ["Lie on your back, knees bent.", "Brace as if doing up a zipper, then lift your hips."]
tips = ["Push through your heels."]
cautions = ["Do not arch your lower back."]
mistakes = ["Lifting too high."]
{SOURCE}
why = "The article gives 3 x 10-15."
[exercise.dosage]
sets = 3
reps = {{ min = 10, max = 15 }}
rest_s = 30

[[exercise]]
id = "single-leg-squat"
name = "Single-leg squat to a chair"
summary = "Sit down slowly to a chair on one leg and stand up again."
primary_muscles = ["gluteus_maximus", "quadriceps"]
secondary_muscles = ["gluteus_medius"]
equipment = ["chair"]
position = "standing"
mode = "tempo"
per_side = true
steps = ["Stand in front of a chair on one leg.", "Lower for two seconds, then rise for two."]
tips = ["Keep the knee over the toes."]
cautions = ["Hold on to something if you wobble."]
mistakes = ["Dropping onto the chair."]
{SOURCE}
[exercise.dosage]
sets = 3
reps = {{ min = 10, max = 10 }}
tempo = "2-0-2"
rest_s = 90

[[exercise]]
id = "seated-banded-abduction"
name = "Seated banded hip abduction"
summary = "Sit on a chair with a loop around the knees and press them apart."
primary_muscles = ["gluteus_minimus"]
secondary_muscles = ["gluteus_medius"]
equipment = ["mini_band", "chair"]
position = "seated"
mode = "reps"
per_side = false
steps = ["Sit tall on the front of a chair.", "Press the knees apart, then return slowly."]
tips = ["Keep your feet on the floor."]
cautions = ["Stop if your hips pinch."]
mistakes = ["Rocking the upper body."]
{SOURCE}
[exercise.dosage]
sets = 3
reps = {{ min = 15, max = 20 }}
rest_s = 30
"""

ALL_IDS = [
    "side-plank",
    "lateral-band-walk",
    "glute-bridge",
    "single-leg-squat",
    "seated-banded-abduction",
]


@pytest.fixture
def library() -> Library:
    return parse_library(LIBRARY_TOML, origin="test library")


@pytest.fixture
def proxy(library: Library) -> ExerciseFilterProxy:
    proxy = ExerciseFilterProxy()
    proxy.setSourceModel(ExerciseModel(library, proxy))  # the proxy owns its model
    return proxy


@pytest.fixture
def view(qtbot, library: Library) -> LibraryView:
    pages = [
        Page(
            "anatomy", "Your glute muscles", "# Your glute muscles\n\nThe medius steadies the hip."
        ),
        Page("disclaimer", "Disclaimer", "# Disclaimer\n\nNot medical advice."),
    ]
    widget = LibraryView(library, pages=pages)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    return widget


def visible_ids(proxy: ExerciseFilterProxy) -> list[str]:
    return [proxy.index(row, 0).data(ExerciseModel.IdRole) for row in range(proxy.rowCount())]


def choose(combo: QComboBox, data: str) -> None:
    index = combo.findData(data)
    assert index >= 0, f"{data!r} is not offered by {combo.accessibleName()}"
    combo.setCurrentIndex(index)


def shown_ids(view: LibraryView) -> list[str]:
    return visible_ids(view.proxy)


# The model -------------------------------------------------------------------------------------


def test_model_passes_the_model_tester(qtmodeltester, library: Library) -> None:
    qtmodeltester.check(ExerciseModel(library))


def test_model_roles_expose_the_exercise_and_its_fields(library: Library) -> None:
    model = ExerciseModel(library)
    index = model.index(3, 0)
    exercise = library["single-leg-squat"]
    assert model.rowCount() == 5
    assert index.data(Qt.ItemDataRole.DisplayRole) == "Single-leg squat to a chair"
    assert index.data(Qt.ItemDataRole.ToolTipRole) == exercise.summary
    assert index.data(ExerciseModel.ExerciseRole) is exercise
    assert index.data(ExerciseModel.IdRole) == "single-leg-squat"
    assert "lower for two seconds" in search_text(index.data(ExerciseModel.ExerciseRole))
    assert index.data(ExerciseModel.MusclesRole) == [
        "gluteus_maximus",
        "quadriceps",
        "gluteus_medius",
    ]
    assert index.data(ExerciseModel.PrimaryMusclesRole) == ["gluteus_maximus", "quadriceps"]
    assert index.data(ExerciseModel.EquipmentRole) == ["chair"]
    assert Position(index.data(ExerciseModel.PositionRole)) is Position.STANDING
    assert Mode(index.data(ExerciseModel.ModeRole)) is Mode.TEMPO
    assert (
        index.data(ExerciseModel.DosageTextRole) == "3 x 10 reps per side, tempo 2-0-2 · rest 90 s"
    )
    assert model.rowCount(index) == 0
    assert model.data(QModelIndex()) is None
    assert model.roleNames()[ExerciseModel.ExerciseRole] == b"exercise"


# The proxy -------------------------------------------------------------------------------------


def test_proxy_passes_the_model_tester_filtered_and_not(qtmodeltester, proxy) -> None:
    qtmodeltester.check(proxy)
    proxy.set_muscle(Muscle.GLUTEUS_MAXIMUS)
    proxy.set_search_text("chair")
    qtmodeltester.check(proxy)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plank", ["side-plank"]),
        ("  SIDE   Plank ", ["side-plank"]),
        (
            "medius",
            ["side-plank", "lateral-band-walk", "single-leg-squat", "seated-banded-abduction"],
        ),
        ("band", ["lateral-band-walk", "seated-banded-abduction"]),
        ("zipper", ["glute-bridge"]),  # a word only in the steps
        ("band seated", ["seated-banded-abduction"]),  # every word must match
        ("no equipment", ["side-plank", "glute-bridge"]),
        ("quadriceps", ["single-leg-squat"]),
        ("xylophone", []),
    ],
)
def test_search_matches_name_muscle_equipment_and_steps(proxy, text, expected) -> None:
    proxy.set_search_text(text)
    assert visible_ids(proxy) == expected


def test_filters_keep_the_matching_rows(proxy) -> None:
    proxy.set_muscle(Muscle.GLUTEUS_MAXIMUS)  # primary or secondary
    assert visible_ids(proxy) == ["lateral-band-walk", "glute-bridge", "single-leg-squat"]
    proxy.set_muscle(None)

    proxy.set_equipment(EquipmentChoice.NONE_NEEDED)  # a mat alone counts as none
    assert visible_ids(proxy) == ["side-plank", "glute-bridge"]
    proxy.set_equipment(Equipment.CHAIR)
    assert visible_ids(proxy) == ["single-leg-squat", "seated-banded-abduction"]
    proxy.set_equipment(None)

    proxy.set_position(PositionChoice.OFF_THE_FLOOR)
    assert visible_ids(proxy) == [
        "lateral-band-walk",
        "single-leg-squat",
        "seated-banded-abduction",
    ]
    proxy.set_position(Position.SUPINE)
    assert visible_ids(proxy) == ["glute-bridge"]
    proxy.set_position(None)

    proxy.set_mode(Mode.HOLD)
    assert visible_ids(proxy) == ["side-plank"]
    proxy.set_mode(None)
    assert visible_ids(proxy) == ALL_IDS


def test_filters_combine(proxy, qtbot) -> None:
    proxy.set_muscle(Muscle.GLUTEUS_MEDIUS)
    proxy.set_position(PositionChoice.OFF_THE_FLOOR)
    assert visible_ids(proxy) == [
        "lateral-band-walk",
        "single-leg-squat",
        "seated-banded-abduction",
    ]
    proxy.set_mode(Mode.REPS)
    assert visible_ids(proxy) == ["seated-banded-abduction"]
    assert proxy.is_filtered()
    with qtbot.waitSignal(proxy.filters_changed):
        proxy.clear_filters()
    assert visible_ids(proxy) == ALL_IDS
    assert not proxy.is_filtered()


# The view: filtering through its controls -----------------------------------------------------


def test_view_starts_with_everything_listed_and_the_first_exercise_shown(view) -> None:
    assert view.count_label.text() == "5 of 5 exercises"
    assert view.list_view.currentIndex().row() == 0
    assert view.list_view.selectionModel().isSelected(view.proxy.index(0, 0))
    assert view.detail.name_label.text() == "Side plank"
    assert view.search_edit.placeholderText() == "Search exercises, muscles, equipment…"
    assert view.search_edit.isClearButtonEnabled()
    assert not view.clear_filters_button.isEnabled()


def test_typing_in_search_filters_and_counts(view, qtbot) -> None:
    qtbot.keyClicks(view.search_edit, "band")
    assert shown_ids(view) == ["lateral-band-walk", "seated-banded-abduction"]
    assert view.count_label.text() == "2 of 5 exercises"
    # The exercise on show was filtered out, so the first match takes its place.
    assert view.detail.name_label.text() == "Lateral band walk"
    assert view.clear_filters_button.isEnabled()


def test_filter_combos_offer_any_and_the_special_choices(view) -> None:
    assert view.muscle_combo.itemData(0) == ""
    assert view.muscle_combo.itemText(0) == "Any muscle"
    assert view.equipment_combo.itemData(1) == NO_EQUIPMENT
    assert view.equipment_combo.itemText(1) == "No equipment"
    assert view.position_combo.itemData(1) == NO_FLOOR
    assert "no floor" in view.position_combo.itemText(1).lower()
    # Only what the library uses is offered, so no choice leads to an empty list by itself.
    assert view.muscle_combo.findData(Muscle.SHOULDERS.value) == -1
    assert view.position_combo.findData(Position.PRONE.value) == -1
    assert view.mode_combo.findData(Mode.TEMPO.value) > 0


@pytest.mark.parametrize(
    ("combo_name", "data", "expected"),
    [
        ("muscle_combo", "gluteus_minimus", ["side-plank", "seated-banded-abduction"]),
        ("equipment_combo", NO_EQUIPMENT, ["side-plank", "glute-bridge"]),
        ("equipment_combo", "mini_band", ["lateral-band-walk", "seated-banded-abduction"]),
        (
            "position_combo",
            NO_FLOOR,
            ["lateral-band-walk", "single-leg-squat", "seated-banded-abduction"],
        ),
        ("position_combo", "standing", ["lateral-band-walk", "single-leg-squat"]),
        ("mode_combo", "steps", ["lateral-band-walk"]),
    ],
)
def test_each_filter_combo_filters(view, combo_name, data, expected) -> None:
    choose(getattr(view, combo_name), data)
    assert shown_ids(view) == expected
    assert view.count_label.text() == f"{len(expected)} of 5 exercises"


def test_combined_filters_and_clearing_them(view, qtbot) -> None:
    choose(view.muscle_combo, "gluteus_medius")
    choose(view.position_combo, NO_FLOOR)
    qtbot.keyClicks(view.search_edit, "chair")
    assert shown_ids(view) == ["single-leg-squat", "seated-banded-abduction"]
    choose(view.mode_combo, "reps")
    assert shown_ids(view) == ["seated-banded-abduction"]
    assert view.count_label.text() == "1 of 5 exercises"
    assert view.detail.name_label.text() == "Seated banded hip abduction"

    view.clear_filters_button.click()
    assert shown_ids(view) == ALL_IDS
    assert view.search_edit.text() == ""
    assert [c.currentIndex() for c in view.filter_combos()] == [0, 0, 0, 0]
    assert view.count_label.text() == "5 of 5 exercises"
    # Clearing keeps the exercise that was on show.
    assert view.detail.name_label.text() == "Seated banded hip abduction"


def test_no_match_shows_an_empty_state(view, qtbot) -> None:
    qtbot.keyClicks(view.search_edit, "xylophone")
    assert view.count_label.text() == "0 of 5 exercises"
    assert view.detail.exercise is None
    assert not view.detail.empty_label.isHidden()
    view.search_edit.clear()
    assert view.detail.name_label.text() == "Side plank"
    assert view.detail.empty_label.isHidden()


# The view: the detail pane --------------------------------------------------------------------


def test_selecting_an_exercise_shows_its_details(view, library) -> None:
    with_signal = []
    view.current_exercise_changed.connect(with_signal.append)
    view.list_view.setCurrentIndex(view.proxy.index(3, 0))
    detail = view.detail
    assert with_signal == ["single-leg-squat"]
    assert detail.name_label.text() == "Single-leg squat to a chair"
    assert detail.summary_label.text() == library["single-leg-squat"].summary
    assert detail.dosage_label.text() == "3 x 10 reps per side, tempo 2-0-2 · rest 90 s"
    assert detail.dosage_note_label.text() == "Each rep: 2 s down, 2 s up"
    assert detail.cautions.texts() == ["Hold on to something if you wobble."]
    assert detail.steps.texts() == library["single-leg-squat"].steps
    assert detail.muscle_chips.texts() == ["Gluteus maximus", "Quadriceps", "Gluteus medius"]
    assert [spec.bold for spec in detail.muscle_chips.specs()] == [True, True, False]
    assert detail.fact_chips.texts() == ["Chair", "Standing", "Tempo-paced reps", "Each side"]
    assert detail.sources_label.text() == "Source: A test article — Test Press"
    assert detail.why_section.isHidden()
    assert detail.easier_section.isHidden()
    assert detail.body_diagram.canvas.primary == {Muscle.GLUTEUS_MAXIMUS, Muscle.QUADRICEPS}


def test_detail_shows_variations_with_their_dosage_and_the_why_note(view) -> None:
    view.show_exercise("side-plank")
    detail = view.detail
    assert detail.cautions.texts() == [
        "Stop if your shoulder hurts.",
        "Keep breathing during the hold.",
    ]
    assert detail.fact_chips.texts()[0] == "No equipment (a mat helps)"
    [easier] = detail.easier.cards()
    assert easier.name_label.text() == "From the knees"
    assert easier.dosage_label.text() == "3 x 10-20 s per side · rest 60 s"
    [harder] = detail.harder.cards()
    assert harder.dosage_label.text() == "3 x 10-15 reps per side · rest 60 s"

    view.show_exercise("glute-bridge")
    assert detail.easier_section.isHidden()
    assert not detail.why_section.isHidden()
    assert detail.why_label.text() == "The article gives 3 x 10-15."
    assert detail.fact_chips.texts()[0] == "No equipment"
    assert detail.cautions.texts() == ["Do not arch your lower back."]


def test_show_exercise_clears_filters_that_hide_it(view) -> None:
    choose(view.mode_combo, "hold")
    assert shown_ids(view) == ["side-plank"]
    view.show_exercise("glute-bridge")
    assert view.detail.name_label.text() == "Glute bridge"
    assert view.list_view.currentIndex().data(ExerciseModel.IdRole) == "glute-bridge"
    with pytest.raises(KeyError):
        view.show_exercise("no-such-exercise")


# The view: keyboard ---------------------------------------------------------------------------

# Showing a laid-out top-level window on the offscreen platform logs this warning (the plugin
# has no window manager to pass minimum sizes to); it means nothing on a real display.
offscreen_show = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def shown_view(qtbot, view: LibraryView) -> LibraryView:
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    return view


@offscreen_show
def test_ctrl_f_focuses_search(shown_view, qtbot) -> None:
    view = shown_view
    view.list_view.setFocus()
    qtbot.waitUntil(view.list_view.hasFocus)
    view.tabs.setCurrentIndex(view.LEARN_TAB)
    qtbot.keyClick(view.pages_list, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.tabs.currentIndex() == view.EXERCISES_TAB
    assert view.search_edit.hasFocus()


@offscreen_show
def test_down_moves_from_search_into_the_list_and_enter_opens(shown_view, qtbot, library) -> None:
    view = shown_view
    view.focus_search()
    qtbot.keyClicks(view.search_edit, "glute")
    # "glute" matches every test exercise through its muscles.
    assert view.detail.name_label.text() == "Side plank"
    qtbot.keyClick(view.search_edit, Qt.Key.Key_Down)
    assert view.list_view.hasFocus()
    assert view.list_view.currentIndex().row() == 0

    qtbot.keyClick(view.list_view, Qt.Key.Key_Down)
    assert view.detail.name_label.text() == "Lateral band walk"
    qtbot.keyClick(view.list_view, Qt.Key.Key_Down)
    assert view.detail.name_label.text() == "Glute bridge"

    # Enter (re)opens the current item and moves the keyboard to the detail pane.
    view.detail.show_exercise(library["side-plank"])
    qtbot.keyClick(view.list_view, Qt.Key.Key_Return)
    assert view.detail.name_label.text() == "Glute bridge"
    assert view.detail.hasFocus()
    # Escape goes back to the list.
    qtbot.keyClick(view.detail, Qt.Key.Key_Escape)
    assert view.list_view.hasFocus()


@offscreen_show
def test_return_in_search_opens_the_first_match(shown_view, qtbot) -> None:
    view = shown_view
    view.focus_search()
    qtbot.keyClicks(view.search_edit, "zipper")
    qtbot.keyClick(view.search_edit, Qt.Key.Key_Return)
    assert view.detail.name_label.text() == "Glute bridge"
    assert view.detail.hasFocus()


@offscreen_show
def test_escape_in_search_clears_it(shown_view, qtbot) -> None:
    view = shown_view
    view.focus_search()
    qtbot.keyClicks(view.search_edit, "plank")
    assert view.proxy.rowCount() == 1
    qtbot.keyClick(view.search_edit, Qt.Key.Key_Escape)
    assert view.search_edit.text() == ""
    assert view.proxy.rowCount() == 5


# The view: accessibility and the Learn pages --------------------------------------------------


def test_every_interactive_control_has_an_accessible_name(view) -> None:
    interactive = (QLineEdit, QComboBox, QAbstractButton, QAbstractItemView)
    controls = [w for w in view.findChildren(QWidget) if isinstance(w, interactive)]
    assert len(controls) >= 9
    unnamed = [
        f"{type(w).__name__} {w.objectName()!r} in {type(w.parent()).__name__}"
        for w in controls
        if not w.accessibleName()
    ]
    assert not unnamed


def test_learn_pages_open_from_the_list_and_from_links(view, qtbot) -> None:
    assert [view.pages_list.item(i).text() for i in range(view.pages_list.count())] == [
        "Your glute muscles",
        "Disclaimer",
    ]
    with qtbot.waitSignal(view.page_shown) as shown:
        view.tabs.setCurrentIndex(view.LEARN_TAB)
        view.pages_list.setCurrentRow(1)
    assert shown.args == ["disclaimer"]
    assert view.right_stack.currentWidget() is view.page_browser
    assert "Not medical advice." in view.page_browser.toPlainText()

    view.tabs.setCurrentIndex(view.EXERCISES_TAB)
    assert view.right_stack.currentWidget() is view.detail
    assert not view.detail.anatomy_link.isHidden()
    view.detail.anatomy_link.linkActivated.emit("page:anatomy")
    assert view.tabs.currentIndex() == view.LEARN_TAB
    assert "The medius steadies the hip." in view.page_browser.toPlainText()


def test_links_to_missing_pages_are_not_offered(qtbot, library) -> None:
    view = LibraryView(library, pages=[])
    qtbot.addWidget(view)
    assert view.detail.anatomy_link.isHidden()
    assert "<a" not in view.detail.disclaimer_label.text()
    assert view.pages_list.count() == 0
    with pytest.raises(KeyError):
        view.show_page("anatomy")


# The real library ------------------------------------------------------------------------------


def test_the_shipped_library_browses_and_filters(qtbot) -> None:
    library = builtin_library()
    view = LibraryView(library)
    qtbot.addWidget(view)
    total = len(library)
    assert total >= 22
    assert view.count_label.text() == f"{total} of {total} exercises"
    assert view.detail.name_label.text() == next(iter(library)).name

    choose(view.equipment_combo, NO_EQUIPMENT)
    kept = [library[i] for i in shown_ids(view)]
    assert kept
    assert all(e.needs_no_equipment for e in kept)
    choose(view.position_combo, NO_FLOOR)
    assert all(not library[i].position.on_floor for i in shown_ids(view))
    view.clear_filters()

    view.search_edit.setText("medius")
    assert 0 < view.proxy.rowCount() < total
    # Every exercise has at least one caution, and it is on show.
    for exercise in library:
        view.show_exercise(exercise.id)
        assert view.detail.cautions.texts() == exercise.cautions
        assert not view.detail.cautions_box.isHidden()
