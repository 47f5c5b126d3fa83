"""The screen before a session: today's dose for each exercise, why, and the choice to keep."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gluteapp.core.advice import SessionAdvice, choose
from gluteapp.core.exercises import Exercise, Library, Mode
from gluteapp.core.felt import FeltElsewhere
from gluteapp.core.progression import Change, DoseSuggestion, Reason
from gluteapp.core.records import DoseChoice, FeltIn, Side
from gluteapp.core.routines import Routine, find_variation
from gluteapp.core.safety import STOP_PAIN_MIN
from gluteapp.gui.words import (
    TranslationContext,
    alternatives_text,
    pain_reason,
    version_name,
)

# A plain name that pyside6-lupdate recognises, for text outside a QObject method.
translate = QCoreApplication.translate


class DosePlan(TranslationContext):
    """The context of the plan's counted words ("%n rated sets")."""


def dose_text(mode: Mode, amount: int) -> str:
    if mode is Mode.HOLD:
        return translate("DosePlan", "{0} s").format(amount)
    if mode is Mode.STEPS:
        return translate("DosePlan", "{0} steps").format(amount)
    return translate("DosePlan", "{0} reps").format(amount)


def side_word(side: Side) -> str:
    return translate("DosePlan", "left") if side is Side.LEFT else translate("DosePlan", "right")


def region_word(region: FeltIn) -> str:
    if region is FeltIn.LOWER_BACK:
        return translate("DosePlan", "lower back")
    return translate("DosePlan", "hamstrings")


def headline(suggestion: DoseSuggestion, name: str, exercise: Exercise | None = None) -> str:
    """'Side plank: 20 s today, up from 15 s'."""
    version = version_name(exercise, suggestion.variation or "")
    new = dose_text(suggestion.mode, suggestion.suggested)
    old = dose_text(suggestion.last.mode, suggestion.previous)  # a version may count otherwise
    change = suggestion.change
    if change is Change.ADVANCE:
        return translate("DosePlan", "{0}: {1} today, up from {2}").format(name, new, old)
    if change is Change.EASIER and suggestion.variation:
        return translate("DosePlan", "{0}: the easier version today, “{1}”, {2}").format(
            name, version, new)
    if change is Change.EASIER and suggestion.suggested >= suggestion.previous and (
            suggestion.mode is suggestion.last.mode):
        # No easier version, and the dose at its range's low end already: not "down from".
        return translate("DosePlan", "{0}: {1} today, already its lowest dose").format(name, new)
    if change is Change.EASIER:
        return translate("DosePlan", "{0}: {1} today, down from {2}").format(name, new, old)
    if change is Change.HARDER and suggestion.variation:
        return translate("DosePlan", "{0}: the harder version today, “{1}”, {2}").format(
            name, version, new)
    if change is Change.STANDARD:
        return translate("DosePlan", "{0}: back to the standard version, {1}").format(name, new)
    if change is Change.START:
        return translate("DosePlan", "{0}: {1}, the routine's dose").format(name, new)
    return translate("DosePlan", "{0}: {1} today, the same as last time").format(name, new)


def reason_text(suggestion: DoseSuggestion) -> str:
    """Why, in one sentence a person can check against what they remember."""
    pain = suggestion.worst_pain
    # What the one safety rule decides is said in its own words (gluteapp.gui.words).
    ruled = pain_reason(suggestion.reason, pain)
    texts = {
        Reason.NO_HISTORY: translate("DosePlan", "This is your first time with it."),
        Reason.ONE_SESSION: translate("DosePlan",
            "There is one session to go on; two good sessions in a row move it up."),
        Reason.MISSED_TWICE: translate("DosePlan",
            "The dose could not be completed in your last two sessions."),
        Reason.NOT_COMPLETED: translate("DosePlan",
            "The dose was not completed in one of your last two sessions."),
        Reason.NOT_IN_GLUTES: translate("DosePlan",
            "Some sets were felt somewhere other than the glutes; it moves up once they are "
            "felt in the glutes."),
        Reason.NOT_RATED: translate("DosePlan",
            "The last sessions have no rating for pain or for where you felt it; rate your "
            "sets after each one so the dose can move up."),
        Reason.TOP_OF_RANGE: translate("DosePlan",
            "You are at the top of the source article's range, and it gives no harder "
            "version."),
        Reason.NO_RANGE: translate(
            "DosePlan", "The source article gives no range for this kind of dose."),
    }
    text = ruled if ruled is not None else texts[suggestion.reason]
    if suggestion.change is Change.STANDARD:
        text = translate("DosePlan", "The easier version went well twice in a row.") + " " + text
    return text


