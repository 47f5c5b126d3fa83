"""Training-day reminders in the app: a timer that asks the schedule, the tray, and a banner."""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QPushButton,
    QSystemTrayIcon,
    QWidget,
)

from gluteapp.core.training_days import (
    SNOOZE,
    Change,
    TrainingDaysError,
    TrainingPlan,
    TrainingSchedule,
)
from gluteapp.gui.reminders import PromptBanner, ReminderService
from gluteapp.gui.settings import TRAINING_DAYS, TRAINING_SETTLED, TRAINING_TIME, Settings

if TYPE_CHECKING:
    from gluteapp.gui.history_service import HistoryService
    from gluteapp.gui.main_window import MainWindow
    from gluteapp.gui.player.controller import SessionController
    from gluteapp.gui.routine_catalog import RoutineCatalog

log = logging.getLogger(__name__)

# The timer only asks the schedule to look again. Once a minute notices a changed clock,
# midnight, and a machine that has just woken up.
MAX_WAIT_S = 60.0
SNOOZE_MIN = round(SNOOZE.total_seconds() / 60)


def local_now() -> dt.datetime:
    """The local time in the zone the system has now: C's localtime keeps the zone it read
    first, so a person who travels (or changes the zone in Settings) would keep the old one."""
    if hasattr(time, "tzset"):  # not on Windows, whose zone changes Python sees anyway
        time.tzset()
    return dt.datetime.now().astimezone()


def plan_from(settings: Settings) -> TrainingPlan:
    try:
        return TrainingPlan.from_text(settings.get(TRAINING_DAYS), settings.get(TRAINING_TIME))
    except TrainingDaysError as problem:  # the settings check values; this is a last guard
        log.warning("training reminders off: %s", problem)
        return TrainingPlan()


def settled_from(settings: Settings) -> dt.date | None:
    try:
        return dt.date.fromisoformat(settings.get(TRAINING_SETTLED))
    except ValueError:
        return None


