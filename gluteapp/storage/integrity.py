"""Read-only look at a history file: its schema version and whether `quick_check` passes."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from msgspec import Struct

from gluteapp.storage.schema import MIGRATION_NAMES, MIGRATION_SET, MIGRATIONS_TABLE, SCHEMA_VERSION

# Primary result codes that mean "the bytes are damaged", as opposed to a locked, missing or
# unreadable file, which must never be mistaken for damage and moved aside.
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26


class DatabaseCheck(Struct, frozen=True):
    """What a read-only look at a database file found."""

    damage: str | None = None
    user_version: int = 0
    applied_migrations: tuple[str, ...] = ()
    has_sessions_table: bool = False
    #: The file's own tables (SQLite's internal ones left out).
    tables: tuple[str, ...] = ()

    @property
    def is_ours(self) -> bool:
        """Written by Gluteapp: its migrations are recorded, or it has our two tables."""
        # Only the migrations table, still empty: another copy of Gluteapp is creating this
        # history at this very moment (two screenshots started together), not a stranger's file.
        being_created = set(self.tables) == {"_sqlite_migrations"}
        return (bool(self.applied_migrations) or {"sessions", "sets"} <= set(self.tables)
                or being_created)

    @property
    def is_foreign(self) -> bool:
        """Another program's database: it holds tables (or a version) but none of ours.

        An empty SQLite file is not foreign: it is where a new history can start.
        """
        return not self.is_ours and (bool(self.tables) or self.user_version != 0)

    @property
    def unknown_migrations(self) -> tuple[str, ...]:
        return tuple(name for name in self.applied_migrations if name not in MIGRATION_NAMES)

    @property
    def is_newer(self) -> bool:
        """Written by a newer Gluteapp: a higher schema version or migrations we do not know."""
        return self.user_version > SCHEMA_VERSION or bool(self.unknown_migrations)


def is_damage(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    return isinstance(code, int) and (code & 0xFF) in (_SQLITE_CORRUPT, _SQLITE_NOTADB)


def read_only_uri(path: Path, *, immutable: bool = False) -> str:
    return f"{path.resolve().as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")


def _fully_checkpointed(path: Path) -> bool:
    """No -wal/-shm beside it: no connection is open and the file alone holds everything."""
    return not any(path.with_name(path.name + s).exists() for s in ("-wal", "-shm", "-journal"))


def check_database(path: Path) -> DatabaseCheck:
    """Open `path` read-only (its bytes are never changed) and report version and damage.

    Raises sqlite3.Error for failures that are not damage (locked, unreadable, I/O error).
    """
    # A read-only connection to a WAL-mode file still creates -wal and -shm beside it. When
    # there are none (a cleanly closed file), read it as immutable so the folder is left exactly
    # as it was found: with no -wal/-shm, no other connection had it open.
    uri = read_only_uri(path, immutable=_fully_checkpointed(path))
    with closing(sqlite3.connect(uri, uri=True)) as conn:
        try:
            user_version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            has_migrations = _has_table(conn, MIGRATIONS_TABLE)
            applied: tuple[str, ...] = ()
            if has_migrations:
                applied = tuple(
                    str(row[0])
                    for row in conn.execute(
                        f'SELECT name FROM "{MIGRATIONS_TABLE}" WHERE migration_set = ?'
                        " ORDER BY rowid",
                        (MIGRATION_SET,),
                    )
                )
            has_sessions = _has_table(conn, "sessions")
            tables = tuple(
                str(row[0])
                for row in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                    " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"
                )
            )
        except sqlite3.Error as error:
            if is_damage(error):
                return DatabaseCheck(damage=str(error))
            raise
        found = DatabaseCheck(
            user_version=user_version,
            applied_migrations=applied,
            has_sessions_table=has_sessions,
            tables=tables,
        )
        if found.is_foreign or found.is_newer:
            # Its schema may hold things this version cannot judge; it is refused as it is.
            return found
        try:
            problems = [str(row[0]) for row in conn.execute("PRAGMA quick_check").fetchall()]
        except sqlite3.Error as error:
            if is_damage(error):
                return DatabaseCheck(damage=str(error), user_version=user_version)
            raise
        if problems != ["ok"]:
            detail = "; ".join(problems[:3])
            return DatabaseCheck(damage=f"integrity check failed: {detail}")
        return found


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
    ).fetchone()
    return row is not None
