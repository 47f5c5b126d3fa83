"""The first run (disclaimer, then three questions) and what the equipment answer allows."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from gluteapp.core.assets import builtin_library
from gluteapp.core.equipment import (
    expand_at_hand,
    is_usable,
    missing_equipment,
    parse_equipment,
    usable_exercises,
)
from gluteapp.core.exercises import Equipment
from gluteapp.gui.first_run import FirstRunDialog, disclaimer_markdown
from gluteapp.gui.settings import (
    EQUIPMENT,
    FIRST_RUN_DONE,
    GOAL_PER_WEEK,
    WEAKER_SIDE,
    Settings,
    equipment_at_hand,
)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "settings.ini")


@pytest.fixture
def dialog(qtbot: QtBot, settings: Settings) -> FirstRunDialog:
    widget = FirstRunDialog(settings)
    qtbot.addWidget(widget)
    return widget


def test_it_opens_on_the_disclaimer(dialog: FirstRunDialog) -> None:
    assert dialog.pages.currentWidget() is dialog.disclaimer
    assert "not medical advice" in dialog.disclaimer.text.toPlainText()
    assert not dialog.accept_button.isHidden()
    assert not dialog.quit_button.isHidden()
    assert dialog.finish_button.isHidden()
    assert dialog.back_button.isHidden()
    assert dialog.accept_button.isDefault()


def test_understanding_then_answering_saves_every_answer(
    dialog: FirstRunDialog, settings: Settings
) -> None:
    dialog.accept_button.click()
    assert dialog.pages.currentWidget() is dialog.questions
    assert not settings.get(FIRST_RUN_DONE)  # nothing is saved before the answers
    questions = dialog.questions
    questions.side_buttons["left"].click()
    questions.goal.setValue(3)
    questions.equipment.boxes["mini_band"].click()
    questions.equipment.boxes["wall"].click()  # not at hand after all
    dialog.finish_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert settings.get(WEAKER_SIDE) == "left"
    assert settings.get(GOAL_PER_WEEK) == 3
    assert settings.get(EQUIPMENT) == "mini_band,chair"
    assert equipment_at_hand(settings) == {Equipment.MINI_BAND, Equipment.CHAIR}
    assert settings.get(FIRST_RUN_DONE) is True


def test_quitting_on_the_disclaimer_saves_nothing(
    dialog: FirstRunDialog, settings: Settings, tmp_path: Path
) -> None:
    dialog.quit_button.click()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert settings.get(FIRST_RUN_DONE) is False
    assert not (tmp_path / "settings.ini").exists()


def test_back_returns_to_the_disclaimer(dialog: FirstRunDialog) -> None:
    dialog.accept_button.click()
    dialog.back_button.click()
    assert dialog.pages.currentWidget() is dialog.disclaimer
    assert dialog.finish_button.isHidden()


def test_escape_on_the_questions_keeps_the_answers_shown(
    qtbot: QtBot, dialog: FirstRunDialog, settings: Settings
) -> None:
    dialog.accept_button.click()
    dialog.questions.side_buttons["right"].click()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert settings.get(WEAKER_SIDE) == "right"
    assert settings.get(FIRST_RUN_DONE) is True


def test_questions_start_from_earlier_answers(qtbot: QtBot, settings: Settings) -> None:
    settings.set(WEAKER_SIDE, "right")
    settings.set(GOAL_PER_WEEK, 5)
    settings.set(EQUIPMENT, "step,dumbbell")
    dialog = FirstRunDialog(settings)
    qtbot.addWidget(dialog)
    questions = dialog.questions
    assert questions.weaker_side() == "right"
    assert questions.goal.value() == 5
    assert questions.goal.text() == "5 per week"
    assert questions.equipment.value() == "step,dumbbell"
    assert "mat" not in questions.equipment.boxes  # a mat is assumed, never asked for
    assert all(box.accessibleName() for box in questions.equipment.boxes.values())


def test_the_disclaimer_falls_back_to_english() -> None:
    assert disclaimer_markdown("xx").startswith("# Before you start")


# --- what the equipment answer allows ---------------------------------------------------------


def test_with_nothing_at_hand_only_mat_and_floor_exercises_remain() -> None:
    library = builtin_library()
    usable = usable_exercises(library, [])
    assert usable, "the library must have exercises needing nothing but a mat"
    assert all(set(e.equipment) <= {Equipment.MAT} for e in usable)
    ids = {e.id for e in usable}
    assert {"glute-bridge", "side-plank", "single-leg-stand"} <= ids
    assert "wall-lean" not in ids
    assert "lateral-band-walk" not in ids
    # Library order is kept, so the lead can show the list as it is.
    assert [e.id for e in usable] == [e.id for e in library if e.id in ids]


def test_each_needed_item_must_be_at_hand() -> None:
    library = builtin_library()
    seated = library["seated-banded-abduction"]  # mini band and chair
    assert missing_equipment(seated, [Equipment.MINI_BAND]) == {Equipment.CHAIR}
    assert not is_usable(seated, [Equipment.CHAIR])
    assert is_usable(seated, [Equipment.MINI_BAND, Equipment.CHAIR])
    clamshell = library["wall-clamshell"]  # wall and mat: the mat is assumed
    assert is_usable(clamshell, [Equipment.WALL])
    assert not is_usable(library["pelvic-drop"], [Equipment.WALL, Equipment.CHAIR])


def test_a_chair_back_serves_as_a_handrail() -> None:
    assert Equipment.HANDRAIL in expand_at_hand([Equipment.CHAIR])
    assert Equipment.HANDRAIL not in expand_at_hand([Equipment.WALL])


def test_the_default_answer_is_a_wall_and_a_chair() -> None:
    library = builtin_library()
    default = parse_equipment(EQUIPMENT.default)
    assert default == {Equipment.WALL, Equipment.CHAIR}
    ids = {e.id for e in usable_exercises(library, default)}
    assert {"wall-lean", "single-leg-squat", "glute-bridge"} <= ids
    assert not ids & {"banded-half-squat", "pelvic-drop", "lateral-band-walk"}


def test_parse_ignores_unknown_ids() -> None:
    assert parse_equipment("wall, kettlebell,,step") == {Equipment.WALL, Equipment.STEP}
