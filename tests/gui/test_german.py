"""The app in German: its content, numbers, plurals and words for rest and pause, the voice
clips, and `--lang` choosing the language of one run over the setting."""

from __future__ import annotations

import wave
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from gluteapp.core.assets import assets_dir, builtin_library
from gluteapp.core.cues import Phrase
from gluteapp.core.paths import ensure_writable, resolve_paths
from gluteapp.core.plan import week_plan
from gluteapp.core.timeline import Phase, PhaseKind
from gluteapp.gui.audio.assets import clip_duration_s, cue_file
from gluteapp.gui.history.report import HistoryReport
from gluteapp.gui.i18n import install_translator, shown_language
from gluteapp.gui.library.area import LibraryArea
from gluteapp.gui.plan.view import PlanView
from gluteapp.gui.settings import LANGUAGE, Settings
from gluteapp.gui.tabs import RoomyTabBar, RoomyTabWidget
from gluteapp.gui.words import decimal, phase_words, routine_title, short_number
from tests.gui.conftest import StartApp

SUNDAY = date(2026, 11, 22)


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    default = QLocale()
    assert install_translator(qapp, "de")
    yield
    install_translator(qapp, "en")
    QLocale.setDefault(default)


@pytest.fixture
def back_to_english(qapp: QApplication) -> Iterator[None]:
    """For a test whose app installs a language itself."""
    default = QLocale()
    yield
    install_translator(qapp, "en")
    QLocale.setDefault(default)


# -- numbers, plurals, rest and pause --------------------------------------------------------------


@pytest.mark.usefixtures("german")
def test_numbers_have_a_decimal_comma() -> None:
    assert decimal(2.6) == "2,6"
    assert decimal(2.25, 2) == "2,25"
    assert short_number(3.0) == "3"
    assert short_number(2.5) == "2,5"


def test_numbers_in_english_keep_their_point(qapp: QApplication) -> None:
    install_translator(qapp, "en")
    assert decimal(2.6) == "2.6"


@pytest.mark.usefixtures("german")
def test_counted_words_take_the_singular_for_one() -> None:
    assert HistoryReport.tr("%n sets", "", 1) == "1 Satz"
    assert HistoryReport.tr("%n sets", "", 4) == "4 Sätze"
    assert HistoryReport.tr("%n active days", "", 1) == "1 aktiven Tag"


def test_english_counts_one_set_too(qapp: QApplication) -> None:
    install_translator(qapp, "en")
    assert HistoryReport.tr("%n sets", "", 1) == "1 set"
    assert HistoryReport.tr("%n sets", "", 2) == "2 sets"


@pytest.mark.usefixtures("german")
def test_the_plan_says_one_day_left(qtbot: QtBot) -> None:
    library = builtin_library("de")

    def load(today: date):  # type: ignore[no-untyped-def]
        return week_plan([], today, 2), None, None, []

    view = PlanView(library, lambda routine_id: routine_id, load, today=lambda: SUNDAY)
    qtbot.addWidget(view)
    view.show()
    text = view.week_text.text()
    assert "und die Woche hat noch 1 Tag." in text
    assert "1 Tage" not in text


@pytest.mark.usefixtures("german")
def test_rest_is_erholung_and_pause_is_pause() -> None:
    rest = Phase(PhaseKind.REST_SET, "Rest", 0, "glute-bridge", 1, 3, 30.0)
    assert phase_words(rest, None, builtin_library("de")) == "Erholung"
    translate = QCoreApplication.translate
    assert translate("PlayerView", "Rest") == "Erholung"
    assert translate("PlayerView", "Pause") == "Pause"
    assert translate("ExerciseModel", "{dosage} · rest {rest} s") == "{dosage} · Erholung {rest} s"


@pytest.mark.usefixtures("german")
def test_a_session_shows_its_builtin_routine_in_todays_language() -> None:
    assert routine_title("desk-break", "Desk break") == "Schreibtischpause"
    assert routine_title("my-own", "Mein Morgen") == "Mein Morgen"
    assert routine_title("../desk-break", "stored") == "stored"


def test_english_names_a_builtin_routine_stored_in_german(qapp: QApplication) -> None:
    install_translator(qapp, "en")
    assert routine_title("desk-break", "Schreibtischpause") == "Desk break"


# -- the voice ----------------------------------------------------------------------------------


def test_every_phrase_has_a_german_clip_in_the_backends_format() -> None:
    folder = assets_dir() / "voice" / "de"
    assert {path.stem for path in folder.glob("*.wav")} == {phrase.value for phrase in Phrase}
    total = 0
    for phrase in Phrase:
        path = cue_file(phrase, "de")
        assert path == folder / f"{phrase.value}.wav"
        with wave.open(str(path), "rb") as clip:
            assert (clip.getframerate(), clip.getsampwidth(), clip.getnchannels()) == (48_000, 2, 1)
            assert 0.2 < clip.getnframes() / clip.getframerate() < 2.5
        total += path.stat().st_size
    assert total < 1_600_000  # about as much again as the English clips


@pytest.mark.usefixtures("german")
def test_the_german_window_speaks_the_german_clips() -> None:
    assert cue_file(Phrase.REST) == assets_dir() / "voice" / "de" / "rest.wav"
    assert clip_duration_s(Phrase.REST) != pytest.approx(
        _duration(assets_dir() / "voice" / "rest.wav"))
    assert cue_file("sounds/go").parent.name == "sounds"  # beeps have no language


