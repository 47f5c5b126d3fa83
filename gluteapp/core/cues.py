"""Cue names, priorities and settings, and the queue that decides which cue to play now.

Pure Python and clock-free: every method that cares about time takes `now` (monotonic seconds).
Two channels share the speaker. Voice never overlaps voice: the queue remembers until when the
current phrase speaks. Beeps may sound over speech. A cue that could only play late is dropped
instead (a "three" heard half a second after the beep is worse than none). When cues collide
the less important one yields: beeps due together sound as one (the most important; a cue that
starts or ends work is merged into it, never dropped), phrases due together are said in turn,
and a phrase still waiting when a more important one takes the voice is dropped, unless it
starts or ends work.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from enum import Enum, IntEnum
from typing import Final, TypeAlias

import msgspec.structs
from msgspec import Struct


class Cue(Enum):
    """The synthesised sounds; each value is a file name under assets/sounds without `.wav`.

    Plain Enum rather than StrEnum on purpose: `Cue.GO` and `Phrase.GO` must not compare equal.
    """

    PREPARE_TICK = "prepare_tick"
    GO = "go"
    HALFWAY = "halfway"
    LAST_TICK = "last_tick"
    REP_DOWN = "rep_down"
    REP_UP = "rep_up"
    SWITCH_SIDES = "switch_sides"
    REST_OVER = "rest_over"
    SESSION_COMPLETE = "session_complete"


class Phrase(Enum):
    """The recorded voice clips; each value is a file name under assets/voice without `.wav`."""

    GET_READY = "get_ready"
    THREE = "three"
    TWO = "two"
    ONE = "one"
    GO = "go"
    SWITCH_LEFT = "switch_left"
    SWITCH_RIGHT = "switch_right"
    REST = "rest"
    LAST_SET = "last_set"
    HALFWAY = "halfway"
    NEXT = "next"
    SECONDS = "seconds"
    SESSION_COMPLETE = "session_complete"
    FIFTEEN = "fifteen"
    THIRTY = "thirty"
    FORTY_FIVE = "forty_five"
    SIXTY = "sixty"
    SEVENTY_FIVE = "seventy_five"
    NINETY = "ninety"


class Utterance(Struct, frozen=True):
    """Free text for a text-to-speech engine (exercise names, setup steps, coach tips)."""

    text: str

    def __post_init__(self) -> None:
        if not self.text.strip():
            raise ValueError("an utterance needs some text")


Audible: TypeAlias = Cue | Phrase | Utterance


class Channel(Enum):
    BEEP = "beep"
    VOICE = "voice"


def channel_of(item: Audible) -> Channel:
    return Channel.BEEP if isinstance(item, Cue) else Channel.VOICE


class Priority(IntEnum):
    """Higher wins when cues compete for a channel."""

    LOW = 10  # rep clicks, coach tips
    NORMAL = 20  # ticks, halfway, rest announcements
    HIGH = 30  # the countdown, go, switch sides, rest over
    URGENT = 40  # session complete


DEFAULT_PRIORITY: Final[Mapping[Cue | Phrase, Priority]] = {
    Cue.PREPARE_TICK: Priority.HIGH,
    Cue.GO: Priority.HIGH,
    Cue.HALFWAY: Priority.NORMAL,
    Cue.LAST_TICK: Priority.NORMAL,
    Cue.REP_DOWN: Priority.LOW,
    Cue.REP_UP: Priority.LOW,
    Cue.SWITCH_SIDES: Priority.HIGH,
    Cue.REST_OVER: Priority.HIGH,
    Cue.SESSION_COMPLETE: Priority.URGENT,
    Phrase.GET_READY: Priority.HIGH,
    Phrase.THREE: Priority.HIGH,
    Phrase.TWO: Priority.HIGH,
    Phrase.ONE: Priority.HIGH,
    Phrase.GO: Priority.HIGH,
    Phrase.SWITCH_LEFT: Priority.HIGH,
    Phrase.SWITCH_RIGHT: Priority.HIGH,
    Phrase.REST: Priority.NORMAL,
    Phrase.LAST_SET: Priority.NORMAL,
    Phrase.HALFWAY: Priority.NORMAL,
    Phrase.NEXT: Priority.NORMAL,
    Phrase.SECONDS: Priority.NORMAL,
    Phrase.SESSION_COMPLETE: Priority.URGENT,
    Phrase.FIFTEEN: Priority.NORMAL,
    Phrase.THIRTY: Priority.NORMAL,
    Phrase.FORTY_FIVE: Priority.NORMAL,
    Phrase.SIXTY: Priority.NORMAL,
    Phrase.SEVENTY_FIVE: Priority.NORMAL,
    Phrase.NINETY: Priority.NORMAL,
}
UTTERANCE_PRIORITY: Final = Priority.LOW
#: The cues that mark the start or the end of work: never dropped for another cue.
WORK_MARKS: Final[frozenset[Cue | Phrase]] = frozenset({
    Cue.GO,
    Cue.REST_OVER,
    Cue.SWITCH_SIDES,
    Cue.SESSION_COMPLETE,
    Phrase.GO,
    Phrase.SWITCH_LEFT,
    Phrase.SWITCH_RIGHT,
    Phrase.REST,
    Phrase.SESSION_COMPLETE,
})


# How late a cue may still play. Timing beeps are worthless late; announcements keep their
# meaning for a while, and chained phrases ("rest", "sixty", "seconds") wait for each other.
BEEP_STALE_AFTER_S: Final = 0.15
COUNTDOWN_STALE_AFTER_S: Final = 0.4
VOICE_STALE_AFTER_S: Final = 2.0
UTTERANCE_STALE_AFTER_S: Final = 6.0
_STALE_AFTER_S: Final[Mapping[Cue | Phrase, float]] = {
    Cue.SWITCH_SIDES: 1.0,
    Cue.REST_OVER: 1.0,
    Cue.SESSION_COMPLETE: 3.0,
    Phrase.THREE: COUNTDOWN_STALE_AFTER_S,
    Phrase.TWO: COUNTDOWN_STALE_AFTER_S,
    Phrase.ONE: COUNTDOWN_STALE_AFTER_S,
    Phrase.GO: COUNTDOWN_STALE_AFTER_S,
}

# espeak and most engines speak English at roughly 14 characters a second.
_SPEECH_CHARS_PER_S: Final = 14.0

_NUMBER_PHRASES: Final[Mapping[int, Phrase]] = {
    15: Phrase.FIFTEEN,
    30: Phrase.THIRTY,
    45: Phrase.FORTY_FIVE,
    60: Phrase.SIXTY,
    75: Phrase.SEVENTY_FIVE,
    90: Phrase.NINETY,
}


def default_priority(item: Audible) -> Priority:
    if isinstance(item, Utterance):
        return UTTERANCE_PRIORITY
    return DEFAULT_PRIORITY[item]


def marks_work(item: Audible) -> bool:
    """Whether the cue says work starts or ends ("go", "rest", switch sides, the finale)."""
    return not isinstance(item, Utterance) and item in WORK_MARKS


def default_stale_after_s(item: Audible) -> float:
    if isinstance(item, Utterance):
        return UTTERANCE_STALE_AFTER_S
    fallback = BEEP_STALE_AFTER_S if isinstance(item, Cue) else VOICE_STALE_AFTER_S
    return _STALE_AFTER_S.get(item, fallback)


def estimate_speech_s(text: str) -> float:
    """A rough speaking time, used as the busy time of text-to-speech until it reports back."""
    return max(0.5, len(text) / _SPEECH_CHARS_PER_S)


def number_phrase(seconds: int) -> Phrase | None:
    """The clip that says `seconds`, if there is one (15, 30, ... 90)."""
    return _NUMBER_PHRASES.get(seconds)


def rest_phrases(rest_s: int) -> tuple[Phrase, ...]:
    """'Rest, sixty seconds' when a clip exists for the length, else just 'Rest'."""
    number = number_phrase(rest_s)
    if number is None:
        return (Phrase.REST,)
    return (Phrase.REST, number, Phrase.SECONDS)


class CueSettings(Struct, frozen=True):
    """What the person wants to hear; declared once, stored by the GUI's settings wrapper."""

    beeps_on: bool = True
    voice_on: bool = True
    tick_last_s: int = 3  # beep each of the last N seconds of a timed hold; 0 turns it off
    halfway_cue: bool = True
    volume: float = 0.8  # 0.0 silent .. 1.0 full scale
    muted: bool = False

    def __post_init__(self) -> None:
        if not (math.isfinite(self.volume) and 0.0 <= self.volume <= 1.0):
            raise ValueError(f"volume must be between 0 and 1, not {self.volume}")
        if not 0 <= self.tick_last_s <= 10:
            raise ValueError(f"tick_last_s must be between 0 and 10, not {self.tick_last_s}")

    @property
    def effective_volume(self) -> float:
        return 0.0 if self.muted else self.volume

    def allows(self, item: Audible) -> bool:
        """Whether the settings let this cue be heard (the visual flash happens regardless)."""
        if self.muted:
            return False
        if item in (Cue.HALFWAY, Phrase.HALFWAY) and not self.halfway_cue:
            return False
        if item is Cue.LAST_TICK and self.tick_last_s == 0:
            return False
        return self.beeps_on if channel_of(item) is Channel.BEEP else self.voice_on

    def with_volume(self, volume: float) -> CueSettings:
        """A copy with the volume clamped into range."""
        return msgspec.structs.replace(self, volume=min(1.0, max(0.0, volume)))