def felt_text(warning: FeltElsewhere, exercise: Exercise | None, library: Library) -> str:
    rated = warning.rated
    lines = [DosePlan.tr("Mostly felt in the {0}: {1} of the last %n rated sets.", "",
                         rated).format(region_word(warning.region), round(warning.share * rated))]
    if exercise is not None:
        lines += [translate("DosePlan", "Check: {0}").format(caution)
                  for caution in exercise.cautions[:2]]
        lines += [translate("DosePlan", "Coach tip: {0}").format(tip) for tip in exercise.tips[:2]]
    options = []
    if warning.easier:
        options.append(translate("DosePlan", "the easier version, “{0}”").format(
            version_name(exercise, warning.easier)))
    if warning.alternatives:
        names = ", ".join(library.name_of(other) for other in warning.alternatives)
        options.append(translate(
            "DosePlan", "another exercise for the same muscle: {0}").format(names))
    if options:
        joined = translate("DosePlan", " or ").join(options)
        lines.append(translate("DosePlan", "Consider {0}.").format(joined))
    return "\n".join(lines)


class DoseRow(QFrame):
    """One exercise: the suggestion, its reason, and use-or-keep."""

    exercise_requested = Signal(str)  # its id: show its page in the library

    def __init__(self, suggestion: DoseSuggestion, library: Library,
                 felt: FeltElsewhere | None, extra_side: Side | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dose_row")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.suggestion = suggestion
        exercise = library.get(suggestion.exercise_id)
        name = library.name_of(suggestion.exercise_id)
        self.headline = QLabel(headline(suggestion, name, exercise))
        self.headline.setObjectName("dose_headline")
        self.headline.setWordWrap(True)
        font = self.headline.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.headline.setFont(font)
        self.reason = QLabel(reason_text(suggestion))
        self.reason.setObjectName("dose_reason")
        self.reason.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        layout.addWidget(self.headline)
        layout.addWidget(self.reason)
        # The exercise's page in the library, from its name in today's plan.
        words = html.escape(translate("DosePlan", "How to do {0}").format(name))
        self.how_link = QLabel(
            f"<a href='exercise:{html.escape(suggestion.exercise_id)}'>{words}</a>")
        self.how_link.setObjectName("dose_how_link")
        self.how_link.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                              | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.how_link.linkActivated.connect(
            lambda link: self.exercise_requested.emit(link.partition(":")[2]))
        layout.addWidget(self.how_link)

        self.use_button = QRadioButton()
        self.keep_button = QRadioButton()
        self.group = QButtonGroup(self)
        self.group.addButton(self.use_button)
        self.group.addButton(self.keep_button)
        if suggestion.is_change:
            new = dose_text(suggestion.mode, suggestion.suggested)
            old = dose_text(suggestion.last.mode, suggestion.previous)
            if suggestion.variation and suggestion.variation != suggestion.previous_variation:
                new = translate("DosePlan", "“{0}”, {1}").format(
                    version_name(exercise, suggestion.variation), new)
            if suggestion.previous_variation:
                old = translate("DosePlan", "“{0}”, {1}").format(
                    version_name(exercise, suggestion.previous_variation), old)
            self.use_button.setText(translate("DosePlan", "Use the suggestion: {0}").format(new))
            self.keep_button.setText(translate("DosePlan", "Keep last time's: {0}").format(old))
            self.use_button.setChecked(True)
            choices = QHBoxLayout()
            choices.addWidget(self.use_button)
            choices.addWidget(self.keep_button)
            choices.addStretch(1)
            layout.addLayout(choices)
        else:
            self.use_button.setChecked(True)
            self.use_button.hide()
            self.keep_button.hide()

        variation = find_variation(exercise, suggestion.variation) if exercise else None
        if variation is not None:
            how = QLabel(translate("DosePlan", "How: {0}").format(variation.how))
            how.setWordWrap(True)
            layout.addWidget(how)

        if suggestion.alternatives:
            others = QLabel(alternatives_text(
                [library.name_of(other) for other in suggestion.alternatives]))
            others.setObjectName("pain_alternatives")
            others.setWordWrap(True)
            layout.addWidget(others)

        if exercise is not None and suggestion.reason.is_pain:
            cautions = QLabel("\n".join(
                translate("DosePlan", "Check: {0}").format(caution)
                for caution in exercise.cautions))
            cautions.setObjectName("pain_cautions")
            cautions.setWordWrap(True)
            layout.addWidget(cautions)

        self.felt_label: QLabel | None = None
        if felt is not None:
            self.felt_label = QLabel(felt_text(felt, exercise, library))
            self.felt_label.setObjectName("felt_warning")
            self.felt_label.setStyleSheet(
                "QLabel#felt_warning { background: rgba(230, 159, 0, 0.16); border-radius: 6px;"
                " padding: 6px; }")
            self.felt_label.setWordWrap(True)
            layout.addWidget(self.felt_label)

        self.extra_box: QCheckBox | None = None
        if extra_side is not None:
            self.extra_box = QCheckBox(
                translate("DosePlan", "Add one extra set for your weaker {0} side").format(
                    side_word(extra_side)))
            self.extra_box.setChecked(True)
            layout.addWidget(self.extra_box)

    @property
    def accepted(self) -> bool:
        return self.use_button.isChecked()

    @property
    def extra_set(self) -> bool:
        return self.extra_box is not None and self.extra_box.isChecked()


class DosePlanView(QWidget):
    """Shown before a session that has history: what changes today, and why."""

    start_requested = Signal(object, object)  # (Routine, list[DoseChoice])
    cancel_requested = Signal()
    exercise_requested = Signal(str)  # an exercise id: show its page in the library

    def __init__(self, advice: SessionAdvice, library: Library,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dose_plan")
        self.advice = advice
        title = QLabel(translate("DosePlan", "Today's plan: {0}").format(advice.routine.name))
        title.setObjectName("plan_title")
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.6)
        title.setFont(font)
        intro = QLabel(translate("DosePlan",
            "Based on your last sessions. Choose for each exercise whether to use the "
            "suggestion or keep last time's dose. Stop a set when pain reaches {0} out of 10."
            ).format(STOP_PAIN_MIN))
        intro.setWordWrap(True)

        self.side_label = QLabel()
        self.side_label.setObjectName("side_notice")
        self.side_label.setWordWrap(True)
        side = advice.side
        if side is not None:
            other = Side.RIGHT if side.weaker is Side.LEFT else Side.LEFT
            self.side_label.setText(translate("DosePlan",
                "Your {0} side has stayed about {1:.0f} % behind your {2} side over the last "
                "three sessions. Exercises done one side at a time start on the {0} side "
                "today.").format(side_word(side.weaker), side.gap_percent, side_word(other)))
        self.side_label.setVisible(side is not None)
        self.side_label.setStyleSheet(
            "QLabel#side_notice { background: rgba(58, 143, 122, 0.16); border-radius: 6px;"
            " padding: 8px; }")

        rows = QWidget()
        rows_layout = QVBoxLayout(rows)
        rows_layout.setSpacing(10)
        self.rows: list[DoseRow] = []
        for suggestion in advice.suggestions:
            index = suggestion.step_index
            extra = side.weaker if side is not None and index in advice.extra_set_steps else None
            row = DoseRow(suggestion, library, advice.felt.get(index), extra)
            row.exercise_requested.connect(self.exercise_requested)
            self.rows.append(row)
            rows_layout.addWidget(row)
        rows_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(rows)

        self.start_button = QPushButton(translate("DosePlan", "Start the session"))
        self.start_button.setObjectName("plan_start")
        self.start_button.setMinimumHeight(48)
        self.start_button.setDefault(True)
        self.cancel_button = QPushButton(translate("DosePlan", "Back to the routines"))
        self.cancel_button.setMinimumHeight(48)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.side_label)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.setFocusProxy(self.start_button)

    def chosen(self) -> tuple[Routine, list[DoseChoice]]:
        """The routine to run and the choices to store, from the buttons as they stand."""
        accepted = {row.suggestion.step_index for row in self.rows if row.accepted}
        extra = {row.suggestion.step_index for row in self.rows if row.extra_set}
        return choose(self.advice, accepted, extra)

    def start(self) -> None:
        routine, choices = self.chosen()
        self.start_requested.emit(routine, choices)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.start()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.cancel_requested.emit()
            return
        super().keyPressEvent(event)
