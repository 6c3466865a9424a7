"""Where lines break (renkei/render/line_breaks.py): Japanese by phrase with kinsoku, names
whole, Latin at spaces. Widths come from a fixed-pitch ruler (a Japanese character 1, a Latin
one 0.5), so the expected lines below were worked out by hand."""

from __future__ import annotations

import pytest

from renkei.render.line_breaks import (
    NO_LINE_END,
    NO_LINE_START,
    break_lines,
    break_opportunities,
)


def ruler(text: str) -> float:
    return sum(0.5 if ord(ch) < 0x2000 else 1.0 for ch in text)


def test_latin_breaks_at_spaces_only():
    assert break_lines("Call Minato Pharma about the budget", ruler, 8) == [
        "Call Minato",
        "Pharma about the",
        "budget",
    ]


def test_text_that_fits_is_one_line_and_empty_text_no_line():
    assert break_lines("引き継ぎ先", ruler, 10) == ["引き継ぎ先"]
    assert break_lines("", ruler, 10) == []


def test_a_newline_always_breaks():
    assert break_lines("受領済み\n引き受け待ち", ruler, 20) == ["受領済み", "引き受け待ち"]


@pytest.mark.parametrize(
    "word",
    [
        "ナーチャリング",
        "インサイドセールス",
        "フィールドセールス",
        "エミリー・カーター",
        "連絡許諾",
    ],
)
def test_words_and_names_are_never_split(word):
    text = f"明日までに{word}の件を確認してから、{word}に連絡します。"
    for width in range(len(word), 20):
        lines = break_lines(text, ruler, width)
        assert "".join(lines) == text
        # The word is whole on one line wherever it occurs.
        assert sum(line.count(word) for line in lines) == 2, (width, lines)


def test_phrases_from_budoux():
    assert break_lines("インサイドセールスからフィールドセールスへ引き継ぎ", ruler, 11) == [
        "インサイドセールスから",
        "フィールドセールスへ",
        "引き継ぎ",
    ]
    assert break_lines("ナーチャリング施策の連絡許諾を確認します", ruler, 10) == [
        "ナーチャリング施策の",
        "連絡許諾を確認します",
    ]
    assert break_lines("ナーチャリング施策の連絡許諾を確認します", ruler, 9) == [
        "ナーチャリング",
        "施策の連絡許諾を",
        "確認します",
    ]


def test_no_line_starts_with_n_and_a_full_stop():
    # Broken at every character, the last line would be 「ん。」.
    lines = break_lines("引き継ぎがまだ受領されていません。", ruler, 7)
    assert lines == ["引き継ぎがまだ", "受領されていま", "せん。"]
    assert not any(line.startswith("ん") for line in lines)


def test_kinsoku_small_kana_punctuation_and_brackets():
    text = "「リードソース」が未記入のまま、引き継ぎ先へ送られました。ショップ、チェック。"
    for width in range(4, 30):
        lines = break_lines(text, ruler, width)
        assert "".join(lines) == text
        for line in lines[1:]:
            assert line[0] not in NO_LINE_START, (width, lines)
        for line in lines[:-1]:
            assert line[-1] not in NO_LINE_END, (width, lines)


def test_a_named_span_is_never_broken_even_at_its_space():
    text = "森 健太さんへの引き継ぎ"
    assert break_opportunities(text) == [2, 8]  # after the space, after への
    assert break_opportunities(text, ["森 健太"]) == [8]
    lines = break_lines(text, ruler, 4.5, unbreakable=["森 健太"])
    assert lines == ["森 健太", "さんへの", "引き継ぎ"]


def test_a_piece_wider_than_the_line_is_cut_where_the_script_changes():
    # 受領されていません。 is one phrase wider than 5: cut where a word starts (まだ|受領),
    # never inside 受領 nor before the okurigana (受領|されて), then where it fits.
    assert break_lines("まだ受領されていません。", ruler, 5) == ["まだ", "受領されて", "いません。"]
    # A Latin word wider than the line starts on its own line and is cut there.
    assert break_lines("Call Supercalifragilistic", ruler, 4) == [
        "Call",
        "Supercal",
        "ifragili",
        "stic",
    ]


def test_max_lines_ends_the_last_kept_line_with_an_ellipsis():
    text = "インサイドセールスからフィールドセールスへ引き継ぎ"
    lines = break_lines(text, ruler, 11, max_lines=2)
    assert lines == ["インサイドセールスから", "フィールドセールスへ…"]
    assert all(ruler(line) <= 11 for line in lines)
    assert break_lines("Call Minato Pharma", ruler, 20, max_lines=1) == ["Call Minato Pharma"]


def test_real_font_metrics(qapp):
    from PySide6.QtGui import QFont, QFontMetricsF

    metrics = QFontMetricsF(QFont("Noto Sans CJK JP", 12))
    width = metrics.horizontalAdvance("インサイドセールスから") + 1
    lines = break_lines(
        "インサイドセールスからフィールドセールスへ引き継ぎ", metrics.horizontalAdvance, width
    )
    assert all(metrics.horizontalAdvance(line) <= width for line in lines)
    assert "インサイドセールス" in lines[0] and "フィールドセールス" in lines[1]


def test_every_japanese_demo_title_breaks_by_the_rules():
    """Each title and description of the Japanese demo, at widths from 5 to 24 characters:
    nothing lost (but the spaces a break takes), no kinsoku character at a line's start or
    end, and no katakana word and no person's name (passed as unbreakable) split across
    lines when it fits on one with what kinsoku keeps beside it."""
    import re

    from renkei.demo.story import load_story

    story = load_story("ja")
    names = [p["name"] for p in story.people]
    texts = [t["title"] for t in story.tasks] + [t["description"] for t in story.tasks[:20]]
    katakana = re.compile(r"[ァ-ヺー]+(?:・[ァ-ヺー]+)*")
    for text in texts:
        words = [w for w in katakana.findall(text) if len(w) > 1]
        for width in range(5, 25):
            lines = break_lines(text, ruler, width, unbreakable=names)
            assert "".join(lines).replace(" ", "") == text.replace("\n", "").replace(" ", "")
            for line in lines[1:]:
                assert line[0] not in NO_LINE_START, (text, width, lines)
            for line in lines[:-1]:
                assert line[-1] not in NO_LINE_END, (text, width, lines)
            for word in words + [n for n in names if n in text]:
                # Room for the word and what kinsoku keeps with it (a bracket, a 。).
                if ruler(word) + 2 <= width:
                    assert any(word in line for line in lines), (word, width, lines)
