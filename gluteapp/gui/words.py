"""The one GUI home of the words for core's enums and the engine's phases, in the UI language.

Core speaks in enums and numbers; whatever a person reads for a muscle, an item of equipment, a
position, a mode, a side, a status or where a set was felt comes from here. Every text is a
literal that pyside6-lupdate finds: tables mark theirs with `QT_TRANSLATE_NOOP` and are
translated when looked up, in the context `CONTEXT`.

Loaded at start-up (the settings take the equipment words from here), so the core modules that
pull in msgspec and the TOML reader are imported only where a function needs them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QObject

from gluteapp.core import safety
from gluteapp.core.records import FeltIn, Hurt, HurtChoice, SessionStatus, Side
from gluteapp.core.safety import RulePoint
from gluteapp.core.vocabulary import Equipment, Mode, Muscle, Position

if TYPE_CHECKING:
    from gluteapp.core.exercises import Dosage, Exercise, Library
    from gluteapp.core.progression import Reason
    from gluteapp.core.stats import HistoryRange, Measure
    from gluteapp.core.timeline import Phase, SubPhase

#: Translation context of every word declared here.
CONTEXT = "Words"


class TranslationContext(QObject):
    """A translation context named after the class, for words outside any widget.

    pyside6-lupdate reads `Context.tr("%n sets", "", n)` with its plural forms, where it reads
    `QCoreApplication.translate(context, text, None, n)` without them (or not at all).
    """

    @classmethod
    def tr(  # a class method: the context is the class, no instance is needed
        cls, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return QCoreApplication.translate(cls.__name__, source_text, disambiguation, n)


class Words(TranslationContext):
    """The context `CONTEXT`, for counted words ("Do %n reps")."""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    """Marks a text for pyside6-lupdate; it is translated where it is looked up."""
    return text


def _translate(text: str) -> str:
    # Only ever given a text from one of the tables below, each marked for lupdate.
    return QCoreApplication.translate(CONTEXT, text)


MUSCLE_WORDS: dict[Muscle, str] = {
    Muscle.GLUTEUS_MAXIMUS: QT_TRANSLATE_NOOP("Words", "Gluteus maximus"),
    Muscle.GLUTEUS_MEDIUS: QT_TRANSLATE_NOOP("Words", "Gluteus medius"),
    Muscle.GLUTEUS_MINIMUS: QT_TRANSLATE_NOOP("Words", "Gluteus minimus"),
    Muscle.TFL: QT_TRANSLATE_NOOP("Words", "Tensor fasciae latae"),
    Muscle.HAMSTRINGS: QT_TRANSLATE_NOOP("Words", "Hamstrings"),
    Muscle.QUADRICEPS: QT_TRANSLATE_NOOP("Words", "Quadriceps"),
    Muscle.ADDUCTORS: QT_TRANSLATE_NOOP("Words", "Adductors"),
    Muscle.HIP_FLEXORS: QT_TRANSLATE_NOOP("Words", "Hip flexors"),
    Muscle.CALVES: QT_TRANSLATE_NOOP("Words", "Calves"),
    Muscle.CORE: QT_TRANSLATE_NOOP("Words", "Core"),
    Muscle.LOWER_BACK: QT_TRANSLATE_NOOP("Words", "Lower back"),
    Muscle.SHOULDERS: QT_TRANSLATE_NOOP("Words", "Shoulder stabilisers"),
}

#: Also the choice labels of the equipment setting (`gluteapp.gui.settings.EQUIPMENT`).
EQUIPMENT_WORDS: dict[Equipment, str] = {
    Equipment.MINI_BAND: QT_TRANSLATE_NOOP("Words", "Mini band"),
    Equipment.LONG_BAND: QT_TRANSLATE_NOOP("Words", "Long resistance band"),
    Equipment.WALL: QT_TRANSLATE_NOOP("Words", "Wall"),
    Equipment.CHAIR: QT_TRANSLATE_NOOP("Words", "Chair"),
    Equipment.STEP: QT_TRANSLATE_NOOP("Words", "Step or box"),
    Equipment.MAT: QT_TRANSLATE_NOOP("Words", "Mat"),
    Equipment.YOGA_BLOCK: QT_TRANSLATE_NOOP("Words", "Yoga block"),
    Equipment.DUMBBELL: QT_TRANSLATE_NOOP("Words", "Dumbbell"),
    Equipment.HANDRAIL: QT_TRANSLATE_NOOP("Words", "Handrail or chair back"),
}

POSITION_WORDS: dict[Position, str] = {
    Position.STANDING: QT_TRANSLATE_NOOP("Words", "Standing"),
    Position.SEATED: QT_TRANSLATE_NOOP("Words", "Seated"),
    Position.SIDE_LYING: QT_TRANSLATE_NOOP("Words", "On the floor, on your side"),
    Position.SUPINE: QT_TRANSLATE_NOOP("Words", "On the floor, on your back"),
    Position.PRONE: QT_TRANSLATE_NOOP("Words", "On the floor, face down"),
    Position.QUADRUPED: QT_TRANSLATE_NOOP("Words", "On the floor, on hands and knees"),
    Position.KNEELING: QT_TRANSLATE_NOOP("Words", "Kneeling"),
}

MODE_WORDS: dict[Mode, str] = {
    Mode.HOLD: QT_TRANSLATE_NOOP("Words", "Timed hold"),
    Mode.REPS: QT_TRANSLATE_NOOP("Words", "Reps"),
    Mode.TEMPO: QT_TRANSLATE_NOOP("Words", "Tempo-paced reps"),
    Mode.STEPS: QT_TRANSLATE_NOOP("Words", "Steps"),
}

#: Where a set was felt, as a label of its own (a button, a table cell).
FELT_IN_WORDS: dict[FeltIn, str] = {
    FeltIn.GLUTES: QT_TRANSLATE_NOOP("Words", "Glutes"),
    FeltIn.HAMSTRINGS: QT_TRANSLATE_NOOP("Words", "Hamstrings"),
    FeltIn.LOWER_BACK: QT_TRANSLATE_NOOP("Words", "Lower back"),
    FeltIn.NOWHERE: QT_TRANSLATE_NOOP("Words", "Nowhere"),
}

#: Where a set was felt, inside a sentence ("glutes 60 %, lower back 10 %").
FELT_IN_PHRASES: dict[FeltIn, str] = {
    FeltIn.GLUTES: QT_TRANSLATE_NOOP("Words", "glutes"),
    FeltIn.HAMSTRINGS: QT_TRANSLATE_NOOP("Words", "hamstrings"),
    FeltIn.LOWER_BACK: QT_TRANSLATE_NOOP("Words", "lower back"),
    FeltIn.NOWHERE: QT_TRANSLATE_NOOP("Words", "nowhere in particular"),
}

#: The side of a set, inside a sentence ("Bridge, set 2, left").
SIDE_WORDS: dict[Side, str] = {
    Side.LEFT: QT_TRANSLATE_NOOP("Words", "left"),
    Side.RIGHT: QT_TRANSLATE_NOOP("Words", "right"),
    Side.BOTH: QT_TRANSLATE_NOOP("Words", "both sides"),
}

STATUS_WORDS: dict[SessionStatus, str] = {
    SessionStatus.COMPLETED: QT_TRANSLATE_NOOP("Words", "Completed"),
    SessionStatus.ENDED_EARLY: QT_TRANSLATE_NOOP("Words", "Ended early"),
    SessionStatus.INTERRUPTED: QT_TRANSLATE_NOOP("Words", "Interrupted"),
    SessionStatus.RUNNING: QT_TRANSLATE_NOOP("Words", "In progress"),
}


def decimal(value: float, places: int = 1) -> str:
    """A number with `places` decimals as the UI language writes it: "2.6", in German "2,6"."""
    return QLocale().toString(float(value), "f", places)


def short_number(value: float) -> str:
    """A whole number as such, any other with one decimal, in the UI language: "3", "2,5"."""
    return decimal(value, 0 if float(value).is_integer() else 1)


def muscle_label(muscle: Muscle) -> str:
    return _translate(MUSCLE_WORDS[muscle])


def equipment_label(item: Equipment) -> str:
    return _translate(EQUIPMENT_WORDS[item])


def position_label(position: Position) -> str:
    return _translate(POSITION_WORDS[position])


def mode_label(mode: Mode) -> str:
    return _translate(MODE_WORDS[mode])


def felt_in_label(felt_in: FeltIn) -> str:
    return _translate(FELT_IN_WORDS[felt_in])


def felt_in_phrase(felt_in: FeltIn) -> str:
    return _translate(FELT_IN_PHRASES[felt_in])


def side_label(side: Side) -> str:
    return _translate(SIDE_WORDS[side])


def status_label(status: SessionStatus, awaiting_resume: bool = False) -> str:
    """A session's status; an interrupted one the app offers to resume says so."""
    if status is SessionStatus.INTERRUPTED and awaiting_resume:
        return QCoreApplication.translate("Words", "Interrupted (can be resumed)")
    return _translate(STATUS_WORDS[status])


