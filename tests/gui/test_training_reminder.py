"""Training-day reminders in the app: the banner on a driven clock, its answers, the settings."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QSystemTrayIcon, QTimeEdit
from pytestqt.qtbot import QtBot

from gluteapp.core.records import CompletedSet, SessionStatus, Side
from gluteapp.gui import training_reminder
from gluteapp.gui.settings import TRAINING_DAYS, TRAINING_SETTLED, TRAINING_TIME, Settings
from gluteapp.gui.settings_dialog import MultiChoice, SettingsDialog
from gluteapp.gui.training_reminder import (
    MAX_WAIT_S,
    TrainingBanner,
    TrainingReminder,
    todays_routine,
    trained_in,
)
from tests.gui.conftest import StartApp, settle

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY = dt.date(2026, 11, 30)


class Clock:
    """A local wall clock in Berlin, moved by hand."""

    def __init__(self, start: dt.datetime) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def set(self, day: dt.date, hour: int, minute: int = 0) -> None:
        self.now = dt.datetime.combine(day, dt.time(hour, minute), tzinfo=BERLIN)

    def advance(self, minutes: float) -> None:
        self.now = (self.now.astimezone(dt.UTC)
                    + dt.timedelta(minutes=minutes)).astimezone(BERLIN)


@pytest.fixture
def clock() -> Clock:
    return Clock(dt.datetime.combine(MONDAY, dt.time(17, 0), tzinfo=BERLIN))


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    settings = Settings(tmp_path / "settings.ini")
    settings.set(TRAINING_DAYS, "mon,thu")
    settings.set(TRAINING_TIME, "18:00")
    return settings


class Trained:
    """What the history would say: the local days a training session was done on."""

    def __init__(self) -> None:
        self.days: set[dt.date] = set()
        self.asked = 0

    def __call__(self, day: dt.date, now: dt.datetime) -> bool:
        self.asked += 1
        return day in self.days


@pytest.fixture
def trained() -> Trained:
    return Trained()


@pytest.fixture
def notes() -> list[tuple[str, str]]:
    return []


@pytest.fixture
def service(settings: Settings, clock: Clock, trained: Trained,
            notes: list[tuple[str, str]]) -> Iterator[TrainingReminder]:
    reminder = TrainingReminder(settings, trained, wall_clock=clock,
                                notify=lambda title, body: notes.append((title, body)))
    yield reminder
    reminder.shutdown()


@pytest.fixture
def banner(qtbot: QtBot, service: TrainingReminder) -> TrainingBanner:
    widget = TrainingBanner(service, lambda: "Gluteus medius A")
    qtbot.addWidget(widget)
    return widget


def look_at(service: TrainingReminder, clock: Clock, minutes: float) -> None:
    """Let `minutes` pass with a look whenever the service's own timer would have looked."""
    end = clock.now + dt.timedelta(minutes=minutes)
    while clock.now < end:
        step = min(service._timer.interval() / 60_000, (end - clock.now).total_seconds() / 60)
        clock.advance(step)
        service._timer.timeout.emit()


# --- the service and its banner, no tray -----------------------------------------------------


def test_no_tray_offscreen_so_the_banner_is_the_prompt(service: TrainingReminder) -> None:
    assert not QSystemTrayIcon.isSystemTrayAvailable()
    assert service.tray is None
    assert [a.text() for a in service.menu_actions()] == [
        "Start today's session", "Snooze 15 min", "Skip today"]


def test_the_banner_appears_at_the_time_and_says_what_to_do(
    qtbot: QtBot, service: TrainingReminder, banner: TrainingBanner, clock: Clock,
    notes: list[tuple[str, str]], trained: Trained,
) -> None:
    service.start()
    assert banner.isHidden()
    assert service._timer.interval() == MAX_WAIT_S * 1000
    look_at(service, clock, 59)  # 17:59
    assert banner.isHidden()
    assert service._timer.interval() == 60_000, "the next look lands on 18:00"
    clock.advance(1)
    with qtbot.waitSignal(service.reminder_due, timeout=1000):
        service._timer.timeout.emit()
    assert not banner.isHidden()
    assert banner.title.text() == "Time for today's session"
    assert "Today's routine: Gluteus medius A." in banner.message.text()
    assert "in 15 minutes" in banner.message.text()
    assert banner.accessibleName() == "Training reminder"
    assert banner.accessibleDescription().startswith("Time for today's session. It is a")
    assert notes == [service.message()], "the desktop is told once"
    assert service.start_action.isEnabled()
    look_at(service, clock, 120)
    assert len(notes) == 1, "a reminder left standing is not repeated"
    assert trained.asked == 1, "nor is the history read again while it stands"


