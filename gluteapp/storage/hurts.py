"""Every "It hurts" of a session, and the routine text a session keeps to be resumed."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any

from sqlite_utils import Database

from gluteapp.core.records import Hurt, HurtChoice, Side
from gluteapp.storage.rows import DamagedRow, RowReport
from gluteapp.storage.timestamps import from_db_time, to_db_time

_COLUMNS = "id, session_id, at, exercise_id, set_number, side, choice"


def insert(db: Database, session_id: int, hurt: Hurt) -> int:
    cursor = db.execute(
        "INSERT INTO hurts (session_id, at, exercise_id, set_number, side, choice)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (session_id, to_db_time(hurt.at), hurt.exercise_id, hurt.set_number,
         Side(hurt.side).value if hurt.side is not None else None,
         HurtChoice(hurt.choice).value if hurt.choice is not None else None),
    )
    if cursor.lastrowid is None:  # pragma: no cover - an INSERT always sets it
        raise sqlite3.DatabaseError("the database did not return the new row's id")
    return cursor.lastrowid


def set_choice(db: Database, hurt_id: int, choice: HurtChoice) -> int:
    """Store what was chosen; returns how many rows changed (0: no such hurt)."""
    cursor = db.execute("UPDATE hurts SET choice = ? WHERE id = ?",
                        (HurtChoice(choice).value, hurt_id))
    return cursor.rowcount


def set_routine_toml(db: Database, session_id: int, text: str) -> int:
    cursor = db.execute("UPDATE sessions SET routine_toml = ? WHERE id = ?", (text, session_id))
    return cursor.rowcount


def _hurt(row: Mapping[str, Any], report: RowReport) -> Hurt | None:
    """A stored hurt, or None (reported) when a value cannot mean anything."""
    try:
        at = from_db_time(str(row["at"]))
        side = Side(row["side"]) if row["side"] is not None else None
        choice = HurtChoice(row["choice"]) if row["choice"] is not None else None
        number = row["set_number"]
        if number is not None and not isinstance(number, int):
            raise ValueError(f"set_number {number!r} is not a number")
    except (ValueError, TypeError) as error:
        report.add(DamagedRow("hurts", row["id"], str(error), skipped=True))
        return None
    exercise = row["exercise_id"]
    return Hurt(at, str(exercise) if exercise is not None else None, number, side, choice)


def for_sessions(db: Database, session_ids: Sequence[int],
                 report: RowReport) -> tuple[dict[int, list[Hurt]], dict[int, str]]:
    """The hurts (in order) and the routine text of each session."""
    hurts: dict[int, list[Hurt]] = {}
    texts: dict[int, str] = {}
    if not session_ids:
        return hurts, texts
    marks = ", ".join("?" * len(session_ids))
    for row in db.query(f"SELECT {_COLUMNS} FROM hurts WHERE session_id IN ({marks})"
                        " ORDER BY session_id, id", list(session_ids)):
        hurt = _hurt(row, report)
        if hurt is not None:
            hurts.setdefault(int(row["session_id"]), []).append(hurt)
    for row in db.query(f"SELECT id, routine_toml FROM sessions WHERE id IN ({marks})",
                        list(session_ids)):
        value = row["routine_toml"]
        texts[int(row["id"])] = value if isinstance(value, str) else ""
    return hurts, texts
