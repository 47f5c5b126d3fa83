"""Every "It hurts" reaches the History's session list and the physiotherapist's report."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication

from gluteapp.core.assets import builtin_library
from gluteapp.core.history_records import SessionRecord
from gluteapp.core.records import CompletedSet, Hurt, HurtChoice, Side
from gluteapp.core.stats import HistoryRange, Measure, range_stats
from gluteapp.gui.history.report import report_html
from gluteapp.gui.history.sessions_model import SessionTreeModel
from gluteapp.storage import open_history

TODAY = date(2025, 9, 17)
START = datetime(2025, 9, 15, 18, tzinfo=UTC)


def a_session_that_hurt(tmp_path: Path) -> SessionRecord:
    """A plank session: set 1 left and right, 'It hurts' on the right, the session ended."""
    with open_history(tmp_path / "data", daily_backup=False) as store:
        session = store.start_session("plank", "Plank practice", START)
        for side, held in ((Side.LEFT, 20.0), (Side.RIGHT, 12.0)):
            store.record_set(session, CompletedSet(
                "side-plank", 1, side, START, START + timedelta(seconds=20),
                target_hold_s=20.0, achieved_hold_s=held))
        hurt = store.record_hurt(session, Hurt(START + timedelta(seconds=60), "side-plank", 1,
                                              Side.RIGHT))
        store.set_hurt_choice(hurt, HurtChoice.END_SESSION)
        return store.list_sessions()[0]


def test_the_session_list_shows_that_it_hurt_on_the_session_and_on_the_set(
        qapp: QApplication, tmp_path: Path) -> None:
    library = builtin_library()
    model = SessionTreeModel(library.name_of, lambda _id: Measure.HOLD)
    model.set_sessions([a_session_that_hurt(tmp_path)])
    session_pain = model.index(0, SessionTreeModel.PAIN)
    assert model.data(session_pain) == "it hurt ×1"
    assert model.data(session_pain, Qt.ItemDataRole.ToolTipRole) == (
        "Side plank, set 1, right side: you ended the session")
    first = model.index(0, 0)
    left, right = (model.index(row, SessionTreeModel.PAIN, first) for row in (0, 1))
    assert (model.data(left), model.data(right)) == ("", "it hurt")
    assert model.data(QModelIndex()) is None


def test_the_report_lists_every_it_hurts(qapp: QApplication, tmp_path: Path) -> None:
    library = builtin_library()
    stats = range_stats([a_session_that_hurt(tmp_path)], library, HistoryRange.FOUR_WEEKS,
                        TODAY, tz=UTC)
    text = report_html(stats, library)
    assert "“It hurts”" in text
    assert "Plank practice: Side plank, set 1, right side: you ended the session" in text


def test_the_report_says_when_it_never_hurt(qapp: QApplication, tmp_path: Path) -> None:
    library = builtin_library()
    record = a_session_that_hurt(tmp_path)
    calm = SessionRecord(record.id, record.routine_id, record.routine_name, record.started_at,
                         record.ended_at, record.status, sets=record.sets)
    text = report_html(range_stats([calm], library, HistoryRange.FOUR_WEEKS, TODAY, tz=UTC),
                       library)
    assert "“It hurts” was not pressed in this period." in text