def test_snooze_hides_it_and_brings_it_back_fifteen_minutes_later(
    qtbot: QtBot, service: TrainingReminder, banner: TrainingBanner, clock: Clock,
) -> None:
    clock.set(MONDAY, 18, 0)
    service.start()
    assert not banner.isHidden()
    clock.advance(2)
    with qtbot.waitSignal(service.reminder_cleared):
        banner.snooze_button.click()
    assert banner.isHidden()
    assert not service.snooze_action.isEnabled()
    look_at(service, clock, 14.5)
    assert banner.isHidden()
    look_at(service, clock, 0.5)
    assert not banner.isHidden(), "back at 18:17"


def test_skip_today_hides_it_for_the_day_and_is_kept_across_a_restart(
    qtbot: QtBot, service: TrainingReminder, banner: TrainingBanner, clock: Clock,
    settings: Settings, trained: Trained, tmp_path: Path,
) -> None:
    clock.set(MONDAY, 18, 0)
    service.start()
    banner.skip_button.click()
    assert banner.isHidden()
    assert settings.get(TRAINING_SETTLED) == "2026-11-30"
    assert not service.skip_action.isEnabled()
    with qtbot.assertNotEmitted(service.reminder_due):
        look_at(service, clock, 150)
    # The app starts again within the catch-up window: nothing more today.
    again = TrainingReminder(Settings(tmp_path / "settings.ini"), trained, wall_clock=clock,
                             notify=lambda *_: None)
    try:
        again.start()
        assert not again.is_due
    finally:
        again.shutdown()


def test_escape_in_the_banner_skips_today(
    qtbot: QtBot, service: TrainingReminder, banner: TrainingBanner, clock: Clock,
) -> None:
    clock.set(MONDAY, 18, 0)
    service.start()
    banner.show()
    qtbot.keyClick(banner.start_button, Qt.Key.Key_Escape)
    assert banner.isHidden()
    assert not service.is_due
    assert not service.schedule.can_skip(clock())


def test_start_asks_for_today_s_routine_and_settles_the_day(
    qtbot: QtBot, service: TrainingReminder, banner: TrainingBanner, clock: Clock,
) -> None:
    clock.set(MONDAY, 18, 5)
    service.start()
    with qtbot.waitSignal(service.start_requested):
        banner.start_button.click()
    assert banner.isHidden()
    service.session_started()
    clock.advance(30)
    service.session_ended()  # left early, untrained: still nothing more today
    assert not service.is_due


def test_a_session_done_earlier_that_day_keeps_it_quiet(
    qtbot: QtBot, service: TrainingReminder, banner: TrainingBanner, clock: Clock,
    trained: Trained,
) -> None:
    trained.days.add(MONDAY)
    service.start()
    with qtbot.assertNotEmitted(service.reminder_due):
        look_at(service, clock, 5 * 60)
    assert trained.asked == 1, "the history is read once, at the time"
    # Thursday, not trained: it comes.
    clock.set(MONDAY + dt.timedelta(days=3), 17, 59)
    look_at(service, clock, 2)
    assert service.is_due


def test_a_session_running_at_the_time_defers_it_and_training_answers_it(
    qtbot: QtBot, service: TrainingReminder, banner: TrainingBanner, clock: Clock,
    trained: Trained,
) -> None:
    service.start()
    service.session_started()
    look_at(service, clock, 90)  # 18:30, still in the session
    assert banner.isHidden()
    trained.days.add(MONDAY)
    with qtbot.assertNotEmitted(service.reminder_due):
        service.session_ended()
    assert banner.isHidden()


