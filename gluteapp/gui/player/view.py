"""The session player: a countdown readable from the mat, the phase in words, and big controls."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QHideEvent, QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSlider,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gluteapp.core.engine import (
    Event,
    PhaseStarted,
    SessionFinished,
    SetCompleted,
)
from gluteapp.core.exercises import Exercise, Library
from gluteapp.core.player_display import (
    Dose,
    DoseUnit,
    NextUp,
    NumberUnit,
    PlayerDisplay,
    RingCaption,
    display_for,
)
from gluteapp.core.records import Side
from gluteapp.gui.player.countdown import PHASE_COLOURS, CountdownRing, format_seconds
from gluteapp.gui.player.rating import RatingPanel
from gluteapp.gui.player.runner import SessionRunner
from gluteapp.gui.player.summary import SessionSummary
from gluteapp.gui.settings import WEAKER_SIDE, tr_setting
from gluteapp.gui.words import phase_words as phase_words

log = logging.getLogger(__name__)

#: "Left" and "Right", as the weaker-side setting declares them; shown through `tr_setting`.
SIDE_WORDS = {side: WEAKER_SIDE.choice_label(side.value) for side in (Side.LEFT, Side.RIGHT)}


#: How long the ring glows for a cue.
FLASH_MS = 180


def _side_word(side: Side) -> str:
    """'Left' or 'Right' in the UI language."""
    return tr_setting(SIDE_WORDS[side])


def _px(height: int, share: float, low: int, high: int) -> int:
    return max(low, min(high, int(height * share)))


class StopPanel(QFrame):
    """The 'it hurts' path: pause, show the cautions, offer a way out."""

    skip_exercise = Signal()
    end_session = Signal()
    carry_on = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stop_panel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(self.tr("Stop and rest"))
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.title.setFont(font)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.skip_button = QPushButton(self.tr("Skip this exercise"))
        self.skip_button.setAccessibleName(self.tr("Skip this exercise"))
        self.end_button = QPushButton(self.tr("End the session"))
        self.end_button.setAccessibleName(self.tr("End the session"))
        self.carry_button = QPushButton(self.tr("It has eased, carry on"))
        self.carry_button.setAccessibleName(self.tr("It has eased, carry on"))
        self.skip_button.clicked.connect(self.skip_exercise)
        self.end_button.clicked.connect(self.end_session)
        self.carry_button.clicked.connect(self.carry_on)
        buttons = QHBoxLayout()
        for button in (self.skip_button, self.end_button, self.carry_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addLayout(buttons)

    def show_for(self, exercise: Exercise | None) -> None:
        lines = [self.tr("Pain is a signal to stop, not to push through.")]
        if exercise is not None:
            lines += [f"• {caution}" for caution in exercise.cautions]
            if exercise.easier:
                easier = exercise.easier[0]
                lines.append(self.tr("Next time, try the easier version: {0}. {1}").format(
                    easier.name, easier.how))
        lines.append(self.tr(
            "If the pain is sharp, spreads down a leg, or does not settle with rest, end the "
            "session and talk to your doctor or physiotherapist."))
        self.text.setText("\n".join(lines))


class PlayerView(QWidget):
    """Shows one running session; the person can follow it without touching the screen."""

    set_completed = Signal(object)  # SetCompleted
    session_finished = Signal(object)  # SessionFinished
    session_started = Signal()
    events_emitted = Signal(object)  # list[Event], for the cue player
    rating_given = Signal(object, object)  # (SetCompleted, SetRating)
    mute_toggled = Signal(bool)
    volume_changed = Signal(int)  # percent
    leave_requested = Signal()  # back to the routine list
    history_requested = Signal()

    def __init__(self, runner: SessionRunner, library: Library,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("player_view")
        # The player takes keyboard focus so Space, the arrows and Esc reach its shortcuts.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.runner = runner
        self.library = library
        self.session = runner.session
        self._confirm: QMessageBox | None = None
        self._on_screen = False  # between showEvent and hideEvent
        self._accent_key: str | None = None  # the accent the phase words' style sheet has

        self.pages = QStackedWidget()
        self.player_page = QWidget()
        self.summary = SessionSummary(library)
        self.pages.addWidget(self.player_page)
        self.pages.addWidget(self.summary)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)

        # --- header: routine, exercise x of y, overall progress
        self.routine_label = QLabel(self.session.routine.name)
        self.routine_label.setObjectName("routine_label")
        self.position_label = QLabel()
        self.position_label.setObjectName("position_label")
        self.position_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(10)
        self.progress.setAccessibleName(self.tr("Session progress"))
        header = QHBoxLayout()
        header.addWidget(self.routine_label, 1)
        header.addWidget(self.position_label)

        # --- centre: ring on the left, words on the right
        self.ring = CountdownRing()
        self._flash_timer = QTimer(self)
        self._flash_timer.setObjectName("player_flash_timer")
        self._flash_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.setInterval(FLASH_MS)
        self._flash_timer.timeout.connect(lambda: self.ring.set_flash(False))
        self.exercise_label = QLabel()
        self.exercise_label.setObjectName("exercise_label")
        self.exercise_label.setWordWrap(True)
        self.phase_label = QLabel()
        self.phase_label.setObjectName("phase_label")
        self.phase_label.setWordWrap(True)
        self.detail_label = QLabel()
        self.detail_label.setObjectName("detail_label")
        self.detail_label.setWordWrap(True)
        self.tip_label = QLabel()
        self.tip_label.setObjectName("tip_label")
        self.tip_label.setWordWrap(True)
        self.next_label = QLabel()
        self.next_label.setObjectName("next_label")
        self.next_label.setWordWrap(True)
        self.done_button = QPushButton(self.tr("Done"))
        self.done_button.setObjectName("done_button")
        self.done_button.setAccessibleName(self.tr("Done with this set (Enter)"))
        self.done_button.setMinimumHeight(56)
        self.done_button.clicked.connect(lambda: self.runner.done())
        self.rating = RatingPanel()
        self.rating.hide()
        self.stop_panel = StopPanel()
        self.stop_panel.hide()
        self.stop_panel.skip_exercise.connect(self._stop_skip)
        self.stop_panel.end_session.connect(self._stop_end)
        self.stop_panel.carry_on.connect(self._stop_carry_on)

        words = QVBoxLayout()
        words.setSpacing(8)
        words.addStretch(1)
        words.addWidget(self.exercise_label)
        words.addWidget(self.phase_label)
        words.addWidget(self.detail_label)
        words.addWidget(self.done_button, alignment=Qt.AlignmentFlag.AlignLeft)
        words.addWidget(self.tip_label)
        words.addWidget(self.next_label)
        words.addStretch(1)
        words.addWidget(self.stop_panel)
        words.addWidget(self.rating)
        centre = QHBoxLayout()
        centre.setSpacing(32)
        centre.addWidget(self.ring, 5)
        centre.addLayout(words, 6)

        # --- controls
        self.back_button = self._button(self.tr("◀ Back"), self.tr("Back (Left arrow)"),
                                        self.runner.back)
        self.play_button = self._button(self.tr("Start"), self.tr("Start or pause (Space)"),
                                        self.runner.toggle)
        self.play_button.setObjectName("play_button")
        self.skip_button = self._button(self.tr("Skip ▶"), self.tr("Skip (Right arrow)"),
                                        self.runner.skip)
        self.shorter_button = self._button(self.tr("−15 s"), self.tr("Shorten rest by 15 seconds"),
                                           lambda: self.runner.shorten_rest(15))
        self.longer_button = self._button(self.tr("+15 s"), self.tr("Add 15 seconds of rest (+)"),
                                          lambda: self.runner.extend_rest(15))
        self.hurts_button = self._button(self.tr("It hurts"), self.tr("It hurts: stop and rest"),
                                         self.show_stop_panel)
        self.hurts_button.setObjectName("hurts_button")
        self.end_button = self._button(self.tr("End"), self.tr("End the session (Esc)"),
                                       self.confirm_end)
        self.fullscreen_button = self._button(self.tr("Full screen"),
                                              self.tr("Full screen (F)"), self.toggle_fullscreen)
        self.mute_button = self._button(self.tr("Sound on"), self.tr("Mute or unmute (M)"),
                                        self.toggle_mute)
        self.mute_button.setCheckable(True)
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setMinimumWidth(70)
        self.volume.setMaximumWidth(120)
        self.volume.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.volume.setAccessibleName(self.tr("Volume"))
        self.volume.setToolTip(self.tr("Volume"))
        self.volume.valueChanged.connect(self.volume_changed)
        # Two groups: moving through the session, and sound / stopping. Side by side on a wide
        # window, stacked on a narrow one (see _apply_sizes) so nothing is squeezed off.
        moving = QHBoxLayout()
        moving.setSpacing(10)
        for button in (self.back_button, self.play_button, self.skip_button):
            moving.addWidget(button)
        moving.addSpacing(12)
        moving.addWidget(self.shorter_button)
        moving.addWidget(self.longer_button)
        moving.addStretch(1)
        stopping = QHBoxLayout()
        stopping.setSpacing(10)
        stopping.addStretch(1)
        stopping.addWidget(self.mute_button)
        stopping.addWidget(self.volume)
        stopping.addSpacing(12)
        for button in (self.hurts_button, self.end_button, self.fullscreen_button):
            stopping.addWidget(button)
        controls = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        controls.setSpacing(10)
        controls.addLayout(moving, 1)
        controls.addLayout(stopping, 1)
        self.controls = controls

        page = QVBoxLayout(self.player_page)
        page.setContentsMargins(24, 16, 24, 16)
        page.setSpacing(12)
        page.addLayout(header)
        page.addWidget(self.progress)
        page.addLayout(centre, 1)
        page.addLayout(controls)

        self._shortcuts()
        self.summary.leave_requested.connect(self.leave_requested)
        self.summary.history_requested.connect(self.history_requested)
        self.rating.rated.connect(self._on_rated)
        self.runner.events.connect(self._on_events)
        self.runner.updated.connect(self._on_updated)
        self._apply_sizes()
        self.refresh()

    # --- construction helpers ---------------------------------------------------------------
    def _button(self, text: str, name: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.setToolTip(name)
        button.setMinimumHeight(48)
        # Space and the arrows belong to the player, not to whichever button had focus.
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(slot)
        return button

    def _shortcuts(self) -> None:
        bindings = [
            (Qt.Key.Key_Space, self.runner.toggle),
            (Qt.Key.Key_Right, self.runner.skip),
            (Qt.Key.Key_Left, self.runner.back),
            (Qt.Key.Key_Plus, lambda: self.runner.extend_rest(15)),
            (Qt.Key.Key_Equal, lambda: self.runner.extend_rest(15)),
            (Qt.Key.Key_Minus, lambda: self.runner.shorten_rest(15)),
            (Qt.Key.Key_Escape, self.confirm_end),
            (Qt.Key.Key_F, self.toggle_fullscreen),
            (Qt.Key.Key_M, self.toggle_mute),
            (Qt.Key.Key_Return, self._enter),
            (Qt.Key.Key_Enter, self._enter),
        ]
        self.shortcuts: list[QShortcut] = []
        for key, slot in bindings:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            self.shortcuts.append(shortcut)

    def _enter(self) -> None:
        if self.session.is_started and not self.session.phase.kind.is_timed:
            self.runner.done()

    # --- reacting to the session ------------------------------------------------------------
    def _on_events(self, events: list[Event]) -> None:
        self.events_emitted.emit(events)
        for event in events:
            if isinstance(event, SetCompleted):
                self.set_completed.emit(event)
                self._offer_rating(event)
            elif isinstance(event, PhaseStarted) and event.phase.kind.is_work:
                self.rating.commit()
                self.rating.hide()
            elif isinstance(event, SessionFinished):
                self.rating.commit()
                self.summary.show_result(event, self.session)
                self.pages.setCurrentWidget(self.summary)
                self.session_finished.emit(event)
                self._leave_fullscreen()

    def _offer_rating(self, completed: SetCompleted) -> None:
        name = self.library.name_of(completed.exercise_id)
        side = tr_setting(SIDE_WORDS.get(completed.side, ""))
        label = f"{name}, set {completed.set_number}" + (f", {side.lower()}" if side else "")
        if not self.stop_panel.isVisible():
            self.rating.show()
        if completed.achieved_hold_s is not None:
            self.rating.offer(completed, "s", round(completed.achieved_hold_s), label)
        else:
            self.rating.offer(completed, "reps", completed.achieved_reps or 0, label)

    def _on_rated(self, key: object, rating: object) -> None:
        self.rating_given.emit(key, rating)
        pain = getattr(rating, "pain", None)
        if pain is not None and pain >= 5:
            self.show_stop_panel()

    def refresh(self) -> None:
        """Redraw everything from the engine's state at the current time."""
        self.paint(display_for(self.session, self.runner.clock(), self.library))

    def _on_updated(self) -> None:
        # A hidden player draws nothing; showEvent paints the state it comes back to.
        if self._on_screen:
            self.refresh()

    def paint(self, display: PlayerDisplay) -> None:
        """Show `display`: only turns its numbers, enums and ids into words and widgets."""
        self._paint_header(display)
        label = self._phase_text(display)
        self.ring.set_state(self._number_text(display), display.fraction, display.accent,
                            self._caption_text(display, label))
        self.phase_label.setText(label)
        if display.accent != self._accent_key:
            # Re-polishing a style sheet costs about ten times a whole repaint; only on change.
            self._accent_key = display.accent
            self.phase_label.setStyleSheet(f"color: {self._accent(display.accent)};")
        self._paint_words(display)
        self._paint_controls(display)

    def _paint_header(self, display: PlayerDisplay) -> None:
        self.play_button.setText(
            self.tr("Start") if not display.started
            else self.tr("Resume") if display.paused else self.tr("Pause"))
        self.position_label.setText(self.tr("Exercise {0} of {1}").format(
            display.step_number, display.step_count))
        self.progress.setValue(int(display.progress * 1000))

    def _paint_words(self, display: PlayerDisplay) -> None:
        exercise = self.library.get(display.exercise_id) if display.exercise_id else None
        variation = display.variation
        if exercise is not None and variation is not None:
            self.exercise_label.setText(self.tr("{0}: {1}").format(exercise.name, variation.name))
        else:
            self.exercise_label.setText(exercise.name if exercise else "")
        self.detail_label.setText(self._detail_text(display))
        if variation is not None:
            self.tip_label.setText(self.tr("Today's version: {0}").format(variation.how))
        else:
            self.tip_label.setText(
                self.tr("Tip: {0}").format(exercise.tips[0]) if exercise and exercise.tips else "")
        self.next_label.setText(self._next_text(display))

    def _paint_controls(self, display: PlayerDisplay) -> None:
        self.done_button.setVisible(display.awaits_done)
        self.longer_button.setEnabled(display.can_adjust_rest)
        self.shorter_button.setEnabled(display.can_adjust_rest)
        self.skip_button.setEnabled(display.can_move)
        self.back_button.setEnabled(display.can_move)

    def _phase_text(self, display: PlayerDisplay) -> str:
        if not display.started:
            return self.tr("Press Start")
        return phase_words(display.phase, display.sub_phase, self.library)

    @staticmethod
    def _number_text(display: PlayerDisplay) -> str:
        if display.number is None:
            return ""
        if display.number_unit is NumberUnit.SECONDS:
            return format_seconds(display.number)
        return str(display.number)

    def _caption_text(self, display: PlayerDisplay, phase_text: str) -> str:
        caption = display.caption
        if caption is RingCaption.PAUSED:
            return self.tr("Paused")
        if caption is RingCaption.REP_OF:
            return self.tr("Rep {0} of {1}").format(display.rep_number, display.rep_count)
        if caption is RingCaption.SIDE and display.work_side is not None:
            return self.tr("{0} side").format(_side_word(display.work_side))
        if caption is RingCaption.SECONDS:
            return self.tr("seconds")
        if caption is RingCaption.REST:
            return self.tr("Rest")
        if caption is RingCaption.SWITCH:
            return self.tr("Switch")
        if caption is RingCaption.GET_READY:
            return self.tr("Get ready")
        if caption is RingCaption.REPS:
            return self.tr("reps")
        if caption is RingCaption.STEPS_EACH_WAY:
            return self.tr("steps each way")
        return phase_text

    def _detail_text(self, display: PlayerDisplay) -> str:
        details = []
        if display.set_number:
            details.append(self.tr("Set {0} of {1}").format(display.set_number,
                                                             display.set_count))
            if display.last_set:
                details.append(self.tr("last set"))
        if display.work_side is not None:
            details.append(self.tr("{0} side").format(_side_word(display.work_side)))
        if display.hold_s:
            details.append(self.tr("hold {0} s").format(display.hold_s))
        if display.tempo is not None:
            details.append(self.tr("tempo {0}").format(str(display.tempo)))
        return " · ".join(details)

    def _next_text(self, display: PlayerDisplay) -> str:
        up = display.next_up
        if up is NextUp.NEXT_SET:
            return self.tr("Next: set {0} of {1}").format(display.next_set_number,
                                                          display.next_set_count)
        coming = self.library.get(display.next_exercise_id or "")
        name = coming.name if coming else ""
        if up is NextUp.NEXT_EXERCISE:
            return self.tr("Next: {0}").format(name)
        if up is NextUp.COMING_UP:
            return self.tr("Coming up: {0}, {1}").format(name, self._dose_text(display.next_dose))
        if up is NextUp.LAST_EXERCISE:
            return self.tr("Last exercise")
        return ""

    def _dose_text(self, dose: Dose | None) -> str:
        if dose is None:
            return ""
        if dose.unit is DoseUnit.HOLD_S:
            amount = self.tr("{0} s hold").format(dose.amount)
        elif dose.unit is DoseUnit.STEPS:
            amount = self.tr("{0} steps").format(dose.amount)
        else:
            amount = self.tr("{0} reps").format(dose.amount)
        text = self.tr("{0} x {1}").format(dose.sets, amount)
        if dose.extra_side is not None:
            text += self.tr(", plus one set for the {0} side").format(
                _side_word(dose.extra_side).lower())
        return text

    @staticmethod
    def _accent(accent: str) -> str:
        return PHASE_COLOURS.get(accent, PHASE_COLOURS["work"])

    # --- showing and hiding -----------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._on_screen = True
        self.runner.set_animating(True)
        self.refresh()  # once, for whatever changed while hidden
        if self.ring.is_flashing():
            self._flash_timer.start()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        # Also a spontaneous hide (the window minimised): nothing of the player is seen.
        super().hideEvent(event)
        self._on_screen = False
        self._flash_timer.stop()
        self.runner.set_animating(False)  # cues and whole seconds still wake it

    # --- sound ------------------------------------------------------------------------------
    def toggle_mute(self) -> None:
        # A click has already flipped the checkable button; the M key has not.
        sender_is_button = self.sender() is self.mute_button
        self.set_muted(self.mute_button.isChecked() if sender_is_button
                       else not self.mute_button.isChecked())

    def set_muted(self, muted: bool, notify: bool = True) -> None:
        self.mute_button.setChecked(muted)
        self.mute_button.setText(self.tr("Muted") if muted else self.tr("Sound on"))
        if notify:
            self.mute_toggled.emit(muted)

    def set_volume(self, percent: int) -> None:
        self.volume.blockSignals(True)
        self.volume.setValue(percent)
        self.volume.blockSignals(False)

    def flash(self, _cue: str = "") -> None:
        """Every cue also flashes the ring, so a muted or silent machine still shows it."""
        if not self._on_screen:
            return  # nobody sees it, and a hidden player runs no timers
        self.ring.set_flash(True)
        self._flash_timer.start()

    # --- the stop path and ending -----------------------------------------------------------
    def show_stop_panel(self) -> None:
        if self.session.is_started and not self.session.is_paused:
            self.runner.pause()
        phase = self.session.phase
        self.stop_panel.show_for(self.library.get(phase.exercise_id or ""))
        self.rating.hide()
        self.stop_panel.show()

    def _close_stop_panel(self) -> None:
        self.stop_panel.hide()
        if self.rating.pending_key() is not None:
            self.rating.show()

    def _stop_skip(self) -> None:
        self._close_stop_panel()
        self.runner.skip_exercise()

    def _stop_end(self) -> None:
        self._close_stop_panel()
        self.runner.end_early()

    def _stop_carry_on(self) -> None:
        self._close_stop_panel()
        if self.session.is_paused:
            self.runner.resume()

    def confirm_end(self) -> None:
        """Esc: ask before ending; the session keeps running while the question is open."""
        if self.session.is_finished:
            self.leave_requested.emit()
            return
        if not self.session.is_started:
            self.leave_requested.emit()
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("End the session?"),
                          self.tr("End the session now? The sets you finished are saved."),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda result: self._end_answered(result))
        self._confirm = box
        box.open()

    def _end_answered(self, result: int) -> None:
        self._confirm = None
        if result == QMessageBox.StandardButton.Yes:
            self.runner.end_early()

    def toggle_fullscreen(self) -> None:
        window = self.window()
        if window.isFullScreen():
            window.showNormal()
        else:
            window.showFullScreen()

    def _leave_fullscreen(self) -> None:
        if self.window().isFullScreen():
            self.window().showNormal()

    # --- sizing -----------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._apply_sizes()

    def _apply_sizes(self) -> None:
        self.controls.setDirection(
            QBoxLayout.Direction.TopToBottom if self.width() < 1100
            else QBoxLayout.Direction.LeftToRight)
        # Scale with the smaller of height and (a share of) width, so narrow windows fit too.
        height = max(min(self.height(), int(self.width() * 0.62)), 420)
        for label, share, low, high, bold in (
            (self.exercise_label, 0.05, 20, 72, True),
            (self.phase_label, 0.085, 28, 120, True),
            (self.detail_label, 0.036, 16, 48, False),
            (self.tip_label, 0.024, 13, 30, False),
            (self.next_label, 0.028, 14, 36, False),
            (self.routine_label, 0.026, 14, 30, True),
            (self.position_label, 0.024, 13, 28, False),
        ):
            font = QFont(label.font())
            font.setPixelSize(_px(height, share, low, high))
            font.setBold(bold)
            label.setFont(font)
        button_font = QFont(self.play_button.font())
        button_font.setPixelSize(_px(height, 0.022, 13, 26))
        for button in self.findChildren(QPushButton):
            if button.parent() is not self.rating and button.focusPolicy() == (
                    Qt.FocusPolicy.NoFocus):
                button.setFont(button_font)
                button.setMinimumHeight(_px(height, 0.06, 44, 72))
        done_font = QFont(button_font)
        done_font.setPixelSize(_px(height, 0.034, 16, 40))
        done_font.setBold(True)
        self.done_button.setFont(done_font)
        self.done_button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.done_button.setMinimumWidth(_px(height, 0.25, 160, 360))
