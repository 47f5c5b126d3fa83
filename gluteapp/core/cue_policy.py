"""Which sound or phrase each session event gets: the cue policy, pure and clock-free.

The engine says what happened and when it was due; this module says what a person across the
room should hear for it. Settings (beeps, voice, ticks, halfway, mute) are applied when a cue
is played, so the plan is the same whatever the settings, and the flash always happens.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from msgspec import Struct

from gluteapp.core.cues import (
    Audible,
    Cue,
    Phrase,
    Priority,
    Utterance,
    estimate_speech_s,
    rest_phrases,
)
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


#: The spoken count of a get-ready or a rest starts this many seconds before its end.
COUNTDOWN_S = max(COUNT_PHRASES)
#: A rough length of a fixed phrase, when no clip length is given ("get ready", "next").
PHRASE_S = 1.0


class PlannedCue(Struct, frozen=True):
    """A cue to play at `due_at`; priority and staleness default to the cue's own (core.cues)."""

    item: Audible
    due_at: float
    priority: int | None = None
    stale_after_s: float | None = None


class SpokenSetup(Struct, frozen=True):
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
        speech_s: Callable[[Audible], float] | None = None,
    ) -> None:
        self._describe = describe
        self._tick_last_s = tick_last_s
        self._speak_setup = speak_setup
        self._speech_s = speech_s or _estimated_speech_s
        self._phase: PhaseKind | None = None
        self._phase_s = 0.0  # the length of the phase under way (0 when self-paced)
        self._said_s = 0.0  # how long the voice is busy from that phase's start

    def plan(self, events: Sequence[Event]) -> list[PlannedCue]:
        planned: list[PlannedCue] = []
        for event in events:
            if isinstance(event, NextExercise):
                planned.extend(self._next_exercise(event))
                continue
            items = self._cues(event)
            if isinstance(event, PhaseStarted | RestStarted | SwitchSides):
                self._said_s += sum(self._speech_s(i) for i in items if not isinstance(i, Cue))
            planned.extend(PlannedCue(item, event.at) for item in items)
        return planned

    def _cues(self, event: Event) -> list[Audible]:
        if isinstance(event, PhaseStarted):
            previous, self._phase = self._phase, event.phase.kind
            self._phase_s, self._said_s = event.phase.duration_s or 0.0, 0.0
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

    def _next_exercise(self, event: NextExercise) -> list[PlannedCue]:
        """Its name and first step, said after what the phase began with; the tip if it fits.

        They queue behind "get ready" or "rest, sixty seconds" at that phrase's priority, so
        nothing pre-empts them, and stay good for the whole phase: in a short get-ready the
        first step may run into the spoken count, whose beeps still sound. The tip is said
        only when it can end before the count starts.
        """
        before_the_first = self._phase is PhaseKind.PREPARE
        setup = self._describe(event.exercise_id)
        # "Get ready" already says what is happening; between exercises "next" introduces it.
        items: list[Audible] = [] if before_the_first else [Phrase.NEXT]
        tip: Utterance | None = None
        if setup is not None:
            items.append(Utterance(setup.name))
            if self._speak_setup and setup.first_step.strip():
                items.append(Utterance(setup.first_step))
            if self._speak_setup and setup.tip.strip():
                tip = Utterance(setup.tip)
        self._said_s += sum(self._speech_s(item) for item in items)
        if tip is not None and self._said_s + self._speech_s(tip) <= self._phase_s - COUNTDOWN_S:
            items.append(tip)
            self._said_s += self._speech_s(tip)
        priority = Priority.HIGH if before_the_first else Priority.NORMAL
        stale = max(self._phase_s, 2.0)  # waiting its turn is fine for the whole phase
        return [PlannedCue(item, event.at, priority, stale) for item in items]


def _estimated_speech_s(item: Audible) -> float:
    if isinstance(item, Utterance):
        return estimate_speech_s(item.text)
    return PHRASE_S
