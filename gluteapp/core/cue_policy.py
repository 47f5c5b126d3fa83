"""Which sound or phrase each session event gets: the cue policy, pure and clock-free.

The engine says what happened and when it was due; this module says what a person across the
room should hear for it. Settings (beeps, voice, ticks, halfway, mute) are applied when a cue
is played, so the plan is the same whatever the settings, and the flash always happens.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from gluteapp.core.cues import Audible, Cue, Phrase, Utterance, rest_phrases
from gluteapp.core.engine import (
    CountdownTick,
    Event,
    Halfway,
    NextExercise,
    PhaseKind,
    PhaseStarted,
    RepSubPhase,
    RestEnded,
    RestStarted,
    SessionFinished,
    SubPhase,
    SwitchSides,
)
from gluteapp.core.records import Side

COUNT_PHRASES = {3: Phrase.THREE, 2: Phrase.TWO, 1: Phrase.ONE}
SWITCH_PHRASES = {Side.LEFT: Phrase.SWITCH_LEFT, Side.RIGHT: Phrase.SWITCH_RIGHT}


@dataclass(frozen=True)
class PlannedCue:
    item: Audible
    due_at: float


@dataclass(frozen=True)
class SpokenSetup:
    """What may be spoken before an exercise when text-to-speech exists."""

    name: str
    first_step: str = ""
    tip: str = ""


class CuePolicy:
    """Turns engine events into planned cues; remembers only which phase is running."""

    def __init__(
        self,
        describe: Callable[[str], SpokenSetup | None],
        tick_last_s: int = 3,
        speak_setup: bool = True,
    ) -> None:
        self._describe = describe
        self._tick_last_s = tick_last_s
        self._speak_setup = speak_setup
        self._phase: PhaseKind | None = None

    def plan(self, events: Sequence[Event]) -> list[PlannedCue]:
        planned: list[PlannedCue] = []
        for event in events:
            planned.extend(PlannedCue(item, event.at) for item in self._cues(event))
        return planned

    def _cues(self, event: Event) -> list[Audible]:
        if isinstance(event, PhaseStarted):
            previous, self._phase = self._phase, event.phase.kind
            return self._phase_started(event, previous)
        if isinstance(event, CountdownTick):
            return self._countdown(event.seconds_left)
        if isinstance(event, Halfway):
            return [Cue.HALFWAY, Phrase.HALFWAY]
        if isinstance(event, RepSubPhase):
            if event.sub_phase is SubPhase.DOWN:
                return [Cue.REP_DOWN]
            if event.sub_phase is SubPhase.UP:
                return [Cue.REP_UP]
            return []
        if isinstance(event, SwitchSides):
            phrase = SWITCH_PHRASES.get(event.to_side)
            return [Cue.SWITCH_SIDES, *([phrase] if phrase else [])]
        if isinstance(event, RestStarted):
            return list(rest_phrases(round(event.duration_s)))
        if isinstance(event, RestEnded):
            return [Cue.REST_OVER]
        if isinstance(event, NextExercise):
            return self._next_exercise(event.exercise_id)
        if isinstance(event, SessionFinished):
            return [Cue.SESSION_COMPLETE, Phrase.SESSION_COMPLETE]
        return []  # LastSeconds and SetCompleted are shown, not sounded

    def _phase_started(self, event: PhaseStarted, previous: PhaseKind | None) -> list[Audible]:
        phase = event.phase
        if phase.kind is PhaseKind.PREPARE:
            return [Phrase.GET_READY]
        if not phase.kind.is_work:
            return []
        cues: list[Audible] = [Cue.GO, Phrase.GO]
        # "Last set" once per set: not again when the second side starts after a switch.
        if (phase.set_count > 1 and phase.set_number == phase.set_count
                and previous is not PhaseKind.SWITCH_SIDES):
            cues.append(Phrase.LAST_SET)
        return cues

    def _countdown(self, seconds_left: int) -> list[Audible]:
        phase = self._phase
        if phase is not None and phase.is_work:
            # The end of a hold: short ticks in the last seconds, no words over the effort.
            return [Cue.LAST_TICK] if seconds_left <= self._tick_last_s else []
        phrase = COUNT_PHRASES.get(seconds_left)
        return [Cue.PREPARE_TICK, *([phrase] if phrase else [])]

    def _next_exercise(self, exercise_id: str) -> list[Audible]:
        setup = self._describe(exercise_id)
        if setup is None:
            return [Phrase.NEXT]
        cues: list[Audible] = [Phrase.NEXT, Utterance(setup.name)]
        if self._speak_setup:
            cues += [Utterance(text) for text in (setup.first_step, setup.tip) if text.strip()]
        return cues
