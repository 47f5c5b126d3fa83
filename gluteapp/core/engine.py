"""The session engine: walks a compiled timeline on injected monotonic time and reports events.

It never reads a clock. Every method takes `now` (monotonic seconds). A timed phase keeps the
active time it had when last paused (`_elapsed_base`) and when it last resumed (`_resumed_at`);
its deadline and every cue time follow from those two numbers, so however late or often `tick`
is called, each event carries the time it was due (`at`) and the next phase starts exactly at
the previous deadline. Every action first catches up to `now`, then acts, and returns the events
it caused, in order.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from enum import Enum

from msgspec import Struct
from msgspec.structs import replace

from gluteapp.core.exercises import Library
from gluteapp.core.records import SessionStatus, SetKey, Side
from gluteapp.core.routines import Routine
from gluteapp.core.timeline import (
    Phase,
    PhaseKind,
    SessionOptions,
    SubPhase,
    compile_timeline,
    routine_duration_s,
)

__all__ = [
    "CountdownTick",
    "Event",
    "ExerciseTotals",
    "Halfway",
    "LastSeconds",
    "NextExercise",
    "Phase",
    "PhaseKind",
    "PhaseStarted",
    "RepPosition",
    "RepSubPhase",
    "RestEnded",
    "RestStarted",
    "Session",
    "SessionFinished",
    "SessionOptions",
    "SessionStarted",
    "SessionTotals",
    "SetCompleted",
    "SetKey",
    "SubPhase",
    "SwitchSides",
    "routine_duration_s",
    "set_key",
]

# --- events --------------------------------------------------------------------------------------

def set_key(phase: Phase) -> SetKey | None:
    """The history's key of a work phase's set; None for phases that are not a set."""
    if not phase.kind.is_work or phase.exercise_id is None or phase.side is None:
        return None
    return (phase.exercise_id, phase.set_number, phase.side.value)



class SessionStarted(Struct, frozen=True):
    """The session began (or, with `resumed`, picked up where an interrupted one stopped)."""

    at: float
    resumed: bool = False


class CountdownTick(Struct, frozen=True):
    """`seconds_left` (3, 2, 1) before a timed phase ends and the next one starts."""

    at: float
    seconds_left: int


class PhaseStarted(Struct, frozen=True):
    at: float
    phase: Phase


class Halfway(Struct, frozen=True):
    """Half of a timed hold is done."""

    at: float


class LastSeconds(Struct, frozen=True):
    """`seconds_left` remain of a hold or a rest, e.g. 'ten seconds'."""

    at: float
    seconds_left: int


class RepSubPhase(Struct, frozen=True):
    """A tempo rep enters its down, pause or up part; rep_number counts from 1."""

    at: float
    sub_phase: SubPhase
    rep_number: int
    rep_count: int
    duration_s: int


class SwitchSides(Struct, frozen=True):
    at: float
    to_side: Side


class RestStarted(Struct, frozen=True):
    at: float
    duration_s: float
    between_exercises: bool


class RestEnded(Struct, frozen=True):
    at: float


class NextExercise(Struct, frozen=True):
    """The exercise coming up, announced as the get-ready and between-exercise rests start."""

    at: float
    exercise_id: str


class SetCompleted(Struct, frozen=True):
    """One set, or one side of a set, as it was done.

    A set left early (skip, skip exercise, end early, Done during a timed set) is `cut_short` and
    counts what was done: held seconds excluding pauses, or whole tempo reps. A hold shorter than
    `SessionOptions.min_recorded_hold_s`, a tempo set without one whole rep, and a self-paced set
    that was skipped rather than marked Done produce no SetCompleted. A set redone after `back` is
    reported again with the same set_number and side; the later report is the one that stands.
    """

    at: float
    exercise_id: str
    step_index: int
    set_number: int
    set_count: int
    side: Side
    target_reps: int | None
    target_hold_s: float | None
    achieved_reps: int | None
    achieved_hold_s: float | None
    started_at_mono: float
    ended_at_mono: float
    active_s: float  # time spent in the set, pauses excluded
    cut_short: bool


class ExerciseTotals(Struct, frozen=True):
    step_index: int
    exercise_id: str
    sets_done: int  # sets with at least one side recorded
    sets_planned: int
    reps: int
    hold_s: float
    work_s: float


class SessionTotals(Struct, frozen=True):
    sets_done: int
    sets_planned: int
    reps: int
    hold_s: float
    work_s: float
    per_exercise: tuple[ExerciseTotals, ...]


class SessionFinished(Struct, frozen=True):
    at: float
    status: SessionStatus  # COMPLETED or ENDED_EARLY
    started_at_mono: float
    elapsed_s: float
    totals: SessionTotals


Event = (
    SessionStarted
    | CountdownTick
    | PhaseStarted
    | Halfway
    | LastSeconds
    | RepSubPhase
    | SwitchSides
    | RestStarted
    | RestEnded
    | NextExercise
    | SetCompleted
    | SessionFinished
)


class RepPosition(Struct, frozen=True):
    """Where a tempo set is: rep_number of rep_count, in sub_phase, with remaining_s of it left."""

    rep_number: int
    rep_count: int
    sub_phase: SubPhase
    remaining_s: float


# --- cue marks inside a phase --------------------------------------------------------------------


class _Mark(Struct, frozen=True):
    """An event due when the phase's active time reaches `offset_s`."""

    offset_s: float
    order: int
    event: Event  # built with at=0.0; the real time is filled in when it fires


