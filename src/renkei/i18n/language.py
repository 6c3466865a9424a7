"""The language Renkei speaks: the system's, unless the user chose one in Preferences.

The words come from Qt's translation catalogues: ours (``renkei_ja.qm``, built from the
``.ts`` sources under resources/translations/ when the package is built) and Qt's own for
its standard dialogs. Dates and numbers follow the same choice through the default QLocale.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from renkei.domain.i18n import system_language

LANGUAGES = ("en", "ja")
_LOCALES = {
    "en": (QLocale.Language.English, QLocale.Country.UnitedStates),
    "ja": (QLocale.Language.Japanese, QLocale.Country.Japan),
}
# The installed translators: Qt keeps only a pointer, so Python must hold them.
_installed: list[QTranslator] = []
# The application a command-line process makes to be translated (see ``speaking``).
_made: list[QCoreApplication] = []


class TranslationsMissing(RuntimeError):
    """The build did not produce the catalogue for a language (packaging/update_translations.py
    builds it)."""


def chosen_language(setting: str = "") -> str:
    """'ja' or 'en': the Preferences choice, else the system locale's language."""
    return setting if setting in LANGUAGES else system_language()


def catalogue_path(language: str) -> Path:
    return Path(str(resources.files("renkei.resources") / "translations" / f"renkei_{language}.qm"))


def use_language(setting: str = "") -> str:
    """Speak ``setting`` ('', 'en' or 'ja') from now on; returns the language in use.

    Needs a QCoreApplication. Translated text is read when a widget is built, so call this
    before the first window opens (changing it later applies to new windows only).
    """
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("use_language needs a QCoreApplication")
    language = chosen_language(setting)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if setting in LANGUAGES:
        # A choice over the system's: dates and numbers follow the words' language too.
        QLocale.setDefault(QLocale(*_LOCALES[language]))
    ours = catalogue_path(language)
    if ours.exists():
        _load(app, str(ours))
    elif language != "en":  # English needs no catalogue beyond the plural forms
        raise TranslationsMissing(f"{ours} is missing: the package was built without it")
    qt_own = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    if language != "en" and (qt_own / f"qtbase_{language}.qm").exists():
        _load(app, str(qt_own / f"qtbase_{language}.qm"))
    return language


def _load(app: QCoreApplication, path: str) -> None:
    translator = QTranslator(app)
    if translator.load(path):
        app.installTranslator(translator)
        _installed.append(translator)


@contextmanager
def speaking(setting: str = "") -> Iterator[str]:
    """Speak ``setting`` ('', 'en' or 'ja') until the block ends, then as before: for a
    command's printed words (``renkei history``). Dates follow the words' language. A process
    with no Qt application gets a QCoreApplication, which translating needs, unless English
    (the source text) is all it speaks."""
    language = chosen_language(setting)
    before = QLocale()
    QLocale.setDefault(QLocale(*_LOCALES[language]))
    added: list[QTranslator] = []
    app = QCoreApplication.instance()
    try:
        if language != "en":
            if app is None:
                app = QCoreApplication(sys.argv[:1])
                _made.append(app)
            ours = catalogue_path(language)
            if not ours.exists():
                raise TranslationsMissing(f"{ours} is missing: the package was built without it")
            translator = QTranslator(app)
            if translator.load(str(ours)):
                app.installTranslator(translator)
                added.append(translator)
        yield language
    finally:
        for translator in added:
            if app is not None:
                app.removeTranslator(translator)
        QLocale.setDefault(before)
