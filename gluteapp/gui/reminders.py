"""Sitting-break reminders: a schedule kept from deadlines, a tray icon, and an in-app banner."""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable

from msgspec import Struct
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QAccessible, QAccessibleEvent, QAction, QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from gluteapp.gui.settings import REMINDER_INTERVAL_MIN, REMINDERS, Settings

log = logging.getLogger(__name__)

SNOOZE_S = 10 * 60
#: The timer only asks the schedule to look again; it never counts. Looking at least once a
#: minute notices midnight (for "not today") and a changed wall clock soon enough.
MAX_WAIT_S = 60.0
#: The built-in routine the lead starts for a break.
BREAK_ROUTINE_ID = "standing-break"


def local_now() -> dt.datetime:
    return dt.datetime.now().astimezone()


class ReminderSchedule(Struct):
    """When the next reminder is due, from `now` values passed in (monotonic seconds).

    No clock is read here: every method takes the time, so tests drive it by hand.
    """

    interval_s: float
    enabled: bool = True
    sitting_since: float = 0.0
    deadline: float | None = None
    due: bool = False
    in_session: bool = False
    snoozed: bool = False
    #: "Not today" was chosen on this local date; reminders come back the day after.
    off_on: dt.date | None = None
    _started: bool = False

    def start(self, now: float) -> None:
        self._started = True
        self.restart(now)

    def restart(self, now: float) -> None:
        """Sitting starts now: the next reminder is one interval away."""
        self.sitting_since = now
        self.deadline = now + self.interval_s
        self.due = False
        self.snoozed = False

    def remaining_s(self, now: float) -> float | None:
        """Seconds until the next reminder, or None while none is counting down."""
        if not self.counting():
            return None
        assert self.deadline is not None
        return max(0.0, self.deadline - now)

    def counting(self) -> bool:
        return (self._started and self.enabled and not self.in_session and self.off_on is None
                and not self.due and self.deadline is not None)

    def sitting_s(self, now: float) -> float:
        return max(0.0, now - self.sitting_since)

    def poll(self, now: float, today: dt.date) -> bool:
        """Look at the time; True exactly when a reminder has just become due."""
        if not self._started or not self.enabled or self.in_session:
            return False
        if self.off_on is not None:
            if today <= self.off_on:
                return False
            self.off_on = None
            self.restart(now)
        if not self.due and self.deadline is not None and now >= self.deadline:
            self.due = True
            return True
        return False

    def snooze(self, now: float) -> None:
        self.due = False
        self.snoozed = True
        self.deadline = now + SNOOZE_S

    def skip(self, now: float) -> None:
        self.restart(now)

    def take_break(self, now: float) -> None:
        self.restart(now)

    def not_today(self, today: dt.date) -> None:
        self.due = False
        self.off_on = today

    def resume(self, now: float) -> None:
        self.off_on = None
        self.restart(now)

    def session_started(self) -> None:
        self.in_session = True
        self.due = False

    def session_ended(self, now: float) -> None:
        """Exercising counts as a break: sitting starts again from here."""
        self.in_session = False
        self.restart(now)

    def set_interval(self, interval_s: float) -> None:
        self.interval_s = interval_s
        if not self.snoozed and not self.due:
            self.deadline = self.sitting_since + interval_s

    def set_enabled(self, enabled: bool, now: float) -> None:
        if enabled and not self.enabled:
            self.restart(now)
        self.enabled = enabled
        if not enabled:
            self.due = False


