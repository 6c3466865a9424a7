"""The Japanese catalogue keeps to its glossary (resources/translations/GLOSSARY.md): no word
the glossary rules out, and Japanese typography (、 ・ ： （）, no space before a counter, no
"·" or "—" inside a sentence). Each banned word came from a review of the translation; the
test keeps it from coming back."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
GLOSSARY = TRANSLATIONS / "GLOSSARY.md"


def japanese() -> list[tuple[str, str, str]]:
    """(context, source, translated form) for every form of every message."""
    found = []
    for context in ET.parse(TRANSLATIONS / "renkei_ja.ts").getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            numerus = list(translation.iter("numerusform"))
            for form in numerus or [translation]:
                found.append(
                    (context.findtext("name"), message.findtext("source"), form.text or "")
                )
    return found


def banned_words() -> list[str]:
    """The words of the glossary's "Not used" columns (the last cell of each table row)."""
    words = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        if line.startswith("|") and not line.startswith("|---"):
            last = line.strip().strip("|").split("|")[-1]
            words += re.findall(r"`([^`]+)`", last)
    return words


def test_the_glossary_bans_the_words_the_review_found():
    words = banned_words()
    for word in ("送り手", "受け手", "受け取り", "欠落", "途切れ", "流入元", "獲得経路", "放置"):
        assert word in words
    for word in ("連絡許諾", "差し戻し多発", "引き継ぎなし", "ext.", "遅延", "受け入れ"):
        assert word in words


@pytest.mark.parametrize("word", banned_words())
def test_no_translation_uses_a_banned_word(word):
    used = [(c, s, t) for c, s, t in japanese() if word in t]
    assert not used, f"{word!r} (see GLOSSARY.md) in: {used[:5]}"


COUNTER = "件|回|日|日間|営業日|文字|週間|時間|分|秒|人|個|枚|行|項目|種類|ページ"


def test_no_space_before_a_counter():
    spaced = [
        (c, s, t)
        for c, s, t in japanese()
        if re.search(rf"(\d|%n|%\d) ({COUNTER})", t)
        or re.search(rf"[ぁ-んァ-ヶー一-龠] (\d+|%n|%\d)({COUNTER})", t)
    ]
    assert not spaced, spaced[:5]


def test_no_latin_separators_inside_japanese():
    # A lone "—" is an empty table cell; anywhere else it and "·" or "–" are Latin typography.
    found = [(c, s, t) for c, s, t in japanese() if t != "—" and re.search("[·—–]", t)]
    assert not found, found[:5]


def test_full_width_colon_and_parentheses():
    found = []
    for c, s, t in japanese():
        t = re.sub(r"%\(\w+\)", "%", t)  # argparse's placeholders: "%(prog)s"
        if re.search(r"[ぁ-んァ-ヶ一-龠]: ", t):
            found.append((c, s, t))
        # ASCII parentheses only round a mnemonic "(&F)" or a file filter "(*.pdf)".
        for inner in re.findall(r"\(([^()]*)\)", t):
            if not inner.startswith(("&", "*")):
                found.append((c, s, t))
    assert not found, found[:5]


def test_lists_join_with_the_japanese_comma():
    by_source = {(c, s): t for c, s, t in japanese()}
    assert by_source[("History", ", ")] == "、"
