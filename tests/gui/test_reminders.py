"""Sitting-break reminders, driven by a hand-set clock: schedule, service, tray menu, banner."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QSystemTrayIcon
from pytestqt.qtbot import QtBot

from gluteapp.gui.reminders import (
    MAX_WAIT_S,
    SNOOZE_S,
    ReminderBanner,
    ReminderSchedule,
    ReminderService,
)
from gluteapp.gui.settings import REMINDER_INTERVAL_MIN, REMINDERS, Settings

MIN = 60.0
MONDAY = dt.date(2026, 11, 23)


class Clock:
    """Monotonic seconds and a local wall clock, both moved by hand."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.wall = dt.datetime(2026, 11, 23, 9, 0).astimezone()

    def monotonic(self) -> float:
        return self.now

    def local(self) -> dt.datetime:
        return self.wall

    def advance(self, seconds: float) -> None:
        self.now += seconds
        self.wall += dt.timedelta(seconds=seconds)


# --- the schedule, no Qt ------------------------------------------------------------------------


def test_due_exactly_one_interval_after_sitting_down() -> None:
    schedule = ReminderSchedule(interval_s=45 * MIN)
    schedule.start(now=0.0)
    assert schedule.remaining_s(0.0) == 45 * MIN
    assert not schedule.poll(45 * MIN - 1, MONDAY)
    assert schedule.remaining_s(45 * MIN - 1) == 1
    assert schedule.poll(45 * MIN, MONDAY)
    assert schedule.due
    assert schedule.remaining_s(45 * MIN) is None
    assert not schedule.poll(46 * MIN, MONDAY), "due is reported once, not on every look"


def test_a_late_look_is_not_a_drift() -> None:
    schedule = ReminderSchedule(interval_s=45 * MIN)
    schedule.start(now=0.0)
    # Looks at odd moments (a busy event loop) do not move the deadline.
    for now in (1.7, 600.3, 1799.9, 2000.0):
        assert not schedule.poll(now, MONDAY)
    assert schedule.deadline == 45 * MIN
    schedule.skip(now=50 * MIN)
    assert schedule.deadline == 95 * MIN


def test_snooze_is_ten_minutes_from_the_answer() -> None:
    schedule = ReminderSchedule(interval_s=45 * MIN)
    schedule.start(0.0)
    assert schedule.poll(45 * MIN, MONDAY)
    schedule.snooze(now=47 * MIN)
    assert not schedule.due
    assert schedule.remaining_s(47 * MIN) == SNOOZE_S
    assert schedule.poll(57 * MIN, MONDAY)
    assert schedule.sitting_s(57 * MIN) == 57 * MIN, "snoozing is still sitting"


def test_not_today_lasts_until_local_midnight() -> None:
    schedule = ReminderSchedule(interval_s=45 * MIN)
    schedule.start(0.0)
    schedule.not_today(MONDAY)
    late = 10 * 3600.0
    assert not schedule.poll(late, MONDAY)
    assert schedule.remaining_s(late) is None
    tuesday = MONDAY + dt.timedelta(days=1)
    assert not schedule.poll(late + 1, tuesday), "the new day starts a fresh interval"
    assert schedule.off_on is None
    assert schedule.remaining_s(late + 1) == 45 * MIN
    assert schedule.poll(late + 1 + 45 * MIN, tuesday)


def test_a_session_pauses_reminders_and_counts_as_a_break() -> None:
    schedule = ReminderSchedule(interval_s=45 * MIN)
    schedule.start(0.0)
    schedule.session_started()
    assert not schedule.poll(2 * 3600.0, MONDAY)
    schedule.session_ended(now=2 * 3600.0)
    assert schedule.remaining_s(2 * 3600.0) == 45 * MIN


def test_a_new_interval_counts_from_when_sitting_began() -> None:
    schedule = ReminderSchedule(interval_s=45 * MIN)
    schedule.start(0.0)
    schedule.set_interval(30 * MIN)
    assert schedule.remaining_s(20 * MIN) == 10 * MIN
    schedule.set_enabled(False, now=21 * MIN)
    assert not schedule.poll(99 * MIN, MONDAY)
    schedule.set_enabled(True, now=100 * MIN)
    assert schedule.remaining_s(100 * MIN) == 30 * MIN


# --- the service ------------------------------------------------------------------------------


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "settings.ini")


@pytest.fixture
def service(settings: Settings, clock: Clock) -> Iterator[ReminderService]:
    reminders = ReminderService(
        settings, clock=clock.monotonic, wall_clock=clock.local, use_tray=False
    )
    yield reminders
    reminders.shutdown()


def test_offscreen_has_no_tray_so_the_banner_is_the_prompt(service: ReminderService) -> None:
    assert not QSystemTrayIcon.isSystemTrayAvailable()
    assert not service.uses_tray
    assert service.tray is None
    texts = [a.text() for a in service.menu_actions()]
    assert texts == ["Start two-minute standing break", "Snooze 10 min", "Skip this one",
                     "Not today", "Resume reminders"]


def test_the_timer_only_asks_the_schedule_to_look(
    qtbot: QtBot, service: ReminderService, clock: Clock
) -> None:
    timer = service._timer
    assert not timer.isActive(), "nothing counts before start()"
    service.start()
    assert timer.isActive()
    assert timer.interval() == MAX_WAIT_S * 1000
    clock.advance(44 * MIN + 30)
    service.check()
    assert timer.interval() == 30_000, "the last look lands on the deadline"
    clock.advance(30)
    with qtbot.waitSignal(service.reminder_due, timeout=1000):
        timer.timeout.emit()
    assert service.is_due
    assert not timer.isActive()
    assert service.status_text() == "Gluteapp: time to stand up"


