"""The one GUI home of the words for core's enums and the engine's phases, in the UI language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from gluteapp.core.engine import Phase, PhaseKind, SubPhase
from gluteapp.core.exercises import Library
from gluteapp.core.records import Side
from gluteapp.core.timeline import limb_word


def phase_words(phase: Phase, sub_phase: SubPhase | None, library: Library) -> str:
    """What the engine's `Session.label` says ('Hold', 'Down', 'Switch to your right leg'),
    in the UI language: the engine's own words are English only.

    Literal translate() calls: pyside6-lupdate finds no text passed through a helper.
    """
    translate = QCoreApplication.translate
    if sub_phase is SubPhase.DOWN:
        return translate("PlayerView", "Down")
    if sub_phase is SubPhase.PAUSE:
        return translate("PlayerView", "Hold")
    if sub_phase is SubPhase.UP:
        return translate("PlayerView", "Up")
    kind = phase.kind
    if kind is PhaseKind.SWITCH_SIDES and phase.side in (Side.LEFT, Side.RIGHT):
        exercise = library.get(phase.exercise_id or "")
        side_lying = exercise is not None and limb_word(exercise) == "side"
        if phase.side is Side.LEFT:
            return (translate("PlayerView", "Switch to your left side") if side_lying
                    else translate("PlayerView", "Switch to your left leg"))
        return (translate("PlayerView", "Switch to your right side") if side_lying
                else translate("PlayerView", "Switch to your right leg"))
    if kind is PhaseKind.STEPS:
        return translate("PlayerView", "Take {0} steps").format(phase.target_reps)
    if kind is PhaseKind.REPS:
        return translate("PlayerView", "Do {0} reps").format(phase.target_reps)
    if kind is PhaseKind.PREPARE:
        return translate("PlayerView", "Get ready")
    if kind is PhaseKind.HOLD:
        return translate("PlayerView", "Hold")
    if kind is PhaseKind.TEMPO:
        return translate("PlayerView", "Tempo reps")
    if kind.is_rest:
        return translate("PlayerView", "Rest")
    if kind is PhaseKind.DONE:
        return translate("PlayerView", "Done")
    return phase.label
