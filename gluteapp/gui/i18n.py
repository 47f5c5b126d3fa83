"""Loads the app's translation (compiled into the resources) and Qt's own, for one language."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

#: Languages with a translation in :/i18n; English is the source language.
TRANSLATED = ("de",)
RESOURCE_DIR = ":/i18n"

_installed: list[QTranslator] = []


def locale_for(language: str) -> QLocale:
    """The locale for a LANGUAGE setting: "system", or a language code such as "de"."""
    return QLocale.system() if language == "system" else QLocale(language)


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
    locale = locale_for(language)
    if language != "system":
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
    log.info("language: %s", locale.name())
    return translators