def test_a_session_started_elsewhere_takes_it_away(
    qtbot: QtBot, service: TrainingReminder, banner: TrainingBanner, clock: Clock,
) -> None:
    clock.set(MONDAY, 18, 0)
    service.start()
    assert not banner.isHidden()
    with qtbot.waitSignal(service.reminder_cleared):
        service.session_started()  # from the Plan, say: no banner over the player
    assert banner.isHidden()
    assert not service.start_action.isEnabled()
    clock.advance(20)
    service.session_ended()
    assert banner.isHidden()


def test_a_gap_of_days_brings_one_reminder_within_the_window_only(
    qtbot: QtBot, settings: Settings, clock: Clock, trained: Trained,
) -> None:
    # The app was closed over Monday; it starts on Thursday at 20:30.
    clock.set(MONDAY + dt.timedelta(days=3), 20, 30)
    fired: list[dt.datetime] = []
    service = TrainingReminder(settings, trained, wall_clock=clock, notify=lambda *_: None)
    service.reminder_due.connect(lambda: fired.append(clock()))
    try:
        service.start()
        service.skip()  # answered; then it stays quiet
        look_at(service, clock, 5 * 60)
        assert fired == [dt.datetime(2026, 12, 3, 20, 30, tzinfo=BERLIN)]
    finally:
        service.shutdown()
    # Started next Monday at 21:01: past the window, nothing at all.
    clock.set(MONDAY + dt.timedelta(days=7), 21, 1)
    later = TrainingReminder(settings, trained, wall_clock=clock, notify=lambda *_: None)
    try:
        with qtbot.assertNotEmitted(later.reminder_due):
            later.start()
            look_at(later, clock, 120)
    finally:
        later.shutdown()


def test_the_banner_is_announced_and_read_like_the_sitting_break_banner(
    qtbot: QtBot, service: TrainingReminder, banner: TrainingBanner, clock: Clock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtGui import QAccessible, QAccessibleEvent

    announced: list[tuple[QAccessible.Event, object]] = []

    def record(event: QAccessibleEvent) -> None:
        announced.append((event.type(), event.object()))

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(record))
    clock.set(MONDAY, 18, 0)
    service.start()
    assert announced == [(QAccessible.Event.Alert, banner)]
    node = QAccessible.queryAccessibleInterface(banner)
    assert node is not None
    assert node.text(QAccessible.Text.Name) == "Training reminder"
    assert "Today's routine: Gluteus medius A" in node.text(QAccessible.Text.Description)
    names = {QAccessible.queryAccessibleInterface(b).text(QAccessible.Text.Name)
             for b in (banner.start_button, banner.snooze_button, banner.skip_button)}
    assert names == {"Start today's session", "Snooze 15 min", "Skip today"}
    assert banner.focusProxy() is banner.start_button, "Tab into the banner lands on Start"


@pytest.mark.qt_log_ignore(
    # Forced on a platform with no tray, Qt's fallback tray looks for an X11-only signal.
    "systemTrayWindowChanged"
)
def test_with_a_tray_its_menu_carries_the_answers(
    qtbot: QtBot, settings: Settings, clock: Clock, trained: Trained,
) -> None:
    from gluteapp.gui.reminders import ReminderService

    breaks = ReminderService(settings, use_tray=True)
    service = TrainingReminder(settings, trained, wall_clock=clock, tray=breaks.tray,
                               notify=lambda *_: None)
    try:
        assert breaks.tray is not None
        menu = breaks.tray.contextMenu()
        assert menu is not None
        texts = [a.text() for a in menu.actions() if not a.isSeparator()]
        assert texts[-3:] == ["Start today's session", "Snooze 15 min", "Skip today"]
        clock.set(MONDAY, 18, 0)
        service.start()
        assert service.start_action.isEnabled()
        service.start_action.trigger()
        assert not service.is_due
        assert not service.start_action.isEnabled()
    finally:
        service.shutdown()
        breaks.shutdown()


