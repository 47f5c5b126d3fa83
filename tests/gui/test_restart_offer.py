"""Settings that apply only on the next start: the dialog says so and offers to restart."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from gluteapp.gui.settings import LANGUAGE, THEME, Settings
from gluteapp.gui.settings_dialog import SettingsDialog


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "settings.ini")


def open_dialog(qtbot: QtBot, settings: Settings) -> SettingsDialog:
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    return dialog


def choose(dialog: SettingsDialog, option: object, value: str) -> None:
    combo = dialog.editor(option)  # type: ignore[arg-type]
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(value))


def test_changing_the_language_offers_a_restart(qtbot: QtBot, settings: Settings) -> None:
    dialog = open_dialog(qtbot, settings)
    assert dialog.restart_button.isHidden()
    assert dialog.restart_note.isHidden()
    choose(dialog, LANGUAGE, "de")
    assert not dialog.restart_button.isHidden()
    assert dialog.restart_button.text() == "Restart now"
    assert dialog.restart_note.text() == "Applies when Gluteapp starts again: Language."
    requested: list[bool] = []
    dialog.restart_requested.connect(lambda: requested.append(True))
    dialog.restart_button.click()
    assert requested == [True]


def test_changing_it_back_needs_no_restart(qtbot: QtBot, settings: Settings) -> None:
    dialog = open_dialog(qtbot, settings)
    choose(dialog, LANGUAGE, "de")
    choose(dialog, LANGUAGE, "system")
    assert dialog.restart_button.isHidden()
    assert dialog.restart_note.isHidden()


def test_settings_that_apply_at_once_offer_no_restart(qtbot: QtBot, settings: Settings) -> None:
    dialog = open_dialog(qtbot, settings)
    choose(dialog, THEME, "dark")
    assert settings.get(THEME) == "dark"
    assert dialog.restart_button.isHidden()


def test_the_offer_stays_until_the_app_restarts(
    qtbot: QtBot, settings: Settings, tmp_path: Path
) -> None:
    first = open_dialog(qtbot, settings)
    choose(first, LANGUAGE, "en")
    first.close()
    # Opened again in the same run: the language still waits for the next start.
    again = open_dialog(qtbot, settings)
    assert not again.restart_button.isHidden()
    assert settings.waiting_for_restart() == [LANGUAGE]
    # The next run starts with the new language: nothing waits any more.
    next_run = Settings(tmp_path / "settings.ini")
    assert next_run.waiting_for_restart() == []