def history_range_phrase(history_range: HistoryRange) -> str:
    """The period a history range covers, inside a sentence: 'the last 3 months'."""
    from gluteapp.core.stats import HistoryRange  # msgspec and the library: not at start-up

    translate = QCoreApplication.translate
    if history_range is HistoryRange.FOUR_WEEKS:
        return translate("Words", "the last 4 weeks")
    if history_range is HistoryRange.THREE_MONTHS:
        return translate("Words", "the last 3 months")
    if history_range is HistoryRange.YEAR:
        return translate("Words", "the last year")
    return translate("Words", "the whole history")


def measure_unit(measure: Measure) -> str:
    """The unit a set's result is counted in: seconds held or reps."""
    from gluteapp.core.stats import Measure  # msgspec and the library: not at start-up

    if measure is Measure.HOLD:
        return QCoreApplication.translate("Words", "s")
    return QCoreApplication.translate("Words", "reps")


def dosage_words(dosage: Dosage, per_side: bool = False) -> str:
    """A dosage at a glance: '3 x 30-60 s per side', '3 x 10-15 steps each way',
    '3 x 10 reps per side, tempo 2-0-2'."""
    translate = QCoreApplication.translate
    if dosage.hold_s is not None:
        amount = translate("Words", "{0} s").format(dosage.hold_s)
    elif dosage.steps is not None:
        amount = translate("Words", "{0} steps each way").format(dosage.steps)
    else:
        amount = translate("Words", "{0} reps").format(dosage.reps)
    text = translate("Words", "{sets} x {amount}").format(sets=dosage.sets, amount=amount)
    if per_side and dosage.steps is None:  # steps go each way, which is both sides already
        text = translate("Words", "{0} per side").format(text)
    if dosage.tempo:
        text = translate("Words", "{0}, tempo {1}").format(text, dosage.tempo)
    return text


