"""Past sessions as a two-level tree model: each session, newest first, with its sets under it.

Ten years are 3,652 sessions and 43,000 sets: the model reads them a page at a time, as the
list is scrolled (Qt's `canFetchMore` and `fetchMore`), so opening History reads one page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from statistics import fmean
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QDateTime,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from gluteapp.core.history_records import SessionRecord, StoredSet
from gluteapp.core.records import FeltIn
from gluteapp.core.stats import Measure, partial, sets_done
from gluteapp.gui.words import (
    decimal,
    felt_in_label,
    hurt_text,
    measure_unit,
    routine_title,
    short_number,
    side_label,
    status_label,
)

_USER = Qt.ItemDataRole.UserRole.value
_NO_PARENT = 0  # internalId of a session row; a set row stores its session's row + 1

Index = QModelIndex | QPersistentModelIndex


def _number(value: float) -> str:
    return short_number(value)  # "2,5" in German


def result_text(stored: StoredSet, measure: Measure) -> str:
    """'28 of 30 s', '12 of 12 reps', or just the result when no target was set."""
    if measure is Measure.HOLD:
        got, wanted = stored.achieved_hold_s, stored.target_hold_s
    else:
        reps_got, reps_wanted = stored.achieved_reps, stored.target_reps
        got = float(reps_got) if reps_got is not None else None
        wanted = float(reps_wanted) if reps_wanted is not None else None
    unit = measure_unit(measure)
    translate = QCoreApplication.translate
    if got is None:
        if wanted is None:
            return ""
        return translate("SessionTreeModel", "target {0} {1}").format(_number(wanted), unit)
    if wanted is None:
        return f"{_number(got)} {unit}"
    return translate("SessionTreeModel", "{0} of {1} {2}").format(
        _number(got), _number(wanted), unit)


class SessionTreeModel(QAbstractItemModel):
    """Columns: when, routine or exercise, status, sets or result, pain, felt in, notes."""

    SessionRole = _USER + 1  # the SessionRecord (session rows)
    SetRole = _USER + 2  # the StoredSet (set rows)
    StatusRole = _USER + 3  # the session's status value (session rows)

    WHEN, WHAT, STATUS, RESULT, PAIN, FELT_IN, NOTES = range(7)
    PAGE = 40  # sessions read at a time: more than a screenful

    def __init__(
        self,
        exercise_name: Callable[[str], str],
        measure_of: Callable[[str], Measure],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._exercise_name = exercise_name
        self._measure_of = measure_of
        self._sessions: list[SessionRecord] = []
        self._fetch: Callable[[int, int], Sequence[SessionRecord]] | None = None
        self._total = 0  # sessions to show in all, read or not
        self._inserting = False  # views ask for more while told of rows coming: not twice
        # Whether more may be read now: a list in a tab not shown is laid out all the same, and
        # would read a second page nobody looks at (set by the view: is the list on screen).
        self.more_wanted: Callable[[], bool] = lambda: True
        self._headers = [
            self.tr("When"),
            self.tr("Routine or exercise"),
            self.tr("Status"),
            self.tr("Sets or result"),
            self.tr("Pain"),
            self.tr("Felt in"),
            self.tr("Notes"),
        ]

    def set_sessions(self, sessions: Sequence[SessionRecord]) -> None:
        """Show these sessions, newest first."""
        self.beginResetModel()
        self._fetch, self._total = None, len(sessions)
        self._sessions = sorted(sessions, key=lambda s: (s.started_at, s.id), reverse=True)
        self.endResetModel()

    def show_pages(self, fetch: Callable[[int, int], Sequence[SessionRecord]],
                   total: int) -> None:
        """Show `total` sessions, newest first, read by `fetch(offset, limit)` as needed.

        `fetch` returns them newest first; the first page is read now.
        """
        self.beginResetModel()
        self._fetch, self._total = fetch, total
        self._sessions = list(fetch(0, min(self.PAGE, total))) if total else []
        self.endResetModel()

    @property
    def total(self) -> int:
        """How many sessions the list holds, read so far or not."""
        return self._total

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802, B008
        return (not parent.isValid() and self._fetch is not None and not self._inserting
                and len(self._sessions) < self._total and self.more_wanted())

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802, B008
        if not self.canFetchMore(parent) or self._fetch is None:
            return
        start = len(self._sessions)
        page = list(self._fetch(start, min(self.PAGE, self._total - start)))
        if not page:
            self._total = start  # fewer than announced (deleted meanwhile): stop asking
            return
        self._inserting = True
        try:
            self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
            self._sessions.extend(page)
            self.endInsertRows()
        finally:
            self._inserting = False

    def session_at(self, row: int) -> SessionRecord:
        return self._sessions[row]

    # -- structure -------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _NO_PARENT)
        if parent.internalId() != _NO_PARENT:
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _NO_PARENT:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _NO_PARENT)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        if not parent.isValid():
            return len(self._sessions)
        if parent.internalId() == _NO_PARENT and parent.column() == 0:
            return len(self._sessions[parent.row()].sets)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return len(self._headers)

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802, B008
        return self.rowCount(parent) > 0

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalId() != _NO_PARENT:
            flags |= Qt.ItemFlag.ItemNeverHasChildren
        return flags

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation is Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    # -- data ------------------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _NO_PARENT:
            return self._session_data(self._sessions[index.row()], index.column(), role)
        session = self._sessions[index.internalId() - 1]
        return self._set_data(session, session.sets[index.row()], index.column(), role)

    def _session_data(self, session: SessionRecord, column: int, role: int) -> Any:
        if role == self.SessionRole:
            return session
        if role == self.StatusRole:
            return session.status.value
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._session_tip(session, column)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.WHEN:
            moment = QDateTime.fromSecsSinceEpoch(int(session.started_at.timestamp()))
            return QLocale().toString(moment, "ddd d MMM yyyy, HH:mm")
        if column == self.WHAT:
            return routine_title(session.routine_id, session.routine_name)
        if column == self.STATUS:
            return status_label(session.status, session.awaiting_resume)
        if column == self.RESULT:
            sets = sets_done(session.sets)  # the one count of sets, as core.stats defines it
            text = self.tr("%n sets", "", sets)
            end = session.ended_at or (session.last_set.ended_at if session.last_set else None)
            if end is not None and end > session.started_at:
                minutes = max(1, round((end - session.started_at).total_seconds() / 60))
                text += self.tr(", {0} min").format(minutes)
            return text
        if column == self.PAIN:
            return self._pain_text(session)
        if column == self.FELT_IN:
            felt = [st.felt_in for st in session.sets if st.felt_in is not None]
            if not felt:
                return ""
            glutes = sum(1 for f in felt if f is FeltIn.GLUTES)
            return self.tr("glutes in {0} of {1}").format(glutes, len(felt))
        if column == self.NOTES:
            return session.notes.replace("\n", " ")
        return None

    def _session_tip(self, session: SessionRecord, column: int) -> str | None:
        if column == self.NOTES and session.notes:
            return session.notes
        if column == self.PAIN and session.hurts:  # each "It hurts" and what was chosen
            return "\n".join(hurt_text(h, self._exercise_name(h.exercise_id or ""))
                             for h in session.hurts)
        return None

    def _pain_text(self, session: SessionRecord) -> str:
        pains = [st.pain for st in session.sets if st.pain is not None]
        parts = [self.tr("avg {0}, max {1}").format(decimal(fmean(pains)), max(pains))
                 ] if pains else []
        if session.hurts:  # "It hurts" pressed: said here, each one in the tooltip
            parts.append(self.tr("it hurt ×{0}").format(len(session.hurts)))
        return "; ".join(parts)

    def _set_data(self, session: SessionRecord, stored: StoredSet, column: int,
                  role: int) -> Any:
        if role == self.SetRole:
            return stored
        hurt = next((h for h in session.hurts if (h.exercise_id, h.set_number, h.side) == (
            stored.exercise_id, stored.set_number, stored.side)), None)
        if hurt is not None and column == self.PAIN and role == Qt.ItemDataRole.ToolTipRole:
            return hurt_text(hurt, self._exercise_name(stored.exercise_id))
        if (column in (self.STATUS, self.RESULT) and role == Qt.ItemDataRole.ToolTipRole
                and partial(stored)):
            return self.tr("Left before its target (skipped, or the exercise or session ended "
                           "during it): kept with what was done, not counted as a set done and "
                           "not compared left against right.")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.STATUS:
            # A set row's status: only a set left early has one to say.
            return self.tr("Cut short", "a set or side left before its target") if partial(
                stored) else ""
        if column == self.WHEN:
            moment = QDateTime.fromSecsSinceEpoch(int(stored.started_at.timestamp()))
            return QLocale().toString(moment, "HH:mm:ss")
        if column == self.WHAT:
            return self.tr("{name}, set {number}, {side}").format(
                name=self._exercise_name(stored.exercise_id),
                number=stored.set_number,
                side=side_label(stored.side),
            )
        if column == self.RESULT:
            return result_text(stored, self._measure_of(stored.exercise_id))
        if column == self.PAIN:
            pain = "" if stored.pain is None else str(stored.pain)
            if hurt is None:
                return pain
            said = self.tr("it hurt")
            return f"{pain} · {said}" if pain else said
        if column == self.FELT_IN:
            return "" if stored.felt_in is None else felt_in_label(stored.felt_in)
        return ""
