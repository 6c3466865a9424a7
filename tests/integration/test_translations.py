"""The translation catalogue is Qt's lupdate's reading of the code: every string a user can
see is in it, with a finished Japanese translation that keeps its placeholders."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import update_translations  # noqa: E402

PLACEHOLDERS = re.compile(r"%\d|%n|\{\w+\}|</?\w+[^>]*>")


def messages(ts: Path) -> dict[tuple[str, str, bool], ET.Element]:
    """(context, source, has plural forms) -> the <translation> element."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            key = (
                context.findtext("name") or "",
                message.findtext("source") or "",
                message.get("numerus") == "yes",
            )
            found[key] = message.find("translation")
    return found


def committed(language: str) -> dict[tuple[str, str, bool], ET.Element]:
    return messages(update_translations.TRANSLATIONS / f"renkei_{language}.ts")


def forms(translation: ET.Element) -> list[str]:
    numerus = list(translation.iter("numerusform"))
    return [form.text or "" for form in numerus] if numerus else [translation.text or ""]


@pytest.fixture(scope="module")
def read_by_lupdate(tmp_path_factory) -> set[tuple[str, str, bool]]:
    ts = tmp_path_factory.mktemp("lupdate") / "fresh.ts"
    update_translations.lupdate(ts, "ja")
    return set(messages(ts))


def test_lupdate_reads_the_same_messages_as_the_catalogue(read_by_lupdate):
    """Fails when code and catalogue part: run `python packaging/update_translations.py
    update`, then translate what arrives unfinished in resources/translations/renkei_ja.ts."""
    assert len(read_by_lupdate) > 900
    assert ("MainWindow", "&File", False) in read_by_lupdate
    assert ("Report", "%n hop(s)", True) in read_by_lupdate  # Report.tr(text, "", n)
    assert ("Risk", "Overdue: was due %n day(s) ago.", True) in read_by_lupdate  # the domain's
    assert set(committed("ja")) == read_by_lupdate
    assert set(committed("en")) == {m for m in read_by_lupdate if m[2]}


@pytest.mark.parametrize("language", ["ja", "en"])
def test_every_string_has_a_finished_translation(language):
    """No unfinished, vanished or obsolete entries, and no empty form."""
    unfinished = [
        f"[{context}] {source}"
        for (context, source, _), translation in committed(language).items()
        if translation.get("type") or not all(form.strip() for form in forms(translation))
    ]
    assert unfinished == []


@pytest.mark.parametrize("language", ["ja", "en"])
def test_translations_keep_every_placeholder(language):
    """A lost %1 or %n would show the wrong number, or none."""
    wrong = [
        f"[{context}] {source!r} -> {form!r}"
        for (context, source, _), translation in committed(language).items()
        for form in forms(translation)
        if sorted(PLACEHOLDERS.findall(form)) != sorted(PLACEHOLDERS.findall(source))
    ]
    assert wrong == []


def test_japanese_menus_keep_their_accelerators():
    """ "&File" becomes "ファイル(&F)": the Alt key still reaches every menu."""
    lost = [
        f"{source!r} -> {translation.text!r}"
        for (_, source, _), translation in committed("ja").items()
        if re.search(r"&\w", source) and not re.search(r"&\w", translation.text or "")
    ]
    assert lost == []


def test_lupdate_reads_each_way_the_code_marks_a_string(tmp_path, monkeypatch):
    """The forms renkei.i18n documents, as lupdate files them (context, plural or not).

    (Mind lupdate's one quirk: a ``Context.tr`` or ``self.tr`` whose nearest preceding name
    is ``QCoreApplication`` in ``QCoreApplication.translate(…)``, with only strings and
    brackets between, gets the context "QCoreApplication.Context"; the catalogue test above
    catches it.)"""
    (tmp_path / "view.py").write_text(
        "from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP\n"
        "from renkei.i18n import arg\n"
        "from renkei.i18n.contexts import Report\n"
        "WORD = QT_TRANSLATE_NOOP('Words', 'Late')\n"
        "class Panel:\n"
        "    def build(self, tasks):\n"
        "        self.tr('Save')\n"
        "        self.tr('%n row(s)', '', len(tasks))\n"
        "        Report.tr('%n hop(s)', '', len(tasks) - 1)\n"
        "        QCoreApplication.translate('App', 'Quit')\n"
        "        arg(QCoreApplication.translate('App', 'Open %1'), 'x')\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(update_translations, "SOURCES", tmp_path)
    ts = tmp_path / "out.ts"
    update_translations.lupdate(ts, "ja")
    assert set(messages(ts)) == {
        ("Words", "Late", False),
        ("Panel", "Save", False),
        ("Panel", "%n row(s)", True),
        ("App", "Quit", False),
        ("App", "Open %1", False),
        ("Report", "%n hop(s)", True),
    }


def test_the_build_compiles_every_catalogue(tmp_path):
    """setup.py's build step: one .qm per .ts, made by Qt's lrelease."""
    built = update_translations.build(tmp_path)
    assert sorted(p.name for p in built) == ["renkei_en.qm", "renkei_ja.qm"]
    assert all(p.stat().st_size > 100 for p in built)
    subprocess.run(
        [update_translations.tool("lrelease"), "-version"], check=True, capture_output=True
    )
