"""The PDF report for a physiotherapist: a real PDF with the expected sections and charts."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gluteapp.core.assets import builtin_library
from gluteapp.core.history_records import SessionRecord
from gluteapp.core.stats import HistoryRange, sessions_in_range
from gluteapp.gui.history.report import write_report
from gluteapp.storage import open_history
from gluteapp.storage.export import fill_demo_history

TODAY = date(2025, 9, 17)

needs_poppler = pytest.mark.skipif(
    not (shutil.which("pdftotext") and shutil.which("pdftoppm")),
    reason="poppler-utils (pdftotext, pdftoppm) is needed to read the PDF back",
)


def pdf_text(path: Path) -> str:
    ran = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, timeout=60)
    assert ran.returncode == 0, ran.stderr
    return " ".join(ran.stdout.split())


def first_page(path: Path, tmp_path: Path) -> QImage:
    prefix = tmp_path / "page"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(path), str(prefix)],
        check=True,
        timeout=60,
    )
    [png] = tmp_path.glob("page*.png")
    image = QImage(str(png))
    assert not image.isNull()
    return image


@pytest.fixture(scope="module")
def six_months(tmp_path_factory: pytest.TempPathFactory) -> list[SessionRecord]:
    data_dir = tmp_path_factory.mktemp("report") / "data"
    fill_demo_history(data_dir, 0.5, seed=3, until=TODAY)
    with open_history(data_dir, daily_backup=False) as store:
        return store.list_sessions()


@needs_poppler
def test_the_report_is_a_pdf_with_every_section(
    qapp: QApplication, six_months: list[SessionRecord], tmp_path: Path
) -> None:
    sessions = sessions_in_range(six_months, HistoryRange.ALL, TODAY, UTC)
    path = write_report(
        tmp_path / "report.pdf",
        sessions,
        builtin_library(),
        goal_per_week=2,
        history_range=HistoryRange.ALL,
        today=TODAY,
        tz=UTC,
    )
    assert path.read_bytes()[:5] == b"%PDF-"
    text = pdf_text(path)
    for expected in (
        "Gluteapp progress report",
        "Adherence",
        f"{len(sessions)} sessions in",
        "against a goal of 2 a week",
        "Dose done against prescribed",
        "Side plank",
        "Per-side trend",
        "Left : right",
        "Pain",
        "Average pain per rated set",
        "Where the exercises were felt",
        "Notes",
        "not a diagnosis",
    ):
        assert expected in text, expected
    noted = [s for s in sessions if s.notes]
    assert noted
    assert noted[0].notes.split(":")[0] in text

    # Page 1 is a page with text and a coloured chart on it, not a blank one.
    page = first_page(path, tmp_path)
    assert page.width() < page.height()  # portrait
    colours = {
        QColor(page.pixel(x, y)).name()
        for x in range(0, page.width(), 3)
        for y in range(0, page.height(), 3)
    }
    assert "#ffffff" in colours
    assert any(QColor(c).saturation() > 120 for c in colours)  # the bars
    assert any(QColor(c).lightness() < 60 for c in colours)  # the text


@needs_poppler
def test_a_report_of_an_empty_period_says_so(qapp: QApplication, tmp_path: Path) -> None:
    path = write_report(
        tmp_path / "empty.pdf",
        [],
        builtin_library(),
        history_range=HistoryRange.FOUR_WEEKS,
        today=TODAY,
        tz=UTC,
    )
    text = pdf_text(path)
    assert "No sessions were recorded in this period." in text
    assert "No session notes in this period." in text
    assert "Adherence" not in text


@needs_poppler
def test_the_view_writes_the_report_of_its_range(qtbot: QtBot, tmp_path: Path) -> None:
    from gluteapp.gui.history.view import HistoryView
    from gluteapp.gui.history_service import HistoryService

    fill_demo_history(tmp_path / "data", 0.5, seed=3, until=TODAY)
    store = open_history(tmp_path / "data", daily_backup=False)
    try:
        view = HistoryView(HistoryService(store), builtin_library(), 3, today=lambda: TODAY, tz=UTC)
        qtbot.addWidget(view)
        view.set_range(HistoryRange.FOUR_WEEKS)
        path = view.write_report_to(tmp_path / "four-weeks.pdf")
        text = pdf_text(path)
        assert "(the last 4 weeks)" in text
        assert f"{len(view.sessions)} sessions in 4 weeks" in text
        assert "against a goal of 3 a week" in text
        assert "Saved the report" in view.status.text()
    finally:
        store.close(backup=False)


def test_the_report_counts_what_the_view_counts(qtbot: QtBot, tmp_path: Path) -> None:
    """A standing break and sets that fell short: the report's numbers are the view's."""
    import re

    from gluteapp.core.records import CompletedSet, SessionStatus, Side
    from gluteapp.gui.history.report import report_html
    from gluteapp.gui.history.view import HistoryView
    from gluteapp.gui.history_service import HistoryService

    service = HistoryService(open_history(tmp_path / "data", daily_backup=False))
    try:
        monday = datetime(2025, 9, 15, 18, tzinfo=UTC)
        for day, routine_id, holds in (
            (0, "gluteus-medius-a", [(Side.LEFT, 20.0), (Side.RIGHT, 30.0)]),
            (1, "standing-break", [(Side.LEFT, 30.0), (Side.RIGHT, 30.0)]),
            (2, "gluteus-medius-b", [(Side.LEFT, 30.0), (Side.RIGHT, 30.0), (Side.LEFT, 9.0)]),
        ):
            began = monday + timedelta(days=day)
            session_id = service.start_session(routine_id, routine_id, began)
            assert session_id is not None
            for index, (side, held) in enumerate(holds):
                service.record_set(session_id, CompletedSet(
                    "side-plank", index // 2 + 1, side, began, began, target_hold_s=30.0,
                    achieved_hold_s=held, pain=2))
            service.finish_session(session_id, SessionStatus.COMPLETED, began)
        view = HistoryView(service, builtin_library(), 2, today=lambda: TODAY, tz=UTC)
        qtbot.addWidget(view)
        view.set_range(HistoryRange.FOUR_WEEKS)
        html = report_html(view.stats, builtin_library())
    finally:
        service.close(backup=False)

    # Two sessions (the standing break is not one); three sets done, one in each session (the
    # left side falling short does not undo a set, plank 2 of medius B fell short on its only
    # side), as the cards say.
    assert view.cards["sessions"].value.text() == "2"
    assert view.cards["active_days"].detail.text() == "3 sets in all"
    assert "2 sessions in 4 weeks" in html
    assert "3 sets on 2 active days" in html
    assert "3 of 3 sets were rated" in html
    dose_row = re.search(r"<tr><td>Side plank</td><td>(\d+)</td>", html)
    assert dose_row is not None
    assert dose_row.group(1) == "3"
    assert view.exercise_picker.itemText(0) == "Side plank (3 sets)"