def test_the_english_window_speaks_the_english_clips(qapp: QApplication) -> None:
    install_translator(qapp, "en")
    assert cue_file(Phrase.REST) == assets_dir() / "voice" / "rest.wav"


def _duration(path: Path) -> float:
    with wave.open(str(path), "rb") as clip:
        return clip.getnframes() / clip.getframerate()


# -- the whole app, and --lang over the setting ----------------------------------------------------


def _first_rows(area: LibraryArea, count: int) -> list[str]:
    proxy = area.view().proxy
    return [str(proxy.index(row, 0).data(Qt.ItemDataRole.DisplayRole)) for row in range(count)]


@pytest.mark.usefixtures("back_to_english")
def test_lang_de_shows_the_app_in_german(start_app: StartApp, tmp_path: Path) -> None:
    app = start_app(language="de", skip_first_run=True, view="library",
                    screenshot=tmp_path / "unused.png")
    assert shown_language() == "de"
    assert app.library.language == "de"
    area = app.window.page("library")
    assert isinstance(area, LibraryArea)
    assert _first_rows(area, 2) == ["Einbeinstand", "Kniedruck an der Wand im Stehen"]
    view = area.view()
    assert view._pages[0].title == "Was ist Gesäßamnesie?"
    assert all(".de" not in page.slug for page in view._pages)
    assert app.catalog.name("desk-break") == "Schreibtischpause"
    # The setting is not changed by a run's language.
    assert app.settings.get(LANGUAGE) == "system"
    app.window.show_area("history")
    history_tabs = app.window.page("history").findChild(QTabWidget, "history_tabs")
    assert history_tabs is not None
    assert [history_tabs.tabText(i) for i in range(3)] == ["Überblick", "Übungen", "Einheiten"]
    assert isinstance(history_tabs.tabBar(), RoomyTabBar)
    assert isinstance(view.tabs.tabBar(), RoomyTabBar)


@pytest.mark.usefixtures("back_to_english")
def test_lang_en_wins_over_a_german_setting(start_app: StartApp, tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "data")
    ensure_writable(paths)
    Settings(paths.settings).set(LANGUAGE, "de")
    app = start_app(language="en", skip_first_run=True, view="library",
                    screenshot=tmp_path / "unused.png")
    assert shown_language() == "en"
    assert app.library["single-leg-stand"].name == "Single-leg stand"
    assert app.settings.get(LANGUAGE) == "de"


@pytest.mark.usefixtures("back_to_english")
def test_without_lang_the_setting_decides(start_app: StartApp, tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "data")
    ensure_writable(paths)
    Settings(paths.settings).set(LANGUAGE, "de")
    app = start_app(skip_first_run=True, view="library", screenshot=tmp_path / "unused.png")
    assert shown_language() == "de"
    assert app.library["single-leg-stand"].name == "Einbeinstand"


@pytest.mark.usefixtures("back_to_english")
def test_the_sheet_command_prints_in_the_language_asked_for(tmp_path: Path) -> None:
    from gluteapp.cli import main
    from tests.gui.test_sheet import all_text, pdf

    out = tmp_path / "desk-de.pdf"
    assert main(["--data-dir", str(tmp_path / "data"), "sheet", "desk-break", "--out", str(out),
                 "--lang", "de"]) == 0
    text = " ".join(all_text(pdf(out)).split())
    assert "Einbeinstand" in text
    assert "pro Seite" in text
    assert "Single-leg stand" not in text


def _tab_bar_image(qtbot: QtBot, tabs: QTabWidget, second: str) -> object:
    qtbot.addWidget(tabs)
    tabs.setDocumentMode(True)
    tabs.addTab(QWidget(), "Überblick")
    tabs.addTab(QWidget(), second)  # not selected: Fusion draws it lower
    tabs.resize(300, 60)
    tabs.show()
    QApplication.processEvents()
    return tabs.tabBar().grab().toImage()


def test_a_tab_that_is_not_selected_keeps_the_dots_of_its_capital_umlaut(qtbot: QtBot) -> None:
    # Were the dots cut off, "Übungen" would look exactly like "Ubungen" (as in QTabWidget
    # under Fusion, the style of the light and dark themes).
    with_dots = _tab_bar_image(qtbot, RoomyTabWidget(), "Übungen")
    without = _tab_bar_image(qtbot, RoomyTabWidget(), "Ubungen")
    assert with_dots != without


@pytest.mark.usefixtures("german")
def test_a_charts_value_axis_writes_a_decimal_comma(qtbot: QtBot) -> None:
    from gluteapp.gui.history.charts import NumberAxis, TimeChart

    chart = TimeChart("Links ÷ rechts")
    qtbot.addWidget(chart)
    axis = chart.getAxis("left")
    assert isinstance(axis, NumberAxis)
    assert axis.tickStrings([0.6, 0.8, 1.0], 1.0, 0.2) == ["0,6", "0,8", "1,0"]
    assert axis.tickStrings([0.0, 10.0], 1.0, 10.0) == ["0", "10"]


def test_every_counted_text_has_its_english_singular() -> None:
    # tools/update_translations.sh collects them into gluteapp_en.ts; a new "%n sets" left
    # unfinished there would read "1 sets" in English.
    from tests.gui.test_settings_translation import read_ts

    root = Path(__file__).parents[2]
    messages = read_ts(root / "translations" / "gluteapp_en.ts")
    assert messages
    for message in messages:
        assert message.numerus, message.source
        assert not message.unfinished, message.source
        singular, plural = message.forms
        assert plural == message.source
        assert "%n" in singular
        assert singular != plural or "min" in message.source  # "in %n min" has one form
