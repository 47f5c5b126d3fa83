"""Rows read from the history, checked value by value: a bad value is repaired or its row left out.

SQLite keeps whatever another program (or a damaged disk sector that still passes
`integrity_check`) put in a column, whatever its declared type. One such value must not stop
History, Plan, Sessions or export, so every row is checked here: a value that can be dropped
without changing what the row means (a pain of "x", a felt-in that is not a place) is set to
None; a row that cannot mean anything without it (a start that is not a time, a side that is
not a side) is left out. Either way it is recorded, so the person can be told once.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any, TypeVar

from msgspec import Struct

from gluteapp.core.history_records import SessionRecord, StoredSet
from gluteapp.core.records import DoseChoice, FeltIn, SessionStatus, Side

#: The earliest and latest times a row may hold; outside them a time is damage, not history
#: (and date arithmetic near year 1 or 9999 overflows).
EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
LATEST = datetime(2200, 1, 1, tzinfo=UTC)
MAX_REPS = 100_000
MAX_HOLD_S = 86_400.0
MAX_TEXT = 10_000

_E = TypeVar("_E")


class DamagedRowError(ValueError):
    """A row whose values cannot make a record; the message says which value and why."""


class DamagedRow(Struct, frozen=True):
    """One row found damaged: left out of what was read, or read with a value dropped."""

    table: str
    row_id: object
    problem: str
    skipped: bool

    def describe(self) -> str:
        action = "left out" if self.skipped else "read without it"
        return f"{self.table} row {self.row_id}: {self.problem} ({action})"


class RowReport:
    """Every damaged row met so far, each once, however often it was read."""

    def __init__(self) -> None:
        self._rows: dict[tuple[str, str, object], DamagedRow] = {}

    def add(self, row: DamagedRow) -> None:
        self._rows.setdefault((row.table, row.problem, row.row_id), row)

    @property
    def rows(self) -> list[DamagedRow]:
        return list(self._rows.values())

    def __len__(self) -> int:
        return len(self._rows)

    def message(self) -> str:
        """One paragraph for the person: how many rows, the first few, and that nothing changed."""
        rows = self.rows
        if not rows:
            return ""
        skipped = sum(1 for row in rows if row.skipped)
        shown = "; ".join(row.describe() for row in rows[:3])
        more = f"; and {len(rows) - 3} more" if len(rows) > 3 else ""
        return (
            f"{len(rows)} damaged value{'s' if len(rows) != 1 else ''} in the history "
            f"({skipped} row{'s' if skipped != 1 else ''} left out): {shown}{more}. "
            "Everything else is shown as usual; the file itself was not changed."
        )


def _text(value: Any, column: str) -> str:
    if isinstance(value, bytes) or value is None:
        raise DamagedRowError(f"{column} is not text")
    text = str(value)
    if len(text) > MAX_TEXT:
        raise DamagedRowError(f"{column} is {len(text)} characters long")
    return text


def _row_id(value: Any, column: str) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise DamagedRowError(f"{column} {_shown(value)} is not a row id")


def _time(value: Any, column: str) -> datetime:
    if not isinstance(value, str):
        raise DamagedRowError(f"{column} {_shown(value)} is not a time")
    try:
        moment = datetime.fromisoformat(value)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)  # we only ever write UTC
        moment = moment.astimezone(UTC)
    except (ValueError, OverflowError):
        raise DamagedRowError(f"{column} {_shown(value)} is not a time") from None
    if not EARLIEST <= moment < LATEST:
        raise DamagedRowError(f"{column} {_shown(value)} is outside 1970-2199")
    return moment


def _enum(kind: Callable[[Any], _E], value: Any, column: str) -> _E:
    try:
        return kind(value)
    except (ValueError, TypeError):
        raise DamagedRowError(f"{column} {_shown(value)} is not one of the known values") from None


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:40] + "…"


class _Repairs:
    """Optional values that are dropped (set to None) when they make no sense, each noted."""

    def __init__(self) -> None:
        self.dropped: list[str] = []

    def count(self, value: Any, column: str, maximum: int) -> int | None:
        if value is None:
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= maximum:
            return value
        self.dropped.append(f"{column} {_shown(value)} is not a count from 0 to {maximum}")
        return None

    def seconds(self, value: Any, column: str) -> float | None:
        if value is None:
            return None
        if (isinstance(value, int | float) and not isinstance(value, bool)
                and math.isfinite(value) and 0 <= value <= MAX_HOLD_S):
            return float(value)
        self.dropped.append(f"{column} {_shown(value)} is not a number of seconds")
        return None

    def flag(self, value: Any, column: str) -> bool | None:
        if value is None:
            return None
        if isinstance(value, int) and not isinstance(value, bool) and value in (0, 1):
            return bool(value)
        self.dropped.append(f"{column} {_shown(value)} is not 0 or 1")
        return None

    def felt_in(self, value: Any) -> FeltIn | None:
        if value is None:
            return None
        try:
            return FeltIn(value)
        except (ValueError, TypeError):
            self.dropped.append(f"felt_in {_shown(value)} is not one of the known places")
            return None


def stored_set(row: Mapping[str, Any], report: RowReport) -> StoredSet | None:
    """The set in `row`, with nonsense optional values dropped; None (reported) if it has none."""
    try:
        set_number = row["set_number"]
        if not (isinstance(set_number, int) and 1 <= set_number <= MAX_REPS):
            raise DamagedRowError(f"set_number {_shown(set_number)} is not a set number")
        repairs = _Repairs()
        stored = StoredSet(
            id=_row_id(row["id"], "id"),
            session_id=_row_id(row["session_id"], "session_id"),
            exercise_id=_text(row["exercise_id"], "exercise_id"),
            set_number=set_number,
            side=_enum(Side, row["side"], "side"),
            started_at=_time(row["started_at"], "started_at"),
            ended_at=_time(row["ended_at"], "ended_at"),
            target_reps=repairs.count(row["target_reps"], "target_reps", MAX_REPS),
            target_hold_s=repairs.seconds(row["target_hold_s"], "target_hold_s"),
            achieved_reps=repairs.count(row["achieved_reps"], "achieved_reps", MAX_REPS),
            achieved_hold_s=repairs.seconds(row["achieved_hold_s"], "achieved_hold_s"),
            pain=repairs.count(row["pain"], "pain", 10),
            felt_in=repairs.felt_in(row["felt_in"]),
            cut_short=repairs.flag(row["cut_short"], "cut_short"),
        )
    except DamagedRowError as error:
        report.add(DamagedRow("sets", row["id"], str(error), skipped=True))
        return None
    for problem in repairs.dropped:
        report.add(DamagedRow("sets", stored.id, problem, skipped=False))
    return stored


def session(
    row: Mapping[str, Any], sets: list[StoredSet], report: RowReport
) -> SessionRecord | None:
    """The session in `row` with its sets; None (reported) when its start or status is damaged."""
    try:
        ended_at: datetime | None = None
        problem = None
        if row["ended_at"] is not None:
            try:
                ended_at = _time(row["ended_at"], "ended_at")
            except DamagedRowError as error:
                problem = str(error)
        record = SessionRecord(
            id=_row_id(row["id"], "id"),
            routine_id=_text(row["routine_id"], "routine_id"),
            routine_name=_text(row["routine_name"], "routine_name"),
            started_at=_time(row["started_at"], "started_at"),
            ended_at=ended_at,
            status=_enum(SessionStatus, row["status"], "status"),
            notes=_text(row["notes"], "notes") if row["notes"] is not None else "",
            sets=tuple(sets),
        )
    except DamagedRowError as error:
        report.add(DamagedRow("sessions", row["id"], str(error), skipped=True))
        return None
    if problem is not None:
        # Its end is unknown: a finished session stays finished, only the end time is lost.
        report.add(DamagedRow("sessions", record.id, problem, skipped=False))
    return record


def started_at(value: Any) -> datetime | None:
    """A session's start as stored, or None when it is not a usable time."""
    try:
        return _time(value, "started_at")
    except DamagedRowError:
        return None