def version_name(exercise: Exercise | None, name: str) -> str:
    """An easier or harder version's name as a person reads it, from the name routines and the
    history store (the English one); that name itself when the library no longer has it."""
    from gluteapp.core.routines import find_variation  # msgspec and the library: not at start-up

    version = find_variation(exercise, name) if exercise is not None else None
    return version.shown_name if version is not None else name


def routine_title(routine_id: str, stored_name: str) -> str:
    """A session's routine as a person reads it: a built-in one by its name in the UI language
    (the session stored the name of its day), any other by the name stored with it."""
    from gluteapp.core.content_language import builtin_routine_name  # not at start-up
    from gluteapp.core.routines import builtin_routines_dir
    from gluteapp.gui.i18n import shown_language

    found = builtin_routine_name(builtin_routines_dir(), routine_id, shown_language())
    return found or stored_name


def search_text(exercise: Exercise) -> str:
    """Everything the library's search box matches for an exercise, case-folded: its own texts
    and the words for its muscles, equipment, position and mode as the person reads them."""
    parts = [
        exercise.name,
        exercise.summary,
        *exercise.aliases,
        *(muscle_label(m) for m in exercise.muscles),
        *(equipment_label(e) for e in exercise.equipment),
        QCoreApplication.translate("Words", "no equipment") if exercise.needs_no_equipment else "",
        position_label(exercise.position),
        mode_label(exercise.mode),
        *exercise.steps,
    ]
    return " ".join(parts).casefold()