class ReminderService(QObject):
    """Reminds a person to stand up every REMINDER_INTERVAL_MIN minutes of sitting.

    Where the desktop has a system tray, a tray icon carries the menu and pops a notification;
    the in-app ReminderBanner shows the same choices either way.
    """

    reminder_due = Signal()
    #: The reminder was answered, or is no longer due (a session started, reminders off).
    reminder_cleared = Signal()
    #: Start the two-minute standing routine BREAK_ROUTINE_ID.
    start_break_requested = Signal()
    show_window_requested = Signal()
    state_changed = Signal()

    def __init__(
        self,
        settings: Settings,
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], dt.datetime] = local_now,
        use_tray: bool | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._clock = clock
        self._wall_clock = wall_clock
        self.schedule = ReminderSchedule(
            interval_s=settings.get(REMINDER_INTERVAL_MIN) * 60.0,
            enabled=settings.get(REMINDERS),
        )
        self._timer = QTimer(self)
        self._timer.setObjectName("reminder_timer")
        self._timer.setSingleShot(True)
        # A reminder a few seconds late is fine; the coarse timer saves wake-ups.
        self._timer.setTimerType(Qt.TimerType.CoarseTimer)
        self._timer.timeout.connect(self.check)

        self.start_break_action = QAction(self.tr("Start two-minute standing break"), self)
        self.snooze_action = QAction(self.tr("Snooze 10 min"), self)
        self.skip_action = QAction(self.tr("Skip this one"), self)
        self.not_today_action = QAction(self.tr("Not today"), self)
        self.resume_action = QAction(self.tr("Resume reminders"), self)
        self.open_action = QAction(self.tr("Open Gluteapp"), self)
        self.start_break_action.triggered.connect(self.start_break)
        self.snooze_action.triggered.connect(self.snooze)
        self.skip_action.triggered.connect(self.skip)
        self.not_today_action.triggered.connect(self.not_today)
        self.resume_action.triggered.connect(self.resume)
        self.open_action.triggered.connect(self.show_window_requested)

        if use_tray is None:
            use_tray = QSystemTrayIcon.isSystemTrayAvailable()
        self.tray: QSystemTrayIcon | None = None
        self._menu: QMenu | None = None
        if use_tray:
            self._build_tray()
        settings.changed.connect(self._on_setting_changed)
        self._update_actions()

    # --- tray ------------------------------------------------------------------------------
    def _build_tray(self) -> None:
        from gluteapp.gui import resources

        menu = QMenu()
        menu.setObjectName("reminder_menu")
        for action in (self.open_action, None, self.start_break_action, self.snooze_action,
                       self.skip_action, self.not_today_action, self.resume_action):
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        tray = QSystemTrayIcon(resources.icon("app.svg"), self)
        tray.setContextMenu(menu)
        tray.activated.connect(self._on_tray_activated)
        tray.messageClicked.connect(self.show_window_requested)
        self._menu = menu
        self.tray = tray

    def _on_tray_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger,
                      QSystemTrayIcon.ActivationReason.DoubleClick):
            self.show_window_requested.emit()

    @property
    def uses_tray(self) -> bool:
        return self.tray is not None

    def menu_actions(self) -> list[QAction]:
        """The choices offered in the tray menu (and, as buttons, in the banner)."""
        return [self.start_break_action, self.snooze_action, self.skip_action,
                self.not_today_action, self.resume_action]

    # --- lifecycle -------------------------------------------------------------------------
    def start(self) -> None:
        """Start counting sitting time from now; call once the main window is up."""
        self.schedule.start(self._clock())
        if self.tray is not None and self.schedule.enabled:
            self.tray.show()
        self._after_change()

    def shutdown(self) -> None:
        """Stop the timer and remove the tray icon (at quit, or in tests)."""
        self._timer.stop()
        if self.tray is not None:
            self.tray.hide()
        if self._menu is not None:
            self._menu.deleteLater()
            self._menu = None

    def session_started(self) -> None:
        """A session is running: no reminders until it ends."""
        was_due = self.schedule.due
        self.schedule.session_started()
        self._after_change(cleared=was_due)

    def session_ended(self) -> None:
        self.schedule.session_ended(self._clock())
        self._after_change()

    # --- the choices -----------------------------------------------------------------------
    def start_break(self) -> None:
        log.info("standing break started from a reminder")
        was_due = self.schedule.due
        self.schedule.take_break(self._clock())
        self._after_change(cleared=was_due)
        self.start_break_requested.emit()

    def snooze(self) -> None:
        was_due = self.schedule.due
        self.schedule.snooze(self._clock())
        self._after_change(cleared=was_due)

    def skip(self) -> None:
        was_due = self.schedule.due
        self.schedule.skip(self._clock())
        self._after_change(cleared=was_due)

    def not_today(self) -> None:
        was_due = self.schedule.due
        self.schedule.not_today(self._wall_clock().date())
        self._after_change(cleared=was_due)

    def resume(self) -> None:
        self.schedule.resume(self._clock())
        self._after_change()

    # --- state -----------------------------------------------------------------------------
    @property
    def is_due(self) -> bool:
        return self.schedule.due

    @property
    def is_off_today(self) -> bool:
        return self.schedule.off_on is not None

    def remaining_s(self) -> float | None:
        return self.schedule.remaining_s(self._clock())

    def sitting_minutes(self) -> int:
        return round(self.schedule.sitting_s(self._clock()) / 60)

    def check(self) -> None:
        """Ask the schedule whether a reminder is due now, and plan the next look."""
        if self.schedule.poll(self._clock(), self._wall_clock().date()):
            log.info("sitting-break reminder due")
            self._update_actions()
            self._notify()
            self.reminder_due.emit()
            self.state_changed.emit()
        self._plan_next_check()

    def _after_change(self, *, cleared: bool = False) -> None:
        self._update_actions()
        if cleared:
            self.reminder_cleared.emit()
        self.state_changed.emit()
        self.check()

    def _plan_next_check(self) -> None:
        schedule = self.schedule
        if not schedule._started or not schedule.enabled or schedule.in_session or schedule.due:
            self._timer.stop()
            return
        remaining = schedule.remaining_s(self._clock())
        wait_s = MAX_WAIT_S if remaining is None else min(max(remaining, 0.5), MAX_WAIT_S)
        self._timer.start(round(wait_s * 1000))

    def _update_actions(self) -> None:
        schedule = self.schedule
        self.snooze_action.setEnabled(schedule.due)
        self.skip_action.setEnabled(schedule.enabled and not schedule.in_session)
        self.not_today_action.setVisible(schedule.off_on is None)
        self.not_today_action.setEnabled(schedule.enabled)
        self.resume_action.setVisible(schedule.off_on is not None)
        self.start_break_action.setEnabled(not schedule.in_session)
        if self.tray is not None:
            self.tray.setToolTip(self.status_text())

    def status_text(self) -> str:
        """One line for the tray tooltip: what the reminders are doing."""
        schedule = self.schedule
        if not schedule.enabled:
            return self.tr("Gluteapp: break reminders are off")
        if schedule.in_session:
            return self.tr("Gluteapp: session running")
        if schedule.off_on is not None:
            return self.tr("Gluteapp: no more reminders today")
        if schedule.due:
            return self.tr("Gluteapp: time to stand up")
        remaining = schedule.remaining_s(self._clock())
        minutes = max(1, round((remaining or 0) / 60))
        return self.tr("Gluteapp: next break in %n min", "", minutes)

    def _notify(self) -> None:
        """Tell the desktop too: the window may be hidden behind others.

        Outside a sandbox the tray icon shows the message (a click on it opens the window);
        in a Flatpak, or with no tray, the desktop portal or the notification service does.
        """
        from gluteapp.gui.desktop_bus import in_sandbox

        title = self.tr("Time to stand up")
        body = self.tr("You have been sitting for %n minutes. A two-minute standing break?",
                       "", self.sitting_minutes())
        if self.tray is not None and QSystemTrayIcon.supportsMessages() and not in_sandbox():
            self.tray.showMessage(title, body, self.tray.icon(), 20_000)
            return
        # A desktop slow to answer must not freeze the window: the call waits in a thread.
        threading.Thread(target=_notify_desktop, args=(title, body), daemon=True,
                         name="reminder-notification").start()

    def _on_setting_changed(self, key: str) -> None:
        now = self._clock()
        if key == REMINDERS.key:
            was_due = self.schedule.due
            enabled = self._settings.get(REMINDERS)
            self.schedule.set_enabled(enabled, now)
            if self.tray is not None and self.schedule._started:
                self.tray.setVisible(enabled)
            self._after_change(cleared=was_due and not enabled)
        elif key == REMINDER_INTERVAL_MIN.key:
            self.schedule.set_interval(self._settings.get(REMINDER_INTERVAL_MIN) * 60.0)
            self._after_change()


