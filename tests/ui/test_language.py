"""Renkei speaks the system's language unless the user chose one, words and dates alike."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from renkei.app.settings import LocalSettings
from renkei.i18n.language import catalogue_path, chosen_language, use_language
from renkei.i18n.words import date_text
from renkei.ui.main_window import MainWindow


def test_the_system_locale_decides_unless_the_user_chose(monkeypatch):
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    assert chosen_language("") == "ja"
    assert chosen_language("en") == "en"
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert chosen_language("") == "en"
    assert chosen_language("ja") == "ja"
    assert chosen_language("klingon") == "en"


def test_the_built_package_carries_both_catalogues():
    """The .qm files come from the build (setup.py runs lrelease), not from the repository."""
    assert catalogue_path("ja").stat().st_size > 10_000
    assert catalogue_path("en").exists()


def test_japanese_words_and_dates(japanese_ui):
    translate = QCoreApplication.translate
    assert translate("MainWindow", "&File") == "ファイル(&F)"
    assert translate("Kanban", "%n task(s)", "", 3) == "3件"
    assert QLocale().language() == QLocale.Language.Japanese
    assert date_text(date(2031, 12, 13), today=date(2031, 1, 1)) == "12月13日(土)"


def test_english_plurals_read_naturally(qapp):
    use_language("en")
    translate = QCoreApplication.translate
    assert translate("Kanban", "%n task(s)", "", 1) == "1 task"
    assert translate("Kanban", "%n task(s)", "", 4) == "4 tasks"


def test_contexts_and_the_domain_speak_the_chosen_language(japanese_ui):
    """Report.tr(text, "", n) and the domain's marked plurals reach the catalogue."""
    from renkei.domain.risk import RiskKind, RiskReason
    from renkei.i18n.contexts import Report
    from renkei.ui.text import risk_sentence

    assert Report.tr("%n hop(s)", "", 2) != "2 hop(s)"
    assert "2" in Report.tr("%n hop(s)", "", 2)
    sentence = risk_sentence(RiskReason(RiskKind.OVERDUE, (("days", 3),)))
    assert "3" in sentence and "Overdue" not in sentence


def test_main_window_in_japanese(japanese_ui, qtbot, demo_session):
    window = MainWindow(demo_session)
    qtbot.addWidget(window)
    menus = [action.text() for action in window.menuBar().actions()]
    assert "ファイル(&F)" in menus
    assert not any(text.startswith("&File") for text in menus)


PROBE = (
    "from PySide6.QtCore import QCoreApplication, QLocale;"
    "from renkei.ui.app import create_application;"
    "app = create_application();"
    "print(QCoreApplication.translate('MainWindow', '&File'), QLocale().name())"
)


def start_app(lang: str, chosen: str) -> str:
    """What a freshly started app says, under the locale ``lang`` and Preferences' ``chosen``."""
    settings = LocalSettings.load()
    settings.language = chosen
    settings.save()
    env = dict(os.environ, LANG=lang, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.mark.parametrize(
    ("lang", "chosen", "says"),
    [
        ("ja_JP.UTF-8", "", "ファイル(&F) ja_JP"),
        ("en_US.UTF-8", "", "&File en_US"),
        ("en_US.UTF-8", "ja", "ファイル(&F) ja_JP"),
        ("ja_JP.UTF-8", "en", "&File en_US"),
    ],
)
def test_a_started_app_follows_the_locale_unless_the_user_chose(lang, chosen, says):
    assert start_app(lang, chosen) == says
