"""The printable home-exercise sheet and `gluteapp figures` / `gluteapp sheet`: real PDFs and
PNGs, read back."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gluteapp.cli import main
from gluteapp.core.assets import builtin_library
from gluteapp.core.routines import builtin_routines, find_routine
from gluteapp.gui.player.sessions import RoutinePicker
from gluteapp.gui.sheet import default_paper, write_sheet
from gluteapp.gui.sheet_dialog import SheetSaver

LIBRARY = builtin_library()


def pdf(path: Path) -> QPdfDocument:
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    return document


def largest_difference(a: QImage, b: QImage) -> int:
    """The largest difference of any colour channel of any pixel (0 to 255)."""
    assert (a.size(), a.format()) == (b.size(), b.format())
    return max((abs(x - y) for x, y in zip(bytes(a.constBits()), bytes(b.constBits()),
                                           strict=True)), default=0)


def all_text(document: QPdfDocument) -> str:
    return "\n".join(document.getAllText(page).text() for page in range(document.pageCount()))


@pytest.mark.parametrize(("routine_id", "paper", "points"), [
    ("glute-amnesia-wake-up", "a4", (595, 842)),
    ("gluteus-medius-a", "letter", (612, 792)),
])
def test_a_sheet_shows_every_exercise_with_its_dose_steps_and_cautions(
        qapp: QApplication, tmp_path: Path, routine_id: str, paper: str,
        points: tuple[int, int]) -> None:
    routine = find_routine(routine_id, LIBRARY)
    path = write_sheet(tmp_path / "sheet.pdf", routine, LIBRARY, paper=paper,
                       today=date(2026, 3, 2))
    document = pdf(path)
    size = document.pagePointSize(0)
    assert (round(size.width()), round(size.height())) == points
    text = " ".join(all_text(document).split())
    assert routine.name in text
    for number, step in enumerate(routine.steps, 1):
        exercise = LIBRARY[step.exercise]
        assert f"{number}. {exercise.name}" in text
        assert " ".join(exercise.cautions[0].split()[:5]) in text
        assert " ".join(exercise.steps[-1].split()[:4]) in text
    assert text.count("Start") >= len(routine.steps)
    assert f"Page {document.pageCount()} of {document.pageCount()}" in text


def test_a_sheet_names_the_version_and_says_each_side(qapp: QApplication,
                                                      tmp_path: Path) -> None:
    routine = find_routine("gluteus-medius-a", LIBRARY)
    text = " ".join(all_text(pdf(write_sheet(tmp_path / "s.pdf", routine, LIBRARY))).split())
    assert "each side" in text
    assert "The pictures show the left side" in text


def test_an_exercise_never_breaks_across_pages(qapp: QApplication, tmp_path: Path) -> None:
    routine = find_routine("glute-amnesia-wake-up", LIBRARY)
    document = pdf(write_sheet(tmp_path / "s.pdf", routine, LIBRARY))
    for page in range(document.pageCount()):
        text = document.getAllText(page).text()
        # Each page holds whole exercises: every "How to do it" has its "Take care" with it.
        assert text.count("How to do it") == text.count("Take care")


def test_the_sheet_is_in_the_librarys_language(qapp: QApplication, tmp_path: Path) -> None:
    german = builtin_library("de")
    routine = find_routine("glute-amnesia-wake-up", german)
    text = all_text(pdf(write_sheet(tmp_path / "de.pdf", routine, german)))
    assert german["glute-bridge"].name in text
    assert german["glute-bridge"].name != LIBRARY["glute-bridge"].name


def test_letter_paper_where_inches_are_used() -> None:
    assert default_paper(QLocale(QLocale.Language.English,
                                 QLocale.Country.UnitedStates)) == "letter"
    assert default_paper(QLocale(QLocale.Language.German, QLocale.Country.Germany)) == "a4"


def test_an_unknown_paper_is_refused(qapp: QApplication, tmp_path: Path) -> None:
    routine = find_routine("desk-break", LIBRARY)
    with pytest.raises(ValueError, match="paper 'a5'"):
        write_sheet(tmp_path / "s.pdf", routine, LIBRARY, paper="a5")


def test_the_sheet_command_writes_a_pdf(qapp: QApplication, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "wake-up.pdf"
    assert main(["--data-dir", str(tmp_path / "data"), "sheet", "glute-amnesia-wake-up",
                 "--out", str(out), "--paper", "letter"]) == 0
    assert pdf(out).pageCount() >= 2
    assert "wake-up.pdf" in capsys.readouterr().out


def test_the_sheet_command_says_which_routine_it_cannot_find(
        qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path), "sheet", "glute-amnesia-wakeup", "--out",
                 str(tmp_path / "x.pdf")]) == 1
    error = capsys.readouterr().err
    assert "no routine 'glute-amnesia-wakeup'" in error
    assert "did you mean 'glute-amnesia-wake-up'" in error


def test_the_figures_command_writes_start_end_and_the_right_side(
        qapp: QApplication, tmp_path: Path) -> None:
    out = tmp_path / "figures"
    assert main(["figures", str(out), "--size", "96x80"]) == 0
    names = sorted(p.name for p in out.iterdir())
    expected = []
    for exercise in LIBRARY:
        expected += [f"{exercise.id}-start.png", f"{exercise.id}-end.png"]
        if exercise.per_side:
            expected.append(f"{exercise.id}-start-right.png")
    assert names == sorted(expected)
    start = QImage(str(out / "side-plank-start.png"))
    assert (start.width(), start.height()) == (96, 80)
    right = QImage(str(out / "side-plank-start-right.png"))
    # The mirror image, but for antialiasing that rounds the other way at a few edges.
    assert largest_difference(right, start.flipped(Qt.Orientation.Horizontal)) <= 4
    end = QImage(str(out / "side-plank-end.png"))
    assert largest_difference(end, start) > 100


def test_the_figures_command_refuses_a_silly_size(capsys: pytest.CaptureFixture[str],
                                                  tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        main(["figures", str(tmp_path), "--size", "10x10"])
    assert "outside 32x32" in capsys.readouterr().err


def test_print_sheet_in_the_routine_list_saves_the_selected_routine(
        qtbot: QtBot, tmp_path: Path) -> None:
    picker = RoutinePicker(LIBRARY)
    qtbot.addWidget(picker)
    routines = builtin_routines(LIBRARY)
    picker.set_routines(routines, [], [])
    picker.select("desk-break")
    assert picker.sheet_button.isEnabled()
    assert picker.sheet_button.accessibleDescription()  # the name is its text, "Print sheet…"
    picker.sheet_button.click()
    saver = picker.sheet_saver
    assert saver is not None
    dialog = saver.dialog
    assert dialog is not None
    assert dialog.selectedFiles()[0].endswith("desk-break-sheet.pdf")
    target = tmp_path / "desk.pdf"
    with qtbot.waitSignal(saver.saved, timeout=10_000) as saved:
        dialog.selectFile(str(target))
        dialog.accept()
    assert saved.args == [str(target)]
    assert pdf(target).pageCount() >= 1
    assert saver.message is not None
    assert "desk.pdf" in saver.message.text()
    saver.message.close()


def test_a_sheet_that_cannot_be_written_is_explained(qtbot: QtBot, tmp_path: Path) -> None:
    picker = RoutinePicker(LIBRARY)
    qtbot.addWidget(picker)
    saver = SheetSaver(picker)
    routine = find_routine("desk-break", LIBRARY)
    with qtbot.waitSignal(saver.failed, timeout=10_000) as failed:
        assert saver.write(routine, LIBRARY, tmp_path / "missing" / "x.pdf") is None
    assert "could not be saved" in failed.args[0]
    assert saver.message is not None
    saver.message.close()


def test_the_sheet_states_the_one_safety_rule(qapp: QApplication, tmp_path: Path) -> None:
    from gluteapp.core.safety import RulePoint
    from gluteapp.gui.words import safety_rule

    routine = find_routine("desk-break", LIBRARY)
    text = " ".join(all_text(pdf(write_sheet(tmp_path / "sheet.pdf", routine, LIBRARY))).split())
    for point in (RulePoint.MILD_PAIN_HOLDS, RulePoint.STOP_THE_SET,
                  RulePoint.ASK_A_PROFESSIONAL):
        assert " ".join(safety_rule(point).split()) in text
    assert "Stop if anything hurts" not in text  # what the sheet said before the rule