def _notify_desktop(title: str, body: str) -> None:
    from gluteapp.gui.desktop_bus import BusError, notify

    try:
        log.info("reminder notification %s", notify(title, body))
    except BusError as error:
        log.info("no desktop notification for the reminder: %s", error)


class PromptBanner(QFrame):
    """A gentle prompt across the top of the main window, shown while its reminder is due:
    a bold title, a message, and a row of answers; announced to screen readers when it comes,
    and tinted towards the accent colour (following a change of theme)."""

    def __init__(self, name: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

        self.title = QLabel(title)
        title_font = self.title.font()
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.15)
        self.title.setFont(title_font)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self._buttons = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.title)
        text.addWidget(self.message)
        layout.addLayout(text)
        layout.addLayout(self._buttons)
        self._tint()

    def add_answers(self, *answers: tuple[QPushButton, Callable[[], object]]) -> None:
        """The answers in a row, the first the default; each button calls its slot."""
        for index, (button, slot) in enumerate(answers):
            button.setDefault(index == 0)
            button.clicked.connect(slot)
            self._buttons.addWidget(button)
        self._buttons.addStretch(1)

    def follow(self, due: SignalInstance, cleared: SignalInstance, is_due: bool) -> None:
        """Come when `due` is emitted, go when `cleared` is; shown now if already due."""
        due.connect(self._on_due)
        cleared.connect(self.hide)
        self.setVisible(is_due)
        if is_due:
            self._update_message()

    def _update_message(self) -> None:
        raise NotImplementedError

    def _tint(self) -> None:
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Window)
        accent = palette.color(QPalette.ColorRole.Highlight)
        amount = 0.18
        tint = QColor.fromRgbF(
            base.redF() + (accent.redF() - base.redF()) * amount,
            base.greenF() + (accent.greenF() - base.greenF()) * amount,
            base.blueF() + (accent.blueF() - base.blueF()) * amount,
        )
        palette.setColor(QPalette.ColorRole.Window, tint)
        self.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            # The tint follows a theme switch: start again from the new window colour.
            self.setPalette(QPalette())
            self._tint()

    def _on_due(self) -> None:
        self._update_message()
        self.show()
        QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.Alert))


