"""The shared words' Japanese typography (renkei/i18n/words.py): one date style, ranges with
〜, lists with 、, no "·" between parts, moments as 12月4日(金) 04:20 — and English as it was."""

from __future__ import annotations

from datetime import date, datetime

from renkei.i18n.words import (
    bounce_word,
    date_range_text,
    date_text,
    join_list,
    moment_words,
    parts_text,
)

TODAY = date(2026, 12, 8)


def test_japanese_dates_ranges_lists_and_parts(japanese_ui):
    assert date_text(date(2026, 12, 8), TODAY) == "12月8日(火)"
    assert date_text(date(2027, 1, 3), TODAY) == "2027年1月3日(日)"
    assert date_range_text(date(2026, 12, 8), date(2026, 12, 20), TODAY) == (
        "12月8日(火)〜12月20日(日)"
    )
    assert date_range_text(date(2026, 12, 8), date(2026, 12, 8), TODAY) == "12月8日(火)"
    assert join_list(["予算", "ニーズ"]) == "予算、ニーズ"
    assert parts_text(["インサイドセールス", None, "未着手"]) == "インサイドセールス／未着手"
    assert moment_words(datetime(2026, 12, 4, 4, 20)) == "12月4日(金) 04:20"
    assert bounce_word("returned", "missing_information", ["budget", "need"]) == (
        "差し戻し：予算、ニーズが未記入"
    )


def test_english_is_unchanged(qapp):
    assert date_range_text(date(2026, 12, 8), date(2026, 12, 20), TODAY) == (
        "Tue 8 Dec – Sun 20 Dec"
    )
    assert join_list(["Budget", "Need"]) == "Budget, Need"
    assert parts_text(["Inside Sales", "To do"]) == "Inside Sales · To do"
    assert moment_words(datetime(2026, 12, 4, 4, 20)) == "2026-12-04 04:20"
