"""Where the exercise figure is in its movement at a moment of a session, read from the engine.

The figure moves with the session's own clock: during a tempo rep it goes down for exactly the
"down" seconds, stays still through the pause and comes up with the "up" part; a hold moves
into the end pose and stays there; self-paced reps follow a default rhythm; rests, the get-ready
and switch-sides phases show the start pose of what comes next; a paused session is frozen,
since the engine's time stands still while paused. Qt-free.
"""

from __future__ import annotations

from msgspec import Struct

from gluteapp.core.engine import PhaseKind, Session, SubPhase
from gluteapp.core.kinematics import HOLD_MOVE_S, Timing, TimingKind
from gluteapp.core.records import Side

__all__ = ["FigureMoment", "figure_moment"]

_SUB_PHASE_TIMING = {
    SubPhase.DOWN: TimingKind.DOWN,
    SubPhase.PAUSE: TimingKind.PAUSE,
    SubPhase.UP: TimingKind.UP,
}


class FigureMoment(Struct, frozen=True):
    """Which exercise's figure to show, on which side, and where in its movement."""

    exercise_id: str
    variation: str | None  # the name of the easier or harder version done at this step
    side: Side  # the working side; the right side is drawn mirrored
    timing: Timing
    moving: bool  # it changes as time passes: the session runs and the figure is in motion

    @property
    def mirrored(self) -> bool:
        return self.side is Side.RIGHT


def _coming_side(session: Session) -> Side:
    """The side of the work phase that follows the current (resting) phase."""
    following = session.next_phase
    if following is not None and following.kind.is_work and following.side is not None:
        return following.side
    return Side.BOTH


def _timing(session: Session, now: float) -> Timing:
    phase = session.phase
    kind = phase.kind
    if kind is PhaseKind.HOLD:
        return Timing(TimingKind.HOLD, session.elapsed_s(now))
    if kind is PhaseKind.TEMPO:
        position = session.rep_position(now)
        tempo = phase.tempo
        if position is None or tempo is None:
            return Timing.start()
        length = {SubPhase.DOWN: tempo.down_s, SubPhase.PAUSE: tempo.pause_s,
                  SubPhase.UP: tempo.up_s}[position.sub_phase]
        done = 1.0 - position.remaining_s / length if length else 1.0
        return Timing(_SUB_PHASE_TIMING[position.sub_phase], min(1.0, max(0.0, done)))
    if kind in (PhaseKind.REPS, PhaseKind.STEPS):
        return Timing(TimingKind.CYCLE, session.elapsed_s(now))
    return Timing.start()


def figure_moment(session: Session, now: float) -> FigureMoment | None:
    """The figure to show at monotonic time `now`; None when the session is over."""
    if session.is_finished:
        return None
    phase = session.phase
    if phase.exercise_id is None or phase.kind is PhaseKind.DONE:
        return None
    steps = session.routine.steps
    step = steps[phase.step_index] if 0 <= phase.step_index < len(steps) else None
    variation = step.variation if step is not None else None
    if not session.is_started or not phase.kind.is_work:
        side = phase.side if phase.kind is PhaseKind.SWITCH_SIDES else _coming_side(session)
        if not session.is_started and phase.kind.is_work:
            side = phase.side or Side.BOTH
        return FigureMoment(phase.exercise_id, variation, side or Side.BOTH, Timing.start(),
                            moving=False)
    timing = _timing(session, now)
    running = not session.is_paused
    still = timing.kind is TimingKind.PAUSE or (
        timing.kind is TimingKind.HOLD and timing.value >= HOLD_MOVE_S)
    return FigureMoment(phase.exercise_id, variation, phase.side or Side.BOTH, timing,
                        moving=running and not still)