def test_no_days_chosen_no_timer(qtbot: QtBot, service: TrainingReminder,
                                 settings: Settings, clock: Clock) -> None:
    service.start()
    assert service._timer.isActive()
    settings.set(TRAINING_DAYS, "")
    assert not service._timer.isActive()
    assert not service.skip_action.isVisible()


def test_the_local_clock_follows_a_change_of_time_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    try:
        berlin = training_reminder.local_now()
        assert berlin.utcoffset() == dt.datetime.now(BERLIN).utcoffset()
        monkeypatch.setenv("TZ", "America/New_York")  # no tzset: local_now sees it itself
        new_york = training_reminder.local_now()
        assert new_york.utcoffset() == dt.datetime.now(ZoneInfo("America/New_York")).utcoffset()
        assert new_york.utcoffset() != berlin.utcoffset()
    finally:
        monkeypatch.undo()
        time.tzset()


def test_a_history_that_cannot_be_read_still_reminds_and_says_why(
    qtbot: QtBot, settings: Settings, clock: Clock, caplog: pytest.LogCaptureFixture,
) -> None:
    from gluteapp.gui.history_service import HistoryService, StorageError

    def unreadable() -> HistoryService:
        raise StorageError("history.db: disk I/O error")

    service = TrainingReminder(settings, trained_in(unreadable), wall_clock=clock,
                               notify=lambda *_: None)
    try:
        clock.set(MONDAY, 18, 0)
        with caplog.at_level(logging.ERROR, logger="gluteapp.gui.training_reminder"):
            service.start()
        assert service.is_due, "better a reminder too many than none"
        assert caplog.messages == [
            "training reminder: cannot see whether you trained today: history.db: disk I/O error"]
    finally:
        service.shutdown()


def test_a_kept_date_that_is_not_one_is_ignored(
    qtbot: QtBot, tmp_path: Path, clock: Clock, trained: Trained,
) -> None:
    path = tmp_path / "settings.ini"
    path.write_text("[reminders]\ntraining_days=mon\ntraining_settled=yesterday\n")
    service = TrainingReminder(Settings(path), trained, wall_clock=clock,
                               notify=lambda *_: None)
    try:
        clock.set(MONDAY, 18, 0)
        service.start()
        assert service.is_due
        assert "training_settled=2026-11-30" in path.read_text()
    finally:
        service.shutdown()


# --- the settings -----------------------------------------------------------------------------