class QueuedCue(Struct, frozen=True):
    item: Audible
    due_at: float
    priority: int
    stale_after_s: float
    duration_s: float
    seq: int  # push order, the last tie-breaker

    @property
    def channel(self) -> Channel:
        return channel_of(self.item)

    @property
    def name(self) -> str:
        return self.item.text if isinstance(self.item, Utterance) else self.item.value

    @property
    def marks_work(self) -> bool:
        return marks_work(self.item)

    def is_stale(self, now: float) -> bool:
        return now - self.due_at > self.stale_after_s


class DropReason(Enum):
    STALE = "stale"  # could only have played too late
    PRE_EMPTED = "pre-empted"  # a higher-priority cue took the channel
    MERGED = "merged"  # heard as one with a beep due at the same moment (nothing is missing)


class Dropped(Struct, frozen=True):
    cue: QueuedCue
    reason: DropReason
    at: float


class CueQueue:
    """Scheduled cues waiting for their time; `pop_due(now)` says what to start playing now."""

    def __init__(self) -> None:
        self._pending: list[QueuedCue] = []
        self._dropped: list[Dropped] = []
        self._voice_busy_until = -math.inf
        self._seq = 0

    def __len__(self) -> int:
        return len(self._pending)

    @property
    def voice_busy_until(self) -> float:
        return self._voice_busy_until

    def push(
        self,
        cue: Audible,
        due_at: float,
        priority: int | None = None,
        stale_after_s: float | None = None,
        *,
        duration_s: float = 0.0,
    ) -> QueuedCue:
        """Schedule `cue` for `due_at`; `duration_s` is how long a voice cue occupies the voice."""
        stale = default_stale_after_s(cue) if stale_after_s is None else stale_after_s
        if stale < 0 or duration_s < 0:
            raise ValueError("stale_after_s and duration_s must not be negative")
        if isinstance(cue, Utterance) and duration_s == 0.0:
            duration_s = estimate_speech_s(cue.text)
        queued = QueuedCue(
            item=cue,
            due_at=due_at,
            priority=default_priority(cue) if priority is None else priority,
            stale_after_s=stale,
            duration_s=duration_s,
            seq=self._seq,
        )
        self._seq += 1
        self._pending.append(queued)
        return queued

    def pop_due(self, now: float) -> list[QueuedCue]:
        """The cues to start now (at most one per channel), in start order; drops stale losers."""
        keep: list[QueuedCue] = []
        due: dict[Channel, list[QueuedCue]] = {Channel.BEEP: [], Channel.VOICE: []}
        for queued in self._pending:
            if queued.due_at > now:
                keep.append(queued)
            elif queued.is_stale(now):
                self._drop(queued, DropReason.STALE, now)
            else:
                due[queued.channel].append(queued)

        started: list[QueuedCue] = []
        beeps = due[Channel.BEEP]
        if beeps:
            # Beeps due together sound as one: the loudest claim, then a mark of work; a tie
            # goes to the most recent. A beep cannot wait, so the others yield, and a mark of
            # work ("rest over" with "go") is merged into the one heard.
            winner = max(beeps, key=lambda q: (q.priority, q.marks_work, q.due_at, -q.seq))
            started.append(winner)
            for loser in beeps:
                if loser is not winner:
                    reason = DropReason.MERGED if loser.marks_work else DropReason.PRE_EMPTED
                    self._drop(loser, reason, now)

        voices = due[Channel.VOICE]
        if voices and now >= self._voice_busy_until:
            # Speech keeps its order: highest priority first, then a mark of work, then the
            # earliest due, then FIFO.
            winner = max(voices, key=lambda q: (q.priority, q.marks_work, -q.due_at, -q.seq))
            started.append(winner)
            self._voice_busy_until = now + winner.duration_s
            for other in voices:
                if other is winner:
                    continue
                if self._pre_empted(other, winner):
                    self._drop(other, DropReason.PRE_EMPTED, now)
                else:
                    keep.append(other)  # waits its turn behind the winner
        else:
            keep.extend(voices)  # the voice is busy; they wait until it is free or they go stale

        keep.sort(key=lambda q: q.seq)
        self._pending = keep
        return started

    @staticmethod
    def _pre_empted(waiting: QueuedCue, winner: QueuedCue) -> bool:
        """A less important phrase left over from before yields to the one taking the voice.

        Phrases due together (one announcement: "go" and "last set") are said in turn, and a
        mark of work is never dropped for another phrase.
        """
        return (waiting.priority < winner.priority and waiting.due_at < winner.due_at
                and not waiting.marks_work)

    def withdraw_after(self, after: float) -> list[QueuedCue]:
        """Take back the cues due after `after` that have not started (a plan that changed)."""
        withdrawn = [q for q in self._pending if q.due_at > after]
        self._pending = [q for q in self._pending if q.due_at <= after]
        return withdrawn

    def next_due_at(self) -> float | None:
        """The earliest time `pop_due` could start something, or None when nothing is queued."""
        times = [
            max(q.due_at, self._voice_busy_until) if q.channel is Channel.VOICE else q.due_at
            for q in self._pending
        ]
        return min(times, default=None)

    def voice_finished(self, now: float) -> None:
        """The voice went quiet earlier than its estimated duration (text-to-speech reported)."""
        self._voice_busy_until = min(self._voice_busy_until, now)

    def clear(self) -> None:
        """Forget everything queued (a skipped or stopped session); speech in flight stays busy."""
        self._pending.clear()

    def take_dropped(self) -> list[Dropped]:
        """The cues dropped since the last call, for the log and for tests."""
        dropped, self._dropped = self._dropped, []
        return dropped

    def _drop(self, queued: QueuedCue, reason: DropReason, now: float) -> None:
        self._dropped.append(Dropped(queued, reason, now))
