"""The translation catalogue keeps up with the code: every string a user can see has a
finished Japanese translation, with the same placeholders."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
import translations  # noqa: E402

PLACEHOLDERS = re.compile(r"%\d|%n|\{\w+\}|</?\w+[^>]*>")


@pytest.fixture(scope="module")
def extraction() -> translations.Extraction:
    return translations.extract()


def test_every_translatable_string_is_found_with_a_certain_context(extraction):
    """obj.tr() is looked up under obj's class at run time; the code must say which."""
    assert extraction.problems == []
    assert len(extraction.messages) > 500
    assert translations.Message("MainWindow", "&File") in extraction.messages


@pytest.mark.parametrize("language", translations.LANGUAGES)
def test_every_string_has_a_finished_translation(language):
    """Fails on a new untranslated string: run `python packaging/translations.py update`,
    translate the new entries in resources/translations/renkei_<lang>.ts, then `check`."""
    untranslated = [f"[{m.context}] {m.source}" for m in translations.missing(language)]
    assert untranslated == []


@pytest.mark.parametrize("language", translations.LANGUAGES)
def test_the_catalogue_holds_nothing_the_code_no_longer_says(language):
    """Old entries are dropped by `update`, so translators never work on dead strings."""
    have = set(translations.read_ts(translations.ts_path(language)))
    assert have - set(translations.required(language)) == set()


@pytest.mark.parametrize("language", translations.LANGUAGES)
def test_translations_keep_every_placeholder(language):
    """A lost %1 or {days} would show the wrong number or raise at run time."""
    wrong = []
    for message, translation in translations.read_ts(translations.ts_path(language)).items():
        wanted = sorted(PLACEHOLDERS.findall(message.source))
        for form in translation.text.split("\x9c"):
            if sorted(PLACEHOLDERS.findall(form)) != wanted:
                wrong.append(f"[{message.context}] {message.source!r} -> {form!r}")
    assert wrong == []


def test_japanese_menus_keep_their_accelerators():
    """ "&File" becomes "ファイル(&F)": the Alt key still reaches every menu."""
    catalogue = translations.read_ts(translations.ts_path("ja"))
    lost = [
        f"{m.source!r} -> {t.text!r}"
        for m, t in catalogue.items()
        if re.search(r"&\w", m.source) and not re.search(r"&\w", t.text)
    ]
    assert lost == []


def test_the_extractor_reads_each_way_the_code_translates(tmp_path):
    """self.tr, a context wrapper, the shared tr, Qt's translate and the no-op marker."""
    package = tmp_path / "renkei"
    package.mkdir()
    (package / "words.py").write_text(
        "from PySide6.QtCore import QCoreApplication\n"
        "def tr(context, text):\n    return QCoreApplication.translate(context, text)\n"
    )
    (package / "view.py").write_text(
        "from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP\n"
        "from renkei.words import tr\n"
        "def _t(text):\n    return QCoreApplication.translate('View', text)\n"
        "def _tn(text, n):\n    return QCoreApplication.translate('View', text, '', n)\n"
        "WORD = QT_TRANSLATE_NOOP('Words', 'Late')\n"
        "class Panel:\n"
        "    def build(self, parent, name):\n"
        "        self.tr('Save')\n        _t('Zoom')\n        _tn('%n day(s)', 3)\n"
        "        tr('Report', 'Summary')\n        tr('Report', name)\n"
        "        QCoreApplication.translate('App', 'Quit')\n        parent.tr('Oops')\n"
        "        self.tr('Close', 'the window')\n"
    )
    found = translations.extract(package)
    M = translations.Message
    assert set(found.messages) == {
        M("Words", "Late"),
        M("Panel", "Save"),
        M("View", "Zoom"),
        M("View", "%n day(s)", numerus=True),
        M("Report", "Summary"),
        M("App", "Quit"),
        M("Panel", "Close"),
    }
    assert len(found.problems) == 2
    assert "view.py:16: tr() on something other than self" in found.problems[0]
    assert "view.py:17: a disambiguation comment" in found.problems[1]