def phase_words(phase: Phase, sub_phase: SubPhase | None, library: Library) -> str:
    """What the engine's `Session.label` says ('Hold', 'Down', 'Switch to your right leg'),
    in the UI language: the engine's own words are English only.
    """
    from gluteapp.core.timeline import PhaseKind, SubPhase, limb_word  # not at start-up

    translate = QCoreApplication.translate
    if sub_phase is SubPhase.DOWN:
        return translate("Words", "Down")
    if sub_phase is SubPhase.PAUSE:
        return translate("Words", "Hold")
    if sub_phase is SubPhase.UP:
        return translate("Words", "Up")
    kind = phase.kind
    count = phase.target_reps or 0
    if kind is PhaseKind.SWITCH_SIDES and phase.side in (Side.LEFT, Side.RIGHT):
        exercise = library.get(phase.exercise_id or "")
        side_lying = exercise is not None and limb_word(exercise) == "side"
        if phase.side is Side.LEFT:
            return (translate("Words", "Switch to your left side") if side_lying
                    else translate("Words", "Switch to your left leg"))
        return (translate("Words", "Switch to your right side") if side_lying
                else translate("Words", "Switch to your right leg"))
    if kind is PhaseKind.STEPS:
        return Words.tr("Take %n steps", "", count)
    if kind is PhaseKind.REPS:
        return Words.tr("Do %n reps", "", count)
    if kind is PhaseKind.PREPARE:
        return translate("Words", "Get ready")
    if kind is PhaseKind.HOLD:
        return translate("Words", "Hold")
    if kind is PhaseKind.TEMPO:
        return translate("Words", "Tempo reps")
    if kind.is_rest:
        return translate("Words", "Rest")
    if kind is PhaseKind.DONE:
        return translate("Words", "Done")
    return phase.label


# -- the one safety rule (core.safety holds its numbers and points; these are its words) --------


def safety_rule(point: RulePoint) -> str:
    """One point of the safety rule, in the UI language, with core's thresholds in it.

    The disclaimer page, the README and the first run say these same sentences; a test checks
    that the English page holds every one of them word for word.
    """
    translate = QCoreApplication.translate
    if point is RulePoint.ASK_FIRST:
        return translate(
            "Words",
            "If you have pain now, a medical condition, or an injury or operation behind you, "
            "ask a doctor or physiotherapist before you start. A programme from your "
            "physiotherapist comes before anything this app suggests.")
    if point is RulePoint.BURN_IS_NOT_PAIN:
        return translate(
            "Words",
            "Effort, a burn or tiredness in the muscles you are working is not pain: rate it 0.")
    if point is RulePoint.NO_PAIN_TO_PROGRESS:
        return translate(
            "Words",
            "A dose moves up only after {0} sessions in a row done in full with no pain at all."
        ).format(safety.PAIN_FREE_SESSIONS_TO_PROGRESS)
    if point is RulePoint.MILD_PAIN_HOLDS:
        return translate(
            "Words",
            "Mild pain, 1 to {0} out of 10, that stays the same and settles soon after: you may "
            "finish the set, but the dose stays where it is.").format(safety.STOP_PAIN_MIN - 1)
    if point is RulePoint.STOP_THE_SET:
        return translate(
            "Words",
            "Stop the set (press “It hurts”) when pain reaches {0} out of 10, grows during the "
            "set, is sharp, or is in a joint or your lower back. Next time, do the easier version "
            "or another exercise for the same muscle.").format(safety.STOP_PAIN_MIN)
    return translate(
        "Words",
        "Stop the session and ask a doctor or physiotherapist before you train again if pain "
        "spreads down a leg, comes with numbness, tingling or dizziness, has not settled by the "
        "next day, or comes back each time you do an exercise, in its easier version too.")


def safety_rule_lines() -> list[str]:
    """Every point of the safety rule, in the order they are always said."""
    return [safety_rule(point) for point in RulePoint]


def pain_scale_hint() -> str:
    """Under the pain buttons: what the numbers mean under the safety rule."""
    return QCoreApplication.translate(
        "Words",
        "0: no pain (a burn in the working muscles is not pain). 1 to {0}: the dose stays. "
        "{1} or more: stop this exercise.").format(safety.STOP_PAIN_MIN - 1, safety.STOP_PAIN_MIN)