def dose_choice(row: Mapping[str, Any], report: RowReport) -> DoseChoice | None:
    """One stored dose choice; None (reported) when any of its values is damaged."""
    try:
        return DoseChoice(
            step_index=_count(row["step_index"], "step_index"),
            exercise_id=_text(row["exercise_id"], "exercise_id"),
            unit=_text(row["unit"], "unit"),
            previous=_count(row["previous"], "previous"),
            suggested=_count(row["suggested"], "suggested"),
            chosen=_count(row["chosen"], "chosen"),
            change=_text(row["change"], "change"),
            reason=_text(row["reason"], "reason"),
            suggested_variation=_optional_text(row["suggested_variation"], "suggested_variation"),
            chosen_variation=_optional_text(row["chosen_variation"], "chosen_variation"),
            suggested_extra_side=_optional_side(row["suggested_extra_side"],
                                                "suggested_extra_side"),
            chosen_extra_side=_optional_side(row["chosen_extra_side"], "chosen_extra_side"),
        )
    except DamagedRowError as error:
        report.add(DamagedRow("dose_choices", row["step_index"], str(error), skipped=True))
        return None


def _count(value: Any, column: str) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_REPS:
        return value
    raise DamagedRowError(f"{column} {_shown(value)} is not a count")


def _optional_text(value: Any, column: str) -> str | None:
    return None if value is None else _text(value, column)


def _optional_side(value: Any, column: str) -> Side | None:
    return None if value is None else _enum(Side, value, column)