def test_the_settings_round_trip_through_the_dialog_and_the_file(
    qtbot: QtBot, tmp_path: Path, clock: Clock, trained: Trained,
) -> None:
    path = tmp_path / "settings.ini"
    settings = Settings(path)
    service = TrainingReminder(settings, trained, wall_clock=clock, notify=lambda *_: None)
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    try:
        days = dialog.editor(TRAINING_DAYS)
        time_edit = dialog.editor(TRAINING_TIME)
        assert isinstance(days, MultiChoice)
        assert isinstance(time_edit, QTimeEdit)
        assert [box.text() for box in days.boxes.values()] == [
            "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        assert time_edit.time() == QTime(18, 0)
        days.boxes["thu"].click()
        days.boxes["mon"].click()
        time_edit.setTime(QTime(7, 30))
        assert settings.get(TRAINING_DAYS) == "mon,thu"
        assert settings.get(TRAINING_TIME) == "07:30"
        assert service.schedule.plan.days == frozenset({0, 3})
        assert service.schedule.plan.at == dt.time(7, 30)
        text = path.read_text()
        assert "training_time=07:30" in text
        # Read back by a new start.
        again = Settings(path)
        assert again.get(TRAINING_DAYS) == "mon,thu"
        assert again.get(TRAINING_TIME) == "07:30"
        # A change made elsewhere shows in the open dialog, without echoing back.
        settings.set(TRAINING_TIME, "06:05")
        assert time_edit.time() == QTime(6, 5)
    finally:
        service.shutdown()


@pytest.mark.parametrize(("days", "time", "kept_days", "kept_time", "faulty"), [
    ("mon,funday", "25:00", "mon", "18:00", ["training_days", "training_time"]),
    ("", "7pm", "", "18:00", ["training_time"]),
    ("sun,sat", "7:05", "sat,sun", "07:05", []),
    ("Mon", "18:00:00", "", "18:00", ["training_days", "training_time"]),
])
def test_values_edited_by_hand_are_checked_and_named(
    tmp_path: Path, days: str, time: str, kept_days: str, kept_time: str, faulty: list[str],
) -> None:
    path = tmp_path / "settings.ini"
    written = f"[reminders]\ntraining_days={days}\ntraining_time={time}\n"
    path.write_text(written)
    settings = Settings(path)
    assert settings.get(TRAINING_DAYS) == kept_days
    assert settings.get(TRAINING_TIME) == kept_time
    named = [p.split(" = ")[0].removeprefix("settings: reminders/") for p in settings.problems()]
    assert named == faulty
    assert path.read_text() == written, "reading leaves the file as it is"


# --- in the app: the real window, history and player -----------------------------------------


def test_in_the_app_the_banner_opens_today_s_routine_in_the_player(
    start_app: StartApp, monkeypatch: pytest.MonkeyPatch, clock: Clock,
) -> None:
    monkeypatch.setattr(training_reminder, "local_now", clock)
    app = start_app(skip_first_run=True, view="plan")
    service = app.window.findChild(TrainingReminder)
    banner = app.window.findChild(TrainingBanner)
    assert service is not None
    assert banner is not None
    app.settings.set(TRAINING_DAYS, "mon")
    clock.set(MONDAY, 18, 0)
    service._timer.timeout.emit()
    settle()
    assert not banner.isHidden()
    expected = todays_routine(app.catalog, MONDAY)
    assert app.catalog.name(expected) in banner.message.text()
    banner.start_button.click()
    settle()
    assert banner.isHidden()
    assert app.controller.player is not None
    assert app.controller.player.runner.session.routine.id == expected
    assert app.window.current_area() == "sessions"


def test_in_the_app_a_session_recorded_today_keeps_it_quiet(
    start_app: StartApp, monkeypatch: pytest.MonkeyPatch, clock: Clock,
) -> None:
    monkeypatch.setattr(training_reminder, "local_now", clock)
    app = start_app(skip_first_run=True, view="plan")
    service = app.window.findChild(TrainingReminder)
    assert service is not None
    began = dt.datetime.combine(MONDAY, dt.time(7, 10), tzinfo=BERLIN).astimezone(dt.UTC)
    history = app.history
    session_id = history.start_session("atrophy-starter", "Atrophy starter", began)
    assert session_id is not None
    history.record_set(session_id, CompletedSet("glute-bridge", 1, Side.BOTH, began,
                                                began + dt.timedelta(seconds=30)))
    history.finish_session(session_id, SessionStatus.COMPLETED,
                           began + dt.timedelta(minutes=20))
    app.settings.set(TRAINING_DAYS, "mon")
    clock.set(MONDAY, 18, 0)
    service._timer.timeout.emit()
    settle()
    assert not service.is_due
    assert app.settings.get(TRAINING_SETTLED) == "2026-11-30"


def test_in_the_app_a_session_started_from_elsewhere_hides_the_banner(
    start_app: StartApp, monkeypatch: pytest.MonkeyPatch, clock: Clock,
) -> None:
    monkeypatch.setattr(training_reminder, "local_now", clock)
    app = start_app(skip_first_run=True, view="plan")
    service = app.window.findChild(TrainingReminder)
    banner = app.window.findChild(TrainingBanner)
    assert service is not None
    assert banner is not None
    app.settings.set(TRAINING_DAYS, "mon")
    clock.set(MONDAY, 18, 0)
    service._timer.timeout.emit()
    assert not banner.isHidden()
    assert app.controller.open_routine("desk-break", autostart=True) is None
    settle()
    assert app.controller.running
    assert banner.isHidden()
    assert not service.is_due


def test_a_plain_start_installs_it_after_the_first_paint(start_app: StartApp) -> None:
    app = start_app(skip_first_run=True)  # the Library first; reminders once it is painted
    service = app.window.findChild(TrainingReminder)
    assert service is not None
    assert app.window.findChild(TrainingBanner) is not None
    assert not service._timer.isActive(), "no training days chosen: nothing to wait for"
