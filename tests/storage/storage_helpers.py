"""Helpers for the storage tests: a hand-driven UTC clock, sample sets, file hashes."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

from gluteapp.core.records import CompletedSet, FeltIn, SessionStatus, Side
from gluteapp.storage import HistoryStore
from tests.builders import WallClock

T0 = datetime(2025, 3, 3, 18, 0, tzinfo=UTC)


class FakeClock(WallClock):
    """The shared wall clock, starting at the storage tests' T0."""

    def __init__(self, start: datetime = T0) -> None:
        super().__init__(start)


def a_set(
    exercise_id: str = "glute_bridge",
    set_number: int = 1,
    side: Side = Side.BOTH,
    started_at: datetime = T0,
    hold_s: float | None = 30.0,
    **extra: object,
) -> CompletedSet:
    fields: dict[str, object] = {
        "exercise_id": exercise_id,
        "set_number": set_number,
        "side": side,
        "started_at": started_at,
        "ended_at": started_at + timedelta(seconds=hold_s or 40),
        "target_hold_s": hold_s,
        "achieved_hold_s": hold_s,
        "pain": 1,
        "felt_in": FeltIn.GLUTES,
    }
    fields.update(extra)
    return CompletedSet(**fields)  # type: ignore[arg-type]


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fill_history(store: HistoryStore, sessions: int, start: datetime = T0) -> list[int]:
    """`sessions` finished sessions two days apart, each with two one-sided sets."""
    ids = []
    for day in range(sessions):
        began = start + timedelta(days=2 * day)
        session_id = store.start_session("basics", "Basics", began)
        store.record_set(session_id, a_set("clamshell", 1, Side.LEFT, began))
        store.record_set(
            session_id, a_set("clamshell", 1, Side.RIGHT, began + timedelta(minutes=1))
        )
        store.finish_session(session_id, SessionStatus.COMPLETED, began + timedelta(minutes=20))
        ids.append(session_id)
    return ids
