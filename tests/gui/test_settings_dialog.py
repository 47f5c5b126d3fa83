"""The settings dialog: generated from the declarations, applying each change at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from msgspec import Struct
from PySide6.QtWidgets import QCheckBox, QComboBox, QGroupBox, QSpinBox, QTimeEdit
from pytestqt.qtbot import QtBot

from gluteapp.gui.settings import (
    ALL_OPTIONS,
    BEEPS,
    EQUIPMENT,
    FIRST_RUN_DONE,
    GOAL_PER_WEEK,
    REMINDER_INTERVAL_MIN,
    THEME,
    VOLUME,
    WEAKER_SIDE,
    Settings,
)
from gluteapp.gui.settings_dialog import MultiChoice, SettingsDialog, grouped_options


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "settings.ini")


@pytest.fixture
def dialog(qtbot: QtBot, settings: Settings) -> SettingsDialog:
    widget = SettingsDialog(settings)
    qtbot.addWidget(widget)
    return widget


def test_every_option_but_the_internal_ones_has_an_accessible_editor(
    dialog: SettingsDialog,
) -> None:
    shown = {o.key for o in ALL_OPTIONS if not o.internal}
    assert set(dialog.editors) == shown
    assert FIRST_RUN_DONE.key not in dialog.editors
    for option in ALL_OPTIONS:
        if option.internal:
            continue
        editor = dialog.editors[option.key]
        assert editor.accessibleName() == option.label
        assert editor.toolTip() == option.description
        expected = {bool: QCheckBox, int: QSpinBox}.get(option.type)
        if expected is None:
            expected = (MultiChoice if option.multiple
                        else QTimeEdit if option.time_of_day else QComboBox)
        assert isinstance(editor, expected), option.key


def test_groups_follow_the_key_prefixes(dialog: SettingsDialog) -> None:
    titles = [box.title() for box in dialog.findChildren(QGroupBox)]
    assert titles == ["Sounds", "Session", "Reminders", "Appearance"]
    groups = grouped_options()
    assert [o.key for o in groups["reminders"]] == [
        "reminders/enabled", "reminders/interval_min", "reminders/training_days",
        "reminders/training_time"]
    assert all(o.key.startswith("audio/") for o in groups["audio"])


def test_editors_show_units_and_human_labels(dialog: SettingsDialog) -> None:
    volume = dialog.editor(VOLUME)
    assert isinstance(volume, QSpinBox)
    assert (volume.minimum(), volume.maximum(), volume.value()) == (0, 100, 80)
    assert volume.suffix() == " %"
    interval = dialog.editor(REMINDER_INTERVAL_MIN)
    assert isinstance(interval, QSpinBox)
    assert interval.suffix() == " min"
    assert interval.text() == "45 min"
    side = dialog.editor(WEAKER_SIDE)
    assert isinstance(side, QComboBox)
    assert [side.itemText(i) for i in range(side.count())] == ["Neither", "Left", "Right"]
    theme = dialog.editor(THEME)
    assert isinstance(theme, QComboBox)
    assert theme.currentText() == "Follow the system"


def test_changes_apply_at_once_through_settings(
    qtbot: QtBot, dialog: SettingsDialog, settings: Settings
) -> None:
    beeps = dialog.editor(BEEPS)
    assert isinstance(beeps, QCheckBox)
    assert beeps.isChecked()
    with qtbot.waitSignal(settings.changed, check_params_cb=lambda key: key == BEEPS.key):
        beeps.click()
    assert settings.get(BEEPS) is False

    goal = dialog.editor(GOAL_PER_WEEK)
    assert isinstance(goal, QSpinBox)
    goal.setValue(4)
    assert settings.get(GOAL_PER_WEEK) == 4

    theme = dialog.editor(THEME)
    assert isinstance(theme, QComboBox)
    theme.setCurrentIndex(theme.findText("Dark"))
    assert settings.get(THEME) == "dark"

    kit = dialog.editor(EQUIPMENT)
    assert isinstance(kit, MultiChoice)
    kit.boxes["step"].click()
    kit.boxes["wall"].click()
    assert settings.get(EQUIPMENT) == "chair,step"


def test_changes_made_elsewhere_show_without_echoing_back(
    dialog: SettingsDialog, settings: Settings
) -> None:
    seen: list[str] = []
    settings.changed.connect(seen.append)
    settings.set(VOLUME, 30)
    settings.set(WEAKER_SIDE, "right")
    settings.set(EQUIPMENT, "dumbbell")
    volume, side, kit = (dialog.editor(o) for o in (VOLUME, WEAKER_SIDE, EQUIPMENT))
    assert isinstance(volume, QSpinBox)
    assert volume.value() == 30
    assert isinstance(side, QComboBox)
    assert side.currentData() == "right"
    assert isinstance(kit, MultiChoice)
    assert kit.value() == "dumbbell"
    assert seen == [VOLUME.key, WEAKER_SIDE.key, EQUIPMENT.key]


class Audio(Struct, frozen=True):
    backend_name: str
    backend_reason: str
    speech_name: str
    speech_reason: str


def test_audio_status_line(dialog: SettingsDialog) -> None:
    assert dialog.audio_status.isHidden()
    dialog.set_audio_status(Audio("visual", "no audio device", "clips",
                                  "no text-to-speech engine (none)"))
    assert dialog.audio_status.text() == (
        "Sound: cues shown only, not played; words spoken from recorded clips."
    )
    # The backends' own words, for a bug report, only in the tooltip.
    assert dialog.audio_status.toolTip() == (
        "visual (no audio device); speech: clips (no text-to-speech engine (none))")
    assert not dialog.audio_status.isHidden()
    assert dialog.audio_status.accessibleName() == "Sound"
    dialog.set_audio_status(Audio("qt", "QSoundEffect", "speechd", "found"))
    assert dialog.audio_status.text() == (
        "Sound: cues played through the sound device; words spoken by the system's speech "
        "engine.")


@pytest.mark.parametrize("language", ["en", "de"])
def test_nothing_is_cut_off_at_the_right_on_a_narrow_screen(
        qtbot: QtBot, tmp_path: Path, qapp: object, language: str) -> None:
    """Two columns of groups are wider than an 800 px screen (German most of all): there the
    groups stack in one column, each whole inside the visible width."""
    from PySide6.QtCore import QPoint

    from gluteapp.gui.i18n import install_translator

    install_translator(qapp, language)  # type: ignore[arg-type]
    try:
        dialog = SettingsDialog(Settings(tmp_path / "settings.ini"))
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        screen = dialog.screen().availableGeometry()
        viewport = dialog._scroll.viewport()
        columns = {box.x() for box in dialog.group_boxes.values()}
        if screen.width() < 1000:
            assert len(columns) == 1
        for name, box in dialog.group_boxes.items():
            right = box.mapTo(viewport, QPoint(box.width(), 0)).x()
            assert right <= viewport.width(), name
            assert box.width() >= box.minimumSizeHint().width(), name
    finally:
        install_translator(qapp, "en")  # type: ignore[arg-type]
