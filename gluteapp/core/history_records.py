"""What the history store hands back: stored sessions and sets, as plain records."""

from __future__ import annotations

from datetime import datetime

from msgspec import Struct

from gluteapp.core.records import CompletedSet, Hurt, SessionStatus


class StoredSet(CompletedSet, frozen=True, kw_only=True):
    """A completed set as stored: the same fields, plus its id and its session's id."""

    # Keyword-only, so they can follow the set's defaulted fields.
    id: int
    session_id: int

    def as_completed_set(self) -> CompletedSet:
        """The set without its storage ids, equal to the CompletedSet that was recorded."""
        values = {name: getattr(self, name) for name in CompletedSet.__struct_fields__}
        return CompletedSet(**values)


class SessionRecord(Struct, frozen=True):
    """One session with its sets in the order they were completed.

    An interrupted session whose `ended_at` is None is still waiting for the person to resume
    or close it.
    """

    id: int
    routine_id: str
    routine_name: str
    started_at: datetime
    ended_at: datetime | None
    status: SessionStatus
    notes: str = ""
    sets: tuple[StoredSet, ...] = ()
    hurts: tuple[Hurt, ...] = ()  # every "It hurts" pressed in it, in order
    routine_toml: str = ""  # the routine as played, to resume it; '' for older sessions

    @property
    def last_set(self) -> StoredSet | None:
        """The set completed last: where a resumed session picks up."""
        return self.sets[-1] if self.sets else None

    @property
    def awaiting_resume(self) -> bool:
        return self.status == SessionStatus.INTERRUPTED and self.ended_at is None
