"""The player's words for each phase: the engine's English labels, said through the translation."""

from __future__ import annotations

import pytest

from gluteapp.core.assets import builtin_library
from gluteapp.core.engine import PhaseKind, SubPhase
from gluteapp.core.exercises import Library
from gluteapp.core.records import Side
from gluteapp.core.routines import builtin_routines
from gluteapp.core.timeline import SessionOptions, compile_timeline
from gluteapp.gui.player.view import phase_words


@pytest.fixture(scope="module")
def library() -> Library:
    return builtin_library()


def test_in_english_every_phase_reads_as_the_engine_says(library: Library) -> None:
    seen: set[PhaseKind] = set()
    switches: set[str] = set()
    for weaker in (Side.LEFT, Side.RIGHT):
        for routine in builtin_routines(library):
            options = SessionOptions(weaker_side=weaker)
            for phase in compile_timeline(routine, library, options):
                assert phase_words(phase, None, library) == phase.label, (routine.id, phase)
                seen.add(phase.kind)
                if phase.kind is PhaseKind.SWITCH_SIDES:
                    switches.add(phase.label)
    # The built-ins cover every kind of phase and both limbs, so the table above is complete.
    assert seen == set(PhaseKind)
    assert switches == {f"Switch to your {side} {limb}" for side in ("left", "right")
                        for limb in ("leg", "side")}


def test_the_parts_of_a_tempo_rep(library: Library) -> None:
    phase = compile_timeline(builtin_routines(library)[0], library)[1]
    words = [phase_words(phase, part, library) for part in SubPhase]
    assert words == [part.label for part in SubPhase] == ["Down", "Hold", "Up"]
