"""One home for words: core speaks in enums, the GUI says them, and in German they read German."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QComboBox

from gluteapp.core.assets import builtin_library
from gluteapp.core.exercises import Library
from gluteapp.core.records import FeltIn, SessionStatus, Side
from gluteapp.core.stats import HistoryRange, Measure, measure_for, sessions_in_range
from gluteapp.core.vocabulary import Equipment, Mode, Muscle, Position
from gluteapp.gui import words
from gluteapp.gui.history.report import write_report
from gluteapp.gui.history.sessions_model import SessionTreeModel
from gluteapp.gui.i18n import install_translator
from gluteapp.gui.library.filter_proxy import ExerciseFilterProxy
from gluteapp.gui.library.model import ExerciseModel
from gluteapp.gui.library.view import LibraryView
from gluteapp.gui.settings import EQUIPMENT
from gluteapp.storage import open_history
from gluteapp.storage.export import fill_demo_history

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2025, 9, 17)

#: Every GUI word of each enum, as the tables of gluteapp.gui.words give them.
LABELS = (
    (Muscle, words.muscle_label),
    (Equipment, words.equipment_label),
    (Position, words.position_label),
    (Mode, words.mode_label),
    (FeltIn, words.felt_in_label),
    (FeltIn, words.felt_in_phrase),
    (Side, words.side_label),
    (SessionStatus, words.status_label),
    (HistoryRange, words.history_range_phrase),
    (Measure, words.measure_unit),
)


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    default = QLocale()
    assert install_translator(qapp, "de"), "the German translation is in the resources"
    yield
    install_translator(qapp, "en")
    QLocale.setDefault(default)


@pytest.fixture(scope="module")
def demo_sessions(tmp_path_factory: pytest.TempPathFactory) -> list:
    data_dir = tmp_path_factory.mktemp("words") / "data"
    fill_demo_history(data_dir, 0.5, seed=3, until=TODAY)
    with open_history(data_dir, daily_backup=False) as store:
        return store.list_sessions()


def combo_texts(combo: QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


# Each enum member has its words ---------------------------------------------------------------


@pytest.mark.parametrize(("enum", "label"), LABELS, ids=lambda x: getattr(x, "__name__", ""))
def test_every_member_has_a_word_in_english_and_in_german(enum, label, german) -> None:
    # `german` is on: every member has a German word, never left as the English source.
    texts = [label(member) for member in enum]
    assert all(texts), enum.__name__
    install_translator(QApplication.instance(), "en")
    english = [label(member) for member in enum]
    same_in_both = {"s"}
    assert [e for t, e in zip(texts, english, strict=True) if t == e not in same_in_both] == []


def test_the_settings_and_the_library_share_the_equipment_words(german) -> None:
    assert EQUIPMENT.choice_text("mini_band") == words.equipment_label(Equipment.MINI_BAND)
    assert EQUIPMENT.choice_text("mini_band") == "Mini-Band"
    assert EQUIPMENT.choice_text("handrail") == "Geländer oder Stuhllehne"


@pytest.mark.parametrize(
    ("exercise_id", "english", "german"),
    [
        ("single-leg-stand", "3 x 30-60 s per side", "3 x 30-60 s pro Seite"),
        ("lateral-band-walk", "3 x 10-15 steps each way", "3 x 10-15 Schritte pro Richtung"),
        ("single-leg-squat", "3 x 10 reps per side, tempo 2-0-2",
         "3 x 10 Wdh. pro Seite, Tempo 2-0-2"),
    ],
)
def test_a_dosage_reads_in_the_ui_language(
    qapp: QApplication, exercise_id: str, english: str, german: str
) -> None:
    exercise = builtin_library()[exercise_id]
    assert words.dosage_words(exercise.dosage, exercise.per_side) == english
    default = QLocale()
    install_translator(qapp, "de")
    try:
        assert words.dosage_words(exercise.dosage, exercise.per_side) == german
    finally:
        install_translator(qapp, "en")
        QLocale.setDefault(default)


# The library in German --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def library() -> Library:
    return builtin_library()


def test_the_library_filters_speak_german(qtbot, german, library: Library) -> None:
    view = LibraryView(library, pages=[])
    qtbot.addWidget(view)
    muscles = combo_texts(view.muscle_combo)
    equipment = combo_texts(view.equipment_combo)
    positions = combo_texts(view.position_combo)
    modes = combo_texts(view.mode_combo)
    assert {"Großer Gesäßmuskel", "Mittlerer Gesäßmuskel", "Hintere Oberschenkel"} <= set(muscles)
    assert {"Mini-Band", "Stuhl", "Wand"} <= set(equipment)
    assert {"Stehend", "Am Boden, in Seitenlage"} <= set(positions)
    assert {"Gehaltene Position", "Wiederholungen", "Schritte"} <= set(modes)
    english = {"Gluteus medius", "Hamstrings", "Mini band", "Chair", "Standing", "Timed hold",
               "Reps", "Steps", "On the floor, on your side"}
    assert not english & {*muscles, *equipment, *positions, *modes}
    # The data behind each choice stays the enum value.
    assert view.equipment_combo.itemData(equipment.index("Mini-Band")) == Equipment.MINI_BAND.value
    # The detail pane names the shown exercise's muscles, equipment, position and mode alike.
    view.show_exercise("lateral-band-walk")
    assert {"Mini-Band", "Stehend", "Schritte"} <= set(view.detail.fact_chips.texts())
    # Rest between sets is "Erholung": "Pause" is the player's pause only.
    assert view.detail.dosage_label.text() == (
        "3 x 10-15 Schritte pro Richtung · Erholung 45 s")
    assert "Mittlerer Gesäßmuskel" in view.detail.muscle_chips.texts()


def test_the_search_matches_the_german_words(german, library: Library) -> None:
    proxy = ExerciseFilterProxy()
    proxy.setSourceModel(ExerciseModel(library, proxy))
    proxy.set_search_text("mini-band")
    found = {proxy.index(row, 0).data(ExerciseModel.IdRole) for row in range(proxy.rowCount())}
    assert found == {e.id for e in library if Equipment.MINI_BAND in e.equipment}
    proxy.set_search_text("Gesäßmuskel mittlerer")
    found = {proxy.index(row, 0).data(ExerciseModel.IdRole) for row in range(proxy.rowCount())}
    assert found == {e.id for e in library if Muscle.GLUTEUS_MEDIUS in e.muscles}


# The history in German --------------------------------------------------------------------------


def test_the_session_table_speaks_german(german, demo_sessions: list, library: Library) -> None:
    model = SessionTreeModel(library.name_of, lambda eid: measure_for(library.get(eid)))
    model.set_sessions(demo_sessions)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Wann", "Programm oder Übung", "Status", "Sätze oder Ergebnis", "Schmerz",
                       "Gespürt in", "Notizen"]
    rows = range(model.rowCount())
    statuses = {model.index(row, SessionTreeModel.STATUS).data() for row in rows}
    assert {"Abgeschlossen", "Vorzeitig beendet"} <= statuses
    assert not {"Completed", "Ended early", "Interrupted"} & statuses
    felt = set()
    for row in rows:
        session = model.index(row, 0)
        felt |= {model.index(r, SessionTreeModel.FELT_IN, session).data()
                 for r in range(model.rowCount(session))}
    assert "Gesäß" in felt
    assert not {"Glutes", "Hamstrings", "Lower back"} & felt
    newest = model.index(0, 0)
    assert ", Satz 1, " in model.index(0, SessionTreeModel.WHAT, newest).data()


needs_poppler = pytest.mark.skipif(
    not shutil.which("pdftotext"), reason="pdftotext (poppler-utils) reads the PDF back")


@needs_poppler
def test_the_report_speaks_german(german, demo_sessions: list, tmp_path: Path) -> None:
    sessions = sessions_in_range(demo_sessions, HistoryRange.ALL, TODAY, UTC)
    path = write_report(tmp_path / "bericht.pdf", sessions, builtin_library(),
                        history_range=HistoryRange.ALL, today=TODAY, tz=UTC)
    ran = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                         check=True)
    text = " ".join(ran.stdout.split())
    for expected in ("Gluteapp-Fortschrittsbericht", "der gesamte Verlauf", "Regelmäßigkeit",
                     "abgeschlossen", "vorzeitig beendet", "Verlauf je Seite", "Schmerz",
                     "Wo die Übungen gespürt wurden", "Gesäß", "unterer Rücken", "Notizen",
                     "keine Diagnose"):
        assert expected in text, expected
    for english in ("progress report", "Adherence", "completed", "lower back", "Notes"):
        assert english not in text, english


# Every text is where pyside6-lupdate can see it -------------------------------------------------

#: Functions allowed to translate a text they are given: each translates only texts declared
#: with QT_TRANSLATE_NOOP (the tables of words.py, the declared settings).
TRANSLATES_DECLARED = {
    ("gluteapp/gui/words.py", "_translate"),
    # TranslationContext.tr: lupdate reads each `Context.tr("literal", "", n)` call instead.
    ("gluteapp/gui/words.py", "tr"),
    ("gluteapp/gui/settings.py", "tr_setting"),
    ("gluteapp/gui/settings.py", "choice_text"),
}


def _sources() -> list[Path]:
    gui = sorted(p for p in (ROOT / "gluteapp" / "gui").rglob("*.py")
                 if p.name != "_resources_rc.py")
    return [*gui, ROOT / "gluteapp" / "cli.py", ROOT / "gluteapp" / "app.py"]


def _is_translate_call(call: ast.Call) -> bool:
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    if name == "translate" and isinstance(func, ast.Attribute):
        # QCoreApplication.translate, not QPainter.translate(dx, dy) or QTransform's.
        owner = func.value
        return isinstance(owner, ast.Name) and owner.id in {"QCoreApplication", "QApplication"}
    return name in {"tr", "translate", "_tr"}


def _text_argument(call: ast.Call) -> ast.expr | None:
    # tr(text, ...) or translate(context, text, ...)
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    position = 1 if name == "translate" else 0
    return call.args[position] if len(call.args) > position else None


def test_every_translated_text_is_a_literal() -> None:
    hidden = []
    allowed_seen = set()
    for path in _sources():
        relative = path.relative_to(ROOT).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for call in ast.walk(function):
                if not isinstance(call, ast.Call) or not _is_translate_call(call):
                    continue
                text = _text_argument(call)
                literal = isinstance(text, ast.Constant) and isinstance(text.value, str)
                if literal:
                    continue
                if (relative, function.name) in TRANSLATES_DECLARED:
                    allowed_seen.add((relative, function.name))
                    continue
                hidden.append(f"{relative}:{call.lineno} in {function.name}()")
    assert not hidden, "texts pyside6-lupdate cannot see:\n" + "\n".join(sorted(set(hidden)))
    assert allowed_seen == TRANSLATES_DECLARED  # the exceptions are still real


def _lupdate() -> str | None:
    beside = Path(sys.executable).with_name("pyside6-lupdate")
    return str(beside) if beside.exists() else shutil.which("pyside6-lupdate")


def test_lupdate_finds_the_words_that_moved(tmp_path: Path) -> None:
    lupdate = _lupdate()
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [lupdate, "-silent", "-locations", "none", *map(str, _sources()), "-ts", str(fresh)],
        check=True, capture_output=True,
    )
    import xml.etree.ElementTree as ET

    found = {
        (context.findtext("name"), message.findtext("source"))
        for context in ET.parse(fresh).getroot().iter("context")
        for message in context.iter("message")
    }
    expected = {
        ("Words", "Gluteus medius"), ("Words", "Mini band"), ("Words", "Standing"),
        ("Words", "Timed hold"), ("Words", "Glutes"), ("Words", "Completed"),
        ("Words", "the last 3 months"), ("Words", "Switch to your left leg"),
        ("HistoryReport", "Adherence"), ("HistoryReport", "Gluteapp progress report"),
        ("SessionTreeModel", "When"), ("SessionTreeModel", "{name}, set {number}, {side}"),
        ("LibraryView", "Learn"), ("LibraryView", "Search exercises, muscles, equipment…"),
    }
    assert expected - found == set()
    every_word = {("Words", text) for table in (
        words.MUSCLE_WORDS, words.EQUIPMENT_WORDS, words.POSITION_WORDS, words.MODE_WORDS,
        words.FELT_IN_WORDS, words.FELT_IN_PHRASES, words.SIDE_WORDS, words.STATUS_WORDS,
    ) for text in table.values()}
    assert every_word - found == set()
