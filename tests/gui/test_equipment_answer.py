"""The equipment answer at work: the library's "only what I can do" filter and the routine list."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gluteapp.core.assets import builtin_library
from gluteapp.core.exercises import Equipment, Library
from gluteapp.core.routines import builtin_routines
from gluteapp.gui.first_run import FirstRunDialog
from gluteapp.gui.library import ExerciseFilterProxy, ExerciseModel, LibraryView
from gluteapp.gui.player.sessions import RoutinePicker
from gluteapp.gui.settings import EQUIPMENT, Settings
from gluteapp.gui.settings_dialog import MultiChoice, SettingsDialog

# In the built-in library, with a wall and a chair (the default answer), exactly these need
# something else: a mini band or a step.
NEED_MORE_THAN_WALL_AND_CHAIR = {
    "banded-half-squat",
    "lateral-band-walk",
    "pelvic-drop",
    "seated-banded-abduction",
    "standing-banded-abduction",
}


@pytest.fixture(scope="module")
def library() -> Library:
    return builtin_library()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "settings.ini")


def proxy_ids(proxy: ExerciseFilterProxy) -> set[str]:
    return {proxy.index(row, 0).data(ExerciseModel.IdRole) for row in range(proxy.rowCount())}


def shown(view: LibraryView) -> set[str]:
    return proxy_ids(view.proxy)


def make_view(qtbot: QtBot, library: Library, settings: Settings) -> LibraryView:
    view = LibraryView(library)
    qtbot.addWidget(view)
    view.follow_equipment(settings)
    return view


# --- the filter proxy ---------------------------------------------------------------------------


def test_the_proxy_hides_what_needs_missing_equipment(qtmodeltester, library: Library) -> None:
    proxy = ExerciseFilterProxy()
    proxy.setSourceModel(ExerciseModel(library))
    everything = {e.id for e in library}
    assert proxy_ids(proxy) == everything
    proxy.set_usable_with(frozenset({Equipment.WALL, Equipment.CHAIR}))
    assert proxy_ids(proxy) == everything - NEED_MORE_THAN_WALL_AND_CHAIR
    qtmodeltester.check(proxy)
    # A standing preference, not one of the filters that "Clear filters" resets.
    assert not proxy.is_filtered()
    proxy.set_search_text("band")
    proxy.clear_filters()
    assert proxy_ids(proxy) == everything - NEED_MORE_THAN_WALL_AND_CHAIR
    proxy.set_usable_with(frozenset({Equipment.MINI_BAND}))
    assert "lateral-band-walk" in proxy_ids(proxy)
    assert "wall-lean" not in proxy_ids(proxy)
    proxy.set_usable_with(None)
    assert proxy_ids(proxy) == everything


# --- the library view ---------------------------------------------------------------------------


def test_without_an_answer_the_filter_is_offered_but_off(
    qtbot: QtBot, library: Library, settings: Settings
) -> None:
    view = make_view(qtbot, library, settings)
    assert not view.usable_only_check.isHidden()
    assert view.usable_only_check.text() == "Only what I can do with my equipment"
    assert not view.usable_only_check.isChecked()
    assert shown(view) == {e.id for e in library}


def test_a_stored_answer_turns_the_filter_on_and_off_shows_all(
    qtbot: QtBot, library: Library, settings: Settings
) -> None:
    settings.set(EQUIPMENT, "wall,chair")  # the default, but now answered
    view = make_view(qtbot, library, settings)
    assert view.usable_only_check.isChecked()
    assert shown(view) == {e.id for e in library} - NEED_MORE_THAN_WALL_AND_CHAIR
    assert view.count_label.text() == f"18 of {len(list(library))} exercises"
    view.usable_only_check.click()
    assert shown(view) == {e.id for e in library}


def test_the_detail_pane_names_the_missing_equipment(
    qtbot: QtBot, library: Library, settings: Settings
) -> None:
    settings.set(EQUIPMENT, "wall")
    view = make_view(qtbot, library, settings)
    view.usable_only_check.setChecked(False)
    view.show_exercise("seated-banded-abduction")  # a mini band and a chair
    assert view.detail.missing_text().startswith("Needs what you do not have at hand: "
                                                 "Mini band, Chair.")
    view.show_exercise("wall-lean")
    assert view.detail.missing_text() == ""
    assert view.detail.missing_box.isHidden()


def test_opening_a_hidden_exercise_turns_the_filter_off(
    qtbot: QtBot, library: Library, settings: Settings
) -> None:
    settings.set(EQUIPMENT, "wall")
    view = make_view(qtbot, library, settings)
    assert "pelvic-drop" not in shown(view)
    view.show_exercise("pelvic-drop")
    assert not view.usable_only_check.isChecked()
    assert view.current_exercise is not None
    assert view.current_exercise.id == "pelvic-drop"
    assert "Step or box" in view.detail.missing_text()


def test_the_view_follows_changes_made_in_the_settings_dialog(
    qtbot: QtBot, library: Library, settings: Settings
) -> None:
    settings.set(EQUIPMENT, "wall,chair")
    view = make_view(qtbot, library, settings)
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    editor = dialog.editor(EQUIPMENT)
    assert isinstance(editor, MultiChoice)
    editor.boxes["mini_band"].click()
    assert settings.get(EQUIPMENT) == "mini_band,wall,chair"
    assert shown(view) == {e.id for e in library} - {"pelvic-drop"}
    editor.boxes["chair"].click()
    assert "single-leg-squat" not in shown(view)
    view.show_exercise("lateral-band-walk")
    assert view.detail.missing_text() == ""


def test_answering_the_first_run_questions_turns_the_filter_on(
    qtbot: QtBot, library: Library, settings: Settings
) -> None:
    view = make_view(qtbot, library, settings)
    assert not view.usable_only_check.isChecked()
    dialog = FirstRunDialog(settings)
    qtbot.addWidget(dialog)
    dialog.accept_button.click()
    dialog.finish_button.click()  # the default answer: stored, though nothing changed
    assert view.usable_only_check.isChecked()
    assert shown(view) == {e.id for e in library} - NEED_MORE_THAN_WALL_AND_CHAIR


def test_a_view_on_its_own_has_no_equipment_filter(qtbot: QtBot, library: Library) -> None:
    view = LibraryView(library)
    qtbot.addWidget(view)
    assert view.usable_only_check.isHidden()
    view.show_exercise("pelvic-drop")
    assert view.detail.missing_text() == ""


# --- the routine list ---------------------------------------------------------------------------


def test_routines_needing_missing_equipment_say_what_they_need(
    qtbot: QtBot, library: Library
) -> None:
    picker = RoutinePicker(library)
    qtbot.addWidget(picker)
    picker.set_routines(builtin_routines(library), [], [], suggested_id="desk-break",
                        at_hand=frozenset({Equipment.WALL, Equipment.CHAIR}))
    items = [picker.list.item(row) for row in range(picker.list.count())]
    texts = {item.data(Qt.ItemDataRole.UserRole): item.text() for item in items}
    assert texts["atrophy-starter"].endswith(" · Needs: Mini band")
    assert texts["gluteus-medius-b"].endswith(" · Needs: Step or box")
    assert texts["glute-amnesia-wake-up"].endswith(" · Needs: Mini band")
    assert "Needs" not in texts["desk-break"]
    assert "Needs" not in texts["gluteus-medius-a"]
    # The suggestion is selected and named; its own page has no "needs" note.
    assert picker.suggested_id == "desk-break"
    assert picker.current_routine() is not None
    assert picker.current_routine().id == "desk-break"  # type: ignore[union-attr]
    assert picker.suggestion.text() == "Suggested next: Desk break"
    assert picker.needs.isHidden()
    picker.select("gluteus-minimus-focus")
    assert not picker.needs.isHidden()
    assert picker.needs.text().startswith("Needs what you do not have at hand: Mini band.")


def test_without_equipment_known_nothing_is_marked(qtbot: QtBot, library: Library) -> None:
    picker = RoutinePicker(library)
    qtbot.addWidget(picker)
    picker.set_routines(builtin_routines(library), [], [])
    assert all("Needs" not in picker.list.item(row).text() for row in range(picker.list.count()))
    assert picker.suggestion.isHidden()
    assert picker.suggested_id is None