def _marks(phase: Phase, duration: float, options: SessionOptions) -> list[_Mark]:
    marks: list[_Mark] = []
    kind = phase.kind
    if kind is PhaseKind.TEMPO and phase.tempo is not None and phase.target_reps:
        tempo = phase.tempo
        parts = (
            (SubPhase.DOWN, tempo.down_s),
            (SubPhase.PAUSE, tempo.pause_s),
            (SubPhase.UP, tempo.up_s),
        )
        for rep in range(phase.target_reps):
            offset = float(rep * tempo.rep_s)
            for sub_phase, length in parts:
                if length > 0:
                    event = RepSubPhase(0.0, sub_phase, rep + 1, phase.target_reps, length)
                    marks.append(_Mark(offset, 0, event))
                offset += length
        return marks
    if not kind.is_timed:
        return marks
    if kind is PhaseKind.HOLD:
        marks.append(_Mark(duration / 2, 1, Halfway(0.0)))
    if (kind is PhaseKind.HOLD or kind.is_rest) and duration > 2 * options.last_seconds:
        marks.append(
            _Mark(duration - options.last_seconds, 2, LastSeconds(0.0, options.last_seconds))
        )
    for seconds_left in range(options.countdown_from, 0, -1):
        if seconds_left < duration:
            marks.append(_Mark(duration - seconds_left, 3, CountdownTick(0.0, seconds_left)))
    marks.sort(key=lambda mark: (mark.offset_s, mark.order))
    return marks


# --- the session ---------------------------------------------------------------------------------


class _State(Enum):
    NOT_STARTED = "not_started"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"


