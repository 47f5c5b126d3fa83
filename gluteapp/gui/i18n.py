"""Loads the app's translation (compiled into the resources) and Qt's own, for one language."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

#: Languages with a translation in :/i18n; English is the source language.
TRANSLATED = ("de",)
RESOURCE_DIR = ":/i18n"

_installed: list[QTranslator] = []
#: English plural forms ("1 set", "2 sets"): the code says "%n sets" once, for every language.
_plural_forms: list[QTranslator] = []
#: The language of the texts shown: "de" while the German translation is installed, else "en".
_shown_language = ["en"]


def shown_language() -> str:
    """The language the installed translation shows ("en" when none is): the library, the
    routines, the pages and the voice clips follow it."""
    return _shown_language[0]


def locale_for(language: str) -> QLocale:
    """The locale for a LANGUAGE setting: "system", or a language code such as "de".

    A system without a language (the C or POSIX locale: no LANG set) is shown in English with
    dates as British English writes them: the C locale's own day-month-year order and 24-hour
    clock, with separators ("07/12/2026 09:12", where C itself writes "7 12 2026 09:12").
    """
    if language != "system":
        return QLocale(language)
    system = QLocale.system()
    if system.language() == QLocale.Language.C:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return system


def _load(translator: QTranslator, locale: QLocale, name: str, directory: str) -> bool:
    # With a QLocale, QTranslator tries every UI language of the locale in order (de_AT, de...).
    return translator.load(locale, name, "_", directory, ".qm")


def install_translator(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the translators for `language` ("system", "en", "de"), replacing earlier ones.

    Call it before any window is built: widgets translate their texts when they are made.
    Returns what was installed (empty for English, or when no translation matches).
    """
    from gluteapp.gui import resources  # noqa: F401 - registers :/i18n

    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    install_plural_forms(app)
    _shown_language[0] = "en"
    locale = locale_for(language)
    if language != "system" or locale != QLocale.system():
        # Numbers and dates follow the chosen language too (spin boxes, history dates).
        QLocale.setDefault(locale)
    if locale.language() in (QLocale.Language.English, QLocale.Language.C):
        return []
    own = QTranslator(app)
    if not _load(own, locale, "gluteapp", RESOURCE_DIR):
        log.info("no Gluteapp translation for %s; staying in English", locale.name())
        own.deleteLater()
        return []
    translators = [own]
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_own = QTranslator(app)
    # Qt's own texts: standard buttons (OK, Cancel), context menus of text fields.
    if _load(qt_own, locale, "qtbase", qt_dir):
        translators.append(qt_own)
    else:
        log.info("Qt's own %s translation is not installed in %s", locale.name(), qt_dir)
        qt_own.deleteLater()
    for translator in translators:
        app.installTranslator(translator)
        _installed.append(translator)
    code = QLocale.languageToCode(locale.language())
    _shown_language[0] = code if code in TRANSLATED else "en"
    log.info("language: %s", locale.name())
    return translators


def install_plural_forms(app: QCoreApplication) -> None:
    """English's own "1 set" for a text written "%n sets", once, below any other translation.

    Qt asks the translators installed last first, so a German translation installed after this
    one still gives its own plural forms; English, the source language, has only these.
    """
    from gluteapp.gui import resources  # noqa: F401 - registers :/i18n, wherever this is called

    if _plural_forms:
        return
    english = QTranslator(app)
    if not english.load(f"{RESOURCE_DIR}/gluteapp_en.qm"):
        log.info("no English plural forms in %s; a count of 1 may read '1 sets'", RESOURCE_DIR)
        english.deleteLater()
        return
    app.installTranslator(english)
    _plural_forms.append(english)