class TrainingReminder(QObject):
    """Reminds a person, on the weekdays they chose and at their time, to do today's session.

    `trained(day, now)` says whether a session of the week's goal was done on that local day;
    it is asked only when a reminder would come, or while one is shown.
    """

    reminder_due = Signal()
    # The reminder was answered, or is no longer wanted (trained meanwhile, a new day).
    reminder_cleared = Signal()
    # Open today's routine in the player.
    start_requested = Signal()

    def __init__(
        self,
        settings: Settings,
        trained: Callable[[dt.date, dt.datetime], bool],
        parent: QObject | None = None,
        *,
        wall_clock: Callable[[], dt.datetime] | None = None,
        tray: QSystemTrayIcon | None = None,
        notify: Callable[[str, str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._trained = trained
        # Looked up when called, so a test can set the module's clock.
        self._wall_clock = wall_clock or (lambda: local_now())
        self.tray = tray
        self._notify = notify or self._notify_desktop
        self.schedule = TrainingSchedule.restored(plan_from(settings), settled_from(settings),
                                                  self._wall_clock())
        self._timer = QTimer(self)
        self._timer.setObjectName("training_reminder_timer")
        self._timer.setSingleShot(True)
        # A reminder a few seconds late is fine; the coarse timer saves wake-ups.
        self._timer.setTimerType(Qt.TimerType.CoarseTimer)
        self._timer.timeout.connect(self.check)

        self.start_action = QAction(self.tr("Start today's session"), self)
        self.snooze_action = QAction(self.tr("Snooze %n min", "", SNOOZE_MIN), self)
        self.skip_action = QAction(self.tr("Skip today"), self)
        self.start_action.triggered.connect(self.start_session)
        self.snooze_action.triggered.connect(self.snooze)
        self.skip_action.triggered.connect(self.skip)
        if tray is not None and (menu := tray.contextMenu()) is not None:
            menu.addSeparator()
            menu.addActions(self.menu_actions())
        settings.changed.connect(self._on_setting_changed)
        self._update_actions()

    def menu_actions(self) -> list[QAction]:
        return [self.start_action, self.snooze_action, self.skip_action]

    # --- lifecycle -------------------------------------------------------------------------
    def start(self) -> None:
        """Look now (a reminder missed while the app was closed may be due) and keep looking."""
        self.check()

    def shutdown(self) -> None:
        self._timer.stop()

    def session_started(self) -> None:
        """A session is running: no reminder until it ends, and the one shown goes away."""
        was_due = self.schedule.is_due
        self.schedule.session_started()
        if was_due:
            self.reminder_cleared.emit()
        self.check()

    def session_ended(self) -> None:
        """Reminders may come again; whether that session counted, the history says then."""
        self.schedule.session_ended()
        self.check()

    def today(self) -> dt.date:
        return self._wall_clock().date()

    @property
    def is_due(self) -> bool:
        return self.schedule.is_due

    # --- the answers -----------------------------------------------------------------------
    def start_session(self) -> None:
        log.info("today's session started from the training reminder")
        self.schedule.answered(self._wall_clock())
        self._after_answer()
        self.start_requested.emit()

    def snooze(self) -> None:
        self.schedule.snooze(self._wall_clock())
        self._after_answer()

    def skip(self) -> None:
        log.info("training reminder: today skipped")
        self.schedule.skip(self._wall_clock())
        self._after_answer()

    def _after_answer(self) -> None:
        self._keep_settled()
        self.reminder_cleared.emit()
        self._update_actions()
        self._plan_next_check()

    # --- looking ---------------------------------------------------------------------------
    def check(self) -> None:
        """Ask the schedule whether the reminder is due now, and plan the next look."""
        now = self._wall_clock()
        change = self.schedule.check(now, lambda day: self._trained(day, now))
        self._keep_settled()
        if change is Change.DUE:
            log.info("training reminder due")
            self._update_actions()
            self._tell_desktop()
            self.reminder_due.emit()
        elif change is Change.CLEARED:
            self.reminder_cleared.emit()
        self._update_actions()
        self._plan_next_check()

    def _plan_next_check(self) -> None:
        if not self.schedule.plan.active and self.schedule.snoozed_until is None:
            self._timer.stop()
            return
        wait_s = max(0.5, self.schedule.next_look_s(self._wall_clock(), MAX_WAIT_S))
        self._timer.start(round(wait_s * 1000))

    def _keep_settled(self) -> None:
        settled = self.schedule.settled_through
        text = settled.isoformat() if settled is not None else ""
        if text != self._settings.get(TRAINING_SETTLED):
            self._settings.set(TRAINING_SETTLED, text)

    def _update_actions(self) -> None:
        active = self.schedule.plan.active
        for action in self.menu_actions():
            action.setVisible(active)
        self.start_action.setEnabled(self.schedule.is_due)
        self.snooze_action.setEnabled(self.schedule.is_due)
        self.skip_action.setEnabled(self.schedule.can_skip(self._wall_clock()))

    def _on_setting_changed(self, key: str) -> None:
        if key not in (TRAINING_DAYS.key, TRAINING_TIME.key):
            return
        was_due = self.schedule.is_due
        self.schedule.set_plan(plan_from(self._settings), self._wall_clock())
        if was_due and not self.schedule.is_due:
            self.reminder_cleared.emit()
        self.check()

    # --- telling the desktop ---------------------------------------------------------------
    def message(self) -> tuple[str, str]:
        return (self.tr("Time for today's session"),
                self.tr("It is a training day. Open Gluteapp to start today's routine."))

    def _tell_desktop(self) -> None:
        self._notify(*self.message())

    def _notify_desktop(self, title: str, body: str) -> None:
        """The tray shows it where there is one (a click opens the window); in a sandbox, or
        with the tray hidden, the desktop's notification service does. The banner says it in
        the window either way."""
        from gluteapp.gui.desktop_bus import in_sandbox

        tray = self.tray
        if (tray is not None and tray.isVisible() and QSystemTrayIcon.supportsMessages()
                and not in_sandbox()):
            tray.showMessage(title, body, tray.icon(), 20_000)
            return
        # A desktop slow to answer must not freeze the window: the call waits in a thread.
        threading.Thread(target=_notify_over_bus, args=(title, body), daemon=True,
                         name="training-notification").start()


def _notify_over_bus(title: str, body: str) -> None:
    from gluteapp.gui.desktop_bus import BusError, notify

    try:
        log.info("training notification %s", notify(title, body))
    except BusError as error:
        log.info("no desktop notification for the training reminder: %s", error)


class TrainingBanner(PromptBanner):
    """Across the top of the window while the reminder is due: Start, Snooze, Skip today.

    Escape, with the focus in the banner, skips today like the button.
    """

    def __init__(self, service: TrainingReminder, routine_name: Callable[[], str],
                 parent: QWidget | None = None) -> None:
        super().__init__("training_banner", service.message()[0], parent)
        self._service = service
        self._routine_name = routine_name
        self.setAccessibleName(self.tr("Training reminder"))
        self.start_button = QPushButton(self.tr("Start today's session"))
        self.snooze_button = QPushButton(service.snooze_action.text())
        self.skip_button = QPushButton(self.tr("Skip today"))
        self.add_answers((self.start_button, service.start_session),
                         (self.snooze_button, service.snooze),
                         (self.skip_button, service.skip))
        self.setFocusProxy(self.start_button)
        self.follow(service.reminder_due, service.reminder_cleared, service.is_due)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape and self._service.is_due:
            self._service.skip()
            event.accept()
            return
        super().keyPressEvent(event)

    def _update_message(self) -> None:
        self.message.setText(
            self.tr("It is a training day. Today's routine: %1. Snooze brings this back in "
                    "%n minutes; Skip today (or Escape) leaves it until the next training day.",
                    "", SNOOZE_MIN).replace("%1", self._routine_name()))
        self.setAccessibleDescription(self.title.text() + ". " + self.message.text())

# --- wiring ---------------------------------------------------------------------------------


def trained_in(history: Callable[[], HistoryService]) -> Callable[[dt.date, dt.datetime], bool]:
    """`trained(day, now)` from the history: a training session begun that local day."""

    def trained(day: dt.date, now: dt.datetime) -> bool:
        from gluteapp.core.training_days import trained_on
        from gluteapp.gui.history_service import StorageError
        from gluteapp.gui.startup_data import StartupError

        since = dt.datetime.combine(day, dt.time(), tzinfo=now.tzinfo)
        try:
            sessions = history().list_sessions(since=since)
        except (StorageError, StartupError) as error:
            log.error("training reminder: cannot see whether you trained today: %s", error)
            return False
        return trained_on(sessions, day, now)

    return trained


def todays_routine(catalog: RoutineCatalog, today: dt.date) -> str:
    """The routine the Plan's Start opens today (the next of the A/B turn, if the history
    cannot be read)."""
    from gluteapp.core.routines import next_in_pair
    from gluteapp.gui.history_service import StorageError

    try:
        return catalog.plan_picture(today).plan.next_routine_id
    except StorageError as error:
        log.error("training reminder: today's routine from the A/B turn: %s", error)
        return next_in_pair(None)


def install_reminders(settings: Settings, window: MainWindow, controller: SessionController,
                      catalog: RoutineCatalog, history: Callable[[], HistoryService],
                      open_routine: Callable[..., None]) -> ReminderService:
    """The sitting breaks and the training days for this window, started now; both stop when
    the window closes or the application quits."""
    from gluteapp.gui import reminders

    breaks = reminders.install_reminders(
        settings, window, window.add_banner,
        lambda: open_routine(reminders.BREAK_ROUTINE_ID, autostart=True), window.bring_to_front)
    training = TrainingReminder(settings, trained_in(history), window, tray=breaks.tray)
    window.add_banner(TrainingBanner(
        training, lambda: catalog.name(todays_routine(catalog, training.today()))))
    training.start_requested.connect(
        lambda: open_routine(todays_routine(catalog, training.today())))
    controller.session_started.connect(training.session_started)
    controller.session_ended.connect(training.session_ended)
    controller.player_closed.connect(training.session_ended)
    window.closed.connect(training.shutdown)
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(training.shutdown)
    training.start()
    return breaks