class Session:
    """One run of a routine. Not thread-safe; drive it from one thread (the Qt main thread)."""

    def __init__(
        self, routine: Routine, library: Library, options: SessionOptions | None = None
    ) -> None:
        self.routine = routine
        self.options = options or SessionOptions()
        self.timeline: tuple[Phase, ...] = compile_timeline(routine, library, self.options)
        self._total_estimate_s = sum(phase.estimated_s for phase in self.timeline)
        self._index = 0
        self._state = _State.NOT_STARTED
        self._status = SessionStatus.RUNNING
        self._started_at = 0.0
        self._phase_started_at = 0.0  # scheduled start of the current phase (for SetCompleted)
        self._elapsed_base = 0.0  # active time in the phase up to the last pause
        self._resumed_at = 0.0  # when the phase last (re)started running
        self._duration: float | None = None  # current phase length, extensions included
        self._pending: list[_Mark] = []
        self._sets: list[SetCompleted] = []

    # --- read-only state ---

    @property
    def phase(self) -> Phase:
        return self.timeline[self._index]

    @property
    def phase_index(self) -> int:
        return self._index

    @property
    def next_phase(self) -> Phase | None:
        return self.timeline[self._index + 1] if self._index + 1 < len(self.timeline) else None

    @property
    def is_started(self) -> bool:
        return self._state is not _State.NOT_STARTED

    @property
    def is_paused(self) -> bool:
        return self._state is _State.PAUSED

    @property
    def is_finished(self) -> bool:
        return self._state is _State.FINISHED

    @property
    def status(self) -> SessionStatus:
        return self._status

    @property
    def phase_duration_s(self) -> float | None:
        """Length of the current timed phase, rest extensions included; None if self-paced."""
        if self._state is _State.NOT_STARTED:
            return self.phase.duration_s
        return self._duration

    @property
    def completed_sets(self) -> tuple[SetCompleted, ...]:
        return tuple(self._sets)

    @property
    def upcoming_exercise_id(self) -> str | None:
        """The exercise to show as 'next': the one being prepared for, or the one after this."""
        phase = self.phase
        if phase.kind in (PhaseKind.PREPARE, PhaseKind.REST_EXERCISE):
            return phase.exercise_id
        steps = self.routine.steps
        following = phase.step_index + 1
        return steps[following].exercise if following < len(steps) else None

    def elapsed_s(self, now: float) -> float:
        """Active (unpaused) time spent in the current phase."""
        if self._state is _State.RUNNING:
            elapsed = self._elapsed_base + max(0.0, now - self._resumed_at)
        else:
            elapsed = self._elapsed_base
        return elapsed if self._duration is None else min(elapsed, self._duration)

    def remaining_s(self, now: float) -> float | None:
        """Time left in the current timed phase, never negative; None for self-paced and DONE."""
        if self._state is _State.NOT_STARTED:
            return self.phase.duration_s
        if self._duration is None:
            return None
        return max(0.0, self._duration - self.elapsed_s(now))

    def rep_position(self, now: float) -> RepPosition | None:
        """The rep and its down / pause / up part during a tempo set."""
        phase = self.phase
        if phase.kind is not PhaseKind.TEMPO or phase.tempo is None or not phase.target_reps:
            return None
        tempo = phase.tempo
        elapsed = self.elapsed_s(now)
        rep = min(int(elapsed // tempo.rep_s), phase.target_reps - 1)
        within = elapsed - rep * tempo.rep_s
        boundary = 0.0
        last = SubPhase.UP
        for sub_phase, length in (
            (SubPhase.DOWN, tempo.down_s),
            (SubPhase.PAUSE, tempo.pause_s),
            (SubPhase.UP, tempo.up_s),
        ):
            if length == 0:
                continue
            boundary += length
            last = sub_phase
            if within < boundary:
                return RepPosition(rep + 1, phase.target_reps, sub_phase, boundary - within)
        return RepPosition(rep + 1, phase.target_reps, last, 0.0)

    def label(self, now: float) -> str:
        """The phase in words: 'Get ready', 'Hold', 'Down', 'Up', 'Rest', 'Switch to ...'."""
        position = self.rep_position(now)
        return position.sub_phase.label if position else self.phase.label

    def progress(self, now: float) -> float:
        """Fraction of the whole session done, 0.0 to 1.0 (self-paced work is estimated)."""
        if self._state is _State.FINISHED:
            return 1.0
        if self._state is _State.NOT_STARTED or self._total_estimate_s <= 0:
            return 0.0
        before = sum(phase.estimated_s for phase in self.timeline[: self._index])
        current = min(self.elapsed_s(now), self.phase.estimated_s)
        return min(1.0, (before + current) / self._total_estimate_s)

    def next_wakeup(self) -> float | None:
        """When the next event or deadline is due, for a runner that wants to sleep till then."""
        if self._state is not _State.RUNNING:
            return None
        times = [self._fire_time(mark) for mark in self._pending[:1]]
        deadline = self._deadline()
        if deadline is not None:
            times.append(deadline)
        return min(times) if times else None

    def preview(self, until: float) -> list[Event]:
        """The events `tick(until)` would report if nobody acts before then; changes nothing.

        A copy of the session runs ahead, so what it foresees follows from the same deadlines
        and carries the same `at` times as the events `tick` reports later. The audio thread
        plays cues from this look-ahead: a stalled GUI thread, which calls `tick`, then delays
        a repaint but not a beep.
        """
        probe = copy.copy(self)
        probe._pending = list(self._pending)
        probe._sets = list(self._sets)
        return probe._advance(until)

    def summary(self) -> SessionTotals:
        """What has been done so far, per routine step and in total."""
        per_exercise = []
        for step_index, step in enumerate(self.routine.steps):
            sets = [s for s in self._sets if s.step_index == step_index]
            per_exercise.append(
                ExerciseTotals(
                    step_index=step_index,
                    exercise_id=step.exercise,
                    sets_done=len({s.set_number for s in sets}),
                    sets_planned=step.set_count,
                    reps=sum(s.achieved_reps or 0 for s in sets),
                    hold_s=sum(s.achieved_hold_s or 0.0 for s in sets),
                    work_s=sum(s.active_s for s in sets),
                )
            )
        return SessionTotals(
            sets_done=sum(e.sets_done for e in per_exercise),
            sets_planned=sum(e.sets_planned for e in per_exercise),
            reps=sum(e.reps for e in per_exercise),
            hold_s=sum(e.hold_s for e in per_exercise),
            work_s=sum(e.work_s for e in per_exercise),
            per_exercise=tuple(per_exercise),
        )

    # --- actions ---

    def start(self, now: float) -> list[Event]:
        if self._state is not _State.NOT_STARTED:
            return []
        self._started_at = now
        self._state = _State.RUNNING
        events: list[Event] = [SessionStarted(now)]
        events += self._enter(0, now)
        events += self._advance(now)
        return events

    def resume_after(self, now: float, done: set[SetKey]) -> list[Event]:
        """Start paused at the first set not in `done`: an interrupted session picks up there.

        Phases before it are passed over silently (no set recorded, no cue), so the only event
        is a resumed SessionStarted. With every set done, the session finishes as completed.
        """
        if self._state is not _State.NOT_STARTED:
            return []
        self._started_at = now
        self._state = _State.PAUSED
        target = next(
            (p.index for p in self.timeline if p.kind.is_work and set_key(p) not in done),
            len(self.timeline) - 1,
        )
        events: list[Event] = [SessionStarted(now, resumed=True)]
        entered = self._enter(target, now)
        if self.is_finished:  # nothing was left to do: it ends as completed, and says so
            events += entered
        return events

    def step_of(self, key: SetKey) -> int | None:
        """The routine step that set `key` (exercise, set number, side) belongs to, if any."""
        return next((p.step_index for p in self.timeline if set_key(p) == key), None)

    def tick(self, now: float) -> list[Event]:
        """Catch up to `now`: fire due cues and end every phase whose deadline has passed."""
        return self._advance(now)

    def pause(self, now: float) -> list[Event]:
        events = self._advance(now)
        if self._state is _State.RUNNING:
            self._elapsed_base = self.elapsed_s(now)
            self._state = _State.PAUSED
        return events

    def resume(self, now: float) -> list[Event]:
        if self._state is not _State.PAUSED:
            return self._advance(now)
        self._resumed_at = now
        self._state = _State.RUNNING
        return self._advance(now)

    def skip(self, now: float) -> list[Event]:
        """End the current phase now (a set counts what was done) and go on to the next."""
        events = self._advance(now)
        if not self._active:
            return events
        events += self._leave(now, cut_short=True)
        events += self._enter(self._index + 1, now)
        events += self._advance(now)
        return events

    def done(self, now: float, achieved: int | None = None) -> list[Event]:
        """Finish a self-paced set (achieved reps or steps, the target if None).

        During a timed set it ends the set now, like skip; elsewhere it does nothing.
        """
        events = self._advance(now)
        if not self._active or not self.phase.kind.is_work:
            return events
        if self.phase.kind.is_timed:
            return events + self.skip(now)
        events += self._leave(now, cut_short=False, achieved=achieved)
        events += self._enter(self._index + 1, now)
        events += self._advance(now)
        return events

    def back(self, now: float) -> list[Event]:
        """Restart the phase; within `back_grace_s` of its start, go to the previous one."""
        events = self._advance(now)
        if not self._active:
            return events
        target = self._index
        if self.elapsed_s(now) < self.options.back_grace_s and self._index > 0:
            target -= 1
        events += self._enter(target, now)
        events += self._advance(now)
        return events

    def skip_exercise(self, now: float) -> list[Event]:
        """Leave this exercise (or, in a rest before one, the coming one) for the one after it."""
        events = self._advance(now)
        if not self._active:
            return events
        current = self.phase.step_index
        target = next(
            (p.index for p in self.timeline[self._index + 1 :] if p.step_index > current),
            len(self.timeline) - 1,
        )
        events += self._leave(now, cut_short=True)
        events += self._enter(target, now)
        events += self._advance(now)
        return events

    def end_early(self, now: float) -> list[Event]:
        """Stop the session now; the set in progress counts what was done."""
        events = self._advance(now)
        if not self._active:
            return events
        events += self._leave(now, cut_short=True)
        events += self._finish(now, SessionStatus.ENDED_EARLY)
        return events

    def extend_rest(self, now: float, seconds: float = 15.0) -> list[Event]:
        """Lengthen the current rest (or get-ready or switch-sides) phase."""
        events = self._advance(now)
        duration = self._adjustable_duration()
        if duration is not None:
            self._set_duration(now, duration + seconds)
        return events

    def shorten_rest(self, now: float, seconds: float = 15.0) -> list[Event]:
        """Shorten the current rest; if that leaves nothing, the rest ends now."""
        events = self._advance(now)
        duration = self._adjustable_duration()
        if duration is None:
            return events
        wanted = duration - seconds
        if wanted <= self.elapsed_s(now):
            return events + self.skip(now)
        self._set_duration(now, wanted)
        return events

    # --- internals ---

    @property
    def _active(self) -> bool:
        return self._state in (_State.RUNNING, _State.PAUSED)

    def _adjustable_duration(self) -> float | None:
        """The current phase's length if it is one a person may lengthen or shorten."""
        kind = self.phase.kind
        if self._active and (kind.is_rest or kind in (PhaseKind.PREPARE, PhaseKind.SWITCH_SIDES)):
            return self._duration
        return None

    def _deadline(self) -> float | None:
        if self._duration is None or self._state is not _State.RUNNING:
            return None
        return self._resumed_at + (self._duration - self._elapsed_base)

    def _fire_time(self, mark: _Mark) -> float:
        return self._resumed_at + (mark.offset_s - self._elapsed_base)

    def _set_duration(self, now: float, duration: float) -> None:
        elapsed = self.elapsed_s(now)
        self._duration = duration
        self._pending = [
            m for m in _marks(self.phase, duration, self.options) if m.offset_s > elapsed
        ]

    def _enter(self, index: int, at: float) -> list[Event]:
        """Make `index` the current phase, starting at `at` (paused if the session is paused)."""
        phase = self.timeline[index]
        if phase.kind is PhaseKind.DONE:
            return self._finish(at, SessionStatus.COMPLETED)
        self._index = index
        self._phase_started_at = at
        self._elapsed_base = 0.0
        self._resumed_at = at
        self._duration = phase.duration_s
        self._pending = _marks(phase, phase.duration_s or 0.0, self.options)
        events: list[Event] = [PhaseStarted(at, phase)]
        if phase.kind is PhaseKind.SWITCH_SIDES and phase.side is not None:
            events.append(SwitchSides(at, phase.side))
        if phase.kind.is_rest:
            events.append(
                RestStarted(at, phase.duration_s or 0.0, phase.kind is PhaseKind.REST_EXERCISE)
            )
        if phase.kind in (PhaseKind.PREPARE, PhaseKind.REST_EXERCISE) and phase.exercise_id:
            events.append(NextExercise(at, phase.exercise_id))
        return events

    def _leave(self, at: float, cut_short: bool, achieved: int | None = None) -> list[Event]:
        """Close the current phase at `at`: a SetCompleted for work worth recording, RestEnded."""
        phase = self.phase
        if phase.kind.is_rest:
            return [RestEnded(at)]
        if not phase.kind.is_work:
            return []
        active = self.elapsed_s(at)
        if self._duration is not None and not cut_short:
            active = self._duration
        target_hold = float(phase.target_hold_s) if phase.target_hold_s is not None else None
        achieved_hold: float | None = None
        achieved_reps: int | None = None
        if phase.kind is PhaseKind.HOLD:
            achieved_hold = active
            if achieved_hold < self.options.min_recorded_hold_s:
                return []
            cut_short = cut_short and achieved_hold < (target_hold or 0.0)
        elif phase.kind is PhaseKind.TEMPO and phase.tempo is not None:
            achieved_reps = min(phase.target_reps or 0, int(active // phase.tempo.rep_s))
            if achieved_reps < 1:
                return []
            cut_short = cut_short and achieved_reps < (phase.target_reps or 0)
        else:  # self-paced reps or steps: only Done records them
            if cut_short:
                return []
            achieved_reps = phase.target_reps if achieved is None else achieved
            cut_short = achieved_reps is not None and achieved_reps < (phase.target_reps or 0)
        record = SetCompleted(
            at=at,
            exercise_id=phase.exercise_id or "",
            step_index=phase.step_index,
            set_number=phase.set_number,
            set_count=phase.set_count,
            side=phase.side or Side.BOTH,
            target_reps=phase.target_reps,
            target_hold_s=target_hold,
            achieved_reps=achieved_reps,
            achieved_hold_s=achieved_hold,
            started_at_mono=self._phase_started_at,
            ended_at_mono=at,
            active_s=active,
            cut_short=cut_short,
        )
        self._sets.append(record)
        return [record]

    def _finish(self, at: float, status: SessionStatus) -> list[Event]:
        self._index = len(self.timeline) - 1
        self._state = _State.FINISHED
        self._status = status
        self._duration = None
        self._elapsed_base = 0.0
        self._pending = []
        return [
            SessionFinished(at, status, self._started_at, at - self._started_at, self.summary())
        ]

    def _due_marks(self, until: float) -> Iterator[Event]:
        while self._pending and self._fire_time(self._pending[0]) <= until:
            mark = self._pending.pop(0)
            yield replace(mark.event, at=self._fire_time(mark))

    def _advance(self, now: float) -> list[Event]:
        events: list[Event] = []
        while self._state is _State.RUNNING:
            deadline = self._deadline()
            if deadline is None or deadline > now:
                events.extend(self._due_marks(now))
                break
            events.extend(self._due_marks(deadline))
            events += self._leave(deadline, cut_short=False)
            events += self._enter(self._index + 1, deadline)
        return events
