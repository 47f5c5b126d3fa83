"""The session player, made to be followed from a mat three metres away.

What a person needs from the floor is drawn big and scales with the window: the countdown, the
phase in one or two words, the exercise, the side and what comes next; in the get-ready and the
rest before an exercise, its steps. Everything else (tip, controls, the rating) stays reachable
without crowding them. Every key works whatever was clicked last (window-wide shortcuts, and
clicks never take the keyboard focus), Tab reaches every control, and phase changes are announced
to a screen reader. What to show is decided in `gluteapp.core.player_display`; this only paints.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

import msgspec.structs
from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QCloseEvent,
    QColor,
    QFont,
    QHideEvent,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gluteapp.core.engine import (
    Event,
    PhaseKind,
    PhaseStarted,
    SessionFinished,
    SetCompleted,
)
from gluteapp.core.exercises import Exercise, Library
from gluteapp.core.player_display import (
    Dose,
    DoseUnit,
    HurtSubject,
    NextUp,
    NumberUnit,
    PlayerDisplay,
    RingCaption,
    display_for,
    hurt_subject,
)
from gluteapp.core.records import CompletedSet, Hurt, HurtChoice, Side
from gluteapp.core.routines import find_variation
from gluteapp.core.safety import AFTER_IT_HURTS, AfterPain, PainLevel, after_pain, pain_level
from gluteapp.gui.figure_player import BESIDE_MINIMUM, UNDER_MINIMUM, PlayerFigure
from gluteapp.gui.player.countdown import PHASE_COLOURS, CountdownRing, format_seconds
from gluteapp.gui.player.fit_label import FitLabel, WordsLayout
from gluteapp.gui.player.rating import TARGET_PX, RatingPanel
from gluteapp.gui.player.runner import SessionRunner
from gluteapp.gui.player.steps_label import StepsLabel
from gluteapp.gui.player.summary import SessionSummary
from gluteapp.gui.settings import WEAKER_SIDE, tr_setting
from gluteapp.gui.words import alternatives_text, hurt_text, safety_rule
from gluteapp.gui.words import phase_words as phase_words

log = logging.getLogger(__name__)

#: "Left" and "Right", as the weaker-side setting declares them; shown through `tr_setting`.
SIDE_WORDS = {side: WEAKER_SIDE.choice_label(side.value) for side in (Side.LEFT, Side.RIGHT)}


#: How long the ring glows for a cue.
FLASH_MS = 180

#: The smallest the steps are drawn, as a share of the scale: 31 px at 1280x800, whose capitals
#: (22 px) still read at 1/8 of the size, as from three metres; where they do not all fit at
#: that size they show a page at a time (see StepsLabel).
STEPS_FLOOR = 0.042

#: Text sizes as shares of the player's scale (the smaller of its height and 5/8 of its width,
#: so 735 px in a 1280x800 window): (target, smallest). At 1280x800 the phase word's capitals are
#: about 85 px high, the exercise and the side about 54 px, what comes next about 43 px.
SIZES: dict[str, tuple[float, float]] = {
    "phase": (0.160, 0.070),
    "exercise": (0.100, 0.065),
    "side": (0.100, 0.045),
    "next": (0.080, 0.036),
    "detail": (0.050, 0.026),
    "steps": (0.050, STEPS_FLOOR),
    "tip": (0.030, 0.020),
    "header": (0.026, 0.018),
    "button": (0.024, 0.018),
}

#: The share of the centre's width (against the countdown's 5 and the words' 6) a standing
#: figure beside the countdown takes. Narrower than the words: at 1280x800 a German phase word
#: of seven letters ("Wechsel") still needs some 500 px to stand 80 px high.
FIGURE_STRETCH = 2
#: A lying figure goes under the countdown where the centre is at least this share of the
#: scale high (360 px at 1280x800), so that the ring keeps two thirds of it: 240 px, its
#: digits some 70 px high, against 79 to 100 px beside a standing figure with the rating open.
#: Lower (a German name on two lines, and the rating open), the figure stands beside it.
UNDER_RING_FROM = 0.49

#: Below this height, while the steps of an exercise show, the rating folds to one line so
#: that the steps can be read (800x600: otherwise only the first step fits).
COMPACT_RATING_BELOW_PX = 720

#: The only keys the player has; each is also named on its control.
KEYS = {
    "toggle": Qt.Key.Key_Space,
    "skip": Qt.Key.Key_Right,
    "back": Qt.Key.Key_Left,
    "longer": Qt.Key.Key_Plus,
    "longer_too": Qt.Key.Key_Equal,
    "shorter": Qt.Key.Key_Minus,
    "end": Qt.Key.Key_Escape,
    "full_screen": Qt.Key.Key_F,
    "mute": Qt.Key.Key_M,
    "hurts": Qt.Key.Key_H,
    "next_steps": Qt.Key.Key_PageDown,
    "earlier_steps": Qt.Key.Key_PageUp,
    "enter": Qt.Key.Key_Return,
    "enter_too": Qt.Key.Key_Enter,
}


def _side_word(side: Side) -> str:
    """'Left' or 'Right' in the UI language."""
    return tr_setting(SIDE_WORDS[side])


#: While the steps show in a window too low for them (below COMPACT_RATING_BELOW_PX), the
#: phase word and the exercise name give them room: the ring says the phase as well.
TIGHT_SIZES: dict[str, tuple[float, float]] = {
    "phase": (0.100, 0.060),
    "exercise": (0.070, 0.045),
}


def _px(scale: int, name: str, tight: bool = False) -> tuple[int, int]:
    target, smallest = (TIGHT_SIZES.get(name) if tight else None) or SIZES[name]
    return max(11, round(scale * target)), max(10, round(scale * smallest))


#: The focus frame of the player's controls (see PlayerView._tab_order), each side in px.
FOCUS_BORDER_PX = 3
FOCUS_PADDING_PX = 4


class ControlButton(QPushButton):
    """A player control as wide as its text needs inside the focus frame, so that the control
    Tab has reached is never cut ("◀ Ba" at 1280x800)."""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self._widened(super().sizeHint())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self._widened(super().minimumSizeHint())

    def _widened(self, hint: QSize) -> QSize:
        text = self.fontMetrics().horizontalAdvance(self.text())
        needed = text + 2 * (FOCUS_BORDER_PX + FOCUS_PADDING_PX) + 4
        return QSize(max(hint.width(), needed), hint.height())


class ControlRows(QBoxLayout):
    """The player's groups of controls: side by side where the page is wide enough for all
    of them, one above the other where it is not.

    It asks for no more width than its widest group alone: side by side, German's controls
    at full screen on a 1280x800 screen wanted up to 1318 px, and a layout's minimum holds its
    window at least that wide, wider than the screen. Whether they fit is asked again at
    every layout, so a longer word ("Fortsetzen" for "Pause") stacks them too."""

    def __init__(self, *groups: QBoxLayout) -> None:
        super().__init__(QBoxLayout.Direction.LeftToRight)
        self.setSpacing(8)
        self.groups = groups
        for group in groups:
            self.addLayout(group, 1)

    def side_by_side_width(self) -> int:
        return (sum(group.minimumSize().width() for group in self.groups)
                + self.spacing() * (len(self.groups) - 1))

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt override
        size = super().minimumSize()
        return QSize(max(group.minimumSize().width() for group in self.groups), size.height())

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt override
        wanted = (QBoxLayout.Direction.LeftToRight if self.side_by_side_width() <= rect.width()
                  else QBoxLayout.Direction.TopToBottom)
        if self.direction() != wanted:
            self.setDirection(wanted)  # lays out again, with the height the new rows need
        super().setGeometry(rect)


class StopPanel(QFrame):
    """The 'it hurts' path: the session pauses, says what is noted, the cautions, a way out."""

    skip_exercise = Signal()
    end_session = Signal()
    carry_on = Signal()
    subject_answered = Signal(bool)  # asked "which exercise": True for the coming one

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stop_panel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(self.tr("Stop and rest"))
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self.title.setFont(font)
        self.subject = QLabel()
        self.subject.setObjectName("stop_subject")
        self.subject.setWordWrap(True)
        subject_font = self.subject.font()
        subject_font.setBold(True)
        self.subject.setFont(subject_font)
        self.coming_button = self._button("", self.tr("It was the coming exercise"))
        self.none_button = self._button(self.tr("Not during an exercise"),
                                        self.tr("Not during an exercise"))
        self.coming_button.clicked.connect(lambda: self.subject_answered.emit(True))
        self.none_button.clicked.connect(lambda: self.subject_answered.emit(False))
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # The rule, the next-time offer and the cautions outgrow an 800 x 600 window: they scroll.
        self.text_scroll = QScrollArea()
        self.text_scroll.setWidget(self.text)
        self.text_scroll.setWidgetResizable(True)
        self.text_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.text_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.skip_button = self._button(self.tr("Skip this exercise"),
                                        self.tr("Skip this exercise"))
        self.end_button = self._button(self.tr("End the session"), self.tr("End the session"))
        self.carry_button = self._button(self.tr("It has eased, carry on"),
                                         self.tr("It has eased, carry on"))
        self.skip_button.clicked.connect(self.skip_exercise)
        self.end_button.clicked.connect(self.end_session)
        self.carry_button.clicked.connect(self.carry_on)
        asking = QHBoxLayout()
        asking.addWidget(self.coming_button)
        asking.addWidget(self.none_button)
        asking.addStretch(1)
        buttons = QHBoxLayout()
        for button in (self.skip_button, self.end_button, self.carry_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.subject)
        layout.addLayout(asking)
        layout.addWidget(self.text_scroll, 1)
        layout.addLayout(buttons)

    @staticmethod
    def _button(text: str, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.setMinimumHeight(TARGET_PX)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        return button

    def show_for(self, exercise: Exercise | None, offer: AfterPain | None = None,
                 other_names: Sequence[str] = ()) -> None:
        """The safety rule's words on pain that stops a set, around this exercise's cautions and
        what to try next time: its easier version, or other exercises for the same muscle."""
        # The rule first, when to ask a professional included: on a small window the end of
        # the text is what scrolls out of sight.
        lines = [safety_rule(point) for point in AFTER_IT_HURTS]
        if offer is not None and offer.easier is not None:
            lines.append(self.tr("Next time, try the easier version: {0}. {1}").format(
                offer.easier.shown_name, offer.easier.how))
        elif offer is not None and offer.back_to_exercise and exercise is not None:
            lines.append(self.tr("Next time, go back to {0} itself.").format(exercise.name))
        if other_names:
            lines.append(alternatives_text(list(other_names)))
        if exercise is not None:
            lines += [f"• {caution}" for caution in exercise.cautions]
        self.text.setText("\n".join(lines))

    def set_subject(self, text: str, can_skip: bool) -> None:
        """Say what the 'It hurts' is noted for; skipping is offered when sets of it remain."""
        self.subject.setText(text)
        self.coming_button.hide()
        self.none_button.hide()
        self.skip_button.setVisible(can_skip)

    def ask(self, coming_name: str) -> None:
        """Nothing was worked yet: ask whether it was the coming exercise."""
        self.subject.setText(self.tr("Which exercise was it?"))
        self.coming_button.setText(coming_name)
        self.coming_button.setVisible(bool(coming_name))
        self.none_button.show()
        self.skip_button.hide()

    def first_choice(self) -> QPushButton:
        """The first answer or way out shown: where the keys go when the panel opens."""
        for button in (self.coming_button, self.none_button, self.skip_button, self.end_button):
            if not button.isHidden():
                return button
        return self.carry_button


class PlayerView(QWidget):
    """Shows one running session; the person can follow it without touching the screen."""

    set_completed = Signal(object)  # SetCompleted
    session_finished = Signal(object)  # SessionFinished
    events_emitted = Signal(object)  # list[Event], for the cue player
    rating_given = Signal(object, object)  # (SetCompleted, SetRating)
    mute_toggled = Signal(bool)
    volume_changed = Signal(int)  # percent
    leave_requested = Signal()  # back to the routine list
    history_requested = Signal()
    # An exercise id and the version done at this step ("" as described): open its page.
    exercise_page_requested = Signal(str, str)
    hurt_reported = Signal(object)  # HurtSubject, or None when it was not during an exercise
    hurt_resolved = Signal(str)  # the HurtChoice value the person chose
    announced = Signal(str)  # what was announced to a screen reader

    def __init__(self, runner: SessionRunner, library: Library,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("player_view")
        # The player itself takes the focus a click or a page change leaves behind.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.runner = runner
        self.library = library
        self.session = runner.session
        self._confirm: QMessageBox | None = None
        self._on_screen = False  # between showEvent and hideEvent
        self._accent_key: str | None = None  # the accent the phase words are painted in
        self._display: PlayerDisplay | None = None
        self._announced_phase: tuple[int, bool] | None = None
        self._home: tuple[QStackedWidget, int] | None = None  # where it sits when not full screen
        self._hurt: HurtSubject | None = None
        self._hurt_reported = False
        self._hurts: list[Hurt] = []  # this session's, for the summary
        #: An interrupted session picked up again: the sets saved before, which the summary
        #: counts with this run's (the controller sets them).
        self.earlier_sets: tuple[CompletedSet, ...] = ()
        #: Resumed after an interruption: only the part since then was timed.
        self.resumed = False
        self.last_announcement = ""
        self._showing_steps = False
        self._tight = False  # the steps show in a low window: see _fold_rating
        self._folding = False

        self.pages = QStackedWidget()
        self.player_page = QWidget()
        self.player_page.setObjectName("player_page")
        self.summary = SessionSummary(library)
        self.summary_rating = RatingPanel()
        self.summary_rating.setObjectName("summary_rating")
        self.summary_rating.hide()
        self.summary.add_panel(self.summary_rating)
        self.pages.addWidget(self.player_page)
        self.pages.addWidget(self.summary)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)

        self._build_header()
        self._build_centre()
        self._build_controls()
        page = QVBoxLayout(self.player_page)
        page.setContentsMargins(24, 8, 24, 10)
        page.setSpacing(6)
        page.addLayout(self.header)
        page.addWidget(self.progress)
        page.addWidget(self.exercise_label)
        page.addLayout(self.centre, 1)
        page.addWidget(self.tip_label)
        page.addWidget(self.rating)
        page.addLayout(self.controls)
        self._tab_order()

        self._shortcuts()
        self.summary.leave_requested.connect(self.leave_requested)
        self.summary.history_requested.connect(self.history_requested)
        self.rating.rated.connect(self._on_rated)
        self.summary_rating.rated.connect(self._on_rated)
        self.runner.events.connect(self._on_events)
        self.runner.updated.connect(self._on_updated)
        self._apply_sizes()
        self.refresh()

    # --- construction -----------------------------------------------------------------------
    def _build_header(self) -> None:
        self.routine_label = QLabel(self.session.routine.name)
        self.routine_label.setObjectName("routine_label")
        self.position_label = QLabel()
        self.position_label.setObjectName("position_label")
        self.position_label.setAlignment(Qt.AlignmentFlag.AlignRight
                                         | Qt.AlignmentFlag.AlignVCenter)
        self.library_button = self._button(
            self.tr("How to do it"), self.tr("Open this exercise in the library"),
            self._open_exercise_page)
        self.library_button.setObjectName("library_button")
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(8)
        self.progress.setAccessibleName(self.tr("Session progress"))
        self.header = QHBoxLayout()
        self.header.setSpacing(12)
        self.header.addWidget(self.routine_label, 1)
        self.header.addWidget(self.position_label)
        self.header.addWidget(self.library_button)

    def _build_centre(self) -> None:
        self.exercise_label = FitLabel(bold=True, max_lines=2)
        self.exercise_label.setObjectName("exercise_label")
        self.exercise_label.set_clickable(True)
        self.exercise_label.setToolTip(self.tr("Open this exercise in the library"))
        self.exercise_label.clicked.connect(self._open_exercise_page)
        self.ring = CountdownRing()
        self._flash_timer = QTimer(self)
        self._flash_timer.setObjectName("player_flash_timer")
        self._flash_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.setInterval(FLASH_MS)
        self._flash_timer.timeout.connect(lambda: self.ring.set_flash(False))
        # Where a figure of the exercise can stand beside the countdown; empty until one does.
        self.figure_slot = QVBoxLayout()
        self.figure_slot.setContentsMargins(0, 0, 0, 0)
        self.phase_label = FitLabel(bold=True, max_lines=2)
        self.phase_label.setObjectName("phase_label")
        self.side_label = FitLabel(bold=True)
        self.side_label.setObjectName("side_label")
        self.detail_label = FitLabel(max_lines=2)
        self.detail_label.setObjectName("detail_label")
        self.steps_label = StepsLabel()
        self.steps_label.installEventFilter(self)
        self.next_label = FitLabel(max_lines=2)
        self.next_label.setObjectName("next_label")
        self.tip_label = FitLabel(max_lines=2)
        self.tip_label.setObjectName("tip_label")
        self.done_button = QPushButton(self.tr("Done"))
        self.done_button.setObjectName("done_button")
        self.done_button.setAccessibleName(self.tr("Done with this set (Enter)"))
        self.done_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.done_button.clicked.connect(lambda: self.runner.done())
        self.rating = RatingPanel()
        self.rating.hide()
        self.stop_panel = StopPanel()
        self.stop_panel.hide()
        self.stop_panel.skip_exercise.connect(self._stop_skip)
        self.stop_panel.end_session.connect(self._stop_end)
        self.stop_panel.carry_on.connect(self._stop_carry_on)
        self.stop_panel.subject_answered.connect(self._hurt_answered)

        self.words = QWidget()
        self.words.setObjectName("player_words")
        words = WordsLayout(self.words)
        words.setContentsMargins(0, 0, 0, 0)
        for label in self.word_labels():
            words.addWidget(label)
            if label is self.steps_label:
                words.addWidget(self.done_button)
                words.setAlignment(self.done_button, Qt.AlignmentFlag.AlignLeft)
        # In a small window the steps give way first; the phase, side and next keep their size.
        words.flexible = self.steps_label
        self.words_layout = words
        # A lying figure's place: under the countdown, the width of its column.
        self.under_ring = QVBoxLayout()
        self.under_ring.setContentsMargins(0, 0, 0, 0)
        ring_column = QVBoxLayout()
        ring_column.setContentsMargins(0, 0, 0, 0)
        ring_column.addWidget(self.ring, 2)
        ring_column.addLayout(self.under_ring, 1)
        self.centre = QHBoxLayout()
        self.centre.setSpacing(16)
        self.centre.addLayout(ring_column, 5)
        self.centre.addLayout(self.figure_slot, 0)
        self.centre.addWidget(self.words, 6)
        self.centre.addWidget(self.stop_panel, 6)
        # The exercise's figure, large beside the countdown, fed from the same refresh.
        self.figure = PlayerFigure(self.runner, self.library)
        self.set_figure(self.figure)
        self._figure_under_ring = False
        self.figure.lying_changed.connect(self._place_figure)
        self.words.installEventFilter(self)  # its height is the centre's: see _place_figure
        self.centre.setStretch(1, FIGURE_STRETCH)

    def _build_controls(self) -> None:
        self.back_button = self._button(self.tr("◀ Back"), self.tr("Back (Left arrow)"),
                                        self.runner.back)
        self.play_button = self._button(self.tr("Start"), self.tr("Start or pause (Space)"),
                                        self._toggle)
        self.play_button.setObjectName("play_button")
        self.skip_button = self._button(self.tr("Skip ▶"), self.tr("Skip (Right arrow)"),
                                        self.runner.skip)
        self.shorter_button = self._button(self.tr("−15 s"),
                                           self.tr("Shorten rest by 15 seconds (−)"),
                                           lambda: self.runner.shorten_rest(15))
        self.longer_button = self._button(self.tr("+15 s"), self.tr("Add 15 seconds of rest (+)"),
                                          lambda: self.runner.extend_rest(15))
        self.hurts_button = self._button(self.tr("It hurts (H)"),
                                         self.tr("It hurts: stop and rest (H)"),
                                         self.show_stop_panel)
        self.hurts_button.setObjectName("hurts_button")
        self.end_button = self._button(self.tr("End"), self.tr("End the session (Esc)"),
                                       self.confirm_end)
        self.fullscreen_button = self._button(self.tr("Full screen"),
                                              self.tr("Full screen (F)"), self.toggle_fullscreen)
        self.mute_button = self._button(self.tr("Sound on (M)"), self.tr("Mute or unmute (M)"),
                                        self.toggle_mute)
        self.mute_button.setCheckable(True)
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setMinimumWidth(70)
        self.volume.setMaximumWidth(120)
        self.volume.setMinimumHeight(TARGET_PX)
        self.volume.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.volume.setAccessibleName(self.tr("Volume"))
        self.volume.setToolTip(self.tr("Volume (Up and Down arrows when it has the focus)"))
        self.volume.valueChanged.connect(self.volume_changed)
        # Two groups: moving through the session, and sound / stopping. Side by side where both
        # fit, stacked where they do not (see ControlRows), so nothing is squeezed off and
        # the window is never held wider than the screen.
        moving = QHBoxLayout()
        moving.setSpacing(8)
        for button in (self.back_button, self.play_button, self.skip_button):
            moving.addWidget(button)
        moving.addSpacing(8)
        moving.addWidget(self.shorter_button)
        moving.addWidget(self.longer_button)
        moving.addStretch(1)
        stopping = QHBoxLayout()
        stopping.setSpacing(8)
        stopping.addStretch(1)
        stopping.addWidget(self.mute_button)
        stopping.addWidget(self.volume)
        stopping.addSpacing(8)
        for button in (self.hurts_button, self.end_button, self.fullscreen_button):
            stopping.addWidget(button)
        self.controls = ControlRows(moving, stopping)

    def _button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = ControlButton(text)
        button.setAccessibleName(name)
        button.setToolTip(name)
        button.setMinimumHeight(TARGET_PX)
        # Tab reaches it (with a visible focus frame); a click leaves the focus where it was,
        # so Enter keeps meaning "Done" and no key is taken by the button clicked last.
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.clicked.connect(slot)
        return button

    def controls_in_order(self) -> list[QWidget]:
        """Every control of the running player, in Tab order."""
        rating = [self.rating.open_button, *self.rating.pain_group.buttons(),
                  *self.rating.felt_group.buttons(), self.rating.fewer_button,
                  self.rating.more_button]
        stop = [self.stop_panel.coming_button, self.stop_panel.none_button,
                self.stop_panel.skip_button, self.stop_panel.end_button,
                self.stop_panel.carry_button]
        return [self.done_button, self.back_button, self.play_button, self.skip_button,
                self.shorter_button, self.longer_button, self.hurts_button, self.end_button,
                self.fullscreen_button, self.mute_button, self.volume, self.library_button,
                *stop, *rating]

    def _tab_order(self) -> None:
        chain: list[QWidget] = [self, *self.controls_in_order()]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        # A visible focus frame on every control (the style's own is a faint line).
        self.setStyleSheet(
            "QPushButton:focus, QSlider:focus { outline: none; border: "
            f"{FOCUS_BORDER_PX}px solid palette(highlight); border-radius: 6px; "
            f"padding: 4px {FOCUS_PADDING_PX}px; }}")

    def _shortcuts(self) -> None:
        slots: dict[str, Callable[[], object]] = {
            "toggle": self._toggle,
            "skip": self.runner.skip,
            "back": self.runner.back,
            "longer": lambda: self.runner.extend_rest(15),
            "longer_too": lambda: self.runner.extend_rest(15),
            "shorter": lambda: self.runner.shorten_rest(15),
            "end": self._escape,
            "full_screen": self.toggle_fullscreen,
            "mute": self.toggle_mute,
            "hurts": self.show_stop_panel,
            "next_steps": lambda: self.steps_label.turn(1),
            "earlier_steps": lambda: self.steps_label.turn(-1),
            "enter": self._enter,
            "enter_too": self._enter,
        }
        self.shortcuts: dict[str, QShortcut] = {}
        for name, key in KEYS.items():
            shortcut = QShortcut(QKeySequence(key), self)
            # Window-wide: whichever panel or button was clicked, the keys still work (they
            # are inactive while the player is hidden behind another area).
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slots[name])
            self.shortcuts[name] = shortcut

    def word_labels(self) -> list[FitLabel]:
        """The big words beside the countdown, top to bottom."""
        return [self.phase_label, self.side_label, self.detail_label, self.steps_label,
                self.next_label]

    def set_figure(self, figure: QWidget) -> None:
        """Stand a figure of the exercise beside the countdown."""
        self.figure_slot.addWidget(figure)

    def _place_figure(self) -> None:
        """A lying figure goes under the countdown, where it is drawn more than twice as wide
        as in the column beside it (a glute bridge's stage at 1280x800: 380x163 px against
        161x68), and the words take that column's width; a standing figure stands beside
        the countdown. The countdown gives a third of its column's height to the lying
        figure, where the centre is high enough for both (see UNDER_RING_FROM)."""
        under = self.figure.lying and self.words.height() >= UNDER_RING_FROM * self.scale()
        if under == self._figure_under_ring:
            return
        self._figure_under_ring = under
        figure = self.figure
        (self.figure_slot if under else self.under_ring).removeWidget(figure)
        (self.under_ring if under else self.figure_slot).addWidget(figure)
        figure.setMinimumSize(*(UNDER_MINIMUM if under else BESIDE_MINIMUM))
        self.centre.setStretch(1, 0 if under else FIGURE_STRETCH)

    @property
    def figure_under_ring(self) -> bool:
        return self._figure_under_ring

    # --- keys -------------------------------------------------------------------------------
    def _enter(self) -> None:
        """Enter presses the control that has the focus (Tab got it there), else 'Done'."""
        focused = QApplication.focusWidget()
        if (isinstance(focused, QAbstractButton) and self.isAncestorOf(focused)
                and focused.isVisible() and focused.isEnabled()):
            focused.click()
            return
        if self.session.is_started and not self.session.phase.kind.is_timed:
            self.runner.done()

    def _escape(self) -> None:
        """Esc leaves full screen first; otherwise it asks before ending."""
        if self._home is not None:
            self.toggle_fullscreen()
        else:
            self.confirm_end()

    def _keep_keys(self) -> None:
        """A panel or a question closed under the focus: give it back to the player."""
        if not self.window().isActiveWindow():
            self.window().activateWindow()
        focused = QApplication.focusWidget()
        if focused is None or not focused.isVisible() or not self.isAncestorOf(focused):
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- reacting to the session ------------------------------------------------------------
    def _on_events(self, events: list[Event]) -> None:
        self.events_emitted.emit(events)
        for event in events:
            if isinstance(event, SetCompleted):
                self.set_completed.emit(event)
                self._offer_rating(event)
            elif isinstance(event, PhaseStarted) and event.phase.kind.is_work:
                # A rating given stays until the set after; one not given stays until replaced.
                if self.rating.is_rated():
                    self.rating.hide()
            elif isinstance(event, SessionFinished):
                self._show_summary(event)

    def _show_summary(self, finished: SessionFinished) -> None:
        self.summary.show_result(finished, self.session, self.earlier_sets,
                                 resumed=self.resumed)
        self.summary.show_hurts([hurt_text(h, self.library.name_of(h.exercise_id or ""))
                                 for h in self._hurts])
        # The last set's rating can still be given there.
        self.summary_rating.take_over(self.rating)
        self.summary_rating.setVisible(self.rating.pending_key() is not None)
        self.rating.clear()
        self.rating.hide()
        self.stop_panel.hide()
        self.words.show()
        self.pages.setCurrentWidget(self.summary)
        self.session_finished.emit(finished)
        self._leave_fullscreen()
        self._keep_keys()

    def _offer_rating(self, completed: SetCompleted) -> None:
        name = self.library.name_of(completed.exercise_id)
        side = tr_setting(SIDE_WORDS.get(completed.side, ""))
        label = self.tr("{0}, set {1}").format(name, completed.set_number)
        if side:
            label = self.tr("{0}, {1}").format(label, side.lower())
        if completed.achieved_hold_s is not None:
            self.rating.offer(completed, "s", round(completed.achieved_hold_s), label)
        else:
            self.rating.offer(completed, "reps", completed.achieved_reps or 0, label)
        self.rating.show()

    def _on_rated(self, key: object, rating: object) -> None:
        self.rating_given.emit(key, rating)
        pain = getattr(rating, "pain", None)
        stops = pain is not None and pain_level(pain) is PainLevel.STOPS  # the safety rule
        if stops and not self.stop_panel.isVisible():
            self.show_stop_panel()

    def confirm_rating(self, saved: bool) -> None:
        """Whether the rating just given is in the history: the panel says "Saved" or not."""
        panel = self.summary_rating if self.pages.currentWidget() is self.summary else (
            self.rating)
        panel.show_saved(saved)

    def refresh(self) -> None:
        """Redraw everything from the engine's state at the current time."""
        self.paint(display_for(self.session, self.runner.clock(), self.library))
        self.figure.refresh()

    def _on_updated(self) -> None:
        # A hidden player draws nothing; showEvent paints the state it comes back to.
        if self._on_screen:
            self.refresh()

    def paint(self, display: PlayerDisplay) -> None:
        """Show `display`: only turns its numbers, enums and ids into words and widgets."""
        self._display = display
        label = self._phase_text(display)
        number = self._number_text(display)
        # The countdown first: a new number is drawn there and then, before the other words.
        self.ring.set_state(number, display.fraction, display.accent,
                            self._caption_text(display, label),
                            self._time_left_text(display, number))
        self._paint_header(display)
        self.phase_label.setText(label)
        if display.accent != self._accent_key:
            self._accent_key = display.accent
            self.phase_label.set_colour(QColor(self._accent(display.accent)))
        self._paint_words(display)
        self._paint_controls(display)
        self._announce_phase(display, label)

    def _paint_header(self, display: PlayerDisplay) -> None:
        self.play_button.setText(
            self.tr("Start") if not display.started
            else self.tr("Resume") if display.paused else self.tr("Pause"))
        self.position_label.setText(self.tr("Exercise {0} of {1}").format(
            display.step_number, display.step_count))
        progress = int(display.progress * 1000)
        if progress != self.progress.value():
            # QProgressBar.setValue repaints the window at once; the bar waits for the
            # window's next paint instead, so a wake-up paints the window once, not twice.
            self.progress.setUpdatesEnabled(False)
            self.progress.setValue(progress)
            self.progress.setUpdatesEnabled(True)  # which asks for that paint

    def _paint_words(self, display: PlayerDisplay) -> None:
        exercise = self.library.get(display.exercise_id) if display.exercise_id else None
        variation = display.variation
        if exercise is not None and variation is not None:
            self.exercise_label.setText(
                self.tr("{0}: {1}").format(exercise.name, variation.shown_name))
        else:
            self.exercise_label.setText(exercise.name if exercise else "")
        self.library_button.setEnabled(exercise is not None)
        showing_steps = display.steps_exercise_id is not None and exercise is not None
        side = display.side
        side_text = self._side_text(display) if side is not None else ""
        # With the steps on screen the side goes on the dose line, to leave them the room.
        self.side_label.setText("" if showing_steps else side_text)
        detail = self._detail_text(display)
        if showing_steps and side_text:
            detail = self.tr("{0} · {1}").format(detail, side_text) if detail else side_text
        self.detail_label.setText(detail)
        steps = exercise.steps if exercise is not None and showing_steps else ()
        self.steps_label.set_steps(steps)
        self.steps_label.set_clock(display.steps_elapsed_s, display.steps_duration_s)
        if variation is not None:
            self.tip_label.setText(self.tr("Today's version: {0}").format(variation.how))
        else:
            self.tip_label.setText(
                self.tr("Tip: {0}").format(exercise.tips[0]) if exercise and exercise.tips else "")
        # Coming up is the name above in the steps' time; elsewhere the next set or exercise.
        self.next_label.setText("" if showing_steps else self._next_text(display))
        self._arrange(display, showing_steps)

    def _arrange(self, display: PlayerDisplay, showing_steps: bool) -> None:
        """Which of the words take room now: the steps push the next line and the tip out."""
        self.side_label.setVisible(bool(self.side_label.text()))
        self.detail_label.setVisible(bool(self.detail_label.text()))
        self.steps_label.setVisible(showing_steps)
        self.next_label.setVisible(bool(self.next_label.text()))
        self.tip_label.setVisible(bool(self.tip_label.text()) and not showing_steps
                                  and not self.rating.isVisible())
        self.done_button.setVisible(display.awaits_done)
        self._showing_steps = showing_steps
        self._fold_rating()
        # While the steps show, the countdown gives the words more of the width.
        self.centre.setStretch(0, 3 if showing_steps else 5)
        self.centre.setStretch(2, 8 if showing_steps else 6)

    def _fold_rating(self) -> None:
        """The steps before the rating: where they would not all show beside it (German at
        1280x800, any at 800x600), the rating folds to one line; where the window is low,
        the phase word and the exercise name also take a smaller size."""
        tight = self._showing_steps and self.height() < COMPACT_RATING_BELOW_PX
        if tight != self._tight:
            self._tight = tight
            self._size_words()
        self.rating.set_compact(self._showing_steps and (tight or self._steps_want_room()))

    def _steps_want_room(self) -> bool:
        """Whether some step would be left out beside the whole rating."""
        steps = self.steps_label
        if not (self.rating.isVisible() and steps.isVisible()):
            return False
        height = steps.contentsRect().height()
        if self.rating.is_compact():
            # As it would be unfolded (the steps give the room first), with a line to spare,
            # so that the panel cannot flap at the edge.
            height -= max(0, self.rating.unfolded_height() - self.rating.height())
            height -= steps.smallest_line_px()
        return not steps.fits_whole(height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # The steps' room is known once they are laid out, after the refresh that shows them.
        if (watched is self.steps_label and event.type() == QEvent.Type.Resize
                and not self._folding):
            self._folding = True
            try:
                self._fold_rating()
            finally:
                self._folding = False
        if watched is self.words and event.type() == QEvent.Type.Resize:
            self._place_figure()
        return super().eventFilter(watched, event)

    def _size_words(self) -> None:
        scale = self.scale()
        for label, name, lines, at_least in (
            (self.exercise_label, "exercise", 1, 1),
            (self.phase_label, "phase", 1, 1),
            (self.side_label, "side", 1, 1),
            (self.detail_label, "detail", 1, 1),
            (self.steps_label, "steps", 12, 4),
            (self.next_label, "next", 1, 1),
            (self.tip_label, "tip", 2, 1),
        ):
            target, smallest = _px(scale, name, self._tight)
            label.set_sizes(target, smallest, lines, at_least)

    def _paint_controls(self, display: PlayerDisplay) -> None:
        self.longer_button.setEnabled(display.can_adjust_rest)
        self.shorter_button.setEnabled(display.can_adjust_rest)
        self.skip_button.setEnabled(display.can_move)
        self.back_button.setEnabled(display.can_move)
        self.hurts_button.setEnabled(not display.finished)

    def _phase_text(self, display: PlayerDisplay) -> str:
        if not display.started:
            return self.tr("Press Start")
        if display.paused:
            return self.tr("Paused")
        if display.coming_side is not None and display.kind is PhaseKind.SWITCH_SIDES:
            return self.tr("Switch")  # one short word, big; the side it goes to is below it
        return phase_words(display.phase, display.sub_phase, self.library)

    def _side_text(self, display: PlayerDisplay) -> str:
        side = display.side
        assert side is not None
        if display.work_side is not None:
            return self.tr("{0} side").format(_side_word(side))
        if display.steps_exercise_id is not None:
            return self.tr("{0} side first").format(_side_word(side))
        return self.tr("{0} side").format(_side_word(side))

    @staticmethod
    def _number_text(display: PlayerDisplay) -> str:
        if display.number is None:
            return ""
        if display.number_unit is NumberUnit.SECONDS:
            return format_seconds(display.number)
        return str(display.number)

    def _time_left_text(self, display: PlayerDisplay, number: str) -> str:
        """The countdown in words, for a screen reader: '19 seconds left', '12 reps to do'."""
        if not number:
            return ""
        if display.number_unit is NumberUnit.COUNT:
            return self.tr("{0} to do").format(number)
        if display.number is not None and display.number >= 60:
            return self.tr("{0} minutes left").format(number)  # "1:05 minutes left"
        return self.tr("%n seconds left", "", display.number or 0)

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
        if display.steps_exercise_id is not None and display.next_dose is not None:
            details.append(self._dose_text(display.next_dose))
        elif display.set_number:
            details.append(self.tr("Set {0} of {1}").format(display.set_number,
                                                             display.set_count))
            if display.last_set:
                details.append(self.tr("last set"))
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

    # --- telling a screen reader ------------------------------------------------------------
    def _announce_phase(self, display: PlayerDisplay, label: str) -> None:
        """Once per phase and per pause, never per second: 'Hold, left side, 20 seconds'."""
        key = (display.phase_index, display.paused)
        if not display.started or key == self._announced_phase:
            return
        self._announced_phase = key
        parts = [label, self.exercise_label.text() if display.steps_exercise_id else "",
                 self.side_label.text(), self.ring.time_left()]
        self.announce(", ".join(part for part in parts if part))

    def announce(self, text: str) -> None:
        """Hand `text` to a screen reader, politely (it waits for what is being read)."""
        self.last_announcement = text
        self.setAccessibleDescription(text)
        event = QAccessibleAnnouncementEvent(self, text)
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
        QAccessible.updateAccessibility(event)
        self.announced.emit(text)

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

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self._home is not None:  # closing the full-screen window goes back, not away
            event.ignore()
            self.toggle_fullscreen()
            return
        super().closeEvent(event)

    # --- sound ------------------------------------------------------------------------------
    def toggle_mute(self) -> None:
        # A click has already flipped the checkable button; the M key has not.
        sender_is_button = self.sender() is self.mute_button
        self.set_muted(self.mute_button.isChecked() if sender_is_button
                       else not self.mute_button.isChecked())

    def set_muted(self, muted: bool, notify: bool = True) -> None:
        self.mute_button.setChecked(muted)
        self.mute_button.setText(self.tr("Muted (M)") if muted else self.tr("Sound on (M)"))
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

    # --- the library page -------------------------------------------------------------------
    def _open_exercise_page(self) -> None:
        """Open the exercise shown in the library, at the version done today (an easier one
        shows its own figure and words there); a running session pauses first."""
        display = self._display
        exercise_id = display.exercise_id if display is not None else None
        if not exercise_id:
            return
        assert display is not None
        version = display.variation.name if display.variation is not None else ""
        if self.session.is_started and not self.session.is_paused and not (
                self.session.is_finished):
            self.runner.pause()
        if self._home is not None:
            self.toggle_fullscreen()
        self.exercise_page_requested.emit(exercise_id, version)

    # --- the stop path and ending -----------------------------------------------------------
    def show_stop_panel(self) -> None:
        """'It hurts': pause, note what it refers to, show the cautions and the ways out."""
        if self.session.is_finished:
            return
        if self.session.is_started and not self.session.is_paused:
            self.runner.pause()
        subject = hurt_subject(self.session)
        self._hurt, self._hurt_reported = subject, False
        if subject is not None:
            self.stop_panel.set_subject(self._subject_text(subject), subject.more_to_come)
            self._report_hurt()
        else:
            coming = self.library.get(self.session.phase.exercise_id or "")
            self.stop_panel.ask(coming.name if coming else "")
        self._show_cautions()
        self.words.hide()
        self.stop_panel.show()
        # The ways out take the keys at once: Enter picks the one with the focus (the first,
        # "Skip this exercise" where sets of it remain), Tab the next; Space still resumes.
        # They came after every control of the player in the Tab order: ten presses away.
        self.stop_panel.first_choice().setFocus(Qt.FocusReason.TabFocusReason)
        self.announce(self.tr("Stop and rest. {0}").format(self.stop_panel.subject.text()))

    def _show_cautions(self) -> None:
        exercise_id = self._hurt.exercise_id if self._hurt is not None else None
        exercise = self.library.get(exercise_id or "")
        if exercise is None or self._hurt is None:
            self.stop_panel.show_for(exercise)
            return
        # What hurt may be a version of the exercise: the rule offers what is easier than it.
        steps = self.session.routine.steps
        step = steps[self._hurt.step_index] if self._hurt.step_index < len(steps) else None
        doing = find_variation(exercise, step.variation if step is not None else None)
        offer = after_pain(exercise, doing, self.library)
        names = [self.library.name_of(other) for other in offer.alternatives]
        self.stop_panel.show_for(exercise, offer, names)

    def _subject_text(self, subject: HurtSubject) -> str:
        name = self.library.name_of(subject.exercise_id)
        if subject.side in (Side.LEFT, Side.RIGHT):
            return self.tr("Noted for {0}, set {1}, {2} side.").format(
                name, subject.set_number, _side_word(subject.side).lower())
        return self.tr("Noted for {0}, set {1}.").format(name, subject.set_number)

    def _hurt_answered(self, coming: bool) -> None:
        """The answer to "which exercise": the coming one, or none."""
        phase = self.session.phase
        following = self.session.next_phase
        if coming and phase.exercise_id is not None:
            side = following.side if following is not None and following.side else Side.BOTH
            number = following.set_number if following is not None else 1
            self._hurt = HurtSubject(phase.exercise_id, phase.step_index, number, side,
                                     more_to_come=True)
            self.stop_panel.set_subject(self._subject_text(self._hurt), can_skip=True)
        else:
            self._hurt = None
            self.stop_panel.set_subject(self.tr("Noted, not during an exercise."),
                                        can_skip=False)
        self._show_cautions()
        self._report_hurt()

    def _report_hurt(self) -> None:
        if not self._hurt_reported:
            self._hurt_reported = True
            subject = self._hurt
            self._hurts.append(Hurt(datetime.now(UTC), subject.exercise_id if subject else None,
                                    subject.set_number if subject else None,
                                    subject.side if subject else None))
            self.hurt_reported.emit(subject)

    def _close_stop_panel(self, choice: HurtChoice) -> None:
        self._report_hurt()  # asked and not answered: noted as not during an exercise
        self._hurts[-1] = msgspec.structs.replace(self._hurts[-1], choice=choice)
        self.hurt_resolved.emit(choice.value)
        self.stop_panel.hide()
        self.words.show()
        self._keep_keys()

    def _stop_skip(self) -> None:
        self._close_stop_panel(HurtChoice.SKIP_EXERCISE)
        self.runner.skip_exercise()

    def _stop_end(self) -> None:
        self._close_stop_panel(HurtChoice.END_SESSION)
        self.runner.end_early()

    def _toggle(self) -> None:
        """Space, or Start / Pause / Resume. Resuming while the "It hurts" panel is up says
        what its "It has eased, carry on" says: the panel closes, noted as carried on."""
        if self.stop_panel.isVisible() and self.session.is_paused:
            self._stop_carry_on()
        else:
            self.runner.toggle()

    def _stop_carry_on(self) -> None:
        self._close_stop_panel(HurtChoice.CARRY_ON)
        if self.session.is_paused:
            self.runner.resume()

    def confirm_end(self) -> None:
        """Esc: ask before ending; the session keeps running while the question is open."""
        if self.session.is_finished or not self.session.is_started:
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
        self._keep_keys()

    # --- full screen ------------------------------------------------------------------------
    def is_full_screen(self) -> bool:
        return self._home is not None or (self.isWindow() and self.isFullScreen())

    def toggle_fullscreen(self) -> None:
        """A window of its own with nothing but the session, and back into its place."""
        if self._home is not None:
            self._return_home()
            return
        parent = self.parentWidget()
        if self.isWindow() or not isinstance(parent, QStackedWidget):
            window = self.window()  # a player on its own (tests, a preview): the window itself
            if window.isFullScreen():
                window.showNormal()
            else:
                window.showFullScreen()
            return
        self._home = (parent, parent.indexOf(self))
        parent.removeWidget(self)
        self.setParent(None)
        self.setWindowTitle(self.tr("{0} - Gluteapp").format(self.session.routine.name))
        self.showFullScreen()
        self.activateWindow()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _return_home(self) -> None:
        home, self._home = self._home, None
        assert home is not None
        stack, index = home
        self.showNormal()
        stack.insertWidget(index, self)
        stack.setCurrentWidget(self)
        # Named here too, not only on the window's change of state: a window manager's late
        # word on the full-screen window it has just left could name it "Leave" again.
        self._name_screen_button()
        self.show()
        self.window().activateWindow()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _leave_fullscreen(self) -> None:
        if self._home is not None:
            self._return_home()
        elif self.isWindow() and self.isFullScreen():
            self.showNormal()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.WindowStateChange:
            self._name_screen_button()

    def _name_screen_button(self) -> None:
        self.fullscreen_button.setText(
            self.tr("Leave full screen") if self.is_full_screen() else self.tr("Full screen"))

    # --- sizing -----------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._apply_sizes()

    def scale(self) -> int:
        """The size everything big is measured against: 735 at 1280x800, 1080 at 1920x1080."""
        return max(min(self.height(), int(self.width() * 0.625)), 360)

    def _apply_sizes(self) -> None:
        self._fold_rating()
        scale = self.scale()
        self._size_words()
        header, _ = _px(scale, "header")
        for plain, bold in ((self.routine_label, True), (self.position_label, False)):
            font = QFont(plain.font())
            font.setPixelSize(header)
            font.setBold(bold)
            plain.setFont(font)
        button_px, _ = _px(scale, "button")
        button_font = QFont(self.play_button.font())
        button_font.setPixelSize(button_px)
        for button in (self.back_button, self.play_button, self.skip_button,
                       self.shorter_button, self.longer_button, self.hurts_button,
                       self.end_button, self.fullscreen_button, self.mute_button,
                       self.library_button):
            button.setFont(button_font)
            button.setMinimumHeight(max(TARGET_PX, round(scale * 0.062)))
        done_font = QFont(button_font)
        done_font.setPixelSize(round(button_px * 1.5))
        done_font.setBold(True)
        self.done_button.setFont(done_font)
        self.done_button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.done_button.setMinimumSize(max(160, round(scale * 0.25)),
                                        max(TARGET_PX, round(scale * 0.08)))