def pain_reason(reason: Reason, worst_pain: int | None) -> str | None:
    """Why a dose changed or stayed, for the reasons the safety rule decides; None for others."""
    from gluteapp.core.progression import Reason  # msgspec and the library: not at start-up

    translate = QCoreApplication.translate
    if reason is Reason.READY:
        return translate(
            "Words",
            "You completed it in your last two sessions with no pain at all, and felt it in your "
            "glutes.")
    if reason is Reason.SOME_PAIN:
        return translate(
            "Words",
            "There was some pain in one of your last two sessions. Any pain holds the dose; it "
            "moves up only after sessions with no pain.")
    if reason is Reason.PAIN_STOPPED:
        return translate(
            "Words",
            "You rated the pain {0} out of 10 last time: pain that stops a set. Today: the easier "
            "version or another exercise for the same muscle.").format(worst_pain)
    if reason is Reason.IT_HURT:
        return translate(
            "Words",
            "You pressed “It hurts” during it last time: pain that stops a set. Today: the "
            "easier version or another exercise for the same muscle.")
    if reason is Reason.PAIN_AGAIN:
        return translate(
            "Words",
            "Pain stopped a set in each of your last two sessions. Ask a doctor or "
            "physiotherapist before you do this exercise again.")
    return None


def alternatives_text(names: list[str]) -> str:
    """After pain: the other exercises for the same muscle, by name."""
    return QCoreApplication.translate(
        "Words", "Or another exercise for the same muscle: {0}.").format(", ".join(names))


#: What the person chose after "It hurts", inside a sentence ("... : you ended the session").
HURT_CHOICE_PHRASES: dict[HurtChoice, str] = {
    HurtChoice.SKIP_EXERCISE: QT_TRANSLATE_NOOP("Words", "you skipped the rest of the exercise"),
    HurtChoice.END_SESSION: QT_TRANSLATE_NOOP("Words", "you ended the session"),
    HurtChoice.CARRY_ON: QT_TRANSLATE_NOOP("Words", "it eased and you carried on"),
}


def hurt_choice_phrase(choice: HurtChoice | None) -> str:
    """What was chosen after "It hurts"; said plainly when nothing was (the app stopped)."""
    if choice is None:
        return QCoreApplication.translate("Words", "no choice was made")
    return _translate(HURT_CHOICE_PHRASES[choice])


def hurt_text(hurt: Hurt, exercise_name: str) -> str:
    """One "It hurts" in a sentence: 'Side plank, set 2, right side: you ended the session'."""
    translate = QCoreApplication.translate
    if hurt.exercise_id is None:
        during = translate("Words", "Not during an exercise")
    elif hurt.side in (Side.LEFT, Side.RIGHT) and hurt.set_number:
        during = translate("Words", "{0}, set {1}, {2} side").format(
            exercise_name, hurt.set_number, side_label(hurt.side))
    elif hurt.set_number:
        during = translate("Words", "{0}, set {1}").format(exercise_name, hurt.set_number)
    else:
        during = exercise_name
    return translate("Words", "{0}: {1}").format(during, hurt_choice_phrase(hurt.choice))


#: What a programme file holds (`gluteapp.core.programme.Kind`, by value: that module loads
#: only when a programme is exported or imported).
PROGRAMME_KIND_WORDS: dict[str, str] = {
    "routine": QT_TRANSLATE_NOOP("Words", "Routine"),
    "exercise": QT_TRANSLATE_NOOP("Words", "Your exercise"),
}

#: What importing finds for each item in the data folder (`gluteapp.core.programme.Status`).
PROGRAMME_STATUS_WORDS: dict[str, str] = {
    "new": QT_TRANSLATE_NOOP("Words", "New"),
    "same": QT_TRANSLATE_NOOP("Words", "Already here, the same"),
    "conflict": QT_TRANSLATE_NOOP("Words", "Already here, different"),
}


def programme_item_words(kind: str, status: str) -> tuple[str, str]:
    """An item of a programme file and what importing finds: ('Routine', 'New')."""
    return _translate(PROGRAMME_KIND_WORDS[kind]), _translate(PROGRAMME_STATUS_WORDS[status])