def test_banner_shows_the_prompt_and_each_answer_clears_it(
    qtbot: QtBot, service: ReminderService, clock: Clock
) -> None:
    banner = ReminderBanner(service)
    qtbot.addWidget(banner)
    assert banner.isHidden()
    service.start()
    clock.advance(45 * MIN)
    service.check()
    assert not banner.isHidden()
    assert "45 minutes" in banner.message.text()
    assert service.snooze_action.isEnabled()

    with qtbot.waitSignal(service.reminder_cleared):
        banner.snooze_button.click()
    assert banner.isHidden()
    assert service.remaining_s() == SNOOZE_S
    assert not service.snooze_action.isEnabled()

    clock.advance(SNOOZE_S)
    service.check()
    assert not banner.isHidden()
    assert "55 minutes" in banner.message.text()
    banner.skip_button.click()
    assert banner.isHidden()
    assert service.remaining_s() == 45 * MIN


def test_starting_the_break_asks_for_the_standing_routine(
    qtbot: QtBot, service: ReminderService, clock: Clock
) -> None:
    banner = ReminderBanner(service)
    qtbot.addWidget(banner)
    service.start()
    clock.advance(45 * MIN)
    service.check()
    with qtbot.waitSignal(service.start_break_requested):
        banner.start_button.click()
    assert banner.isHidden()
    # The lead starts the routine, which is a session: reminders wait for it.
    service.session_started()
    assert not service._timer.isActive()
    assert service.remaining_s() is None
    assert not service.start_break_action.isEnabled()
    clock.advance(3 * MIN)
    service.session_ended()
    assert service.remaining_s() == 45 * MIN
    assert service._timer.isActive()


def test_a_reminder_due_when_a_session_starts_goes_away(
    qtbot: QtBot, service: ReminderService, clock: Clock
) -> None:
    service.start()
    clock.advance(45 * MIN)
    service.check()
    with qtbot.waitSignal(service.reminder_cleared):
        service.session_started()
    assert not service.is_due


def test_not_today_then_midnight(qtbot: QtBot, service: ReminderService, clock: Clock) -> None:
    service.start()
    with qtbot.assertNotEmitted(service.reminder_due):
        service.not_today_action.trigger()
        assert service.is_off_today
        assert service.resume_action.isVisible()
        assert not service.not_today_action.isVisible()
        assert service.status_text() == "Gluteapp: no more reminders today"
        clock.advance(14 * 3600)  # 23:00, still the same day
        service.check()
    assert service._timer.isActive(), "it keeps looking, to notice midnight"
    clock.advance(3600 + 60)  # 00:01 the next day
    service.check()
    assert not service.is_off_today
    assert service.remaining_s() == 45 * MIN


def test_resume_brings_reminders_back_today(service: ReminderService, clock: Clock) -> None:
    service.start()
    service.not_today()
    clock.advance(5 * MIN)
    service.resume_action.trigger()
    assert not service.is_off_today
    assert service.remaining_s() == 45 * MIN


def test_settings_changes_apply_at_once(
    service: ReminderService, settings: Settings, clock: Clock
) -> None:
    service.start()
    clock.advance(10 * MIN)
    settings.set(REMINDER_INTERVAL_MIN, 20)
    assert service.remaining_s() == 10 * MIN
    assert service.status_text() == "Gluteapp: next break in 10 min"
    settings.set(REMINDERS, False)
    assert not service._timer.isActive()
    assert service.remaining_s() is None
    assert service.status_text() == "Gluteapp: break reminders are off"
    clock.advance(MIN)
    settings.set(REMINDERS, True)
    assert service.remaining_s() == 20 * MIN


def test_reminders_off_at_start_never_remind(
    qtbot: QtBot, settings: Settings, clock: Clock
) -> None:
    settings.set(REMINDERS, False)
    service = ReminderService(settings, clock=clock.monotonic, wall_clock=clock.local,
                              use_tray=False)
    try:
        service.start()
        with qtbot.assertNotEmitted(service.reminder_due):
            clock.advance(5 * 3600)
            service.check()
        assert not service._timer.isActive()
    finally:
        service.shutdown()


@pytest.mark.qt_log_ignore(
    # Forced on a platform with no tray, Qt's fallback tray looks for an X11-only signal.
    "systemTrayWindowChanged"
)
def test_the_tray_menu_offers_the_same_choices(
    qtbot: QtBot, settings: Settings, clock: Clock
) -> None:
    service = ReminderService(settings, clock=clock.monotonic, wall_clock=clock.local,
                              use_tray=True)
    try:
        assert service.tray is not None
        menu = service.tray.contextMenu()
        assert menu is not None
        texts = [a.text() for a in menu.actions() if not a.isSeparator()]
        assert texts == ["Open Gluteapp", "Start two-minute standing break", "Snooze 10 min",
                         "Skip this one", "Not today", "Resume reminders"]
        service.start()
        assert service.tray.isVisible()
        assert service.tray.toolTip() == "Gluteapp: next break in 45 min"
        clock.advance(45 * MIN)
        service.check()
        assert service.tray.toolTip() == "Gluteapp: time to stand up"
        with qtbot.waitSignal(service.show_window_requested):
            service.tray.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
        with qtbot.waitSignal(service.start_break_requested):
            service.start_break_action.trigger()
        settings.set(REMINDERS, False)
        assert not service.tray.isVisible()
    finally:
        service.shutdown()
