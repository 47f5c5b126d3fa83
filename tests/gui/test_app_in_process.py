"""The whole app in-process: when the first-run questions appear, the suggestion, Restart now."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QComboBox

from gluteapp.app import Gluteapp
from gluteapp.core.records import CompletedSet, Side
from gluteapp.gui.first_run import FirstRunDialog
from gluteapp.gui.settings import EQUIPMENT, FIRST_RUN_DONE, LANGUAGE, Settings
from gluteapp.gui.settings_dialog import SettingsDialog
from gluteapp.storage import open_history
from tests.gui.conftest import StartApp, settle


def first_run_dialogs(app: Gluteapp) -> list[FirstRunDialog]:
    assert app.window is not None
    return [d for d in app.window.findChildren(FirstRunDialog) if d.isVisible()]


def finish_normally(app: Gluteapp) -> None:
    assert app.controller.player is not None
    runner = app.controller.player.runner
    while not runner.session.is_finished:
        runner.skip()  # each timed phase skipped, each self-counted set marked done


def end_early(app: Gluteapp) -> None:
    assert app.controller.player is not None
    app.controller.player.runner.end_early()


def leave_the_player(app: Gluteapp) -> None:
    app.controller.leave()


@pytest.mark.parametrize("end", [finish_normally, end_early, leave_the_player])
def test_autostart_runs_first_and_asks_when_the_session_is_over(
    start_app: StartApp, end: Callable[[Gluteapp], None]
) -> None:
    app = start_app(routine="desk-break", autostart=True)
    assert app.settings is not None
    assert not app.settings.get(FIRST_RUN_DONE)
    assert app.controller.running
    assert app.first_run.waiting
    assert first_run_dialogs(app) == []  # nothing stands between the person and the session

    end(app)
    assert not app.controller.running
    settle()
    dialogs = first_run_dialogs(app)
    assert len(dialogs) == 1
    dialog = dialogs[0]
    assert dialog.pages.currentWidget() is dialog.disclaimer
    assert not app.first_run.waiting

    dialog.accept_button.click()
    dialog.questions.equipment.boxes["mini_band"].click()
    dialog.finish_button.click()
    settle()
    assert app.settings.get(FIRST_RUN_DONE) is True
    assert app.settings.get(EQUIPMENT) == "mini_band,wall,chair"
    assert first_run_dialogs(app) == []
    # Once answered it is never asked again, whatever ends next.
    app.controller.leave()
    settle()
    assert first_run_dialogs(app) == []


def test_without_autostart_the_questions_come_first(start_app: StartApp) -> None:
    app = start_app(routine="desk-break")
    assert not app.controller.running
    assert not app.first_run.waiting
    assert len(first_run_dialogs(app)) == 1


def test_quitting_on_the_disclaimer_closes_the_window(start_app: StartApp) -> None:
    app = start_app()
    assert app.window is not None
    assert app.window.isVisible()
    dialog = first_run_dialogs(app)[0]
    dialog.quit_button.click()
    settle()
    assert not app.window.isVisible()
    assert app.settings is not None
    assert not app.settings.get(FIRST_RUN_DONE)


def test_a_screenshot_never_asks(start_app: StartApp, tmp_path: Path) -> None:
    target = tmp_path / "shot.png"
    app = start_app(screenshot=target, routine="desk-break", autostart=True)
    assert not app.first_run.waiting
    assert app.take_screenshot(target) == 0
    settle()
    assert target.stat().st_size > 0
    assert app.window is not None
    assert app.window.findChildren(FirstRunDialog) == []


def test_a_screenshot_of_a_folder_without_a_history_makes_none(
    start_app: StartApp, tmp_path: Path
) -> None:
    target = tmp_path / "shot.png"
    app = start_app(screenshot=target, skip_first_run=True)
    assert app.take_screenshot(target) == 0
    assert QImage(str(target)).size().width() == 1280
    assert not app.paths.database.exists()  # nothing to offer or report, so nothing opened
    assert not app.controller.resume_banner().isVisible()


def test_a_screenshot_still_offers_to_resume_an_interrupted_session(
    start_app: StartApp, tmp_path: Path
) -> None:
    store = open_history(tmp_path / "data", daily_backup=False)
    at = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)
    running = store.start_session("desk-break", "Desk break", at)
    store.record_set(running, CompletedSet("clamshell", 1, Side.LEFT, at, at + timedelta(
        seconds=40), target_reps=12, achieved_reps=12))
    store.mark_interrupted()
    store.close(backup=False)

    target = tmp_path / "shot.png"
    app = start_app(screenshot=target, skip_first_run=True)
    banner = app.controller.resume_banner()
    assert banner.record is not None
    assert banner.record.id == running
    assert "was interrupted after 1 saved set." in banner.text.text()
    assert app.take_screenshot(target) == 0


def test_the_suggestion_follows_the_equipment_answer(
    start_app: StartApp, tmp_path: Path
) -> None:
    settings = Settings(tmp_path / "data" / "settings.ini")
    settings.set(EQUIPMENT, "mini_band")  # no chair, so not the medius pair
    settings.set(FIRST_RUN_DONE, True)
    del settings
    app = start_app(view="sessions")
    assert app.sessions is not None
    assert app.settings is not None
    picker = app.sessions.picker
    assert picker.suggested_id == "atrophy-starter"
    assert picker.current_routine() is not None
    assert picker.current_routine().id == "atrophy-starter"  # type: ignore[union-attr]
    # A chair too: the medius routine A is due, and the list follows at once.
    app.settings.set(EQUIPMENT, "mini_band,chair")
    assert picker.suggested_id == "gluteus-medius-a"
    assert picker.suggestion.text() == "Suggested next: Gluteus medius A"


def test_restart_now_closes_the_window_for_run_to_start_again(
    start_app: StartApp, tmp_path: Path
) -> None:
    app = start_app(skip_first_run=True)
    assert app.window is not None
    assert app.settings is not None
    app.open_settings()
    settle()
    dialog = app.window.findChild(SettingsDialog)
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.restart_button.isHidden()
    language = dialog.editor(LANGUAGE)
    assert isinstance(language, QComboBox)
    language.setCurrentIndex(language.findData("de"))
    assert app.settings.get(LANGUAGE) == "de"
    assert not dialog.restart_button.isHidden()
    assert not app.restart_wanted
    dialog.restart_button.click()
    settle()
    assert app.restart_wanted
    assert not app.window.isVisible()
    assert app.window.findChild(SettingsDialog) is None  # closed and deleted
