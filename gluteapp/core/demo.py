"""Synthetic but believable training history, for demos, screenshots and benchmarks.

A seeded generator, no clock and no I/O: it returns `DemoSession`s (a session with its completed
sets) for the storage layer to insert. The story it tells is the one Gluteapp is for: two or three
sessions a week with holidays and the odd missed week, doses that creep up, a left side that starts
weaker and catches up, pain that fades, and sets felt less in the lower back and hamstrings and
more in the glutes.
"""

from __future__ import annotations

import math
import random
from datetime import UTC, date, datetime, time, timedelta

from msgspec import Struct

from gluteapp.core.records import CompletedSet, FeltIn, SessionStatus, Side

DAYS_PER_YEAR = 365.25


class DemoSession(Struct, frozen=True):
    """A finished session and its sets, ready to be written to the history."""

    routine_id: str
    routine_name: str
    started_at: datetime
    ended_at: datetime
    status: SessionStatus
    sets: tuple[CompletedSet, ...]
    notes: str = ""


class _Step(Struct, frozen=True):
    exercise_id: str
    hold: bool  # timed hold in seconds, else reps (or steps)
    per_side: bool
    sets: int
    first_target: int  # what a physiotherapist would prescribe at the start
    last_target: int  # what the person works up to
    step: int = 1  # targets move in these increments


class _Routine(Struct, frozen=True):
    routine_id: str
    name: str
    steps: tuple[_Step, ...]


# Exercise ids and dose ranges follow the built-in library (tests check that they exist).
_WAKE_UP = _Routine(
    "glute-amnesia-wake-up",
    "Glute amnesia wake-up",
    (
        _Step("glute-bridge", True, False, 3, 15, 30, 5),
        _Step("wall-clamshell", False, True, 2, 12, 20),
        _Step("side-plank", True, True, 2, 10, 30, 5),
        _Step("single-leg-stand", True, True, 2, 30, 60, 5),
    ),
)
_MEDIUS_A = _Routine(
    "gluteus-medius-a",
    "Gluteus medius A",
    (
        _Step("side-lying-hip-abduction", False, True, 2, 10, 15),
        _Step("pelvic-drop", False, True, 2, 8, 12),
        _Step("lateral-band-walk", False, False, 2, 10, 15),
    ),
)
_MEDIUS_B = _Routine(
    "gluteus-medius-b",
    "Gluteus medius B",
    (
        _Step("single-leg-glute-bridge", False, True, 2, 6, 10),
        _Step("fire-hydrant", False, True, 2, 8, 12),
        _Step("side-plank", True, True, 2, 10, 30, 5),
    ),
)
_DESK_BREAK = _Routine(
    "desk-break",
    "Desk break",
    (
        _Step("standing-hip-drive", True, True, 2, 10, 15),
        _Step("wall-lean", True, True, 1, 10, 15),
    ),
)
_ROTATION = (_WAKE_UP, _MEDIUS_A, _WAKE_UP, _MEDIUS_B)
ROUTINE_IDS = tuple(r.routine_id for r in (_WAKE_UP, _MEDIUS_A, _MEDIUS_B, _DESK_BREAK))
EXERCISE_IDS = tuple(
    sorted({s.exercise_id for r in (_WAKE_UP, _MEDIUS_A, _MEDIUS_B, _DESK_BREAK) for s in r.steps})
)

_NOTES = (
    "Felt the glutes working in the bridge for the first time.",
    "Left hip a bit stiff this morning; took the side plank easy.",
    "Lower back fine today.",
    "Slept badly, short on energy.",
    "Physio said to keep the pelvis level in the clamshell.",
    "Long day at the desk; the session helped.",
    "Knee felt fine in the single-leg stand.",
)
_EARLY_NOTES = (
    "Stopped early: phone call.",
    "Stopped early: knee twinged in the single-leg work.",
    "Ran out of time.",
    "",
)

_REST_S = 40
_SWITCH_S = 8
_REP_S = 3.0


def generate_history(
    until: date,
    years: float,
    seed: int = 0,
    *,
    daily: bool = False,
) -> list[DemoSession]:
    """Sessions from `years` before `until` up to the day before it, oldest first.

    Normally two or three sessions a week (a desk break now and then among them), with holidays,
    sick weeks and thin weeks; a few sessions ended early and exactly one interrupted (and closed).
    `daily=True` gives one session every day instead, for scale tests.
    """
    if years <= 0:
        raise ValueError(f"years must be positive, got {years}")
    rng = random.Random(seed)
    start = until - timedelta(days=max(1, round(years * DAYS_PER_YEAR)))
    days = _daily_plan(start, until) if daily else _weekly_plan(start, until, rng)
    interrupted_at = len(days) // 3 if not daily and len(days) >= 3 else None
    sessions: list[DemoSession] = []
    main_count = 0
    for index, (day, desk_break) in enumerate(days):
        if desk_break:
            routine = _DESK_BREAK
        else:
            routine = _ROTATION[main_count % len(_ROTATION)]
            main_count += 1
        sessions.append(
            _session(rng, routine, day, (day - start).days, index == interrupted_at, daily)
        )
    return sessions


def _daily_plan(start: date, until: date) -> list[tuple[date, bool]]:
    count = (until - start).days
    return [(start + timedelta(days=i), i % 7 == 3) for i in range(count)]