class ReminderBanner(PromptBanner):
    """The sitting-break reminder's prompt."""

    def __init__(self, service: ReminderService, parent: QWidget | None = None) -> None:
        super().__init__("reminder_banner", "", parent)
        self._service = service
        self.title.setText(self.tr("Time to stand up"))
        self.setAccessibleName(self.tr("Break reminder"))
        self.start_button = QPushButton(self.tr("Start two-minute standing break"))
        self.snooze_button = QPushButton(self.tr("Snooze 10 min"))
        self.skip_button = QPushButton(self.tr("Skip this one"))
        self.not_today_button = QPushButton(self.tr("Not today"))
        self.add_answers((self.start_button, service.start_break),
                         (self.snooze_button, service.snooze),
                         (self.skip_button, service.skip),
                         (self.not_today_button, service.not_today))
        self.follow(service.reminder_due, service.reminder_cleared, service.is_due)

    def _update_message(self) -> None:
        minutes = self._service.sitting_minutes()
        self.message.setText(
            self.tr("You have been sitting for %n minutes. Stand up and move for two minutes: "
                    "long sitting lets the glutes go quiet.", "", minutes)
        )


def install_reminders(settings: Settings, window: QWidget, add_banner: Callable[[QWidget], None],
                      start_break: Callable[[], None],
                      bring_to_front: Callable[[], None]) -> ReminderService:
    """Sitting-break reminders for this window: a banner over its areas, started now.

    The reminders stop when the application quits (their tray icon goes with them).
    """
    reminders = ReminderService(settings, window)
    add_banner(ReminderBanner(reminders))
    reminders.start_break_requested.connect(start_break)
    reminders.show_window_requested.connect(bring_to_front)
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(reminders.shutdown)
    reminders.start()
    return reminders
