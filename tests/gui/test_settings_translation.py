"""The LANGUAGE setting: a complete German translation, compiled into the resources."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from msgspec import Struct
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QGroupBox
from pytestqt.qtbot import QtBot

from gluteapp.gui import resources  # noqa: F401 - registers :/i18n
from gluteapp.gui.first_run import FirstRunDialog
from gluteapp.gui.i18n import install_translator
from gluteapp.gui.reminders import ReminderService
from gluteapp.gui.settings import Settings
from gluteapp.gui.settings_dialog import SettingsDialog

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "translations" / "gluteapp_de.ts"
FIX = "run tools/update_translations.sh, translate what it marks unfinished, and run it again"


class Message(Struct, frozen=True):
    context: str
    source: str
    comment: str
    forms: tuple[str, ...]  # one text, or the plural forms
    unfinished: bool
    numerus: bool


def read_ts(path: Path) -> list[Message]:
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            numerus = message.get("numerus") == "yes"
            forms = (tuple(f.text or "" for f in translation.iter("numerusform")) if numerus
                     else (translation.text or "",))
            messages.append(Message(
                context=name,
                source=message.findtext("source") or "",
                comment=message.findtext("comment") or "",
                forms=forms,
                unfinished=translation.get("type") == "unfinished",
                numerus=numerus,
            ))
    return messages


def describe(messages: list[Message]) -> str:
    return "\n".join(f"  {m.context or '(no context)'}: {m.source!r}" for m in messages)


def test_every_string_is_translated() -> None:
    messages = read_ts(TS)
    assert len(messages) > 100
    missing = [m for m in messages if m.unfinished or not all(f.strip() for f in m.forms)]
    assert not missing, f"{len(missing)} strings without German ({FIX}):\n{describe(missing)}"


def _lupdate() -> str | None:
    beside = Path(sys.executable).with_name("pyside6-lupdate")
    return str(beside) if beside.exists() else shutil.which("pyside6-lupdate")


def test_the_translation_knows_every_string_in_the_code(tmp_path: Path) -> None:
    lupdate = _lupdate()
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    gui = sorted(p for p in (ROOT / "gluteapp" / "gui").rglob("*.py")
                 if p.name != "_resources_rc.py")
    sources = [*map(str, gui), str(ROOT / "gluteapp" / "app.py")]
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    subprocess.run(
        [lupdate, "-silent", "-locations", "none", "-no-obsolete", *sources, "-ts", str(fresh)],
        check=True, capture_output=True, timeout=120,
    )
    known = {(m.context, m.source, m.comment) for m in read_ts(TS)}
    new = [m for m in read_ts(fresh) if (m.context, m.source, m.comment) not in known]
    assert not new, f"{len(new)} strings in the code are not in {TS.name} ({FIX}):\n" + describe(
        new)


PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n|%\d")


@pytest.mark.parametrize("message", read_ts(TS), ids=lambda m: f"{m.context}:{m.source[:30]}")
def test_placeholders_and_shortcuts_survive(message: Message) -> None:
    assert not message.unfinished, f"not translated yet ({FIX})"
    expected = sorted(PLACEHOLDER.findall(message.source))
    for form in message.forms:
        assert sorted(PLACEHOLDER.findall(form)) == expected, form
        assert form.replace("&&", "").count("&") == message.source.replace("&&", "").count("&")


def test_the_compiled_translation_in_the_resources_is_current(qapp: QApplication) -> None:
    translator = QTranslator()
    assert translator.load(":/i18n/gluteapp_de.qm"), "assets/i18n/gluteapp_de.qm not in :/i18n"
    stale = []
    for message in read_ts(TS):
        if message.unfinished:
            continue
        comment = message.comment or None
        if message.numerus:
            got = tuple(
                translator.translate(message.context, message.source, comment, n)
                for n in (1, 5)
            )
        else:
            got = (translator.translate(message.context, message.source, comment),)
        if got != message.forms:
            stale.append(message)
    assert not stale, f"the .qm is older than the .ts ({FIX}):\n{describe(stale)}"


@pytest.fixture
def restore_language(qapp: QApplication) -> Iterator[None]:
    default = QLocale()
    yield
    install_translator(qapp, "en")
    QLocale.setDefault(default)


@pytest.mark.usefixtures("restore_language")
def test_widgets_come_out_german(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> None:
    installed = install_translator(qapp, "de")
    assert len(installed) == 2, "Gluteapp's and Qt's own German"
    assert QLocale().language() == QLocale.Language.German
    settings = Settings(tmp_path / "settings.ini")
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Einstellungen"
    assert [b.title() for b in dialog.findChildren(QGroupBox)] == [
        "Töne", "Einheit", "Erinnerungen", "Darstellung"]
    close = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    assert close.text() == "Schließen", "Qt's own buttons come from qtbase_de"
    first_run = FirstRunDialog(settings)
    qtbot.addWidget(first_run)
    assert first_run.accept_button.text() == "Verstanden"
    reminders = ReminderService(settings, use_tray=False)
    assert reminders.not_today_action.text() == "Heute nicht mehr"
    reminders.start()
    assert reminders.status_text() == "Gluteapp: nächste Pause in 45 Min."
    reminders.shutdown()

    assert install_translator(qapp, "en") == []
    english = SettingsDialog(settings)
    qtbot.addWidget(english)
    assert english.windowTitle() == "Settings"


@pytest.mark.usefixtures("restore_language")
def test_a_language_with_no_translation_stays_english(qapp: QApplication) -> None:
    assert install_translator(qapp, "fr") == []
    assert QApplication.translate("SettingsDialog", "Settings") == "Settings"