def _weekly_plan(start: date, until: date, rng: random.Random) -> list[tuple[date, bool]]:
    holidays = _holidays(start, until, rng)
    plan: list[tuple[date, bool]] = []
    monday = start - timedelta(days=start.weekday())
    while monday < until:
        roll = rng.random()
        if monday in holidays or roll < 0.05:  # away, or ill
            monday += timedelta(weeks=1)
            continue
        # Monday and Thursday evenings; a Saturday in good weeks, a single session in busy ones.
        offsets = [0, 3]
        if roll < 0.17:
            offsets = [rng.choice((1, 2, 3))]
        elif roll > 0.58:
            offsets.append(5)
        for offset in offsets:
            jitter = rng.choice((0, 0, 0, 1)) if offset < 5 else 0
            day = monday + timedelta(days=offset + jitter)
            if start <= day < until:
                plan.append((day, offset != 0 and rng.random() < 0.18))
        monday += timedelta(weeks=1)
    return plan


def _holidays(start: date, until: date, rng: random.Random) -> set[date]:
    """Mondays of weeks away: two summer weeks and the Christmas week each year."""
    away: set[date] = set()
    for year in range(start.year, until.year + 1):
        summer = date(year, 7, 1) + timedelta(days=rng.randrange(0, 50))
        summer -= timedelta(days=summer.weekday())
        away |= {summer, summer + timedelta(weeks=1)}
        christmas = date(year, 12, 24)
        away.add(christmas - timedelta(days=christmas.weekday()))
    return away


def _ease(days: float, scale_days: float) -> float:
    """0 at the start, approaching 1: slow, steady improvement."""
    return 1.0 - math.exp(-days / scale_days)


def _session(
    rng: random.Random,
    routine: _Routine,
    day: date,
    days_in: int,
    interrupted: bool,
    daily: bool,
) -> DemoSession:
    hour = 7 if daily and rng.random() < 0.3 else 17
    began = datetime.combine(day, time(hour, 0), UTC) + timedelta(minutes=rng.randrange(0, 150))
    progress = _ease(days_in, 150)
    target_progress = _ease(days_in, 200)
    left_factor = 0.70 + 0.30 * _ease(days_in, 120)
    pain_level = 0.6 + 3.6 * math.exp(-days_in / 90) + (2.0 if rng.random() < 0.03 else 0.0)
    glute_chance = 0.25 + 0.62 * _ease(days_in, 110)

    planned: list[tuple[_Step, int, Side, float]] = []
    for step in routine.steps:
        span = step.last_target - step.first_target
        wanted = step.first_target + span * target_progress
        wanted = max(step.first_target, round(wanted / step.step) * step.step)
        for number in range(1, step.sets + 1):
            sides = (Side.LEFT, Side.RIGHT) if step.per_side else (Side.BOTH,)
            for side in sides:
                planned.append((step, number, side, wanted))

    stop_after: int | None = None
    status = SessionStatus.COMPLETED
    notes = ""
    if interrupted:
        status = SessionStatus.INTERRUPTED
        stop_after = rng.randrange(2, max(3, len(planned) - 1))
    elif rng.random() < 0.035:
        status = SessionStatus.ENDED_EARLY
        stop_after = rng.randrange(1, max(2, len(planned) - 1))
        notes = rng.choice(_EARLY_NOTES)
    elif rng.random() < 0.06:
        notes = rng.choice(_NOTES)

    sets: list[CompletedSet] = []
    clock = began + timedelta(seconds=20)
    previous: _Step | None = None
    for step, number, side, wanted in planned[:stop_after]:
        if previous is not None:
            clock += timedelta(seconds=_SWITCH_S if side is Side.RIGHT else _REST_S)
        previous = step
        capacity = wanted * (0.86 + 0.2 * progress) * rng.uniform(0.93, 1.07)
        if side is Side.LEFT:
            capacity *= left_factor
        done = min(float(wanted), capacity)
        if step.hold:
            value = round(done, 1)
            duration = value
            hold_s: tuple[float | None, float | None] = (float(wanted), value)
            reps: tuple[int | None, int | None] = (None, None)
        else:
            count = max(1, round(done))
            duration = count * _REP_S
            hold_s = (None, None)
            reps = (int(wanted), count)
        rated = rng.random() < 0.85
        pain = min(10, max(0, round(rng.gauss(pain_level, 0.9)))) if rated else None
        felt = _felt_in(rng, glute_chance) if rated else None
        ended = clock + timedelta(seconds=duration)
        sets.append(
            CompletedSet(
                exercise_id=step.exercise_id,
                set_number=number,
                side=side,
                started_at=clock,
                ended_at=ended,
                target_reps=reps[0],
                target_hold_s=hold_s[0],
                achieved_reps=reps[1],
                achieved_hold_s=hold_s[1],
                pain=pain,
                felt_in=felt,
            )
        )
        clock = ended
    ended_at = clock + timedelta(seconds=10 if status is SessionStatus.COMPLETED else 0)
    return DemoSession(
        routine.routine_id, routine.name, began, ended_at, status, tuple(sets), notes
    )


def _felt_in(rng: random.Random, glute_chance: float) -> FeltIn:
    roll = rng.random()
    if roll < glute_chance:
        return FeltIn.GLUTES
    rest = 1.0 - glute_chance
    if roll < glute_chance + rest * 0.45:
        return FeltIn.LOWER_BACK
    if roll < glute_chance + rest * 0.85:
        return FeltIn.HAMSTRINGS
    return FeltIn.NOWHERE
